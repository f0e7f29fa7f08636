import type { ApplicationStatus } from '../api/schemas/application.schema.ts';
import type { QueueStatus } from '../api/schemas/review-queue.schema.ts';
import type { LocalizedText } from '../http/language.ts';

/** One application as a queue shows it: identification only, no content. */
export interface QueueEntry {
  id: string;
  orgId: string;
  reference?: string;
  title: string;
  callId: string;
  status: ApplicationStatus;
  submittedAt?: string;
  /** The open Nachforderung's due date (INCOMPLETE). */
  supplementDueAt?: string;
}

/** One open assignment of a reviewer (see the review data model: gsi3, most urgent first). */
export interface AssignmentEntry {
  applicationId: string;
  callId: string;
  role: 'content' | 'financial';
  assignedAt: string;
  dueAt: string;
}

/** What one Query read: the figures that show a queue does not grow with the table (tests, logs). */
export interface ReadStats {
  scannedCount: number;
  /** Read capacity units; undefined where the store does not report them. */
  consumedCapacity: number | undefined;
}

export interface Page<T> {
  items: T[];
  /** Opaque; absent on the last page. */
  nextCursor?: string;
  stats: ReadStats;
}

/** The back office's lists. Every method is a Query on an index, never a Scan. */
export interface ReviewQueueReader {
  /** A call's applications in these statuses, the oldest submission first (merged across statuses). */
  listByCallAndStatus(input: {
    callId: string;
    statuses: readonly QueueStatus[];
    limit: number;
    cursor?: string;
  }): Promise<Page<QueueEntry>>;
  /** A reviewer's open assignments, the earliest due first; optionally due by `dueBy`, or of one call. */
  listAssignments(input: {
    reviewerSub: string;
    callId?: string;
    dueBy?: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<AssignmentEntry>>;
  /** The applications with these ids (queue lines), in no particular order; unknown ids are left out. */
  getEntries(ids: readonly string[]): Promise<QueueEntry[]>;
  /** The number of applications of the call in each status. */
  countByStatus(callId: string, statuses: readonly QueueStatus[]): Promise<Record<QueueStatus, number>>;
}

/** A query the queue cannot answer: a broken or foreign cursor, or filters that do not combine (422). */
export class InvalidQueueQueryError extends Error {
  readonly violations: { path: string; code: string; message: LocalizedText }[];
  constructor(violations: { path: string; code: string; message: LocalizedText }[]) {
    super(violations.map((v) => `${v.path}: ${v.code}`).join('; '));
    this.name = 'InvalidQueueQueryError';
    this.violations = violations;
  }
}

export const invalidCursor = () =>
  new InvalidQueueQueryError([
    {
      path: 'cursor',
      code: 'invalid_cursor',
      message: {
        de: 'Der Cursor ist ungültig oder gehört zu anderen Filtern. Bitte beginnen Sie wieder mit der ersten Seite.',
        en: 'The cursor is invalid or belongs to other filters. Please start again from the first page.',
      },
    },
  ]);
