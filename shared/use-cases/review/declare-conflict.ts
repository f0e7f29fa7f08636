import type { Call } from '../../api/schemas/call.schema.ts';
import type { Application } from '../../domain/application.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import {
  ASSIGNABLE_STATUSES,
  ASSIGNMENT_ACTOR,
  type Assignment,
  newAssignment,
  pickReviewer,
  type ReviewRole,
  reviewEvents,
  type StaffMember,
} from '../../domain/review.ts';
import type { LocalizedText } from '../../http/language.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { AssignmentRepository, StaffDirectory } from '../../ports/review-repository.ts';
import { callOf } from '../get-application.ts';
import { type NotifyDeps, notifyReviewer } from './notify-reviewer.ts';

export interface DeclareConflictDeps extends NotifyDeps {
  applications: Pick<ApplicationRepository, 'get'>;
  calls: CallRepository;
  staff: Pick<StaffDirectory, 'listReviewers' | 'get'>;
  assignments: AssignmentRepository;
}

export interface DeclarationResult {
  applicationId: string;
  role: ReviewRole;
  conflict: boolean;
  declaredAt: string;
  reassigned?: boolean;
  message: LocalizedText;
}

/**
 * An assigned reviewer declares whether they have a conflict of interest (Befangenheit), once.
 * Primary course:
 * 1. Load the application, its assignments and the conflicts declared on it. Someone who declared a
 *    conflict here already: 409. Not assigned to it: 404 (foreign assignments are not shown).
 *    Declared already: 409. Not in review (or back with the applicant): 409.
 * 2. No conflict: record the declaration on the assignment (once); the full view opens.
 * 3. Conflict: in one transaction, record it, and give the role to the least busy reviewer who is
 *    neither the other role's reviewer nor anyone with a conflict here (workloads move with it), with
 *    the internal events; nobody left: the role stays unassigned for an admin. Then email the new
 *    reviewer (claimed: at most once).
 */
export async function declareConflict(
  deps: DeclareConflictDeps,
  caller: { sub: string },
  applicationId: string,
  body: { conflict: boolean; note?: string },
): Promise<DeclarationResult> {
  const application = await deps.applications.get(applicationId);
  if (!application) throw new NotFoundError('application');
  const [assignments, conflicts] = await Promise.all([
    deps.assignments.listByApplication(applicationId),
    deps.assignments.listConflicts(applicationId),
  ]);
  if (conflicts.some((conflict) => conflict.reviewerSub === caller.sub)) throw alreadyDeclared();
  const mine = assignments.find((assignment) => assignment.reviewerSub === caller.sub);
  if (!mine) throw new NotFoundError('application');
  if (mine.declaration) throw alreadyDeclared();
  if (!ASSIGNABLE_STATUSES.includes(application.status)) {
    throw new ConflictError({
      de: `Der Antrag ist nicht (mehr) in der Prüfung (Status ${application.status}).`,
      en: `The application is not in review (status ${application.status}).`,
    });
  }
  const now = deps.clock.now();
  const declaredAt = now.toISOString();
  const declaration = { conflict: body.conflict, declaredAt, ...(body.note ? { note: body.note } : {}) };

  if (!body.conflict) {
    if (!(await deps.assignments.declareNoConflict(applicationId, mine.role, caller.sub, declaration))) {
      throw alreadyDeclared();
    }
    return {
      applicationId,
      role: mine.role,
      conflict: false,
      declaredAt,
      message: {
        de: 'Danke. Sie haben erklärt, dass kein Interessenkonflikt besteht; der vollständige Antrag ist freigegeben.',
        en: 'Thank you. You declared no conflict of interest; the full application is now open to you.',
      },
    };
  }

  const other = assignments.find((assignment) => assignment.role !== mine.role);
  const excluded = new Set([
    caller.sub,
    ...conflicts.map((conflict) => conflict.reviewerSub),
    ...(other ? [other.reviewerSub] : []),
  ]);
  const replacement = pickReviewer(await deps.staff.listReviewers(), excluded);
  const next = replacement
    ? newAssignment({
        applicationId,
        callId: application.callId,
        role: mine.role,
        reviewerSub: replacement.sub,
        now,
      })
    : undefined;
  await deps.assignments.commit({
    application: { id: applicationId, expectedVersion: application.version, statuses: ASSIGNABLE_STATUSES },
    ...(next
      ? { assignments: [{ assignment: next, replaces: { reviewerSub: caller.sub, undeclared: true } }] }
      : {
          assignments: [],
          removes: [{ role: mine.role, replaces: { reviewerSub: caller.sub, undeclared: true } }],
        }),
    conflicts: [
      {
        applicationId,
        reviewerSub: caller.sub,
        role: mine.role,
        declaredAt,
        ...(body.note ? { note: body.note } : {}),
      },
    ],
    workload: [{ sub: caller.sub, delta: -1 }, ...(next ? [{ sub: next.reviewerSub, delta: 1 }] : [])],
    events: reviewEvents(application, declaredAt, [
      { type: 'CONFLICT_DECLARED', actor: caller.sub, reason: `${mine.role}: ${caller.sub}` },
      ...(next
        ? [
            {
              type: 'REVIEWER_ASSIGNED' as const,
              actor: ASSIGNMENT_ACTOR,
              reason: `${next.role}: ${next.reviewerSub}`,
            },
          ]
        : []),
    ]),
  });
  if (next && replacement) {
    await notifySafely(deps, application, await callOf(deps.calls, application), next, replacement);
  } else {
    deps.report(
      `application ${applicationId}: ${mine.role} reviewer declared a conflict and nobody is left to take it`,
    );
  }
  return {
    applicationId,
    role: mine.role,
    conflict: true,
    declaredAt,
    reassigned: next !== undefined,
    message: next
      ? {
          de: 'Der Interessenkonflikt ist vermerkt; der Antrag wurde einer anderen Person zugewiesen.',
          en: 'The conflict of interest is recorded; the application has been assigned to someone else.',
        }
      : {
          de: 'Der Interessenkonflikt ist vermerkt. Derzeit ist niemand verfügbar, der den Antrag übernehmen kann; die Administration weist ihn zu.',
          en: 'The conflict of interest is recorded. Nobody is available to take the application over at the moment; an administrator will assign it.',
        },
  };
}

const alreadyDeclared = () =>
  new ConflictError({
    de: 'Sie haben für diesen Antrag bereits eine Erklärung zu Interessenkonflikten abgegeben.',
    en: 'You have already declared on conflicts of interest for this application.',
  });

/**
 * The assignment is committed before the email: a failed send must not undo it or answer 500 for a
 * change that stands. It is reported (and its claim shows it was not sent).
 */
export async function notifySafely(
  deps: NotifyDeps,
  application: Application,
  call: Call,
  assignment: Assignment,
  reviewer: StaffMember,
): Promise<boolean> {
  try {
    const outcome = await notifyReviewer(deps, { application, call, assignment, reviewer });
    return outcome !== 'claimed-not-sent';
  } catch (error) {
    deps.report(
      `review assignment email for ${application.id} (${assignment.role}) failed: ${(error as Error).message}`,
    );
    return false;
  }
}
