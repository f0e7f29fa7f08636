import type { Call } from '#shared/api/schemas/call.schema.ts';
import { berlinTimestamp } from '#shared/domain/berlin-time.ts';
import type { RuleViolation } from '#shared/domain/errors.ts';
import type { Language } from '../../../i18n/messages.ts';
import {
  type AmountProblem,
  formatEuroInput,
  formatPercentInput,
  parseEuroInput,
  parsePercentInput,
  parseWholeNumber,
} from '../../application-form/amounts.ts';

/**
 * The call form's values and how they map to the call definition the API stores (CallDefinition).
 *
 * Field names are the definition's own dotted paths (`rules.maxGrantCents`, `rubric.2.label.de`), so the
 * shared schema's errors, the call rules' violations (call-rules.ts) and the API's 422 field errors all
 * name a field the same way. What differs is what a person types: euros where the call has cents,
 * percentages where it has basis points, a Berlin wall-clock time where it has an instant with offset,
 * numbers as texts. Criteria and documents get their internal ids from their German label when new
 * (an existing one keeps its id: scores and uploads are keyed on it).
 *
 * Pure functions only (no DOM, no React).
 */

export interface LocalizedValues {
  de: string;
  en: string;
}

export interface DocumentValues {
  /** Empty for a new document: made from its German label. */
  id: string;
  label: LocalizedValues;
  mandatory: boolean;
}

export interface CriterionValues {
  /** Empty for a new criterion: made from its German label. */
  id: string;
  label: LocalizedValues;
  weight: string;
}

export interface CallFormValues {
  id: string;
  programme: LocalizedValues;
  strand: string;
  title: LocalizedValues;
  summary: LocalizedValues;
  referencePrefix: string;
  selectionMode: string;
  financingType: string;
  /** Euros as typed. */
  budgetCents: string;
  /** Berlin wall-clock time, `YYYY-MM-DDTHH:mm:ss` (what <input type="datetime-local" step="1"> holds). */
  opensAt: string;
  closesAt: string;
  projectPeriod: { earliestStart: string; latestEnd: string; maxMonths: string };
  /** Euros (the maximum grant) and percentages as typed. */
  rules: {
    maxGrantCents: string;
    maxFundingRateBps: string;
    minOwnShareBps: string;
    adminFlatRateBps: string;
  };
  eligibleLegalForms: string[];
  requiredDocuments: DocumentValues[];
  rubric: CriterionValues[];
}

/** Input that cannot even be read as what the field holds. */
export type InputProblem =
  | { kind: 'amount'; problem: AmountProblem }
  | { kind: 'percent'; problem: AmountProblem | 'range' }
  | { kind: 'whole-number' }
  | { kind: 'date-time' };

export interface InputError {
  path: string;
  problem: InputProblem;
}

/** The fields holding euros and percentages: re-written when the language (and with it the format) changes. */
export const AMOUNT_FIELDS = ['budgetCents', 'rules.maxGrantCents'] as const;
export const PERCENT_FIELDS = [
  'rules.maxFundingRateBps',
  'rules.minOwnShareBps',
  'rules.adminFlatRateBps',
] as const;

/** A new call's form: the programme the product is made for, everything else to be filled in. */
export function emptyCallValues(): CallFormValues {
  return {
    id: '',
    programme: { de: 'FRL Integrative Maßnahmen', en: 'FRL Integrative Measures' },
    strand: '',
    title: { de: '', en: '' },
    summary: { de: '', en: '' },
    referencePrefix: '',
    selectionMode: '',
    financingType: '',
    budgetCents: '',
    opensAt: '',
    closesAt: '',
    projectPeriod: { earliestStart: '', latestEnd: '', maxMonths: '' },
    rules: { maxGrantCents: '', maxFundingRateBps: '', minOwnShareBps: '', adminFlatRateBps: '' },
    eligibleLegalForms: [],
    requiredDocuments: [],
    rubric: [],
  };
}

export const emptyDocument = (): DocumentValues => ({ id: '', label: { de: '', en: '' }, mandatory: true });
export const emptyCriterion = (): CriterionValues => ({ id: '', label: { de: '', en: '' }, weight: '1' });

/** A stored call in the form, amounts and times written as people of `language` write them. */
export function toCallFormValues(call: Call, language: Language): CallFormValues {
  return {
    id: call.id,
    programme: { ...call.programme },
    strand: call.strand,
    title: { ...call.title },
    summary: { ...call.summary },
    referencePrefix: call.referencePrefix,
    selectionMode: call.selectionMode,
    financingType: call.financingType,
    budgetCents: formatEuroInput(call.budgetCents, language),
    opensAt: berlinWallClock(call.opensAt),
    closesAt: berlinWallClock(call.closesAt),
    projectPeriod: {
      earliestStart: call.projectPeriod.earliestStart,
      latestEnd: call.projectPeriod.latestEnd,
      maxMonths: String(call.projectPeriod.maxMonths),
    },
    rules: {
      maxGrantCents: formatEuroInput(call.rules.maxGrantCents, language),
      maxFundingRateBps: formatPercentInput(call.rules.maxFundingRateBps, language),
      minOwnShareBps: formatPercentInput(call.rules.minOwnShareBps, language),
      adminFlatRateBps: formatPercentInput(call.rules.adminFlatRateBps, language),
    },
    eligibleLegalForms: [...call.eligibleLegalForms],
    requiredDocuments: call.requiredDocuments.map((document) => ({
      id: document.id,
      label: { ...document.label },
      mandatory: document.mandatory,
    })),
    rubric: call.rubric.map((criterion) => ({
      id: criterion.id,
      label: { ...criterion.label },
      weight: String(criterion.weight),
    })),
  };
}

const berlinParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the Berlin wall-clock time a datetime-local input shows: `2027-03-31T23:59:59`. */
export function berlinWallClock(iso: string): string {
  const parts = Object.fromEntries(
    berlinParts.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * A Berlin wall-clock time as typed → an instant with its offset. `original` is the stored instant the
 * field started from: unchanged to the second, it is kept exactly (a stored deadline may carry
 * milliseconds the input cannot show, and rewriting it would count as moving the deadline).
 */
export function instantFromWallClock(text: string, original?: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const time = `${match[2]}:${match[3] ?? '00'}`;
  if (original && berlinWallClock(original) === `${match[1]}T${time}`) return original;
  const instant = berlinTimestamp(match[1], time);
  return Number.isNaN(Date.parse(instant)) ? undefined : instant;
}

/**
 * An internal id from a label: lower case, German letters spelled out, other characters as hyphens,
 * 2–40 characters (the schema's pattern), unique among `taken` (a suffix -2, -3, … if needed).
 */
export function idFromLabel(label: string, fallback: string, taken: ReadonlySet<string>): string {
  const slug = label
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 36)
    .replace(/-+$/, '');
  const base = slug.length >= 2 ? slug : fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Ids for the list's new items (empty id), keeping every existing one. */
function withIds<T extends { id: string; label: LocalizedValues }>(
  items: readonly T[],
  fallback: string,
): T[] {
  const taken = new Set(items.map((item) => item.id).filter(Boolean));
  return items.map((item, index) => {
    if (item.id) return item;
    const id = idFromLabel(item.label.de, `${fallback}-${index + 1}`, taken);
    taken.add(id);
    return { ...item, id };
  });
}

/**
 * The typed values read into a call definition (not yet validated: the shared schema does that), and
 * what could not be read at all. Unreadable or empty fields are left out, so the schema names them as
 * missing at their paths; the input errors then say more precisely what is wrong there.
 */
export function toCallDefinition(
  values: CallFormValues,
  language: Language,
  original?: Pick<Call, 'opensAt' | 'closesAt'>,
): { definition: Record<string, unknown>; inputErrors: InputError[] } {
  const inputErrors: InputError[] = [];
  const given = (text: string) => text.trim() !== '';

  const amount = (path: string, text: string): number | undefined => {
    if (!given(text)) return undefined;
    const parsed = parseEuroInput(text, language);
    if (parsed.ok) return parsed.value;
    inputErrors.push({ path, problem: { kind: 'amount', problem: parsed.problem } });
    return undefined;
  };
  const percent = (path: string, text: string): number | undefined => {
    if (!given(text)) return undefined;
    const parsed = parsePercentInput(text, language);
    if (!parsed.ok) {
      inputErrors.push({ path, problem: { kind: 'percent', problem: parsed.problem } });
      return undefined;
    }
    if (parsed.value > 10_000) {
      inputErrors.push({ path, problem: { kind: 'percent', problem: 'range' } });
      return undefined;
    }
    return parsed.value;
  };
  const whole = (path: string, text: string): number | undefined => {
    if (!given(text)) return undefined;
    const parsed = parseWholeNumber(text);
    if (parsed.ok) return parsed.value;
    inputErrors.push({ path, problem: { kind: 'whole-number' } });
    return undefined;
  };
  const instant = (path: 'opensAt' | 'closesAt', text: string): string | undefined => {
    if (!given(text)) return undefined;
    const value = instantFromWallClock(text, original?.[path]);
    if (!value) inputErrors.push({ path, problem: { kind: 'date-time' } });
    return value;
  };
  const text = (value: string) => (given(value) ? value.trim() : undefined);
  const localized = (value: LocalizedValues) => ({ de: value.de.trim(), en: value.en.trim() });

  const definition: Record<string, unknown> = {
    id: text(values.id),
    programme: localized(values.programme),
    strand: text(values.strand),
    title: localized(values.title),
    summary: localized(values.summary),
    referencePrefix: text(values.referencePrefix),
    selectionMode: text(values.selectionMode),
    financingType: text(values.financingType),
    budgetCents: amount('budgetCents', values.budgetCents),
    opensAt: instant('opensAt', values.opensAt),
    closesAt: instant('closesAt', values.closesAt),
    projectPeriod: withoutUndefined({
      earliestStart: text(values.projectPeriod.earliestStart),
      latestEnd: text(values.projectPeriod.latestEnd),
      maxMonths: whole('projectPeriod.maxMonths', values.projectPeriod.maxMonths),
    }),
    rules: withoutUndefined({
      maxGrantCents: amount('rules.maxGrantCents', values.rules.maxGrantCents),
      maxFundingRateBps: percent('rules.maxFundingRateBps', values.rules.maxFundingRateBps),
      minOwnShareBps: percent('rules.minOwnShareBps', values.rules.minOwnShareBps),
      adminFlatRateBps: percent('rules.adminFlatRateBps', values.rules.adminFlatRateBps),
    }),
    eligibleLegalForms: [...values.eligibleLegalForms],
    requiredDocuments: withIds(values.requiredDocuments, 'unterlage').map((document) => ({
      id: document.id,
      label: localized(document.label),
      mandatory: document.mandatory,
    })),
    rubric: withIds(values.rubric, 'kriterium').map((criterion, index) =>
      withoutUndefined({
        id: criterion.id,
        label: localized(criterion.label),
        weight: whole(`rubric.${index}.weight`, criterion.weight),
      }),
    ),
  };
  return { definition: withoutUndefined(definition), inputErrors };
}

function withoutUndefined<T extends Record<string, unknown>>(record: T): T {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record;
}

/**
 * Where a path of the definition is shown in the form: ids of criteria and documents are made from
 * their German label, so what is wrong with an id is said at the label.
 */
export function formPathOf(path: string): string {
  return path.replace(/^(rubric|requiredDocuments)\.(\d+)\.id$/, '$1.$2.label.de');
}

/** The control id of a field (`call-rules-maxGrantCents`); the legal forms' group links to its first box. */
export function callFieldId(path: string): string {
  return `call-${formPathOf(path).replace(/\./g, '-')}`;
}

/** Every field in the page's order, for the error summary (lists are expanded by the caller). */
export const CALL_FIELDS = [
  'id',
  'title.de',
  'title.en',
  'summary.de',
  'summary.en',
  'programme.de',
  'programme.en',
  'strand',
  'referencePrefix',
  'selectionMode',
  'financingType',
  'opensAt',
  'closesAt',
  'projectPeriod.earliestStart',
  'projectPeriod.latestEnd',
  'projectPeriod.maxMonths',
  'budgetCents',
  'rules.maxGrantCents',
  'rules.maxFundingRateBps',
  'rules.minOwnShareBps',
  'rules.adminFlatRateBps',
  'eligibleLegalForms',
] as const;

/** The summary's order with the lists' rows: documents, then the rubric. */
export function callFieldOrder(values: Pick<CallFormValues, 'requiredDocuments' | 'rubric'>): string[] {
  return [
    ...CALL_FIELDS,
    'requiredDocuments',
    ...values.requiredDocuments.flatMap((_, i) => [
      `requiredDocuments.${i}.label.de`,
      `requiredDocuments.${i}.label.en`,
    ]),
    'rubric',
    ...values.rubric.flatMap((_, i) => [
      `rubric.${i}.label.de`,
      `rubric.${i}.label.en`,
      `rubric.${i}.weight`,
    ]),
  ];
}

/**
 * A JSON merge patch (RFC 7396) from `before` to `after`: every top-level field whose value differs, as
 * a whole (objects and lists are small; the server merges objects key by key and replaces lists).
 */
export function callPatch(before: Call, after: Call): Partial<Call> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Call)[]) {
    if (JSON.stringify(canonical(before[key])) !== JSON.stringify(canonical(after[key])))
      patch[key] = after[key];
  }
  return patch as Partial<Call>;
}

/** Keys sorted, so objects that differ only in key order (DynamoDB keeps none) compare equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Violations keyed by the form's field path (the first per field). */
export function violationsByField(violations: readonly RuleViolation[]): Map<string, RuleViolation> {
  const map = new Map<string, RuleViolation>();
  for (const violation of violations) {
    const path = formPathOf(violation.path);
    if (!map.has(path)) map.set(path, violation);
  }
  return map;
}

/** The button that keeps the focus after a move: the same direction, unless the row reached that end. */
export function moveFocusId(idPrefix: string, from: number, to: number, count: number): string {
  const direction = to < from ? 'up' : 'down';
  const atEdge = (direction === 'up' && to === 0) || (direction === 'down' && to === count - 1);
  return `${idPrefix}-${to}-${atEdge ? (direction === 'up' ? 'down' : 'up') : direction}`;
}
