import * as z from 'zod/mini';
import { ApplicationStatus } from './application.schema.ts';
import { Timestamp, Uuid } from './common.schema.ts';

export const CallId = z.string().check(z.regex(/^[a-z0-9-]{3,60}$/));

/** Every status an application can have once it left DRAFT: the partitions of gsi2 (call + status). */
export const QueueStatus = z.enum([
  'SUBMITTED',
  'INCOMPLETE',
  'CLOSED_INCOMPLETE',
  'IN_REVIEW',
  'ASSESSED',
  'WAITLISTED',
  'APPROVED',
  'REJECTED',
  'NOTIFIED',
  'APPEALED',
  'FINAL',
  'WITHDRAWN',
]);
export type QueueStatus = z.infer<typeof QueueStatus>;

/**
 * The statuses staff work on, listed when no status is asked for: waiting for the intake, waiting for
 * the applicant's supplement (its due date runs), in review, and assessed (waiting for a decision).
 */
export const WORKING_STATUSES: readonly QueueStatus[] = ['SUBMITTED', 'INCOMPLETE', 'IN_REVIEW', 'ASSESSED'];

/** A whole number written in the query string, within bounds. */
const QueryInt = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^\d{1,6}$/)),
    z.pipe(
      z.transform((text: string) => Number(text)),
      z.int().check(z.gte(min), z.lte(max)),
    ),
  );

/**
 * GET /api/review/applications (and its CSV export): one queue. `callId` is required unless
 * `assignee=me`; `dueSoon` (days) needs `assignee=me` (due dates live on assignments); `status` cannot be
 * combined with `assignee=me` (an open assignment is on an application in review). The use case checks
 * these combinations, so the OpenAPI document keeps a plain object of parameters.
 */
export const ReviewQueueQuery = z.object({
  callId: z.optional(CallId),
  status: z.optional(QueueStatus),
  assignee: z.optional(z.enum(['me'])),
  dueSoon: z.optional(QueryInt(0, 365)),
  limit: z.optional(QueryInt(1, 100)),
  /** Opaque: the `nextCursor` of the previous page, unchanged. */
  cursor: z.optional(z.string().check(z.maxLength(4000))),
});
export type ReviewQueueQuery = z.output<typeof ReviewQueueQuery>;

/** The export takes the same filters (without paging: it reads every page) and the table's language. */
export const ReviewQueueExportQuery = z.object({
  callId: z.optional(CallId),
  status: z.optional(QueueStatus),
  assignee: z.optional(z.enum(['me'])),
  dueSoon: z.optional(QueryInt(0, 365)),
  /** Language of the header row; the caller's Accept-Language otherwise (German by default). */
  lang: z.optional(z.enum(['de', 'en'])),
  /** Comma (RFC 4180, default) or semicolon (what German Excel splits on when opening a file directly). */
  separator: z.optional(z.enum(['comma', 'semicolon'])),
});
export type ReviewQueueExportQuery = z.output<typeof ReviewQueueExportQuery>;

export const AssignmentRole = z.enum(['content', 'financial']);

/** One line of a work queue: what identifies the application, never its content. */
export const ReviewQueueItem = z.object({
  id: Uuid,
  reference: z.optional(z.string()),
  title: z.string(),
  organisationName: z.optional(z.string()),
  callId: z.string(),
  status: ApplicationStatus,
  submittedAt: z.optional(Timestamp),
  /** The due date that makes it urgent: my assessment (assignee=me) or the applicant's supplement. */
  dueAt: z.optional(Timestamp),
  /** assignee=me: my open assignment on it. */
  assignment: z.optional(z.object({ role: AssignmentRole, assignedAt: Timestamp, dueAt: Timestamp })),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>;

export const ReviewQueuePage = z.object({
  items: z.array(ReviewQueueItem),
  /** Present while there are more items: pass it as `cursor` with the same filters. */
  nextCursor: z.optional(z.string()),
});

export const CallCountsParams = z.object({ callId: CallId });

export const CallCounts = z.object({
  callId: z.string(),
  /** Applications per status (every status after DRAFT; drafts are not the back office's business). */
  counts: z.record(QueueStatus, z.int()),
});
