import * as z from 'zod/mini';
import { ApplicationStatus } from './application.schema.ts';
import { LocalizedText, Timestamp, Uuid } from './common.schema.ts';
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
  assignedAt: Timestamp,
  dueAt: Timestamp,
  declaration: z.optional(z.object({ conflict: z.boolean(), declaredAt: Timestamp })),
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
  /** Approvers: who reviews which role. */
  assignments: z.optional(z.array(AssignmentView)),
});
export type ReviewApplicationView = z.infer<typeof ReviewApplicationView>;
