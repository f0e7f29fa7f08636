import type {
  CostLine,
  Declarations,
  DraftContent,
  FinancePlan,
  Region,
  StaffLine,
  TargetGroup,
  ThirdPartyFunds,
  YearAmount,
} from '#shared/api/schemas/draft.schema.ts';
import type { Language } from '../../i18n/messages.ts';
import {
  type AmountProblem,
  formatEuroInput,
  formatPercentInput,
  MAX_AMOUNT_CENTS,
  parseEuroInput,
  parsePercentInput,
  parseWholeNumber,
} from './amounts.ts';

/**
 * The application form's values and how they map to the draft the API stores (DraftContent).
 *
 * Field names are the draft's own dotted paths (`financePlan.staff.2.months`), so the finance rules'
 * violations, the API's field errors and the form's fields all name a field the same way. What differs
 * is the unit a person types in: amounts are euro texts (`1.234,56`) where the draft has cents, the
 * share of full time is a percentage where the draft has basis points, numbers are texts until parsed.
 * Unticked boxes and empty texts are "not entered" (absent in the draft).
 *
 * Pure functions only (no DOM, no React): unit-tested in test/unit/web/application-form/.
 */

export interface StaffLineValues {
  id: string;
  role: string;
  payGrade: string;
  /** Percent of full time as typed; the draft has basis points. */
  hoursShareBps: string;
  months: string;
  /** Euros as typed; the draft has cents. */
  monthlyFullTimeCents: string;
}

export interface CostLineValues {
  id: string;
  description: string;
  amountCents: string;
}

export interface ThirdPartyValues {
  id: string;
  source: string;
  amountCents: string;
  status: '' | 'applied' | 'granted';
}

export interface YearValues {
  year: string;
  amountCents: string;
}

export interface DraftFormValues {
  title: string;
  summary: string;
  targetGroups: TargetGroup[];
  region: Region | '';
  projectPeriod: { start: string; end: string };
  declarations: {
    notStartedYet: boolean;
    earlyStartRequested: boolean;
    earlyStartReason: string;
    subsidyFactsAcknowledged: boolean;
    /** A yes/no question that may still be unanswered. */
    deMinimisReceived: '' | 'yes' | 'no';
    deMinimisAmountCents: string;
    inputTaxDeduction: '' | NonNullable<Declarations['inputTaxDeduction']>;
    electronicNotificationConsent: boolean;
  };
  financePlan: {
    staff: StaffLineValues[];
    material: CostLineValues[];
    fees: CostLineValues[];
    claimsAdminFlatRate: boolean;
    perYear: YearValues[];
    ownContributionCents: string;
    thirdParty: ThirdPartyValues[];
    requestedGrantCents: string;
  };
}

/** Why a typed value could not be read (the schema's own checks come on top). */
export type InputProblem =
  | { kind: 'amount'; problem: AmountProblem; maxCents?: number }
  | { kind: 'percent'; problem: AmountProblem | 'range' }
  | { kind: 'whole-number'; problem: AmountProblem };

export interface InputError {
  path: string;
  problem: InputProblem;
}

/** A full-time month in one pay grade costs at most this (StaffLine.monthlyFullTimeCents). */
export const MAX_MONTHLY_FULL_TIME_CENTS = 2_000_000;

/**
 * The parts of a draft that are saved, compared and resolved as a whole: every single field, and each
 * list of the finance plan (a merge patch replaces a list whole, RFC 7396).
 */
export const FIELD_UNITS = [
  'title',
  'summary',
  'targetGroups',
  'region',
  'projectPeriod.start',
  'projectPeriod.end',
  'declarations.notStartedYet',
  'declarations.earlyStartRequested',
  'declarations.earlyStartReason',
  'declarations.subsidyFactsAcknowledged',
  'declarations.deMinimisReceived',
  'declarations.deMinimisAmountCents',
  'declarations.inputTaxDeduction',
  'declarations.electronicNotificationConsent',
  'financePlan.staff',
  'financePlan.material',
  'financePlan.fees',
  'financePlan.claimsAdminFlatRate',
  'financePlan.perYear',
  'financePlan.ownContributionCents',
  'financePlan.thirdParty',
  'financePlan.requestedGrantCents',
] as const;
export type FieldUnit = (typeof FIELD_UNITS)[number];

/** The unit a field path belongs to (`financePlan.staff.2.months` → `financePlan.staff`). */
export function unitOf(path: string): FieldUnit | undefined {
  return FIELD_UNITS.find((unit) => path === unit || path.startsWith(`${unit}.`));
}

/** The form's values for a stored draft, amounts written in the language's way. */
export function toFormValues(content: DraftContent, language: Language): DraftFormValues {
  const euro = (cents: number | undefined) => (cents === undefined ? '' : formatEuroInput(cents, language));
  const d = content.declarations ?? {};
  const plan = content.financePlan ?? {};
  const costLine = (line: { id: string; description: string; amountCents: number }): CostLineValues => ({
    id: line.id,
    description: line.description,
    amountCents: euro(line.amountCents),
  });
  return {
    title: content.title ?? '',
    summary: content.summary ?? '',
    targetGroups: [...(content.targetGroups ?? [])],
    region: content.region ?? '',
    projectPeriod: { start: content.projectPeriod?.start ?? '', end: content.projectPeriod?.end ?? '' },
    declarations: {
      notStartedYet: d.notStartedYet === true,
      earlyStartRequested: d.earlyStartRequested === true,
      earlyStartReason: d.earlyStartReason ?? '',
      subsidyFactsAcknowledged: d.subsidyFactsAcknowledged === true,
      deMinimisReceived: d.deMinimisReceived === undefined ? '' : d.deMinimisReceived ? 'yes' : 'no',
      deMinimisAmountCents: euro(d.deMinimisAmountCents),
      inputTaxDeduction: d.inputTaxDeduction ?? '',
      electronicNotificationConsent: d.electronicNotificationConsent === true,
    },
    financePlan: {
      staff: (plan.staff ?? []).map((line) => ({
        id: line.id,
        role: line.role,
        payGrade: line.payGrade,
        hoursShareBps: formatPercentInput(line.hoursShareBps, language),
        months: String(line.months),
        monthlyFullTimeCents: euro(line.monthlyFullTimeCents),
      })),
      material: (plan.material ?? []).map(costLine),
      fees: (plan.fees ?? []).map(costLine),
      claimsAdminFlatRate: plan.claimsAdminFlatRate === true,
      perYear: (plan.perYear ?? []).map((entry) => ({
        year: String(entry.year),
        amountCents: euro(entry.amountCents),
      })),
      ownContributionCents: euro(plan.ownContributionCents),
      thirdParty: (plan.thirdParty ?? []).map((line) => ({
        id: line.id,
        source: line.source,
        amountCents: euro(line.amountCents),
        status: line.status,
      })),
      requestedGrantCents: euro(plan.requestedGrantCents),
    },
  };
}

/**
 * The draft the form's values stand for, and what could not be read. A value that cannot be read is
 * left out (undefined); the schema then reports its field too, but the input error explains it better.
 * Texts are trimmed as the schema trims them, so what is compared with the stored draft is what the
 * server would store.
 */
export function toDraftContent(
  values: DraftFormValues,
  language: Language,
): { content: DraftContent; inputErrors: InputError[] } {
  const inputErrors: InputError[] = [];
  const text = (value: string | undefined) => {
    const trimmed = (value ?? '').trim();
    return trimmed === '' ? undefined : trimmed;
  };
  const amount = (path: string, value: string | undefined, maxCents = MAX_AMOUNT_CENTS) => {
    if (!text(value)) return undefined;
    const parsed = parseEuroInput(value ?? '', language, maxCents);
    if (parsed.ok) return parsed.value;
    inputErrors.push({
      path,
      problem: {
        kind: 'amount',
        problem: parsed.problem,
        ...(maxCents !== MAX_AMOUNT_CENTS ? { maxCents } : {}),
      },
    });
    return undefined;
  };
  const whole = (path: string, value: string | undefined) => {
    if (!text(value)) return undefined;
    const parsed = parseWholeNumber(value ?? '');
    if (parsed.ok) return parsed.value;
    inputErrors.push({ path, problem: { kind: 'whole-number', problem: parsed.problem } });
    return undefined;
  };
  const percent = (path: string, value: string | undefined) => {
    if (!text(value)) return undefined;
    const parsed = parsePercentInput(value ?? '', language);
    if (!parsed.ok) {
      inputErrors.push({ path, problem: { kind: 'percent', problem: parsed.problem } });
      return undefined;
    }
    // A share of full time: more than nothing, at most full time.
    if (parsed.value < 1 || parsed.value > 10_000) {
      inputErrors.push({ path, problem: { kind: 'percent', problem: 'range' } });
      return undefined;
    }
    return parsed.value;
  };
  const yes = (value: boolean | undefined) => (value ? true : undefined);

  const d = values.declarations;
  const p = values.financePlan;
  const declarations: Declarations = prune({
    notStartedYet: yes(d.notStartedYet),
    earlyStartRequested: yes(d.earlyStartRequested),
    earlyStartReason: text(d.earlyStartReason),
    subsidyFactsAcknowledged: yes(d.subsidyFactsAcknowledged),
    deMinimisReceived:
      d.deMinimisReceived === 'yes' ? true : d.deMinimisReceived === 'no' ? false : undefined,
    deMinimisAmountCents: amount('declarations.deMinimisAmountCents', d.deMinimisAmountCents),
    inputTaxDeduction: d.inputTaxDeduction || undefined,
    electronicNotificationConsent: yes(d.electronicNotificationConsent),
  });
  const costLines = (list: 'material' | 'fees') =>
    nonEmpty(
      p[list].map((line, index) =>
        prune({
          id: line.id,
          description: text(line.description),
          amountCents: amount(`financePlan.${list}.${index}.amountCents`, line.amountCents),
        }),
      ),
    );
  const financePlan = prune({
    staff: nonEmpty(
      p.staff.map((line, index) =>
        prune({
          id: line.id,
          role: text(line.role),
          payGrade: text(line.payGrade),
          hoursShareBps: percent(`financePlan.staff.${index}.hoursShareBps`, line.hoursShareBps),
          months: whole(`financePlan.staff.${index}.months`, line.months),
          monthlyFullTimeCents: amount(
            `financePlan.staff.${index}.monthlyFullTimeCents`,
            line.monthlyFullTimeCents,
            MAX_MONTHLY_FULL_TIME_CENTS,
          ),
        }),
      ),
    ),
    material: costLines('material'),
    fees: costLines('fees'),
    claimsAdminFlatRate: yes(p.claimsAdminFlatRate),
    perYear: nonEmpty(
      p.perYear.map((entry, index) =>
        prune({
          year: whole(`financePlan.perYear.${index}.year`, entry.year),
          amountCents: amount(`financePlan.perYear.${index}.amountCents`, entry.amountCents),
        }),
      ),
    ),
    ownContributionCents: amount('financePlan.ownContributionCents', p.ownContributionCents),
    thirdParty: nonEmpty(
      p.thirdParty.map((line, index) =>
        prune({
          id: line.id,
          source: text(line.source),
          amountCents: amount(`financePlan.thirdParty.${index}.amountCents`, line.amountCents),
          status: line.status || undefined,
        }),
      ),
    ),
    requestedGrantCents: amount('financePlan.requestedGrantCents', p.requestedGrantCents),
  });
  const content = prune({
    // The title is required; an emptied one stays '' so the schema names it.
    title: values.title.trim(),
    summary: text(values.summary),
    targetGroups: nonEmpty(values.targetGroups ?? []),
    region: values.region || undefined,
    projectPeriod: emptyToUndefined(
      prune({ start: text(values.projectPeriod.start), end: text(values.projectPeriod.end) }),
    ),
    declarations: emptyToUndefined(declarations),
    financePlan: emptyToUndefined(financePlan),
  });
  // Lines with unreadable parts are incomplete DraftContent; the schema check reports them.
  return { content: content as DraftContent, inputErrors };
}

/**
 * The draft as the finance rules can compute it while lines are half filled: a number not (yet)
 * entered counts as 0, so every line keeps its index and the violations name the right line.
 */
export function forRulesCheck(content: DraftContent): DraftContent {
  const plan = content.financePlan as PartialPlan | undefined;
  if (!plan) return content;
  const cost = (line: Partial<CostLine>): CostLine => ({
    id: line.id ?? '',
    description: line.description ?? '',
    amountCents: line.amountCents ?? 0,
  });
  return {
    ...content,
    financePlan: {
      ...plan,
      staff: plan.staff?.map((line) => ({
        id: line.id ?? '',
        role: line.role ?? '',
        payGrade: line.payGrade ?? '',
        hoursShareBps: line.hoursShareBps ?? 0,
        months: line.months ?? 0,
        monthlyFullTimeCents: line.monthlyFullTimeCents ?? 0,
      })),
      material: plan.material?.map(cost),
      fees: plan.fees?.map(cost),
      perYear: plan.perYear?.map((entry) => ({ year: entry.year ?? 0, amountCents: entry.amountCents ?? 0 })),
      thirdParty: plan.thirdParty?.map((line) => ({
        id: line.id ?? '',
        source: line.source ?? '',
        amountCents: line.amountCents ?? 0,
        status: line.status ?? 'applied',
      })),
    },
  };
}

/** A finance plan whose lines may be half filled (what toDraftContent gives while someone types). */
type PartialPlan = Omit<FinancePlan, 'staff' | 'material' | 'fees' | 'perYear' | 'thirdParty'> & {
  staff?: Partial<StaffLine>[];
  material?: Partial<CostLine>[];
  fees?: Partial<CostLine>[];
  perYear?: Partial<YearAmount>[];
  thirdParty?: Partial<ThirdPartyFunds>[];
};

/** The draft as the form would write it back: what a stored draft is compared against. */
export function normalise(content: DraftContent, language: Language): DraftContent {
  return toDraftContent(toFormValues(content, language), language).content;
}

// --- saving: what changed, and what may be sent -------------------------------------------------------

/**
 * The JSON merge patch (RFC 7396) that turns `from` into `to`: changed keys with their new value,
 * removed keys as null, lists whole. Undefined when nothing changed.
 */
export function createMergePatch(from: unknown, to: unknown): unknown {
  if (isPlainObject(from) && isPlainObject(to)) {
    const patch: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
      const before = from[key];
      const after = to[key];
      if (after === undefined) {
        if (before !== undefined) patch[key] = null;
        continue;
      }
      const inner = before === undefined ? after : createMergePatch(before, after);
      if (inner !== undefined) patch[key] = inner;
    }
    return Object.keys(patch).length > 0 ? patch : undefined;
  }
  if (deepEqual(from, to)) return undefined;
  return to;
}

export interface SavePlan {
  /** What to PATCH, or undefined when everything valid is already saved. */
  patch: Record<string, unknown> | undefined;
  /** Units with input that cannot be saved yet (unreadable or against the schema); kept in the form. */
  heldBack: FieldUnit[];
  /** Whether the form holds anything the server does not have yet (saveable or not). */
  dirty: boolean;
}

/**
 * What autosave sends: the changes against the saved draft (`baseline`, normalised), without the units
 * that hold invalid input — those keep their saved value on the server until they are corrected, so a
 * half-typed line never makes the whole save fail. `invalidPaths` are the field paths the schema and
 * the input parsing refused.
 */
export function planSave(
  baseline: DraftContent,
  next: DraftContent,
  invalidPaths: readonly string[],
): SavePlan {
  const heldBack = [...new Set(invalidPaths.map((path) => unitOf(path) ?? (path as FieldUnit)))];
  let saveable: unknown = next;
  for (const unit of heldBack) saveable = setAt(saveable, unit, getAt(baseline, unit));
  const patch = createMergePatch(baseline, saveable) as Record<string, unknown> | undefined;
  // The stored draft passed the schema, so a unit with invalid input is one the person changed.
  const dirty = heldBack.length > 0 || createMergePatch(baseline, next) !== undefined;
  return { patch, heldBack, dirty };
}

// --- a version conflict: three versions of each unit ---------------------------------------------------

export interface ConflictMerge {
  /** The stored version with every change of mine that nobody else touched. */
  merged: DraftContent;
  /** Units both sides changed differently: the person chooses. */
  conflicts: FieldUnit[];
  /** Units only the other side changed: taken from the stored version (the form is updated). */
  takenFromTheirs: FieldUnit[];
}

/**
 * Three-way merge after a 412: `base` is the version the person started from, `mine` the form, `theirs`
 * the version now stored. A unit only I changed keeps mine, one only they changed takes theirs, one both
 * changed to different values is a conflict (mine stays in `merged` until the person chooses).
 */
export function mergeThreeWays(
  base: DraftContent,
  mine: DraftContent,
  theirs: DraftContent,
  /** Units whose input could not be read: changed by me even if what could be read equals the base. */
  alsoChangedByMe: ReadonlySet<string> = new Set(),
): ConflictMerge {
  let merged: unknown = theirs;
  const conflicts: FieldUnit[] = [];
  const takenFromTheirs: FieldUnit[] = [];
  for (const unit of FIELD_UNITS) {
    const [b, m, t] = [getAt(base, unit), getAt(mine, unit), getAt(theirs, unit)];
    if (deepEqual(m, b) && !alsoChangedByMe.has(unit)) {
      if (!deepEqual(t, b)) takenFromTheirs.push(unit);
      continue;
    }
    merged = setAt(merged, unit, m);
    if (!deepEqual(t, b) && !deepEqual(t, m)) conflicts.push(unit);
  }
  return { merged: merged as DraftContent, conflicts, takenFromTheirs };
}

// --- paths ---------------------------------------------------------------------------------------------

/** The value at a dotted path (`financePlan.staff.2.months`), or undefined. */
export function getAt(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * A copy with the value at a dotted path replaced (undefined removes it from an object); objects on the
 * way are made, lists are copied and indexed by the numeric parts.
 */
export function setAt(value: unknown, path: string, next: unknown): unknown {
  const [key = '', ...rest] = path.split('.');
  const inner = rest.length === 0 ? next : setAt(getAt(value, key), rest.join('.'), next);
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(key)] = inner;
    return copy;
  }
  const object = isPlainObject(value) ? { ...value } : {};
  const emptied = isPlainObject(inner) && Object.keys(inner).length === 0 && rest.length > 0;
  if (inner === undefined || emptied) delete object[key];
  else object[key] = inner;
  return object;
}

// --- helpers ---------------------------------------------------------------------------------------------

/** Without its undefined members, so absent and "not entered" compare equal. */
function prune<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

function emptyToUndefined<T extends Record<string, unknown>>(object: T): T | undefined {
  return Object.keys(object).length > 0 ? object : undefined;
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}
