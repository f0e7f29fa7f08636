import * as z from 'zod/mini';
import { ApplicationStatus } from './application.schema.ts';
import { AssessmentBody, Recommendation } from './assessment.schema.ts';
import { Cents, IsoDate, LocalizedText, Timestamp, Uuid } from './common.schema.ts';
import { DraftContent, FinanceTotals, Paragraph } from './draft.schema.ts';

export const ReviewRole = z.enum(['content', 'financial']);

/** POST …/conflict-declaration: whether the assigned reviewer has a conflict of interest here. */
export const ConflictDeclarationBody = z.strictObject({
  conflict: z.boolean(),
  note: z.optional(Paragraph(2000)),
});
export type ConflictDeclarationBody = z.infer<typeof ConflictDeclarationBody>;

export const ConflictDeclarationResult = z.object({
  applicationId: Uuid,
  role: ReviewRole,
  conflict: z.boolean(),
  declaredAt: Timestamp,
  /** conflict=true: whether someone else took the role (false: it waits for an admin). */
  reassigned: z.optional(z.boolean()),
  message: LocalizedText,
});

/** POST /api/admin/applications/{id}/reassign */
export const ReassignBody = z.strictObject({
  role: ReviewRole,
  reviewerSub: z.string().check(z.minLength(1), z.maxLength(100)),
});
export type ReassignBody = z.infer<typeof ReassignBody>;

export const AssignmentView = z.object({
  role: ReviewRole,
  reviewerSub: z.string(),
  /** The reviewer's name from the staff directory (absent for someone no longer in it). */
  reviewerName: z.optional(z.string()),
  assignedAt: Timestamp,
  dueAt: Timestamp,
  declaration: z.optional(z.object({ conflict: z.boolean(), declaredAt: Timestamp })),
  /** When this role's assessment was recorded: the work on it is done. */
  assessedAt: z.optional(Timestamp),
});

export const ReassignResult = z.object({
  applicationId: Uuid,
  assignment: AssignmentView,
  previousReviewerSub: z.optional(z.string()),
});

/**
 * The back office's view of an application. `access: 'limited'` (an assigned reviewer who has not
 * declared yet) carries only the identifying fields; 'full' adds the content, finance figures and
 * documents.
 */
export const ReviewApplicationView = z.object({
  access: z.enum(['limited', 'full']),
  id: Uuid,
  title: z.string(),
  organisation: z.object({ id: Uuid, name: z.string() }),
  call: z.object({ id: z.string(), title: LocalizedText }),
  reference: z.optional(z.string()),
  /** The caller's own assignment(s), when they are an assigned reviewer. */
  myAssignments: z.optional(z.array(AssignmentView)),
  status: z.optional(ApplicationStatus),
  submittedAt: z.optional(Timestamp),
  content: z.optional(DraftContent),
  totals: z.optional(FinanceTotals),
  /** The documents received (verified uploads). */
  documents: z.optional(
    z.array(
      z.object({ id: Uuid, type: z.string(), fileName: z.string(), contentType: z.string(), size: z.int() }),
    ),
  ),
  /**
   * The latest Nachforderung, while INCOMPLETE and afterwards for the record: what was asked for (each
   * item in both languages; a reviewer's items stand as written), until when, by whom ('system' for the
   * intake's completeness check, else the reviewer's sub).
   */
  nachforderung: z.optional(
    z.object({
      requestedAt: Timestamp,
      requestedBy: z.string(),
      dueAt: Timestamp,
      items: z.array(z.object({ path: z.string(), code: z.string(), message: LocalizedText })),
      note: z.optional(z.string()),
    }),
  ),
  /** Approvers: who reviews which role. */
  assignments: z.optional(z.array(AssignmentView)),
  /** Approvers: what they decide on — the recorded assessments and their summary. */
  assessments: z.optional(
    z.array(z.intersection(AssessmentBody, z.object({ reviewerSub: z.string(), submittedAt: Timestamp }))),
  ),
  assessmentSummary: z.optional(
    z.object({
      totalScore: z.number(),
      maxScore: z.number(),
      recommendations: z.object({ content: Recommendation, financial: Recommendation }),
      eligibleCostsCents: Cents,
      recommendedGrantCents: Cents,
      completedAt: Timestamp,
    }),
  ),
  /** Approvers: the decision and what followed it (letters, notification, objection). */
  decision: z.optional(
    z.object({
      outcome: z.enum(['approved', 'rejected']),
      grantedCents: z.optional(Cents),
      financingType: z.string(),
      conditions: z.array(z.string()),
      reasons: z.optional(z.string()),
      rejectionGround: z.optional(z.enum(['merits', 'lack-of-funds'])),
      decidedBy: z.string(),
      decidedAt: Timestamp,
      batchId: z.optional(z.string()),
    }),
  ),
  waitingList: z.optional(z.object({ rank: z.int(), proposedGrantCents: Cents, placedAt: Timestamp })),
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
  notification: z.optional(
    z.object({ retrievedAt: Timestamp, notifiedOn: IsoDate, appealPeriodEndsAt: Timestamp }),
  ),
  objection: z.optional(
    z.object({
      at: Timestamp,
      reason: z.string(),
      outcome: z.optional(z.enum(['remedied', 'dismissed'])),
      decidedAt: z.optional(Timestamp),
      decidedBy: z.optional(z.string()),
      reasons: z.optional(z.string()),
      /** Remedied: the grant before (0 after a rejection); `decision` holds the new one. */
      previousGrantedCents: z.optional(Cents),
    }),
  ),
});
export type ReviewApplicationView = z.infer<typeof ReviewApplicationView>;
