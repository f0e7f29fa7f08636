import {
  type QueueStatus,
  type ReviewQueueItem,
  WORKING_STATUSES,
} from '../../api/schemas/review-queue.schema.ts';
import { berlinDate } from '../../domain/berlin-time.ts';
import type { OrganisationRepository } from '../../ports/organisation-repository.ts';
import {
  InvalidQueueQueryError,
  type QueueEntry,
  type ReadStats,
  type ReviewQueueReader,
} from '../../ports/review-queue.ts';

export interface ReviewQueueDeps {
  queue: ReviewQueueReader;
  organisations: Pick<OrganisationRepository, 'getMany'>;
}

export interface QueueFilters {
  callId?: string | undefined;
  status?: QueueStatus | undefined;
  assignee?: 'me' | undefined;
  dueSoon?: number | undefined;
}

export interface QueuePageResult {
  items: ReviewQueueItem[];
  nextCursor?: string;
  /** What the index Query read (for tests and logs; not part of the public answer). */
  stats: ReadStats;
}

export const DEFAULT_PAGE_SIZE = 25;
/** The export reads every page, but stops at this many lines (an answer must stay well below 6 MB). */
export const EXPORT_MAX_ROWS = 10_000;

function checkFilters(filters: QueueFilters): void {
  const violations: InvalidQueueQueryError['violations'] = [];
  if (filters.assignee !== 'me' && filters.callId === undefined) {
    violations.push({
      path: 'callId',
      code: 'required',
      message: {
        de: 'Bitte wählen Sie einen Aufruf (oder assignee=me für Ihre Zuweisungen).',
        en: 'Please choose a call (or assignee=me for your assignments).',
      },
    });
  }
  if (filters.assignee === 'me' && filters.status !== undefined) {
    violations.push({
      path: 'status',
      code: 'not_with_assignee',
      message: {
        de: 'Ihre offenen Zuweisungen haben keinen Statusfilter (sie sind in Prüfung).',
        en: 'Your open assignments take no status filter (they are in review).',
      },
    });
  }
  if (filters.dueSoon !== undefined && filters.assignee !== 'me') {
    violations.push({
      path: 'dueSoon',
      code: 'needs_assignee',
      message: {
        de: 'Fälligkeiten gibt es nur für Ihre Zuweisungen (assignee=me).',
        en: 'Due dates exist only for your assignments (assignee=me).',
      },
    });
  }
  if (violations.length > 0) throw new InvalidQueueQueryError(violations);
}

/**
 * The exclusive upper bound of assignment sort keys due within `days` days: the Berlin date after the
 * last included day. Due dates are ends of Berlin days written with their offset, so their date prefix
 * orders them, and everything overdue is included (it is the most urgent).
 */
export function dueBefore(now: Date, days: number): string {
  const today = new Date(`${berlinDate(now)}T00:00:00Z`);
  return new Date(today.getTime() + (days + 1) * 86_400_000).toISOString().slice(0, 10);
}

async function organisationNames(deps: ReviewQueueDeps, entries: readonly QueueEntry[]) {
  const organisations = await deps.organisations.getMany(entries.map((entry) => entry.orgId));
  return new Map(organisations.map((organisation) => [organisation.id, organisation.legalName]));
}

function line(entry: QueueEntry, names: Map<string, string>): ReviewQueueItem {
  const organisationName = names.get(entry.orgId);
  return {
    id: entry.id,
    ...(entry.reference ? { reference: entry.reference } : {}),
    title: entry.title,
    ...(organisationName ? { organisationName } : {}),
    callId: entry.callId,
    status: entry.status,
    ...(entry.submittedAt ? { submittedAt: entry.submittedAt } : {}),
    ...(entry.status === 'INCOMPLETE' && entry.supplementDueAt ? { dueAt: entry.supplementDueAt } : {}),
  };
}

/**
 * One page of a back-office work queue, the most urgent first.
 * Primary course:
 * 1. Check that the filters combine (a call, or assignee=me; due dates only with assignee=me).
 * 2a. By call: one Query per asked status on gsi2 (call + status), the oldest submission first.
 * 2b. assignee=me: one Query on gsi3 (the caller's open assignments), the earliest due first, then the
 *     page's applications in one BatchGet.
 * 3. The organisations' names in one BatchGet (the distinct organisations of the page).
 * Lines carry identification only (title, organisation, call, status, dates): the content is for the
 * single-application view, which checks the reviewer's assignment and declaration.
 */
export async function listReviewQueue(
  deps: ReviewQueueDeps,
  caller: { sub: string },
  filters: QueueFilters,
  page: { limit?: number | undefined; cursor?: string | undefined },
  now: Date,
): Promise<QueuePageResult> {
  checkFilters(filters);
  const limit = page.limit ?? DEFAULT_PAGE_SIZE;
  const cursor = page.cursor ? { cursor: page.cursor } : {};

  if (filters.assignee === 'me') {
    const assignments = await deps.queue.listAssignments({
      reviewerSub: caller.sub,
      ...(filters.callId ? { callId: filters.callId } : {}),
      ...(filters.dueSoon !== undefined ? { dueBy: dueBefore(now, filters.dueSoon) } : {}),
      limit,
      ...cursor,
    });
    const entries = await deps.queue.getEntries(assignments.items.map((a) => a.applicationId));
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    const names = await organisationNames(deps, entries);
    const items = assignments.items.flatMap((assignment) => {
      const entry = byId.get(assignment.applicationId);
      if (!entry) return [];
      const { role, assignedAt, dueAt } = assignment;
      return [{ ...line(entry, names), dueAt, assignment: { role, assignedAt, dueAt } }];
    });
    return {
      items,
      ...(assignments.nextCursor ? { nextCursor: assignments.nextCursor } : {}),
      stats: assignments.stats,
    };
  }

  const statuses = filters.status ? [filters.status] : WORKING_STATUSES;
  const result = await deps.queue.listByCallAndStatus({
    callId: filters.callId as string,
    statuses,
    limit,
    ...cursor,
  });
  const names = await organisationNames(deps, result.items);
  return {
    items: result.items.map((entry) => line(entry, names)),
    ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
    stats: result.stats,
  };
}

/**
 * Every line of a filtered queue (for the CSV export), page by page in queue order, stopping at
 * EXPORT_MAX_ROWS: `truncated` says whether more were left out.
 */
export async function exportReviewQueue(
  deps: ReviewQueueDeps,
  caller: { sub: string },
  filters: QueueFilters,
  now: Date,
  maxRows = EXPORT_MAX_ROWS,
): Promise<{ items: ReviewQueueItem[]; truncated: boolean }> {
  const items: ReviewQueueItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await listReviewQueue(deps, caller, filters, { limit: 100, cursor }, now);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < maxRows);
  let truncated = items.length > maxRows;
  if (!truncated && cursor) {
    // A cursor can remain when the last page ended exactly at a partition's end: look one line further.
    const next = await listReviewQueue(deps, caller, filters, { limit: 1, cursor }, now);
    truncated = next.items.length > 0 || next.nextCursor !== undefined;
  }
  return { items: items.slice(0, maxRows), truncated };
}

/** The number of a call's applications in every status after DRAFT (one COUNT Query per status). */
export async function countReviewQueue(
  deps: Pick<ReviewQueueDeps, 'queue'>,
  callId: string,
  statuses: readonly QueueStatus[],
): Promise<Record<QueueStatus, number>> {
  return deps.queue.countByStatus(callId, statuses);
}
