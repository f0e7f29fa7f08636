import { describe, expect, it } from 'vitest';
import type { Call } from '../../../shared/api/schemas/call.schema.ts';
import { type DraftContent, FinanceTotals } from '../../../shared/api/schemas/draft.schema.ts';
import {
  type CallForDraftCheck,
  checkDraft,
  financeTotals,
  staffLineCostCents,
} from '../../../shared/domain/finance-rules.ts';
import { formatEuro, formatPercent } from '../../../shared/domain/money.ts';
import { formatDate, lastDayOfMonths, projectMonths } from '../../../shared/domain/project-period.ts';

/**
 * A strand-C small project (Kleinprojekt) in a Festbetrag call: a half-time E9 project lead for 12
 * months, a language café's food, material and room, two fees, the 10 % admin flat rate, 5 % own share.
 *
 *   staff     4,800.00 € × 50 % × 12 months  = 28,800.00 €
 *   material  1,200.00 + 450.00 + 2,400.00   =  4,050.00 €
 *   fees        900.00 + 600.00              =  1,500.00 €
 *   direct costs                             = 34,350.00 €
 *   admin flat rate 10 %                     =  3,435.00 €
 *   total costs                              = 37,785.00 €
 *   own 1,900.00 + city 1,000.00 (applied) + requested 34,885.00 = 37,785.00 €
 */
const call: CallForDraftCheck & Pick<Call, 'financingType' | 'strand'> = {
  strand: 'C',
  financingType: 'fixed',
  rules: { maxGrantCents: 4_000_000, maxFundingRateBps: 9500, minOwnShareBps: 500, adminFlatRateBps: 1000 },
  projectPeriod: { earliestStart: '2027-04-01', latestEnd: '2028-03-31', maxMonths: 12 },
  eligibleLegalForms: ['eingetragener-verein'],
};

function languageCafe(): DraftContent {
  return {
    title: 'Sprachcafé Leipzig-Grünau',
    summary: 'Wöchentliches Sprachcafé für neu zugewanderte Familien mit ehrenamtlichen Lernpat:innen.',
    targetGroups: ['neuzugewanderte', 'eltern', 'ehrenamtliche'],
    region: 'leipzig',
    projectPeriod: { start: '2027-04-01', end: '2028-03-31' },
    declarations: {
      notStartedYet: true,
      subsidyFactsAcknowledged: true,
      deMinimisReceived: false,
      inputTaxDeduction: 'none',
      electronicNotificationConsent: true,
    },
    financePlan: {
      staff: [
        {
          id: 'projektleitung',
          role: 'Projektleitung',
          payGrade: 'E9',
          hoursShareBps: 5000,
          months: 12,
          monthlyFullTimeCents: 480_000,
        },
      ],
      material: [
        { id: 'verpflegung', description: 'Getränke und Imbiss für das Sprachcafé', amountCents: 120_000 },
        { id: 'lernmaterial', description: 'Lernmaterial, Bilderbücher und Spiele', amountCents: 45_000 },
        { id: 'raummiete', description: 'Raummiete Stadtteilzentrum (12 × 200 €)', amountCents: 240_000 },
      ],
      fees: [
        { id: 'dolmetschen', description: 'Dolmetscherin Arabisch (20 Std. à 45 €)', amountCents: 90_000 },
        { id: 'workshop', description: 'Workshop interkulturelle Kommunikation', amountCents: 60_000 },
      ],
      claimsAdminFlatRate: true,
      perYear: [
        { year: 2027, amountCents: 2_833_875 },
        { year: 2028, amountCents: 944_625 },
      ],
      ownContributionCents: 190_000,
      thirdParty: [
        { id: 'stadt', source: 'Stadt Leipzig, Integrationsfonds', amountCents: 100_000, status: 'applied' },
      ],
      requestedGrantCents: 3_488_500,
    },
  };
}

/** The example with its finance plan changed. */
function withPlan(change: Partial<NonNullable<DraftContent['financePlan']>>): DraftContent {
  const draft = languageCafe();
  return { ...draft, financePlan: { ...draft.financePlan, ...change } };
}

const withPeriod = (start: string, end: string): DraftContent => ({
  ...languageCafe(),
  projectPeriod: { start, end },
});

describe('financeTotals', () => {
  it('computes the language café: staff, material, fees, 10 % flat rate, financing and rates', () => {
    expect(financeTotals(languageCafe().financePlan, 1000)).toEqual({
      staffCents: 2_880_000,
      materialCents: 405_000,
      feesCents: 150_000,
      directCostsCents: 3_435_000,
      adminFlatRateCents: 343_500,
      totalCostsCents: 3_778_500,
      thirdPartyCents: 100_000,
      ownContributionCents: 190_000,
      requestedGrantCents: 3_488_500,
      totalFinancingCents: 3_778_500,
      fundingRateBps: 9232, // 92.32…%, floored
      ownShareBps: 502, // 5.028…%, floored
    });
  });

  it('adds no flat rate when the organisation does not claim it', () => {
    const totals = financeTotals({ ...languageCafe().financePlan, claimsAdminFlatRate: false }, 1000);
    expect(totals.adminFlatRateCents).toBe(0);
    expect(totals.totalCostsCents).toBe(3_435_000);
  });

  it('rounds a staff line to the cent, halves up', () => {
    const line = (monthlyFullTimeCents: number, hoursShareBps: number, months: number) =>
      staffLineCostCents({ monthlyFullTimeCents, hoursShareBps, months });
    expect(line(1, 5000, 1)).toBe(1); // 0.5 ct → 1 ct
    expect(line(3, 5000, 1)).toBe(2); // 1.5 ct → 2 ct
    expect(line(1, 4999, 1)).toBe(0); // 0.4999 ct → 0 ct
    expect(line(333_333, 3333, 1)).toBe(111_100); // 1,110.99889 € → 1,111.00 €
    expect(line(412_345, 7500, 9)).toBe(2_783_329); // 27,833.2875 € → 27,833.29 €
  });

  it('floors the admin flat rate, so it never exceeds the allowed rate', () => {
    const totals = financeTotals(
      { material: [{ id: 'm', description: 'Porto', amountCents: 999 }], claimsAdminFlatRate: true },
      1000,
    );
    expect(totals.adminFlatRateCents).toBe(99); // 99.9 ct
  });

  it('is all zeros without rates for an empty plan', () => {
    expect(financeTotals(undefined, 1000)).toEqual({
      staffCents: 0,
      materialCents: 0,
      feesCents: 0,
      directCostsCents: 0,
      adminFlatRateCents: 0,
      totalCostsCents: 0,
      thirdPartyCents: 0,
      ownContributionCents: 0,
      requestedGrantCents: 0,
      totalFinancingCents: 0,
    });
  });

  it('stays exact at the schema limits, where direct costs × flat rate pass 2^53', () => {
    const max = 100_000_000_000;
    const totals = financeTotals(
      {
        staff: Array.from({ length: 50 }, (_, i) => ({
          id: `s${i}`,
          role: 'Leitung',
          payGrade: 'E15',
          hoursShareBps: 10_000,
          months: 60,
          monthlyFullTimeCents: 2_000_000,
        })),
        material: Array.from({ length: 100 }, (_, i) => ({
          id: `m${i}`,
          description: 'Bau',
          amountCents: max,
        })),
        fees: Array.from({ length: 100 }, (_, i) => ({
          id: `f${i}`,
          description: 'Gutachten',
          amountCents: max,
        })),
        claimsAdminFlatRate: true,
        thirdParty: Array.from({ length: 20 }, (_, i) => ({
          id: `t${i}`,
          source: 'Bund',
          amountCents: max,
          status: 'granted' as const,
        })),
        ownContributionCents: max,
        requestedGrantCents: max,
      },
      10_000,
    );
    // 2.0006·10^13 × 10,000 bps = 2.0006·10^17 > 2^53: only exact because the product is a BigInt.
    expect(totals.directCostsCents * 10_000).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    expect(totals).toEqual({
      staffCents: 6_000_000_000,
      materialCents: 10_000_000_000_000,
      feesCents: 10_000_000_000_000,
      directCostsCents: 20_006_000_000_000,
      adminFlatRateCents: 20_006_000_000_000,
      totalCostsCents: 40_012_000_000_000,
      thirdPartyCents: 2_000_000_000_000,
      ownContributionCents: max,
      requestedGrantCents: max,
      totalFinancingCents: 2_200_000_000_000,
      fundingRateBps: 24,
      ownShareBps: 24,
    });
    expect(FinanceTotals.safeParse(totals).success).toBe(true);
  });
});

describe('checkDraft: a complete, correct draft', () => {
  it('has no violations and nothing missing (third-party funds only applied for are fine)', () => {
    const result = checkDraft(languageCafe(), call, { legalForm: 'eingetragener-verein' });
    expect(result.violations).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(result.totals.totalCostsCents).toBe(3_778_500);
  });

  it('accepts a grant of exactly the funding rate and an own share of exactly the minimum', () => {
    // 16,000.00 € of costs: 95 % (15,200.00 €) requested, 5 % (800.00 €) own.
    const result = checkDraft(
      withPlan({
        staff: [],
        material: [{ id: 'kurs', description: 'Sprachkurs', amountCents: 1_600_000 }],
        fees: [],
        claimsAdminFlatRate: false,
        perYear: [],
        thirdParty: [],
        ownContributionCents: 80_000,
        requestedGrantCents: 1_520_000,
      }),
      call,
    );
    expect(result.violations).toEqual([]);
  });
});

describe('checkDraft: each rule broken once', () => {
  it('plan-unbalanced: says how much financing is missing', () => {
    const { violations } = checkDraft(withPlan({ requestedGrantCents: 3_400_000 }), call);
    expect(violations).toEqual([
      {
        path: 'financePlan.requestedGrantCents',
        code: 'plan-unbalanced',
        message: {
          de: 'Die Finanzierung (36.900,00 €) deckt die Gesamtkosten (37.785,00 €) nicht: es fehlen 885,00 €. Eigenanteil, Drittmittel und beantragter Zuschuss müssen zusammen genau die Gesamtkosten ergeben.',
          en: 'The financing (€36,900.00) does not cover the total costs (€37,785.00): €885.00 is missing. Own contribution, third-party funds and the requested grant must add up to exactly the total costs.',
        },
      },
    ]);
  });

  it('plan-unbalanced: says by how much the financing exceeds the costs', () => {
    const { violations } = checkDraft(withPlan({ requestedGrantCents: 3_500_000 }), call);
    expect(violations).toEqual([
      {
        path: 'financePlan.requestedGrantCents',
        code: 'plan-unbalanced',
        message: {
          de: 'Die Finanzierung (37.900,00 €) übersteigt die Gesamtkosten (37.785,00 €) um 115,00 €. Eigenanteil, Drittmittel und beantragter Zuschuss müssen zusammen genau die Gesamtkosten ergeben.',
          en: 'The financing (€37,900.00) exceeds the total costs (€37,785.00) by €115.00. Own contribution, third-party funds and the requested grant must add up to exactly the total costs.',
        },
      },
    ]);
  });

  it('max-grant-exceeded: names the requested grant and the maximum', () => {
    // 16,000.00 € of costs, 95 % requested (15,200.00 €), 5 % own: only the call's maximum is broken.
    const { violations } = checkDraft(
      withPlan({
        staff: [],
        material: [{ id: 'kurs', description: 'Sprachkurs', amountCents: 1_600_000 }],
        fees: [],
        claimsAdminFlatRate: false,
        perYear: [],
        thirdParty: [],
        ownContributionCents: 80_000,
        requestedGrantCents: 1_520_000,
      }),
      { ...call, rules: { ...call.rules, maxGrantCents: 1_500_000 } },
    );
    expect(violations).toEqual([
      {
        path: 'financePlan.requestedGrantCents',
        code: 'max-grant-exceeded',
        message: {
          de: 'Der beantragte Zuschuss (15.200,00 €) übersteigt den Höchstbetrag dieses Aufrufs (15.000,00 €).',
          en: "The requested grant (€15,200.00) exceeds this call's maximum (€15,000.00).",
        },
      },
    ]);
  });

  it('funding-rate-exceeded: compares exactly, even where the floored rate equals the maximum', () => {
    // A 90 % call: at most 37,785.00 € × 90 % = 34,006.50 €; one cent more is 90.00003 %, floored 9000 bps.
    const ninetyPercent = { ...call, rules: { ...call.rules, maxFundingRateBps: 9000 } };
    const atLimit = checkDraft(
      withPlan({ ownContributionCents: 277_850, requestedGrantCents: 3_400_650 }),
      ninetyPercent,
    );
    expect(atLimit.violations).toEqual([]);

    const { totals, violations } = checkDraft(
      withPlan({ ownContributionCents: 277_849, requestedGrantCents: 3_400_651 }),
      ninetyPercent,
    );
    expect(totals.fundingRateBps).toBe(9000);
    expect(violations).toEqual([
      {
        path: 'financePlan.requestedGrantCents',
        code: 'funding-rate-exceeded',
        message: {
          de: 'Der beantragte Zuschuss (34.006,51 €) ist zu hoch: dieser Aufruf fördert höchstens 90 % der Gesamtkosten (37.785,00 €), also höchstens 34.006,50 €.',
          en: 'The requested grant (€34,006.51) is too high: this call funds at most 90% of the total costs (€37,785.00), that is at most €34,006.50.',
        },
      },
    ]);
  });

  it('own-share-too-low: names the own contribution, the minimum share and the amount it means', () => {
    const { violations } = checkDraft(
      withPlan({ ownContributionCents: 150_000, requestedGrantCents: 3_528_500 }),
      call,
    );
    expect(violations).toEqual([
      {
        path: 'financePlan.ownContributionCents',
        code: 'own-share-too-low',
        message: {
          de: 'Der Eigenanteil (1.500,00 €) ist zu niedrig: dieser Aufruf verlangt mindestens 5 % der Gesamtkosten (37.785,00 €), also mindestens 1.889,25 €.',
          en: 'The own contribution (€1,500.00) is too low: this call requires at least 5% of the total costs (€37,785.00), that is at least €1,889.25.',
        },
      },
    ]);
  });

  it('own-share-too-low: one cent below the minimum counts, the minimum itself does not', () => {
    const atMinimum = withPlan({ ownContributionCents: 188_925, requestedGrantCents: 3_489_575 });
    expect(checkDraft(atMinimum, call).violations).toEqual([]);
    const belowMinimum = withPlan({ ownContributionCents: 188_924, requestedGrantCents: 3_489_576 });
    expect(checkDraft(belowMinimum, call).violations.map((v) => v.code)).toEqual(['own-share-too-low']);
  });

  it('period-starts-too-early', () => {
    const { violations } = checkDraft(withPeriod('2027-03-15', '2028-03-14'), call);
    expect(violations).toEqual([
      {
        path: 'projectPeriod.start',
        code: 'period-starts-too-early',
        message: {
          de: 'Der Projektbeginn (15.03.2027) liegt vor dem frühesten Beginn dieses Aufrufs (01.04.2027).',
          en: "The project start (15 March 2027) is before this call's earliest start (1 April 2027).",
        },
      },
    ]);
  });

  it('period-ends-too-late', () => {
    const { violations } = checkDraft(withPeriod('2027-05-01', '2028-04-30'), call);
    expect(violations).toEqual([
      {
        path: 'projectPeriod.end',
        code: 'period-ends-too-late',
        message: {
          de: 'Das Projektende (30.04.2028) liegt nach dem spätesten Ende dieses Aufrufs (31.03.2028).',
          en: "The project end (30 April 2028) is after this call's latest end (31 March 2028).",
        },
      },
    ]);
  });

  it('period-end-before-start (a one-day project is fine)', () => {
    const { violations } = checkDraft(withPeriod('2027-06-01', '2027-05-31'), call);
    expect(violations).toEqual([
      {
        path: 'projectPeriod.end',
        code: 'period-end-before-start',
        message: {
          de: 'Das Projektende (31.05.2027) liegt vor dem Projektbeginn (01.06.2027).',
          en: 'The project end (31 May 2027) is before the project start (1 June 2027).',
        },
      },
    ]);

    const oneDay = checkDraft(
      {
        ...withPeriod('2027-06-12', '2027-06-12'),
        financePlan: { ...languageCafe().financePlan, staff: [], perYear: [] },
      },
      call,
    );
    expect(oneDay.violations.filter((v) => v.path.startsWith('projectPeriod'))).toEqual([]);
  });

  it('period-too-long: one day beyond 12 months makes 13', () => {
    const longerCall = { ...call, projectPeriod: { ...call.projectPeriod, latestEnd: '2028-12-31' } };
    expect(checkDraft(withPeriod('2027-04-01', '2028-03-31'), longerCall).violations).toEqual([]);
    const { violations } = checkDraft(withPeriod('2027-04-01', '2028-04-01'), longerCall);
    expect(violations).toEqual([
      {
        path: 'projectPeriod.end',
        code: 'period-too-long',
        message: {
          de: 'Das Projekt dauert 13 Monate; dieser Aufruf erlaubt höchstens 12 Monate.',
          en: 'The project lasts 13 months; this call allows at most 12 months.',
        },
      },
    ]);
  });

  it('staff-months-exceed-period: points at the line', () => {
    const draft = languageCafe();
    const lead = draft.financePlan?.staff?.[0];
    if (!lead) throw new Error('fixture has a project lead');
    const staff = [
      lead,
      { ...lead, id: 'kinderbetreuung', role: 'Kinderbetreuung', payGrade: 'S3', hoursShareBps: 1000 },
      { ...lead, id: 'lernbegleitung', role: 'Lernbegleitung', payGrade: 'S8', months: 14 },
    ];
    const { violations } = checkDraft(withPlan({ staff }), call);
    expect(violations.filter((v) => v.code === 'staff-months-exceed-period')).toEqual([
      {
        path: 'financePlan.staff.2.months',
        code: 'staff-months-exceed-period',
        message: {
          de: 'Die Stelle „Lernbegleitung“ ist für 14 Monate geplant, das Projekt dauert aber nur 12 Monate.',
          en: 'The position “Lernbegleitung” is planned for 14 months, but the project lasts only 12 months.',
        },
      },
    ]);
  });

  it('years-unbalanced: names both sums and the difference', () => {
    const { violations } = checkDraft(
      withPlan({
        perYear: [
          { year: 2027, amountCents: 2_833_875 },
          { year: 2028, amountCents: 900_000 },
        ],
      }),
      call,
    );
    expect(violations).toEqual([
      {
        path: 'financePlan.perYear',
        code: 'years-unbalanced',
        message: {
          de: 'Die Beträge nach Jahren ergeben zusammen 37.338,75 €, die Gesamtkosten betragen aber 37.785,00 € (Differenz 446,25 €).',
          en: 'The amounts by year add up to €37,338.75, but the total costs are €37,785.00 (difference €446.25).',
        },
      },
    ]);
  });

  it('year-outside-period', () => {
    const { violations } = checkDraft(
      withPlan({
        perYear: [
          { year: 2027, amountCents: 2_833_875 },
          { year: 2028, amountCents: 944_625 },
          { year: 2029, amountCents: 0 },
        ],
      }),
      call,
    );
    expect(violations).toEqual([
      {
        path: 'financePlan.perYear.2.year',
        code: 'year-outside-period',
        message: {
          de: 'Das Jahr 2029 liegt außerhalb des Projektzeitraums (2027–2028).',
          en: 'The year 2029 is outside the project period (2027–2028).',
        },
      },
    ]);
  });

  it('duplicate-year: marks the second entry', () => {
    const { violations } = checkDraft(
      withPlan({
        perYear: [
          { year: 2027, amountCents: 2_000_000 },
          { year: 2027, amountCents: 833_875 },
          { year: 2028, amountCents: 944_625 },
        ],
      }),
      call,
    );
    expect(violations).toEqual([
      {
        path: 'financePlan.perYear.1.year',
        code: 'duplicate-year',
        message: {
          de: 'Das Jahr 2027 steht mehrfach in der Aufteilung nach Jahren.',
          en: 'The year 2027 appears more than once in the split by year.',
        },
      },
    ]);
  });

  it('duplicate-id: within one list, marks the later line', () => {
    const plan = languageCafe().financePlan;
    const material = plan?.material ?? [];
    const [first, second, third] = material;
    if (!first || !second || !third) throw new Error('fixture has three material lines');
    const { violations } = checkDraft(
      withPlan({ material: [first, second, { ...third, id: first.id }] }),
      call,
    );
    expect(violations).toEqual([
      {
        path: 'financePlan.material.2.id',
        code: 'duplicate-id',
        message: {
          de: 'Sachausgaben: Zeile 3 hat dieselbe interne Kennung („verpflegung“) wie Zeile 1. Bitte legen Sie Zeile 3 neu an.',
          en: 'Material costs: line 3 has the same internal id (“verpflegung”) as line 1. Please enter line 3 again.',
        },
      },
    ]);
    // The same id in two different lists is fine: paths name the list.
    const acrossLists = withPlan({ fees: [{ ...third, id: 'verpflegung' }, ...(plan?.fees ?? []).slice(1)] });
    expect(checkDraft(acrossLists, call).violations.map((v) => v.code)).not.toContain('duplicate-id');
  });

  it('legal-form-not-eligible: only when the legal form is known', () => {
    const { violations } = checkDraft(languageCafe(), call, { legalForm: 'ggmbh' });
    expect(violations).toEqual([
      {
        path: 'orgId',
        code: 'legal-form-not-eligible',
        message: {
          de: 'Organisationen mit der Rechtsform gemeinnützige GmbH (gGmbH) können in diesem Aufruf keinen Antrag stellen. Antragsberechtigt: eingetragener Verein (e.V.).',
          en: 'Organisations with the legal form non-profit limited company (gGmbH) cannot apply in this call. Eligible: registered association (e.V.).',
        },
      },
    ]);
    expect(checkDraft(languageCafe(), call).violations).toEqual([]);
  });
});

describe('checkDraft: what is still missing', () => {
  it('reports nothing broken and everything missing for a draft with only a title', () => {
    const { violations, missing, totals } = checkDraft({ title: 'Sprachcafé' }, call);
    expect(violations).toEqual([]);
    expect(totals.totalCostsCents).toBe(0);
    expect(missing.map((m) => m.path)).toEqual([
      'summary',
      'targetGroups',
      'region',
      'projectPeriod.start',
      'projectPeriod.end',
      'declarations.notStartedYet',
      'declarations.subsidyFactsAcknowledged',
      'declarations.deMinimisReceived',
      'declarations.inputTaxDeduction',
      'declarations.electronicNotificationConsent',
      'financePlan',
      'financePlan.requestedGrantCents',
    ]);
    expect(missing.every((m) => m.code === 'required' && m.message.de && m.message.en)).toBe(true);
    expect(missing[0]?.message).toEqual({
      de: 'Bitte beschreiben Sie das Projekt kurz (Zusammenfassung).',
      en: 'Please describe the project briefly (summary).',
    });
  });

  it('treats blank texts and empty lists as missing', () => {
    const { missing } = checkDraft({ ...languageCafe(), summary: '  ', targetGroups: [] }, call);
    expect(missing.map((m) => m.path)).toEqual(['summary', 'targetGroups']);
  });

  it('accepts an early start request with a reason instead of "not started yet"', () => {
    const draft = languageCafe();
    const early = (declarations: object) =>
      checkDraft(
        { ...draft, declarations: { ...draft.declarations, notStartedYet: undefined, ...declarations } },
        call,
      ).missing;
    expect(early({ earlyStartRequested: true, earlyStartReason: 'Die Räume gibt es nur ab April.' })).toEqual(
      [],
    );
    expect(early({ earlyStartRequested: true })).toEqual([
      {
        path: 'declarations.earlyStartReason',
        code: 'required',
        message: {
          de: 'Bitte begründen Sie, warum das Projekt vor der Bewilligung beginnen soll (vorzeitiger Maßnahmebeginn).',
          en: 'Please give the reason why the project should start before approval (early start).',
        },
      },
    ]);
    // "Already started" (false) is not the declaration the form needs.
    expect(early({ notStartedYet: false }).map((m) => m.path)).toEqual(['declarations.notStartedYet']);
  });

  it('asks for the de-minimis amount once aid was received', () => {
    const draft = languageCafe();
    const deMinimis = (declarations: object) =>
      checkDraft({ ...draft, declarations: { ...draft.declarations, ...declarations } }, call).missing;
    expect(deMinimis({ deMinimisReceived: true }).map((m) => m.path)).toEqual([
      'declarations.deMinimisAmountCents',
    ]);
    expect(deMinimis({ deMinimisReceived: true, deMinimisAmountCents: 1_250_000 })).toEqual([]);
  });

  it('needs the § 264 StGB acknowledgement, a cost line and a requested grant above 0', () => {
    const draft = languageCafe();
    const { missing } = checkDraft(
      {
        ...draft,
        declarations: { ...draft.declarations, subsidyFactsAcknowledged: false },
        financePlan: { ownContributionCents: 0, requestedGrantCents: 0 },
      },
      call,
    );
    expect(missing.map((m) => m.path)).toEqual([
      'declarations.subsidyFactsAcknowledged',
      'financePlan',
      'financePlan.requestedGrantCents',
    ]);
  });
});

describe('formatEuro and formatPercent', () => {
  it('writes amounts the German and the English way', () => {
    const both = (cents: number) => [formatEuro(cents, 'de'), formatEuro(cents, 'en')];
    expect(both(0)).toEqual(['0,00 €', '€0.00']);
    expect(both(5)).toEqual(['0,05 €', '€0.05']);
    expect(both(123_456)).toEqual(['1.234,56 €', '€1,234.56']);
    expect(both(1_500_000)).toEqual(['15.000,00 €', '€15,000.00']);
    expect(both(100_000_000_000)).toEqual(['1.000.000.000,00 €', '€1,000,000,000.00']);
    expect(both(-150)).toEqual(['-1,50 €', '-€1.50']);
  });

  it('is exact up to the largest safe integer and refuses fractions of a cent', () => {
    expect(formatEuro(Number.MAX_SAFE_INTEGER, 'de')).toBe('90.071.992.547.409,91 €');
    expect(() => formatEuro(0.5, 'de')).toThrow(RangeError);
  });

  it('writes basis points as percentages without needless decimals', () => {
    const both = (bps: number) => [formatPercent(bps, 'de'), formatPercent(bps, 'en')];
    expect(both(9500)).toEqual(['95 %', '95%']);
    expect(both(1050)).toEqual(['10,5 %', '10.5%']);
    expect(both(525)).toEqual(['5,25 %', '5.25%']);
    expect(both(1)).toEqual(['0,01 %', '0.01%']);
    expect(both(10_000)).toEqual(['100 %', '100%']);
  });
});

describe('project months', () => {
  it('counts a year from the 1st or from mid-month as 12 months, and one more day as 13', () => {
    expect(projectMonths('2027-04-01', '2028-03-31')).toBe(12);
    expect(projectMonths('2027-04-15', '2028-04-14')).toBe(12);
    expect(projectMonths('2027-04-01', '2028-04-01')).toBe(13);
    expect(projectMonths('2027-04-15', '2028-04-15')).toBe(13);
  });

  it('counts a one-day project and a started month as one month', () => {
    expect(projectMonths('2027-06-12', '2027-06-12')).toBe(1);
    expect(projectMonths('2027-06-12', '2027-07-11')).toBe(1);
    expect(projectMonths('2027-06-12', '2027-07-12')).toBe(2);
    expect(projectMonths('2027-12-01', '2027-12-31')).toBe(1);
  });

  it('ends a month from the 29th–31st at the end of February (§ 188 (3) BGB)', () => {
    expect(lastDayOfMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(lastDayOfMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(lastDayOfMonths('2027-01-29', 1)).toBe('2027-02-28');
    expect(lastDayOfMonths('2027-01-28', 1)).toBe('2027-02-27');
    expect(projectMonths('2027-01-31', '2027-02-28')).toBe(1);
    expect(projectMonths('2027-01-31', '2027-03-01')).toBe(2);
    expect(projectMonths('2027-01-28', '2027-02-28')).toBe(2);
  });

  it('crosses year ends and reaches the 60-month limit exactly', () => {
    expect(lastDayOfMonths('2027-11-01', 2)).toBe('2027-12-31');
    expect(lastDayOfMonths('2027-12-01', 1)).toBe('2027-12-31');
    expect(lastDayOfMonths('2027-12-15', 1)).toBe('2028-01-14');
    expect(projectMonths('2027-01-01', '2031-12-31')).toBe(60);
    expect(projectMonths('2027-01-01', '2032-01-01')).toBe(61);
  });

  it('has no length when the end is before the start', () => {
    expect(projectMonths('2027-06-01', '2027-05-31')).toBeUndefined();
  });

  it('formats dates the German and the English way', () => {
    expect(formatDate('2027-04-01', 'de')).toBe('01.04.2027');
    expect(formatDate('2027-04-01', 'en')).toBe('1 April 2027');
  });
});
