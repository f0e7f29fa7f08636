import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LegalForm } from '../../../shared/api/schemas/call.schema.ts';
import {
  DraftContent,
  type FinancePlan,
  FinanceTotals,
  Region,
  TargetGroup,
} from '../../../shared/api/schemas/draft.schema.ts';
import {
  type CallForDraftCheck,
  checkDraft,
  type DraftCheckContext,
  financeTotals,
  VIOLATION_CODES,
} from '../../../shared/domain/finance-rules.ts';

/**
 * Properties of the finance rules, against an oracle written independently of shared/domain: BigInt
 * for every amount, exact rational comparison (cross-multiplied BigInts) for every rate, and Date
 * arithmetic for months. The arbitraries follow the limits of draft.schema.ts and call.schema.ts, and
 * steer plans onto the boundaries (balanced to the cent, own share at its minimum, grant at the highest
 * rate, periods of exactly the allowed months) so both sides of every rule are drawn often.
 */

const RUNS = 1000;
const MAX_CENTS = 100_000_000_000;
const LEGAL_FORMS = LegalForm.options;

// ---------------------------------------------------------------------------------------------- inputs

/** Mostly everyday amounts, sometimes the edges, now and then anything up to the schema limit. */
const cents = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0, max: 5_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, MAX_CENTS - 1, MAX_CENTS) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX_CENTS }) },
);
const bps = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(0, 500, 1000, 9000, 9500, 10_000));
/** Ids from a small pool collide often (duplicate-id); the regex gives any valid id. */
const lineId = fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/));
const nudge = fc.constantFrom(-1, 0, 0, 0, 1);
const hoursShare = fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(1, 5000, 10_000));

const staffLine = (amount: fc.Arbitrary<number>, share: fc.Arbitrary<number>) =>
  fc.record({
    id: lineId,
    role: fc.constantFrom('Projektleitung', 'Kinderbetreuung', 'Sprachmittlung'),
    payGrade: fc.constantFrom('E1', 'E9', 'E13', 'E15', 'S2', 'S11', 'S18'),
    hoursShareBps: share,
    months: fc.integer({ min: 1, max: 60 }),
    monthlyFullTimeCents: amount,
  });
const costLine = (amount: fc.Arbitrary<number>) =>
  fc.record({
    id: lineId,
    description: fc.constantFrom('Raummiete', 'Lernmaterial', 'Honorar'),
    amountCents: amount,
  });
const thirdPartyLine = (amount: fc.Arbitrary<number>) =>
  fc.record({
    id: lineId,
    source: fc.constantFrom('Stadt Leipzig', 'Stiftung', 'Landkreis'),
    amountCents: amount,
    status: fc.constantFrom('applied' as const, 'granted' as const),
  });
const year = fc.oneof(fc.integer({ min: 2025, max: 2031 }), fc.integer({ min: 2000, max: 2100 }));

/** Lists are short mostly, and sometimes exactly as long as the schema allows. */
const list = <T>(item: fc.Arbitrary<T>, max: number) =>
  fc.oneof(
    { weight: 14, arbitrary: fc.array(item, { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.array(item, { minLength: max, maxLength: max }) },
  );

const dateAt = (daysFrom2026: number) =>
  new Date(Date.UTC(2026, 0, 1 + daysFrom2026)).toISOString().slice(0, 10);

/** Roughly `months` months after `start`, ± `days` (lands on, before and after month boundaries). */
function monthsAfter(start: string, months: number, days: number): string {
  const [y = 0, m = 1, d = 1] = start.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d - 1 + days)).toISOString().slice(0, 10);
}

/** The given day of the month of `date`. */
function dayOfMonth(date: string, day: number): string {
  const [y = 0, m = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, day)).toISOString().slice(0, 10);
}

/** The last day of the month `months` months after the month of `start`. */
function lastOfMonthAfter(start: string, months: number): string {
  const [y = 0, m = 1] = start.split('-').map(Number);
  return new Date(Date.UTC(y, m + months, 0)).toISOString().slice(0, 10);
}

/** A call, a draft and the legal form, steered towards the rules' boundaries. */
const scenario = fc
  .record({
    rules: fc.record({
      maxGrantCents: cents,
      maxFundingRateBps: bps,
      minOwnShareBps: bps,
      adminFlatRateBps: bps,
    }),
    earliest: fc.integer({ min: 0, max: 730 }),
    callDays: fc.integer({ min: 0, max: 2200 }),
    maxMonths: fc.integer({ min: 1, max: 60 }),
    eligibleLegalForms: fc.uniqueArray(fc.constantFrom(...LEGAL_FORMS), { minLength: 1 }),
    legalForm: fc.option(fc.constantFrom(...LEGAL_FORMS), { nil: undefined }),
    startMode: fc.constantFrom('none', 'near-earliest', 'late-in-month', 'anywhere'),
    startDays: fc.integer({ min: -400, max: 1500 }),
    endMode: fc.constantFrom(
      'none',
      'max-months',
      'any-months',
      'month-end',
      'near-latest',
      'near-start',
      'anywhere',
    ),
    endMonths: fc.integer({ min: 1, max: 61 }),
    endDays: fc.integer({ min: -40, max: 2000 }),
    dateNudge: fc.integer({ min: -2, max: 2 }),
    staff: fc.option(list(staffLine(fc.integer({ min: 0, max: 2_000_000 }), hoursShare), 50), {
      nil: undefined,
    }),
    material: fc.option(list(costLine(cents), 100), { nil: undefined }),
    fees: fc.option(list(costLine(cents), 100), { nil: undefined }),
    claimsAdminFlatRate: fc.option(fc.boolean(), { nil: undefined }),
    thirdParty: fc.option(list(thirdPartyLine(cents), 20), { nil: undefined }),
    own: fc.option(cents, { nil: undefined }),
    requested: fc.option(cents, { nil: undefined }),
    financing: fc.constantFrom('as-drawn', 'balanced', 'own-at-minimum', 'grant-at-highest-rate'),
    financingNudge: nudge,
    maxGrantMode: fc.constantFrom('as-drawn', 'at-requested'),
    maxGrantNudge: nudge,
    perYearMode: fc.constantFrom('none', 'empty', 'as-drawn', 'split-over-period'),
    perYear: fc.array(fc.record({ year, amountCents: cents }), { maxLength: 6 }),
    perYearNudge: nudge,
    declarations: fc.option(
      fc.record(
        {
          notStartedYet: fc.boolean(),
          earlyStartRequested: fc.boolean(),
          earlyStartReason: fc.constantFrom('', 'Die Räume stehen nur ab April zur Verfügung.'),
          subsidyFactsAcknowledged: fc.boolean(),
          deMinimisReceived: fc.boolean(),
          deMinimisAmountCents: cents,
          inputTaxDeduction: fc.constantFrom('none' as const, 'partial' as const, 'full' as const),
          electronicNotificationConsent: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
    summary: fc.option(fc.constantFrom('', 'Sprachcafé für neu zugewanderte Familien.'), { nil: undefined }),
    targetGroups: fc.option(fc.uniqueArray(fc.constantFrom(...TargetGroup.options)), { nil: undefined }),
    region: fc.option(fc.constantFrom(...Region.options), { nil: undefined }),
  })
  .map((s) => {
    const earliestStart = dateAt(s.earliest);
    const latestEnd = dateAt(s.earliest + s.callDays);
    const call: CallForDraftCheck = {
      rules: { ...s.rules },
      projectPeriod: { earliestStart, latestEnd, maxMonths: s.maxMonths },
      eligibleLegalForms: s.eligibleLegalForms,
    };

    const start = {
      none: undefined,
      'near-earliest': dateAt(s.earliest + s.dateNudge),
      // The 27th to the 31st (overflowing into the next month where there is no such day).
      'late-in-month': dayOfMonth(dateAt(s.earliest), 29 + s.dateNudge),
      anywhere: dateAt(s.earliest + s.startDays),
    }[s.startMode];
    const from = start ?? earliestStart;
    const end = {
      none: undefined,
      'max-months': monthsAfter(from, s.maxMonths, s.dateNudge),
      'any-months': monthsAfter(from, s.endMonths, s.dateNudge),
      'month-end': lastOfMonthAfter(from, s.maxMonths - 1 + Math.sign(s.dateNudge)),
      'near-latest': dateAt(s.earliest + s.callDays + s.dateNudge),
      'near-start': monthsAfter(from, 0, 1 + s.dateNudge), // the day before, the same day, the day after
      anywhere: monthsAfter(from, 0, s.endDays),
    }[s.endMode];

    const plan: FinancePlan = {
      ...(s.staff && { staff: s.staff }),
      ...(s.material && { material: s.material }),
      ...(s.fees && { fees: s.fees }),
      ...(s.claimsAdminFlatRate !== undefined && { claimsAdminFlatRate: s.claimsAdminFlatRate }),
      ...(s.thirdParty && { thirdParty: s.thirdParty }),
    };
    const costs = oracleTotals(plan, s.rules.adminFlatRateBps);
    const total = costs.totalCosts;
    const third = costs.thirdParty;
    let own = s.own === undefined ? undefined : BigInt(s.own);
    let requested = s.requested === undefined ? undefined : BigInt(s.requested);
    const n = BigInt(s.financingNudge);
    if (s.financing === 'balanced') requested = total - (own ?? 0n) - third + n;
    if (s.financing === 'own-at-minimum') {
      own = ceilDiv(total * BigInt(s.rules.minOwnShareBps), 10_000n) + n;
      requested = total - own - third;
    }
    if (s.financing === 'grant-at-highest-rate') {
      requested = (total * BigInt(s.rules.maxFundingRateBps)) / 10_000n + n;
      own = total - requested - third;
    }
    if (own !== undefined) plan.ownContributionCents = clampCents(own);
    if (requested !== undefined) plan.requestedGrantCents = clampCents(requested);
    if (s.maxGrantMode === 'at-requested') {
      call.rules.maxGrantCents = clampCents(BigInt((plan.requestedGrantCents ?? 0) + s.maxGrantNudge));
    }

    if (s.perYearMode === 'empty') plan.perYear = [];
    if (s.perYearMode === 'as-drawn') plan.perYear = s.perYear;
    if (s.perYearMode === 'split-over-period') {
      plan.perYear = splitOverYears(
        total,
        start,
        end,
        s.perYear.map((entry) => entry.year),
      );
      const first = plan.perYear[0];
      if (first) first.amountCents = clampCents(BigInt(first.amountCents + s.perYearNudge));
    }

    const content: DraftContent = {
      title: 'Sprachcafé',
      ...(s.summary !== undefined && { summary: s.summary }),
      ...(s.targetGroups && { targetGroups: s.targetGroups }),
      ...(s.region && { region: s.region }),
      ...((start || end) && { projectPeriod: { ...(start && { start }), ...(end && { end }) } }),
      ...(s.declarations && { declarations: s.declarations }),
      ...(Object.keys(plan).length > 0 && { financePlan: plan }),
    };
    const context: DraftCheckContext = s.legalForm ? { legalForm: s.legalForm } : {};
    return { content, call, context };
  });

/** The total split over the period's years (at most 6, each ≤ the amount limit), else over `fallback`. */
function splitOverYears(total: bigint, start?: string, end?: string, fallback: number[] = []) {
  let years = fallback.length > 0 ? fallback : [2027];
  if (start && end && end >= start) {
    years = [];
    for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)) && years.length < 6; y++)
      years.push(y);
  }
  let rest = total;
  return years.map((y, index) => {
    const share = index === years.length - 1 ? rest : rest / BigInt(years.length - index);
    const amount = share > BigInt(MAX_CENTS) ? BigInt(MAX_CENTS) : share;
    rest -= amount;
    return { year: y, amountCents: Number(amount) };
  });
}

/** Plans at the extremes of the schema: lists full or long, amounts at the limit. */
const extremePlan = fc
  .record({
    staff: fc.array(staffLine(fc.constantFrom(0, 2_000_000), fc.constantFrom(1, 10_000)), {
      maxLength: 50,
      size: 'max',
    }),
    material: fc.array(costLine(fc.constantFrom(MAX_CENTS, MAX_CENTS - 1, 0)), {
      maxLength: 100,
      size: 'max',
    }),
    fees: fc.array(costLine(fc.constantFrom(MAX_CENTS, 1)), { maxLength: 100, size: 'max' }),
    claimsAdminFlatRate: fc.boolean(),
    thirdParty: fc.array(thirdPartyLine(fc.constant(MAX_CENTS)), { maxLength: 20, size: 'max' }),
    ownContributionCents: fc.constantFrom(0, MAX_CENTS),
    requestedGrantCents: fc.constantFrom(0, 1, MAX_CENTS),
  })
  .map((plan): FinancePlan => plan);

// ---------------------------------------------------------------------------------------------- oracle

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

function clampCents(value: bigint): number {
  if (value < 0n) return 0;
  return Number(value > BigInt(MAX_CENTS) ? BigInt(MAX_CENTS) : value);
}

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

/** Totals in BigInt; a staff line rounds halves up: floor((2·product + 10,000) / 20,000). */
function oracleTotals(plan: FinancePlan | undefined, adminBps: number) {
  const staff = sum(
    (plan?.staff ?? []).map(
      (l) =>
        (2n * BigInt(l.monthlyFullTimeCents) * BigInt(l.hoursShareBps) * BigInt(l.months) + 10_000n) /
        20_000n,
    ),
  );
  const material = sum((plan?.material ?? []).map((l) => BigInt(l.amountCents)));
  const fees = sum((plan?.fees ?? []).map((l) => BigInt(l.amountCents)));
  const direct = staff + material + fees;
  const admin = plan?.claimsAdminFlatRate ? (direct * BigInt(adminBps)) / 10_000n : 0n;
  const thirdParty = sum((plan?.thirdParty ?? []).map((l) => BigInt(l.amountCents)));
  const own = BigInt(plan?.ownContributionCents ?? 0);
  const requested = BigInt(plan?.requestedGrantCents ?? 0);
  return {
    staff,
    material,
    fees,
    direct,
    admin,
    totalCosts: direct + admin,
    thirdParty,
    own,
    requested,
    financing: own + thirdParty + requested,
  };
}

/** Months under § 188 BGB, with Date: the period of m months ends the day before the same day number. */
function oracleMonths(start: string, end: string): number | undefined {
  const s = new Date(`${start}T00:00:00Z`);
  const e = Date.parse(`${end}T00:00:00Z`);
  if (e < s.getTime()) return undefined;
  for (let m = 1; ; m++) {
    const [y, mo, d] = [s.getUTCFullYear(), s.getUTCMonth() + m, s.getUTCDate()];
    const sameDay = new Date(Date.UTC(y, mo, d));
    // No such day in that month (31 → February): the period ends on the month's last day.
    const periodEnd = sameDay.getUTCDate() === d ? Date.UTC(y, mo, d - 1) : Date.UTC(y, mo + 1, 0);
    if (e <= periodEnd) return m;
  }
}

/** Every broken rule as `code@path`, computed without the module under test. */
function expectedViolations(content: DraftContent, call: CallForDraftCheck, context: DraftCheckContext) {
  const found: string[] = [];
  const plan = content.financePlan;
  const t = oracleTotals(plan, call.rules.adminFlatRateBps);
  const grantPath = 'financePlan.requestedGrantCents';

  if (t.financing !== t.totalCosts) found.push(`plan-unbalanced@${grantPath}`);
  if (t.requested > BigInt(call.rules.maxGrantCents)) found.push(`max-grant-exceeded@${grantPath}`);
  // requested / total > maxRate / 10,000 and own / total < minShare / 10,000, as exact fractions.
  if (t.totalCosts > 0n && t.requested * 10_000n > BigInt(call.rules.maxFundingRateBps) * t.totalCosts) {
    found.push(`funding-rate-exceeded@${grantPath}`);
  }
  if (t.totalCosts > 0n && t.own * 10_000n < BigInt(call.rules.minOwnShareBps) * t.totalCosts) {
    found.push('own-share-too-low@financePlan.ownContributionCents');
  }

  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const { start, end } = content.projectPeriod ?? {};
  if (start && day(start) < day(call.projectPeriod.earliestStart)) {
    found.push('period-starts-too-early@projectPeriod.start');
  }
  if (end && day(end) > day(call.projectPeriod.latestEnd))
    found.push('period-ends-too-late@projectPeriod.end');
  if (start && end && day(end) < day(start)) found.push('period-end-before-start@projectPeriod.end');
  const months = start && end ? oracleMonths(start, end) : undefined;
  if (months !== undefined && months > call.projectPeriod.maxMonths)
    found.push('period-too-long@projectPeriod.end');
  if (months !== undefined) {
    (plan?.staff ?? []).forEach((line, i) => {
      if (line.months > months) found.push(`staff-months-exceed-period@financePlan.staff.${i}.months`);
    });
  }

  const perYear = plan?.perYear ?? [];
  if (perYear.length > 0) {
    perYear.forEach((entry, i) => {
      const path = `financePlan.perYear.${i}.year`;
      if (
        months !== undefined &&
        start &&
        end &&
        (entry.year < new Date(day(start)).getUTCFullYear() ||
          entry.year > new Date(day(end)).getUTCFullYear())
      ) {
        found.push(`year-outside-period@${path}`);
      }
      if (perYear.slice(0, i).some((earlier) => earlier.year === entry.year))
        found.push(`duplicate-year@${path}`);
    });
    if (sum(perYear.map((entry) => BigInt(entry.amountCents))) !== t.totalCosts) {
      found.push('years-unbalanced@financePlan.perYear');
    }
  }

  for (const name of ['staff', 'material', 'fees', 'thirdParty'] as const) {
    const lines: { id: string }[] = plan?.[name] ?? [];
    lines.forEach((line, i) => {
      if (lines.slice(0, i).some((earlier) => earlier.id === line.id)) {
        found.push(`duplicate-id@financePlan.${name}.${i}.id`);
      }
    });
  }

  if (context.legalForm && !call.eligibleLegalForms.includes(context.legalForm)) {
    found.push('legal-form-not-eligible@orgId');
  }
  return found.sort();
}

/** Every required field still empty, computed without the module under test. */
function expectedMissing(content: DraftContent): string[] {
  const d = content.declarations ?? {};
  const p = content.financePlan ?? {};
  const checks: [string, boolean][] = [
    ['summary', (content.summary ?? '').trim() === ''],
    ['targetGroups', (content.targetGroups ?? []).length === 0],
    ['region', content.region === undefined],
    ['projectPeriod.start', content.projectPeriod?.start === undefined],
    ['projectPeriod.end', content.projectPeriod?.end === undefined],
    ['declarations.notStartedYet', d.earlyStartRequested !== true && d.notStartedYet !== true],
    [
      'declarations.earlyStartReason',
      d.earlyStartRequested === true && (d.earlyStartReason ?? '').trim() === '',
    ],
    ['declarations.subsidyFactsAcknowledged', d.subsidyFactsAcknowledged !== true],
    ['declarations.deMinimisReceived', d.deMinimisReceived === undefined],
    [
      'declarations.deMinimisAmountCents',
      d.deMinimisReceived === true && d.deMinimisAmountCents === undefined,
    ],
    ['declarations.inputTaxDeduction', d.inputTaxDeduction === undefined],
    ['declarations.electronicNotificationConsent', d.electronicNotificationConsent !== true],
    ['financePlan', [...(p.staff ?? []), ...(p.material ?? []), ...(p.fees ?? [])].length === 0],
    ['financePlan.requestedGrantCents', (p.requestedGrantCents ?? 0) <= 0],
  ];
  return checks
    .filter(([, isMissing]) => isMissing)
    .map(([path]) => path)
    .sort();
}

/** The value a dotted path names in the input, or undefined. */
function valueAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const segment of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

interface SchemaDef {
  type: string;
  innerType?: { _zod: { def: SchemaDef } };
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  element?: { _zod: { def: SchemaDef } };
}

/** Whether a dotted path names a field of the draft schema, every list line on the way present in `input`. */
function namesField(path: string, input: unknown): boolean {
  let schema = DraftContent._zod.def as unknown as SchemaDef;
  let node: unknown = input;
  for (const segment of path.split('.')) {
    while (schema.type === 'optional' && schema.innerType) schema = schema.innerType._zod.def;
    const next =
      schema.type === 'object'
        ? schema.shape?.[segment]
        : schema.type === 'array' &&
            Array.isArray(node) &&
            /^\d+$/.test(segment) &&
            Number(segment) < node.length
          ? schema.element
          : undefined;
    if (!next) return false;
    schema = next._zod.def;
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return true;
}

/**
 * Paths that may be reported while still empty, because that is where the treasurer fixes the rule:
 * the requested grant (plan-unbalanced, with nothing requested yet) and the own contribution
 * (own-share-too-low, with none entered yet). `orgId` stands for the organisation's legal form.
 */
const FIELDS_TO_FILL = new Set(['financePlan.requestedGrantCents', 'financePlan.ownContributionCents']);
const AGGREGATE_PATHS = new Set(['orgId']);

// ---------------------------------------------------------------------------------------------- properties

describe('finance rules, for any valid input', () => {
  it('(a) totals balance: costs are staff + material + fees + flat rate, financing is own + third + grant', () => {
    const anyPlan = fc.oneof(
      scenario.map((s) => ({ plan: s.content.financePlan, adminBps: s.call.rules.adminFlatRateBps })),
      fc.record({ plan: extremePlan, adminBps: bps }),
    );
    fc.assert(
      fc.property(anyPlan, ({ plan, adminBps }) => {
        const totals = financeTotals(plan, adminBps);
        const exact = oracleTotals(plan, adminBps);
        const big = (value: number) => BigInt(value);

        expect(totals.directCostsCents).toBe(totals.staffCents + totals.materialCents + totals.feesCents);
        expect(totals.totalCostsCents).toBe(totals.directCostsCents + totals.adminFlatRateCents);
        expect(totals.totalFinancingCents).toBe(
          totals.ownContributionCents + totals.thirdPartyCents + totals.requestedGrantCents,
        );
        expect(
          [totals.staffCents, totals.materialCents, totals.feesCents, totals.adminFlatRateCents].map(big),
        ).toEqual([exact.staff, exact.material, exact.fees, exact.admin]);
        expect(big(totals.thirdPartyCents)).toBe(exact.thirdParty);

        // The flat rate is the largest amount not above the allowed rate.
        const claimed = big(totals.adminFlatRateCents) * 10_000n;
        const allowed = plan?.claimsAdminFlatRate ? big(totals.directCostsCents) * big(adminBps) : 0n;
        expect(claimed <= allowed && allowed < claimed + 10_000n).toBe(true);

        // Rates are floored exactly, and absent without costs.
        const total = big(totals.totalCostsCents);
        if (total === 0n) {
          expect(totals.fundingRateBps).toBeUndefined();
          expect(totals.ownShareBps).toBeUndefined();
        } else {
          for (const [rate, amount] of [
            [totals.fundingRateBps, totals.requestedGrantCents],
            [totals.ownShareBps, totals.ownContributionCents],
          ] as const) {
            const r = big(rate ?? -1);
            expect(r * total <= big(amount) * 10_000n && big(amount) * 10_000n < (r + 1n) * total).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(b) a rule is reported broken exactly when the oracle finds it broken, at the same path', () => {
    fc.assert(
      fc.property(scenario, ({ content, call, context }) => {
        const reported = checkDraft(content, call, context).violations.map((v) => `${v.code}@${v.path}`);
        expect(reported.sort()).toEqual(expectedViolations(content, call, context));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('(b) the boundaries are actually drawn: every rule is seen both broken and kept', () => {
    const broken = new Map<string, number>();
    const samples = fc.sample(scenario, { numRuns: RUNS * 2, seed: 20_270_401 });
    for (const { content, call, context } of samples) {
      const codes = new Set(
        expectedViolations(content, call, context).map((entry) => entry.split('@')[0] ?? ''),
      );
      for (const code of codes) broken.set(code, (broken.get(code) ?? 0) + 1);
    }
    for (const code of VIOLATION_CODES) {
      // Each rule broken in at least 2 % of the drafts and kept in at least 2 %.
      expect(broken.get(code) ?? 0, code).toBeGreaterThan(samples.length / 50);
      expect(samples.length - (broken.get(code) ?? 0), code).toBeGreaterThan(samples.length / 50);
    }
  });

  it('(b) missing lists exactly the required fields that are still empty', () => {
    fc.assert(
      fc.property(scenario, ({ content, call }) => {
        const { missing } = checkDraft(content, call);
        expect(missing.map((m) => m.path).sort()).toEqual(expectedMissing(content));
        expect(missing.every((m) => m.code === 'required')).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('(c) cents never become floats: every figure is a safe integer, also at the schema limits', () => {
    const anyInput = fc.oneof(
      scenario,
      fc.record({ plan: extremePlan, s: scenario }).map(({ plan, s }) => ({
        ...s,
        content: { ...s.content, financePlan: plan },
      })),
    );
    fc.assert(
      fc.property(anyInput, ({ content, call, context }) => {
        const { totals, violations } = checkDraft(content, call, context);
        for (const value of Object.values(totals)) expect(Number.isSafeInteger(value)).toBe(true);
        expect(FinanceTotals.safeParse(totals).success).toBe(true);
        const exact = oracleTotals(content.financePlan, call.rules.adminFlatRateBps);
        expect(BigInt(totals.totalCostsCents)).toBe(exact.totalCosts);
        expect(BigInt(totals.totalFinancingCents)).toBe(exact.financing);
        // Every amount in a message is written in whole cents (€1,234.56), never as a float (1.2e+13).
        for (const { message } of violations) {
          const euroSigns = message.en.split('€').length - 1;
          expect(message.en.match(/€\d{1,3}(,\d{3})*\.\d{2}(?!\d)/g)?.length ?? 0).toBe(euroSigns);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(d) every finding names a field of the input (or a documented aggregate path), in both languages', () => {
    fc.assert(
      fc.property(scenario, ({ content, call, context }) => {
        // The arbitraries only produce drafts the API would accept.
        expect(DraftContent.safeParse(content).success).toBe(true);
        const { violations, missing } = checkDraft(content, call, context);
        for (const v of violations) {
          const inInput = valueAt(content, v.path) !== undefined || FIELDS_TO_FILL.has(v.path);
          expect(AGGREGATE_PATHS.has(v.path) || (namesField(v.path, content) && inInput), v.path).toBe(true);
          expect(v.message.de.length > 0 && v.message.en.length > 0).toBe(true);
        }
        // A missing field is empty, but it is a field of the draft schema.
        for (const m of missing) expect(namesField(m.path, content), m.path).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
