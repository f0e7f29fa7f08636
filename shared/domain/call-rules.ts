import type { Call } from '../api/schemas/call.schema.ts';
import type { RuleViolation } from './errors.ts';
import { lastDayOfMonths } from './project-period.ts';

/**
 * The rules a call's definition must keep beyond its schema: the ones that relate fields to each other.
 * A call breaking them would publish terms nobody can meet, so the admin API refuses it (422, each
 * violation with the path of the field to correct). Pure: no clock, no storage.
 */
export function callRuleViolations(call: Call): RuleViolation[] {
  const violations: RuleViolation[] = [];

  if (Date.parse(call.closesAt) <= Date.parse(call.opensAt)) {
    violations.push({
      path: 'closesAt',
      code: 'closes-before-opening',
      message: {
        de: 'Die Einreichungsfrist muss nach der Öffnung des Aufrufs enden.',
        en: 'The deadline must come after the call opens.',
      },
    });
  }

  const { earliestStart, latestEnd, maxMonths } = call.projectPeriod;
  if (latestEnd < earliestStart) {
    // ISO dates compare as strings.
    violations.push({
      path: 'projectPeriod.latestEnd',
      code: 'period-ends-before-start',
      message: {
        de: 'Das späteste Projektende darf nicht vor dem frühesten Projektbeginn liegen.',
        en: 'The latest project end must not be before the earliest project start.',
      },
    });
  } else if (lastDayOfMonths(earliestStart, maxMonths) > latestEnd) {
    // A maximum duration longer than the window would promise projects that cannot be funded in full.
    violations.push({
      path: 'projectPeriod.maxMonths',
      code: 'max-months-exceed-period',
      message: {
        de: `Ein Projekt von ${maxMonths} Monaten ab dem frühesten Beginn endet nach dem spätesten Projektende.`,
        en: `A project of ${maxMonths} months from the earliest start would end after the latest project end.`,
      },
    });
  }

  const { maxFundingRateBps, minOwnShareBps } = call.rules;
  if (maxFundingRateBps + minOwnShareBps > 10_000) {
    // The grant and the own share are both shares of the same costs: together at most 100 %.
    violations.push({
      path: 'rules.minOwnShareBps',
      code: 'rate-and-own-share-exceed-costs',
      message: {
        de: 'Förderquote und Mindest-Eigenanteil ergeben zusammen mehr als 100 % der Kosten; beides kann nicht zugleich gelten.',
        en: 'The funding rate and the minimum own share add up to more than 100 % of the costs; they cannot both hold.',
      },
    });
  }

  violations.push(
    ...duplicateIds(call.rubric, 'rubric'),
    ...duplicateIds(call.requiredDocuments, 'requiredDocuments'),
  );

  if (call.selectionMode === 'competitive' && call.rubric.length === 0) {
    violations.push({
      path: 'rubric',
      code: 'rubric-required',
      message: {
        de: 'Ein Aufruf im Wettbewerb braucht mindestens ein Bewertungskriterium, nach dem gereiht wird.',
        en: 'A competitive call needs at least one scoring criterion to rank by.',
      },
    });
  }

  return violations;
}

/** Each id repeated after its first use, at the path of the repetition (scores and uploads key on ids). */
function duplicateIds(
  items: readonly { id: string }[],
  list: 'rubric' | 'requiredDocuments',
): RuleViolation[] {
  const seen = new Set<string>();
  const violations: RuleViolation[] = [];
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      violations.push({
        path: `${list}.${index}.id`,
        code: 'duplicate-id',
        message: {
          de: `Die Kennung „${item.id}“ kommt mehrfach vor.`,
          en: `The id "${item.id}" is used more than once.`,
        },
      });
    }
    seen.add(item.id);
  });
  return violations;
}

/**
 * The changes from `before` to `after` that are NOT allowed once a call has applications, as field
 * paths (`rules.maxGrantCents`, `rubric`, …); empty when the change is allowed at any time.
 *
 * Associations applied under the published terms, and reviewers score against them, so the terms are
 * frozen with the first draft. Allowed still:
 * - a later deadline (`closesAt`): extending a deadline (Fristverlängerung) takes nothing from anyone
 *   who applied; bringing it forward would, so it is locked;
 * - the display texts `title` and `summary`: typos and translations, no terms. (`programme` is locked:
 *   it names the legal basis applicants applied under.)
 * - a larger `budgetCents`: a top-up (Aufstockung) lets more projects be funded and harms nobody. A
 *   smaller budget could fall below what is committed already or move a competitive call's funding
 *   line after applicants have relied on it, so it is locked.
 * Everything else (rules, project period, selection mode, financing type, eligible legal forms, required
 * documents, rubric, reference prefix, opening time) decides who may apply, for what, and how they are
 * judged: locked.
 */
export function lockedChanges(before: Call, after: Call): string[] {
  return callChanges(before, after).filter((path) => !allowedWithApplications(path, before, after));
}

/** Every field path whose value differs between two definitions of a call; empty when they are the same. */
export function callChanges(before: Call, after: Call): string[] {
  return changedPaths(before, after, '');
}

function allowedWithApplications(path: string, before: Call, after: Call): boolean {
  if (path === 'closesAt') return Date.parse(after.closesAt) > Date.parse(before.closesAt);
  if (path === 'budgetCents') return after.budgetCents > before.budgetCents;
  return /^(title|summary)\.(de|en)$/.test(path);
}

/** Timestamps are compared as instants: `…T23:59:59+01:00` and `…T22:59:59Z` are the same deadline. */
const TIMESTAMP_FIELDS = new Set(['opensAt', 'closesAt']);

/**
 * Paths whose values differ. Objects are compared key by key (so `rules.maxGrantCents` is named, not
 * just `rules`); arrays and scalars as a whole (a reordered rubric is a changed rubric).
 */
function changedPaths(before: unknown, after: unknown, prefix: string): string[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) =>
      changedPaths(before[key], after[key], prefix ? `${prefix}.${key}` : key),
    );
  }
  if (TIMESTAMP_FIELDS.has(prefix) && typeof before === 'string' && typeof after === 'string') {
    return Date.parse(before) === Date.parse(after) ? [] : [prefix];
  }
  return deepEqual(before, after) ? [] : [prefix];
}

/** Structural equality that ignores key order (DynamoDB does not keep the order of map keys). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]))
    );
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
