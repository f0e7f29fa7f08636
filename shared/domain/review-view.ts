import type { Call } from '../api/schemas/call.schema.ts';
import type { ReviewApplicationView } from '../api/schemas/review.schema.ts';
import { type Application, draftContentOf } from './application.ts';
import type { Assessment } from './assessment.ts';
import type { ApplicationDocument } from './document.ts';
import { checkDraft } from './finance-rules.ts';
import type { Assignment } from './review.ts';

/** What the caller may see of an application in the back office; 'none' is answered as 404. */
export type ReviewAccess = 'none' | 'limited' | 'full';

/**
 * How much of an application a back-office caller sees. Approvers see it all. An assigned reviewer
 * sees only what identifies it until they have declared no conflict of interest (on every role they
 * hold), then all of it. Anyone else — an unassigned reviewer, or one who declared a conflict and so
 * lost the assignment — sees nothing. Drafts are the organisation's own business: nobody here.
 */
export function reviewAccessOf(input: {
  caller: { sub: string; groups: readonly string[] };
  application: Pick<Application, 'status'>;
  assignments: readonly Assignment[];
}): ReviewAccess {
  if (input.application.status === 'DRAFT') return 'none';
  if (input.caller.groups.includes('approver')) return 'full';
  if (!input.caller.groups.includes('reviewer')) return 'none';
  const mine = input.assignments.filter((assignment) => assignment.reviewerSub === input.caller.sub);
  if (mine.length === 0) return 'none';
  if (mine.some((assignment) => assignment.declaration?.conflict === true)) return 'none';
  return mine.every((assignment) => assignment.declaration?.conflict === false) ? 'full' : 'limited';
}

const assignmentView = (assignment: Assignment, names: ReadonlyMap<string, string>) => {
  const reviewerName = names.get(assignment.reviewerSub);
  return {
    role: assignment.role,
    reviewerSub: assignment.reviewerSub,
    ...(reviewerName ? { reviewerName } : {}),
    assignedAt: assignment.assignedAt,
    dueAt: assignment.dueAt,
    ...(assignment.declaration
      ? {
          declaration: {
            conflict: assignment.declaration.conflict,
            declaredAt: assignment.declaration.declaredAt,
          },
        }
      : {}),
    ...(assignment.assessedAt ? { assessedAt: assignment.assessedAt } : {}),
  };
};

/**
 * The fields of the review view for an access level (pure: the one place that decides what a
 * reviewer who has not declared may read). 'limited' is title, organisation name, call and
 * Aktenzeichen, plus the caller's own assignment so they know what to declare on.
 */
export function reviewViewOf(input: {
  access: Exclude<ReviewAccess, 'none'>;
  caller: { sub: string; groups: readonly string[] };
  application: Application;
  organisationName: string;
  call: Call;
  assignments: readonly Assignment[];
  documents: readonly ApplicationDocument[];
  /** The recorded assessments (only approvers see them). */
  assessments?: readonly Assessment[];
  /** Staff names by sub, for the assignments (from the staff directory). */
  staffNames?: ReadonlyMap<string, string>;
}): ReviewApplicationView {
  const { access, application, call } = input;
  const names = input.staffNames ?? new Map<string, string>();
  const mine = input.assignments.filter((assignment) => assignment.reviewerSub === input.caller.sub);
  const identifying = {
    access,
    id: application.id,
    title: application.title,
    organisation: { id: application.orgId, name: input.organisationName },
    call: { id: call.id, title: call.title },
    ...(application.reference ? { reference: application.reference } : {}),
    ...(mine.length > 0 ? { myAssignments: mine.map((each) => assignmentView(each, names)) } : {}),
  };
  if (access === 'limited') return identifying;
  const content = draftContentOf(application);
  return {
    ...identifying,
    status: application.status,
    ...(application.submittedAt ? { submittedAt: application.submittedAt } : {}),
    content,
    totals: checkDraft(content, call).totals,
    documents: input.documents
      .filter((document) => document.status === 'verified')
      .map(({ id, type, fileName, contentType, size }) => ({ id, type, fileName, contentType, size })),
    ...(application.nachforderung ? { nachforderung: application.nachforderung } : {}),
    ...(input.caller.groups.includes('approver') ? approverPart(application, input, names) : {}),
  };
}

/**
 * What approvers see beyond the content: who reviews, the assessments and their summary, and the
 * decision with what followed. Reviewers never see each other's assessments or the decision here.
 */
function approverPart(
  application: Application,
  input: { assignments: readonly Assignment[]; assessments?: readonly Assessment[] | undefined },
  names: ReadonlyMap<string, string>,
): Partial<ReviewApplicationView> {
  const { decision, waitingList, letters, notification, objection, assessmentSummary } = application;
  return {
    assignments: input.assignments.map((each) => assignmentView(each, names)),
    ...(input.assessments?.length
      ? { assessments: input.assessments.map(({ applicationId: _, ...assessment }) => assessment) }
      : {}),
    ...(assessmentSummary ? { assessmentSummary } : {}),
    ...(decision ? { decision } : {}),
    ...(waitingList
      ? {
          waitingList: {
            rank: waitingList.rank,
            proposedGrantCents: waitingList.proposedGrantCents,
            placedAt: waitingList.placedAt,
          },
        }
      : {}),
    ...(letters?.length
      ? {
          letters: letters.map(({ id, kind, createdAt, firstRetrievedAt }) => ({
            id,
            kind,
            createdAt,
            ...(firstRetrievedAt ? { firstRetrievedAt } : {}),
          })),
        }
      : {}),
    ...(notification
      ? {
          notification: {
            retrievedAt: notification.retrievedAt,
            notifiedOn: notification.notifiedOn,
            appealPeriodEndsAt: notification.appealPeriodEndsAt,
          },
        }
      : {}),
    ...(objection
      ? {
          objection: {
            at: objection.at,
            reason: objection.reason,
            ...(objection.outcome ? { outcome: objection.outcome } : {}),
            ...(objection.decidedAt ? { decidedAt: objection.decidedAt } : {}),
            ...(objection.decidedBy ? { decidedBy: objection.decidedBy } : {}),
            ...(objection.reasons ? { reasons: objection.reasons } : {}),
            ...(objection.previousGrantedCents !== undefined
              ? { previousGrantedCents: objection.previousGrantedCents }
              : {}),
          },
        }
      : {}),
  };
}
