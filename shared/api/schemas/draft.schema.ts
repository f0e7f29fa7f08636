import * as z from 'zod/mini';
import { Cents, IsoDate, Line } from './common.schema.ts';

/**
 * What an association writes into its application while it is a draft. Every field is optional while
 * drafting (autosave stores half-finished work); the finance rules report what is still missing or
 * wrong, and submit refuses until nothing is.
 */

/** A multi-line text (summaries, reasons): limited length, no control characters except line breaks. */
export const Paragraph = (max: number) =>
  z.string().check(
    z.trim(),
    z.maxLength(max),
    z.refine((text) => ![...text].some(isForbiddenControl), {
      error: 'Steuerzeichen sind nicht erlaubt / control characters are not allowed',
    }),
  );

/** Control characters other than tab and line breaks. */
function isForbiddenControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
}

/** Target groups of the FRL IM (Zielgruppen), as the official form lists them. */
export const TargetGroup = z.enum([
  'gefluechtete',
  'neuzugewanderte',
  'frauen',
  'kinder-jugendliche',
  'eltern',
  'aeltere',
  'arbeitsuchende',
  'ehrenamtliche',
  'aufnahmegesellschaft',
]);
export type TargetGroup = z.infer<typeof TargetGroup>;

/** Where the project takes place: the ten Landkreise, the three Kreisfreie Städte, or all of Saxony. */
export const Region = z.enum([
  'bautzen',
  'erzgebirgskreis',
  'goerlitz',
  'landkreis-leipzig',
  'meissen',
  'mittelsachsen',
  'nordsachsen',
  'saechsische-schweiz-osterzgebirge',
  'vogtlandkreis',
  'zwickau',
  'chemnitz',
  'dresden',
  'leipzig',
  'sachsenweit',
]);
export type Region = z.infer<typeof Region>;

/** Ids of lines in the finance plan: stable keys the browser and the violations refer to. */
const LineId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/));

/** Pay grades of the public-sector scales TVöD / TV-L (E1–E15, S2–S18 for social work). */
export const PayGrade = z.string().check(z.regex(/^(E(1[0-5]|[1-9])|S(1[0-8]|[2-9]))$/));

/** A staff line (Personalausgaben): one role, its pay grade, its share of full time and its months. */
export const StaffLine = z.strictObject({
  id: LineId,
  role: Line(2, 120),
  payGrade: PayGrade,
  /** Share of a full-time position, in basis points: half time is 5000. */
  hoursShareBps: z.int().check(z.gte(1), z.lte(10_000)),
  months: z.int().check(z.gte(1), z.lte(60)),
  /** Employer's gross cost of a full-time month in this grade, in cents (at most 20,000 €). */
  monthlyFullTimeCents: z.int().check(z.gte(0), z.lte(2_000_000)),
});
export type StaffLine = z.infer<typeof StaffLine>;

/** A material or fee line (Sachausgaben, Honorare): what it is for and what it costs. */
export const CostLine = z.strictObject({
  id: LineId,
  description: Line(2, 200),
  amountCents: Cents,
});
export type CostLine = z.infer<typeof CostLine>;

/** Third-party funds (Drittmittel): other public or private money for the same project. */
export const ThirdPartyFunds = z.strictObject({
  id: LineId,
  source: Line(2, 200),
  amountCents: Cents,
  status: z.enum(['applied', 'granted']),
});
export type ThirdPartyFunds = z.infer<typeof ThirdPartyFunds>;

/** How much of the total costs falls into one calendar year of the project. */
export const YearAmount = z.strictObject({
  year: z.int().check(z.gte(2000), z.lte(2100)),
  amountCents: Cents,
});
export type YearAmount = z.infer<typeof YearAmount>;

/**
 * The Kosten- und Finanzierungsplan. Costs: staff, material, fees, and the admin flat rate, which is
 * computed from the call's rate (never typed in). Financing: own contribution, third-party funds and
 * the requested grant, which must add up to the costs. All money is integer cents.
 */
export const FinancePlan = z.strictObject({
  staff: z.optional(z.array(StaffLine).check(z.maxLength(50))),
  material: z.optional(z.array(CostLine).check(z.maxLength(100))),
  fees: z.optional(z.array(CostLine).check(z.maxLength(100))),
  /** Whether the organisation claims the call's admin flat rate (Verwaltungskostenpauschale). */
  claimsAdminFlatRate: z.optional(z.boolean()),
  /** The total costs split by calendar year of the project; must add up to the total costs. */
  perYear: z.optional(z.array(YearAmount).check(z.maxLength(6))),
  ownContributionCents: z.optional(Cents),
  thirdParty: z.optional(z.array(ThirdPartyFunds).check(z.maxLength(20))),
  requestedGrantCents: z.optional(Cents),
});
export type FinancePlan = z.infer<typeof FinancePlan>;

/** The declarations the official application form asks for. */
export const Declarations = z.strictObject({
  /** The project has not started, and no contract for it has been signed (no early start). */
  notStartedYet: z.optional(z.boolean()),
  /** Asks for approval of an early start (vorzeitiger Maßnahmebeginn), with the reason. */
  earlyStartRequested: z.optional(z.boolean()),
  earlyStartReason: z.optional(Paragraph(2000)),
  /** Acknowledges that the facts stated are subsidy-relevant under § 264 StGB (Subventionsbetrug). */
  subsidyFactsAcknowledged: z.optional(z.boolean()),
  /** De-minimis aid received in the current and the two previous years (EU 2023/2831). */
  deMinimisReceived: z.optional(z.boolean()),
  deMinimisAmountCents: z.optional(Cents),
  /** Whether the organisation may deduct input tax (Vorsteuerabzug); if so, costs are net. */
  inputTaxDeduction: z.optional(z.enum(['none', 'partial', 'full'])),
  /**
   * Consent to electronic notification (§ 41 (2a) VwVfG): the Bescheid is made available in the portal
   * and counts as notified the day after its first retrieval. Submitting requires it.
   */
  electronicNotificationConsent: z.optional(z.boolean()),
});
export type Declarations = z.infer<typeof Declarations>;

export const ProjectDates = z.strictObject({
  start: z.optional(IsoDate),
  end: z.optional(IsoDate),
});
export type ProjectDates = z.infer<typeof ProjectDates>;

/** Everything of a draft that members edit (PATCH merges into it). */
export const DraftContent = z.strictObject({
  title: Line(3, 200),
  summary: z.optional(Paragraph(4000)),
  targetGroups: z.optional(z.array(TargetGroup).check(z.maxLength(TargetGroup.options.length))),
  region: z.optional(Region),
  projectPeriod: z.optional(ProjectDates),
  declarations: z.optional(Declarations),
  financePlan: z.optional(FinancePlan),
});
export type DraftContent = z.infer<typeof DraftContent>;

/**
 * A sum of amounts computed from a plan. It can pass the limit of a single amount (100 material lines at
 * the highest amount are 10^13 cents), so it is only bounded by z.int() itself: a safe integer.
 */
const CentsSum = z.int().check(z.gte(0));

/**
 * A share computed from a plan, in basis points. Above 10,000 (100 %) while the financing exceeds the
 * costs, e.g. a grant requested before any cost is entered; the rules report that as an unbalanced plan.
 */
const ComputedShareBps = z.int().check(z.gte(0));

/** The computed figures of a finance plan, in cents and basis points (floored). */
export const FinanceTotals = z.object({
  staffCents: CentsSum,
  materialCents: CentsSum,
  feesCents: CentsSum,
  directCostsCents: CentsSum,
  adminFlatRateCents: CentsSum,
  totalCostsCents: CentsSum,
  thirdPartyCents: CentsSum,
  ownContributionCents: Cents,
  requestedGrantCents: Cents,
  totalFinancingCents: CentsSum,
  /** Requested grant ÷ total costs; absent while there are no costs. */
  fundingRateBps: z.optional(ComputedShareBps),
  /** Own contribution ÷ total costs; absent while there are no costs. */
  ownShareBps: z.optional(ComputedShareBps),
});
export type FinanceTotals = z.infer<typeof FinanceTotals>;
