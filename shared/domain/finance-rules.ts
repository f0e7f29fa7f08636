import type { Call } from '../api/schemas/call.schema.ts';
import type {
  DraftContent,
  FinancePlan,
  FinanceTotals,
  ProjectDates,
  StaffLine,
} from '../api/schemas/draft.schema.ts';
import type { LocalizedText } from '../http/language.ts';
import type { RuleViolation } from './errors.ts';
import { missingBeforeSubmit } from './finance-rules-missing.ts';
import {
  divRoundHalfUp,
  FULL_BPS,
  formatEuro,
  formatPercent,
  mulDivCeil,
  mulDivFloor,
  sumCents,
} from './money.ts';
import { formatDate, projectMonths, yearOf } from './project-period.ts';

/**
 * The finance rules of a draft (Kosten- und Finanzierungsplan and project period) against its call: the
 * one implementation that the API enforces at submit and the browser shows while the treasurer types.
 * Pure: no I/O, no clock, no floats in money.
 *
 * Why integers stay exact (limits from draft.schema.ts): a staff line is at most
 * 2,000,000 ct × 10,000 bps × 60 months = 1.2·10^12 before dividing, at most 1.2·10^8 ct after; material
 * and fees are at most 100 lines × 10^11 ct = 10^13 each; so direct costs < 2.0007·10^13, the admin flat
 * rate at most as much, total costs < 4.002·10^13, financing ≤ 22 × 10^11 ct, the years ≤ 6 × 10^11 ct
 * — all far below 2^53 ≈ 9·10^15. Only products with a rate (direct × bps, total × bps) can pass 2^53
 * (≈ 4·10^17); those are taken in BigInt (money.ts).
 */

export type LegalForm = Call['eligibleLegalForms'][number];

/** The parts of a call the rules need (so the browser can pass the public call view as it is). */
export type CallForDraftCheck = Pick<Call, 'rules' | 'projectPeriod' | 'eligibleLegalForms'>;

export interface DraftCheckContext {
  /** The applicant organisation's legal form, when known. */
  legalForm?: LegalForm;
}

export interface DraftCheck {
  totals: FinanceTotals;
  /** Rules broken by what is entered: shown while typing, and submit refuses while there are any. */
  violations: RuleViolation[];
  /** What must still be filled in before submit (code `required`). */
  missing: RuleViolation[];
}

/** Every code `violations` can carry; `missing` always uses `required`. */
export const VIOLATION_CODES = [
  'plan-unbalanced',
  'max-grant-exceeded',
  'funding-rate-exceeded',
  'own-share-too-low',
  'period-starts-too-early',
  'period-ends-too-late',
  'period-end-before-start',
  'period-too-long',
  'staff-months-exceed-period',
  'year-outside-period',
  'duplicate-year',
  'years-unbalanced',
  'duplicate-id',
  'legal-form-not-eligible',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

/** A staff line's cost: full-time month × share of hours × months, rounded to the cent (halves up). */
export function staffLineCostCents(
  line: Pick<StaffLine, 'monthlyFullTimeCents' | 'hoursShareBps' | 'months'>,
) {
  return divRoundHalfUp(
    BigInt(line.monthlyFullTimeCents) * BigInt(line.hoursShareBps) * BigInt(line.months),
    FULL_BPS,
  );
}

/** The computed figures of a finance plan; an absent plan is all zeros. */
export function financeTotals(plan: FinancePlan | undefined, adminFlatRateBps: number): FinanceTotals {
  const staffCents = sumCents((plan?.staff ?? []).map(staffLineCostCents));
  const materialCents = sumCents(amountsOf(plan?.material));
  const feesCents = sumCents(amountsOf(plan?.fees));
  const directCostsCents = staffCents + materialCents + feesCents;
  // Floored, so the flat rate claimed never exceeds the rate the call allows.
  const adminFlatRateCents = plan?.claimsAdminFlatRate
    ? mulDivFloor(directCostsCents, adminFlatRateBps, FULL_BPS)
    : 0;
  const totalCostsCents = directCostsCents + adminFlatRateCents;
  // Third-party funds count whether granted or only applied for: the form asks for both, and the call
  // sets no rule on the status (if an application is refused, the plan has to be revised anyway).
  const thirdPartyCents = sumCents(amountsOf(plan?.thirdParty));
  const ownContributionCents = plan?.ownContributionCents ?? 0;
  const requestedGrantCents = plan?.requestedGrantCents ?? 0;
  const totalFinancingCents = ownContributionCents + thirdPartyCents + requestedGrantCents;
  return {
    staffCents,
    materialCents,
    feesCents,
    directCostsCents,
    adminFlatRateCents,
    totalCostsCents,
    thirdPartyCents,
    ownContributionCents,
    requestedGrantCents,
    totalFinancingCents,
    ...(totalCostsCents > 0
      ? {
          fundingRateBps: mulDivFloor(requestedGrantCents, FULL_BPS, totalCostsCents),
          ownShareBps: mulDivFloor(ownContributionCents, FULL_BPS, totalCostsCents),
        }
      : {}),
  };
}

/**
 * Checks a draft against its call. `violations` are rules broken by what is entered; an empty draft
 * breaks none. `missing` lists what submit still needs. Paths are dotted field paths of the draft
 * content (`financePlan.staff.2.months`) naming the field to correct: a line named by index exists, but
 * `financePlan.requestedGrantCents` and `financePlan.ownContributionCents` may still be empty (that is
 * where an unbalanced plan or a too-low own share is fixed). Two paths are aggregates: `financePlan.perYear`
 * (the split by year as a whole) and `orgId` (the applicant's legal form, which is not part of the draft).
 */
export function checkDraft(
  content: DraftContent,
  call: CallForDraftCheck,
  context: DraftCheckContext = {},
): DraftCheck {
  const plan = content.financePlan;
  const totals = financeTotals(plan, call.rules.adminFlatRateBps);
  const months = periodMonths(content.projectPeriod);
  const violations = [
    ...financingViolations(totals, call.rules),
    ...periodViolations(content.projectPeriod, months, call.projectPeriod),
    ...staffMonthViolations(plan, months),
    ...perYearViolations(plan, content.projectPeriod, months, totals),
    ...duplicateIdViolations(plan),
    ...legalFormViolations(context.legalForm, call.eligibleLegalForms),
  ];
  return { totals, violations, missing: missingBeforeSubmit(content) };
}

function financingViolations(totals: FinanceTotals, rules: CallForDraftCheck['rules']): RuleViolation[] {
  const found: RuleViolation[] = [];
  const total = totals.totalCostsCents;
  const financing = totals.totalFinancingCents;
  const requested = totals.requestedGrantCents;
  const own = totals.ownContributionCents;
  const money = (cents: number) => ({ de: formatEuro(cents, 'de'), en: formatEuro(cents, 'en') });
  const percent = (bps: number) => ({ de: formatPercent(bps, 'de'), en: formatPercent(bps, 'en') });

  // With nothing entered both sides are 0, so an empty plan balances.
  if (financing < total) {
    const [f, t, gap] = [money(financing), money(total), money(total - financing)];
    found.push(
      violation('financePlan.requestedGrantCents', 'plan-unbalanced', {
        de: `Die Finanzierung (${f.de}) deckt die Gesamtkosten (${t.de}) nicht: es fehlen ${gap.de}. Eigenanteil, Drittmittel und beantragter Zuschuss müssen zusammen genau die Gesamtkosten ergeben.`,
        en: `The financing (${f.en}) does not cover the total costs (${t.en}): ${gap.en} is missing. Own contribution, third-party funds and the requested grant must add up to exactly the total costs.`,
      }),
    );
  } else if (financing > total) {
    const [f, t, excess] = [money(financing), money(total), money(financing - total)];
    found.push(
      violation('financePlan.requestedGrantCents', 'plan-unbalanced', {
        de: `Die Finanzierung (${f.de}) übersteigt die Gesamtkosten (${t.de}) um ${excess.de}. Eigenanteil, Drittmittel und beantragter Zuschuss müssen zusammen genau die Gesamtkosten ergeben.`,
        en: `The financing (${f.en}) exceeds the total costs (${t.en}) by ${excess.en}. Own contribution, third-party funds and the requested grant must add up to exactly the total costs.`,
      }),
    );
  }

  if (requested > rules.maxGrantCents) {
    const [r, max] = [money(requested), money(rules.maxGrantCents)];
    found.push(
      violation('financePlan.requestedGrantCents', 'max-grant-exceeded', {
        de: `Der beantragte Zuschuss (${r.de}) übersteigt den Höchstbetrag dieses Aufrufs (${max.de}).`,
        en: `The requested grant (${r.en}) exceeds this call's maximum (${max.en}).`,
      }),
    );
  }

  // Rates are compared exactly, never via the floored basis points (9000.3 bps floors to an allowed
  // 9000). For whole cents, requested ≤ floor(total × max / 10,000) ⇔ requested × 10,000 ≤ max × total,
  // and own ≥ ceil(total × min / 10,000) ⇔ own × 10,000 ≥ min × total: the cross-multiplication, in
  // BigInt, with the limit in euros for the message. Without costs there is no rate; the unbalanced
  // plan is reported above.
  if (total > 0) {
    const highestGrant = mulDivFloor(total, rules.maxFundingRateBps, FULL_BPS);
    if (requested > highestGrant) {
      const [r, t, h, rate] = [
        money(requested),
        money(total),
        money(highestGrant),
        percent(rules.maxFundingRateBps),
      ];
      found.push(
        violation('financePlan.requestedGrantCents', 'funding-rate-exceeded', {
          de: `Der beantragte Zuschuss (${r.de}) ist zu hoch: dieser Aufruf fördert höchstens ${rate.de} der Gesamtkosten (${t.de}), also höchstens ${h.de}.`,
          en: `The requested grant (${r.en}) is too high: this call funds at most ${rate.en} of the total costs (${t.en}), that is at most ${h.en}.`,
        }),
      );
    }
    const lowestOwn = mulDivCeil(total, rules.minOwnShareBps, FULL_BPS);
    if (own < lowestOwn) {
      const [o, t, l, share] = [money(own), money(total), money(lowestOwn), percent(rules.minOwnShareBps)];
      found.push(
        violation('financePlan.ownContributionCents', 'own-share-too-low', {
          de: `Der Eigenanteil (${o.de}) ist zu niedrig: dieser Aufruf verlangt mindestens ${share.de} der Gesamtkosten (${t.de}), also mindestens ${l.de}.`,
          en: `The own contribution (${o.en}) is too low: this call requires at least ${share.en} of the total costs (${t.en}), that is at least ${l.en}.`,
        }),
      );
    }
  }
  return found;
}

/** The project's length in months, when both dates are entered and the end is not before the start. */
function periodMonths(period: ProjectDates | undefined): number | undefined {
  if (!period?.start || !period.end) return undefined;
  return projectMonths(period.start, period.end);
}

function periodViolations(
  period: ProjectDates | undefined,
  months: number | undefined,
  allowed: CallForDraftCheck['projectPeriod'],
): RuleViolation[] {
  const found: RuleViolation[] = [];
  const start = period?.start;
  const end = period?.end;
  const date = (iso: string) => ({ de: formatDate(iso, 'de'), en: formatDate(iso, 'en') });
  if (start && start < allowed.earliestStart) {
    const [s, earliest] = [date(start), date(allowed.earliestStart)];
    found.push(
      violation('projectPeriod.start', 'period-starts-too-early', {
        de: `Der Projektbeginn (${s.de}) liegt vor dem frühesten Beginn dieses Aufrufs (${earliest.de}).`,
        en: `The project start (${s.en}) is before this call's earliest start (${earliest.en}).`,
      }),
    );
  }
  if (end && end > allowed.latestEnd) {
    const [e, latest] = [date(end), date(allowed.latestEnd)];
    found.push(
      violation('projectPeriod.end', 'period-ends-too-late', {
        de: `Das Projektende (${e.de}) liegt nach dem spätesten Ende dieses Aufrufs (${latest.de}).`,
        en: `The project end (${e.en}) is after this call's latest end (${latest.en}).`,
      }),
    );
  }
  // Both days are included, so start = end is a valid one-day project (a festival, a workshop day);
  // only an end before the start is wrong.
  if (start && end && end < start) {
    const [s, e] = [date(start), date(end)];
    found.push(
      violation('projectPeriod.end', 'period-end-before-start', {
        de: `Das Projektende (${e.de}) liegt vor dem Projektbeginn (${s.de}).`,
        en: `The project end (${e.en}) is before the project start (${s.en}).`,
      }),
    );
  }
  if (months !== undefined && months > allowed.maxMonths) {
    found.push(
      violation('projectPeriod.end', 'period-too-long', {
        de: `Das Projekt dauert ${monthsText(months, 'de')}; dieser Aufruf erlaubt höchstens ${monthsText(allowed.maxMonths, 'de')}.`,
        en: `The project lasts ${monthsText(months, 'en')}; this call allows at most ${monthsText(allowed.maxMonths, 'en')}.`,
      }),
    );
  }
  return found;
}

function staffMonthViolations(plan: FinancePlan | undefined, months: number | undefined): RuleViolation[] {
  if (months === undefined) return [];
  return (plan?.staff ?? []).flatMap((line, index) =>
    line.months > months
      ? [
          violation(`financePlan.staff.${index}.months`, 'staff-months-exceed-period', {
            de: `Die Stelle „${line.role}“ ist für ${monthsText(line.months, 'de')} geplant, das Projekt dauert aber nur ${monthsText(months, 'de')}.`,
            en: `The position “${line.role}” is planned for ${monthsText(line.months, 'en')}, but the project lasts only ${monthsText(months, 'en')}.`,
          }),
        ]
      : [],
  );
}

function perYearViolations(
  plan: FinancePlan | undefined,
  period: ProjectDates | undefined,
  months: number | undefined,
  totals: FinanceTotals,
): RuleViolation[] {
  const years = plan?.perYear ?? [];
  // An empty list is "not split by year yet", not a split that adds up to 0.
  if (years.length === 0) return [];
  const found: RuleViolation[] = [];
  // The years can only be checked against a valid period (both dates, end not before start).
  const first = months !== undefined && period?.start ? yearOf(period.start) : undefined;
  const last = months !== undefined && period?.end ? yearOf(period.end) : undefined;
  const seen = new Set<number>();
  years.forEach((entry, index) => {
    const path = `financePlan.perYear.${index}.year`;
    if (first !== undefined && last !== undefined && (entry.year < first || entry.year > last)) {
      const range = first === last ? `${first}` : `${first}–${last}`;
      found.push(
        violation(path, 'year-outside-period', {
          de: `Das Jahr ${entry.year} liegt außerhalb des Projektzeitraums (${range}).`,
          en: `The year ${entry.year} is outside the project period (${range}).`,
        }),
      );
    }
    if (seen.has(entry.year)) {
      found.push(
        violation(path, 'duplicate-year', {
          de: `Das Jahr ${entry.year} steht mehrfach in der Aufteilung nach Jahren.`,
          en: `The year ${entry.year} appears more than once in the split by year.`,
        }),
      );
    }
    seen.add(entry.year);
  });
  const sum = sumCents(years.map((entry) => entry.amountCents));
  if (sum !== totals.totalCostsCents) {
    const total = totals.totalCostsCents;
    const difference = Math.abs(sum - total);
    found.push(
      violation('financePlan.perYear', 'years-unbalanced', {
        de: `Die Beträge nach Jahren ergeben zusammen ${formatEuro(sum, 'de')}, die Gesamtkosten betragen aber ${formatEuro(total, 'de')} (Differenz ${formatEuro(difference, 'de')}).`,
        en: `The amounts by year add up to ${formatEuro(sum, 'en')}, but the total costs are ${formatEuro(total, 'en')} (difference ${formatEuro(difference, 'en')}).`,
      }),
    );
  }
  return found;
}

const LIST_NAMES = {
  staff: { de: 'Personalausgaben', en: 'staff costs' },
  material: { de: 'Sachausgaben', en: 'material costs' },
  fees: { de: 'Honorare', en: 'fees' },
  thirdParty: { de: 'Drittmittel', en: 'third-party funds' },
} as const satisfies Record<string, LocalizedText>;

/** Line ids are the keys the browser and the violations use, so each must be unique within its list. */
function duplicateIdViolations(plan: FinancePlan | undefined): RuleViolation[] {
  const found: RuleViolation[] = [];
  for (const list of Object.keys(LIST_NAMES) as (keyof typeof LIST_NAMES)[]) {
    const firstIndex = new Map<string, number>();
    (plan?.[list] ?? []).forEach((line, index) => {
      const earlier = firstIndex.get(line.id);
      if (earlier === undefined) {
        firstIndex.set(line.id, index);
        return;
      }
      const name = LIST_NAMES[list];
      found.push(
        violation(`financePlan.${list}.${index}.id`, 'duplicate-id', {
          de: `${name.de}: Zeile ${index + 1} hat dieselbe interne Kennung („${line.id}“) wie Zeile ${earlier + 1}. Bitte legen Sie Zeile ${index + 1} neu an.`,
          en: `${capitalise(name.en)}: line ${index + 1} has the same internal id (“${line.id}”) as line ${earlier + 1}. Please enter line ${index + 1} again.`,
        }),
      );
    });
  }
  return found;
}

/** The legal forms by name, for messages and letters. */
export const LEGAL_FORM_NAMES: Record<LegalForm, LocalizedText> = {
  'eingetragener-verein': { de: 'eingetragener Verein (e.V.)', en: 'registered association (e.V.)' },
  ggmbh: { de: 'gemeinnützige GmbH (gGmbH)', en: 'non-profit limited company (gGmbH)' },
  wohlfahrtsverband: { de: 'Wohlfahrtsverband', en: 'welfare organisation' },
  forschungseinrichtung: { de: 'Forschungseinrichtung', en: 'research institution' },
  religionsgemeinschaft: { de: 'Religionsgemeinschaft', en: 'religious community' },
  sprachkurstraeger: { de: 'Sprachkursträger', en: 'language-course provider' },
  volkshochschule: { de: 'Volkshochschule', en: 'adult-education centre (Volkshochschule)' },
};

function legalFormViolations(
  legalForm: LegalForm | undefined,
  eligible: readonly LegalForm[],
): RuleViolation[] {
  if (legalForm === undefined || eligible.includes(legalForm)) return [];
  const form = LEGAL_FORM_NAMES[legalForm];
  const list = (language: 'de' | 'en') => eligible.map((f) => LEGAL_FORM_NAMES[f][language]).join(', ');
  return [
    violation('orgId', 'legal-form-not-eligible', {
      de: `Organisationen mit der Rechtsform ${form.de} können in diesem Aufruf keinen Antrag stellen. Antragsberechtigt: ${list('de')}.`,
      en: `Organisations with the legal form ${form.en} cannot apply in this call. Eligible: ${list('en')}.`,
    }),
  ];
}

function violation(path: string, code: ViolationCode, message: LocalizedText): RuleViolation {
  return { path, code, message };
}

function amountsOf(lines: readonly { amountCents: number }[] | undefined): number[] {
  return (lines ?? []).map((line) => line.amountCents);
}

function monthsText(months: number, language: 'de' | 'en'): string {
  if (language === 'de') return months === 1 ? '1 Monat' : `${months} Monate`;
  return months === 1 ? '1 month' : `${months} months`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
