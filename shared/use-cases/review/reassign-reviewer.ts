import { ConflictError, NotFoundError, RuleViolationError } from '../../domain/errors.ts';
import {
  ASSIGNABLE_STATUSES,
  type Assignment,
  isActiveStaff,
  isOpen,
  newAssignment,
  type ReviewRole,
  reviewEvents,
} from '../../domain/review.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { AssignmentRepository, StaffDirectory } from '../../ports/review-repository.ts';
import { callOf } from '../get-application.ts';
import { notifySafely } from './declare-conflict.ts';
import type { NotifyDeps } from './notify-reviewer.ts';

export interface ReassignDeps extends NotifyDeps {
  applications: Pick<ApplicationRepository, 'get'>;
  calls: CallRepository;
  staff: Pick<StaffDirectory, 'get'>;
  assignments: AssignmentRepository;
}

const refuse = (code: string, de: string, en: string) =>
  new RuleViolationError([{ path: 'reviewerSub', code, message: { de, en } }]);

/**
 * An admin gives a role of an application to a reviewer of their choice.
 * Primary course:
 * 1. Load the application (404), which must be in review or back with the applicant (409).
 * 2. The target must be a reviewer in the staff directory, not the other role's reviewer, and not
 *    someone who declared a conflict here (422). Already theirs, or already assessed: 409.
 * 3. In one transaction: the new assignment (on the condition that the role is still as read), the
 *    workload counts (the previous reviewer's open assignment is released), and the internal event.
 * 4. Email the new reviewer (claimed: at most once).
 */
export async function reassignReviewer(
  deps: ReassignDeps,
  admin: { sub: string },
  applicationId: string,
  body: { role: ReviewRole; reviewerSub: string },
): Promise<{
  applicationId: string;
  assignment: Assignment;
  previousReviewerSub?: string;
  notified: boolean;
}> {
  const application = await deps.applications.get(applicationId);
  if (!application) throw new NotFoundError('application');
  if (!ASSIGNABLE_STATUSES.includes(application.status)) {
    throw new ConflictError({
      de: `Nur Anträge in der Prüfung können neu zugewiesen werden (Status ${application.status}).`,
      en: `Only applications in review can be reassigned (status ${application.status}).`,
    });
  }
  const [target, assignments, conflicts] = await Promise.all([
    deps.staff.get(body.reviewerSub),
    deps.assignments.listByApplication(applicationId),
    deps.assignments.listConflicts(applicationId),
  ]);
  if (!target?.groups.includes('reviewer')) {
    throw refuse(
      'not-a-reviewer',
      'Diese Person ist nicht als Gutachterin oder Gutachter im Personalverzeichnis eingetragen.',
      'This person is not a reviewer in the staff directory.',
    );
  }
  if (!isActiveStaff(target)) {
    throw refuse(
      'deactivated',
      'Das Konto dieser Person ist deaktiviert; ihr kann nichts zugewiesen werden.',
      'This person’s account is deactivated; nothing can be assigned to them.',
    );
  }
  if (conflicts.some((conflict) => conflict.reviewerSub === target.sub)) {
    throw refuse(
      'declared-conflict',
      'Diese Person hat für diesen Antrag einen Interessenkonflikt erklärt.',
      'This person declared a conflict of interest for this application.',
    );
  }
  const current = assignments.find((assignment) => assignment.role === body.role);
  const other = assignments.find((assignment) => assignment.role !== body.role);
  if (other?.reviewerSub === target.sub) {
    throw refuse(
      'holds-other-role',
      'Diese Person begutachtet den Antrag bereits in der anderen Rolle; fachliche und finanzielle Prüfung machen zwei verschiedene Personen.',
      'This person already reviews the application in the other role; the content and the financial assessment are done by two different people.',
    );
  }
  if (current?.reviewerSub === target.sub) {
    throw new ConflictError({
      de: 'Diese Rolle ist dieser Person bereits zugewiesen.',
      en: 'This role is already assigned to this person.',
    });
  }
  if (current?.assessedAt) {
    throw new ConflictError({
      de: 'Für diese Rolle liegt bereits ein Gutachten vor; sie kann nicht mehr neu zugewiesen werden.',
      en: 'This role has been assessed already; it can no longer be reassigned.',
    });
  }
  const now = deps.clock.now();
  const assignment = newAssignment({
    applicationId,
    callId: application.callId,
    role: body.role,
    reviewerSub: target.sub,
    now,
  });
  await deps.assignments.commit({
    application: { id: applicationId, expectedVersion: application.version, statuses: ASSIGNABLE_STATUSES },
    assignments: [
      {
        assignment,
        ...(current ? { replaces: { reviewerSub: current.reviewerSub, undeclared: false } } : {}),
      },
    ],
    workload: [
      ...(current && isOpen(current) ? [{ sub: current.reviewerSub, delta: -1 }] : []),
      { sub: target.sub, delta: 1 },
    ],
    events: reviewEvents(application, now.toISOString(), [
      {
        type: 'REVIEWER_ASSIGNED',
        actor: admin.sub,
        reason: `${body.role}: ${target.sub}${current ? ` (replacing ${current.reviewerSub})` : ''}`,
      },
    ]),
  });
  const notified = await notifySafely(
    deps,
    application,
    await callOf(deps.calls, application),
    assignment,
    target,
  );
  return {
    applicationId,
    assignment,
    ...(current ? { previousReviewerSub: current.reviewerSub } : {}),
    notified,
  };
}
