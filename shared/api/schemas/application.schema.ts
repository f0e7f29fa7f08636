import * as z from 'zod/mini';
import { FinancingType } from './call.schema.ts';
import { Cents, IsoDate, Line, Timestamp, Uuid } from './common.schema.ts';
import { DraftContent, FinanceTotals, Paragraph } from './draft.schema.ts';

export const ApplicationStatus = z.enum([
  'DRAFT',
  'SUBMITTED',
  'INCOMPLETE',
  'CLOSED_INCOMPLETE',
  'IN_REVIEW',
  'ASSESSED',
  /** Competitive calls: below the funding line, moves up if budget is released (Nachrücker). */
  'WAITLISTED',
  'APPROVED',
  'REJECTED',
  'NOTIFIED',
  'APPEALED',
  'FINAL',
  'WITHDRAWN',
]);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** POST /api/applications: a new draft for one of my organisations in an open call. */
export const CreateDraftBody = z.strictObject({
  orgId: Uuid,
  callId: z.string().check(z.regex(/^[a-z0-9-]{3,60}$/)),
  title: Line(3, 200),
});
export type CreateDraftBody = z.infer<typeof CreateDraftBody>;

/** A broken rule or a missing entry, with the field it concerns, in the caller's language. */
export const Finding = z.object({ path: z.string(), code: z.string(), message: z.string() });

/** The applicant's view of an application: its content, where it stands, and what the rules say. */
export const ApplicationView = z.extend(DraftContent, {
  id: Uuid,
  orgId: Uuid,
  callId: z.string(),
  status: ApplicationStatus,
  version: z.int(),
  createdAt: Timestamp,
  createdBy: z.string(),
  updatedAt: Timestamp,
  updatedBy: z.string(),
  submittedAt: z.optional(Timestamp),
  submittedBy: z.optional(z.string()),
  supplementedAt: z.optional(Timestamp),
  contactEmail: z.optional(z.string()),
  /** Aktenzeichen, once the intake has allocated it. */
  reference: z.optional(z.string()),
  /** True while follow-up work (e.g. the intake) still runs after the last change. */
  processing: z.boolean(),
  /** While INCOMPLETE (and afterwards, for the record): what was missing and until when to supply it. */
  nachforderung: z.optional(
    z.object({
      requestedAt: Timestamp,
      dueAt: Timestamp,
      items: z.array(Finding),
      note: z.optional(z.string()),
    }),
  ),
  /** When and why the organisation withdrew it. */
  withdrawal: z.optional(z.object({ at: Timestamp, reason: z.string() })),
  /** Who consented to electronic notification of the Bescheid (§ 41 (2a) VwVfG), and when. */
  notificationConsent: z.optional(z.object({ at: Timestamp, by: z.string() })),
  /** The decision as the Bescheid states it (who decided is the funding body's business). */
  decision: z.optional(
    z.object({
      outcome: z.enum(['approved', 'rejected']),
      grantedCents: z.optional(Cents),
      financingType: FinancingType,
      conditions: z.array(z.string()),
      reasons: z.optional(z.string()),
      decidedAt: Timestamp,
    }),
  ),
  /** A competitive call's waiting list: the place (1 moves up first) while WAITLISTED. */
  waitingList: z.optional(z.object({ rank: z.int() })),
  /** The letters (Bescheide); each is read through GET …/letters/{letterId}. */
  letters: z.optional(
    z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['zuwendungsbescheid', 'ablehnungsbescheid', 'abhilfebescheid', 'widerspruchsbescheid']),
        createdAt: Timestamp,
        firstRetrievedAt: z.optional(Timestamp),
      }),
    ),
  ),
  /** When the Bescheid counted as notified and when the objection period ends (Europe/Berlin). */
  notification: z.optional(z.object({ notifiedOn: IsoDate, appealPeriodEndsAt: Timestamp })),
  /** The objection (Widerspruch), once lodged; once decided, how it ended (the letter says why). */
  objection: z.optional(
    z.object({
      at: Timestamp,
      reason: z.string(),
      outcome: z.optional(z.enum(['remedied', 'dismissed'])),
      decidedAt: z.optional(Timestamp),
    }),
  ),
  /** The finance plan's figures, computed with the call's rules (the same module runs in the browser). */
  totals: FinanceTotals,
  /** Rules the entered values break; submit is refused while there are any. */
  violations: z.array(Finding),
  /** What must still be filled in before the application can be submitted. */
  missing: z.array(Finding),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationParams = z.object({ id: Uuid });

/**
 * PATCH /api/applications/{id}: a JSON merge patch (RFC 7396) of the draft content. Any JSON object is
 * accepted here; the merged result is validated against the draft schema, so errors name real fields.
 */
export const DraftPatch = z.record(z.string(), z.unknown());

/** GET /api/applications: filters of the caller's list. */
export const ListMyApplicationsQuery = z.object({
  orgId: z.optional(Uuid),
  status: z.optional(ApplicationStatus),
});

/** One line of the caller's list of applications. */
export const ApplicationSummary = z.object({
  id: Uuid,
  orgId: Uuid,
  callId: z.string(),
  title: z.string(),
  status: ApplicationStatus,
  version: z.int(),
  reference: z.optional(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  updatedBy: z.string(),
  submittedAt: z.optional(Timestamp),
  processing: z.boolean(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

/** POST /api/applications/{id}/withdraw: why the organisation withdraws (it is recorded and confirmed). */
export const WithdrawBody = z.strictObject({ reason: Paragraph(2000).check(z.minLength(3)) });

/** One step of the applicant's timeline, in the caller's language. */
export const TimelineEntryView = z.object({
  at: Timestamp,
  type: z.string(),
  title: z.string(),
  detail: z.optional(z.string()),
  by: z.object({ kind: z.enum(['member', 'funding-body']), email: z.optional(z.string()) }),
  status: ApplicationStatus,
});
