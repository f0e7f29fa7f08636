import * as z from 'zod/mini';
import { BasisPoints, Cents, IsoDate, LocalizedText, Timestamp } from './common.schema.ts';

/** Förderbereiche (strands) of the FRL Integrative Maßnahmen, A to F. */
export const Strand = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);

/** Rolling: decided one by one while budget remains. Competitive: ranked after the deadline. */
export const SelectionMode = z.enum(['rolling', 'competitive']);

/**
 * Finanzierungsart: partial = Anteilfinanzierung, deficit = Fehlbedarfsfinanzierung,
 * fixed = Festbetragsfinanzierung, full = Vollfinanzierung.
 */
export const FinancingType = z.enum(['partial', 'deficit', 'fixed', 'full']);

/** Legal forms of applicants: e.V., gGmbH, welfare organisation, research institution, … */
export const LegalForm = z.enum([
  'eingetragener-verein',
  'ggmbh',
  'wohlfahrtsverband',
  'forschungseinrichtung',
  'religionsgemeinschaft',
  'sprachkurstraeger',
  'volkshochschule',
]);

export const FinanceRules = z.object({
  maxGrantCents: Cents,
  /** Förderquote: the grant's highest share of the eligible costs. */
  maxFundingRateBps: BasisPoints,
  /** Eigenanteil: the lowest own contribution as a share of the total costs. */
  minOwnShareBps: BasisPoints,
  /** Verwaltungskostenpauschale: admin costs as a flat share of the direct costs. */
  adminFlatRateBps: BasisPoints,
});

export const ProjectPeriod = z.object({
  earliestStart: IsoDate,
  latestEnd: IsoDate,
  maxMonths: z.int().check(z.gte(1), z.lte(60)),
});

export const RequiredDocument = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/)),
  label: LocalizedText,
  mandatory: z.boolean(),
});

export const RubricCriterion = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/)),
  label: LocalizedText,
  /** Weight of the criterion in the total score; each criterion is scored 0–5. */
  weight: z.int().check(z.gte(1), z.lte(10)),
});

export const CallPhase = z.enum(['upcoming', 'open', 'closed']);

/** A call for proposals (Förderaufruf) with its rules. */
export const Call = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{3,60}$/)),
  programme: LocalizedText,
  strand: Strand,
  title: LocalizedText,
  summary: LocalizedText,
  /** Prefix of Aktenzeichen allocated in this call, e.g. IM-2026-B. */
  referencePrefix: z.string().check(z.regex(/^[A-Z]{2,4}-\d{4}-[A-Z]$/)),
  selectionMode: SelectionMode,
  financingType: FinancingType,
  budgetCents: Cents,
  opensAt: Timestamp,
  closesAt: Timestamp,
  projectPeriod: ProjectPeriod,
  rules: FinanceRules,
  eligibleLegalForms: z.array(LegalForm).check(z.minLength(1)),
  requiredDocuments: z.array(RequiredDocument),
  rubric: z.array(RubricCriterion),
});
export type Call = z.infer<typeof Call>;

/**
 * What an admin writes: a call's definition, nothing else. Strict, so a misspelt or read-only field
 * (`phase`, `version`, `applicationCount`) is refused with its name instead of being dropped silently.
 * POST /api/admin/calls takes it as its body; a PATCH must leave a call that still fits it.
 */
export const CallDefinition = z.strictObject(Call.shape);

/** PATCH /api/admin/calls/{callId}: a JSON merge patch (RFC 7396) of the call's definition. */
export const CallPatch = z.record(z.string(), z.unknown());

/** The public view of a call: its definition and the phase it is in now. Bookkeeping stays internal. */
export const CallView = z.extend(Call, { phase: CallPhase });
export type CallView = z.infer<typeof CallView>;

/** The admins' view: the public view plus who changed it when and whether applications lock its rules. */
export const AdminCallView = z.extend(CallView, {
  version: z.int(),
  /** Absent on calls stored before calls were versioned. */
  createdAt: z.optional(Timestamp),
  createdBy: z.optional(z.string()),
  updatedAt: z.optional(Timestamp),
  updatedBy: z.optional(z.string()),
  /** Drafts and applications created in this call. Above 0, its rules are locked (see call-rules.ts). */
  applicationCount: z.int(),
});
export type AdminCallView = z.infer<typeof AdminCallView>;

export const CallParams = z.object({ callId: z.string().check(z.regex(/^[a-z0-9-]{3,60}$/)) });

/**
 * GET /api/calls?phase=…: without a phase, the calls a visitor can still act on (upcoming and open);
 * `closed` lists past calls, the most recent deadline first.
 */
export const ListCallsQuery = z.object({ phase: z.optional(CallPhase) });
export type ListCallsQuery = z.infer<typeof ListCallsQuery>;
