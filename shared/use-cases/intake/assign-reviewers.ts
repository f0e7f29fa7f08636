import {
  ASSIGNMENT_ACTOR,
  chooseReviewers,
  isOpen,
  newAssignment,
  reviewEvents,
} from '../../domain/review.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { AssignmentRepository, StaffDirectory } from '../../ports/review-repository.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';
import { type NotifyDeps, type NotifyOutcome, notifyReviewer } from '../review/notify-reviewer.ts';
import { applicationInRound } from './intake-round.ts';

export interface AssignReviewersDeps extends NotifyDeps {
  applications: Pick<ApplicationRepository, 'get'>;
  calls: Pick<CallRepository, 'get'>;
  staff: Pick<StaffDirectory, 'listReviewers' | 'get'>;
  assignments: AssignmentRepository;
}

export type AssignOutcome = 'assigned' | 'kept' | 'not-in-review' | 'unassigned';

/**
 * Intake task: assigns a content and a financial reviewer to an application the completeness check
 * sent to review.
 * Primary course:
 * 1. Load the application; this intake round must still be pending (else the work is stale). Not in
 *    review (INCOMPLETE): nothing to assign.
 * 2. Roles that are assigned already stay so: a supplement after a Nachforderung keeps its reviewers,
 *    and a rerun after a crash finds its own assignments.
 * 3. For the missing roles, choose the least busy reviewers (two different people, none with a
 *    declared conflict here). Nobody to choose: leave it unassigned, report it, and finish — an admin
 *    assigns by hand; failing would only retry into the same empty directory.
 * 4. Write the assignments, the workload counts and the event in one transaction, on the condition
 *    that the roles are still unassigned and the application unchanged: a retry assigns nothing twice.
 * 5. Email each open, undeclared assignment's reviewer (claimed first: at most once per assignment).
 */
export async function assignReviewers(
  deps: AssignReviewersDeps,
  input: WorkflowInput,
): Promise<{ assignment: AssignOutcome; notified: NotifyOutcome[] }> {
  const application = await applicationInRound(deps.applications, input);
  if (application.status === 'INCOMPLETE') return { assignment: 'not-in-review', notified: [] };
  if (application.status !== 'IN_REVIEW') {
    throw new StaleWorkError(`application ${application.id} is ${application.status}, not IN_REVIEW`);
  }
  const [existing, conflicts] = await Promise.all([
    deps.assignments.listByApplication(application.id),
    deps.assignments.listConflicts(application.id),
  ]);
  let outcome: AssignOutcome = 'kept';
  let current = existing;
  const chosen = chooseReviewers({ reviewers: await deps.staff.listReviewers(), existing, conflicts });
  if (!chosen) {
    deps.report(
      `application ${application.id} in review left unassigned: fewer reviewers available than roles to fill (assigned: ${existing.map((a) => a.role).join(', ') || 'none'})`,
    );
    outcome = 'unassigned';
  } else if (chosen.length > 0) {
    const now = deps.clock.now();
    const made = chosen.map(({ role, reviewer }) =>
      newAssignment({
        applicationId: application.id,
        callId: application.callId,
        role,
        reviewerSub: reviewer.sub,
        now,
      }),
    );
    // A concurrent run or change fails the conditions (ConcurrentChangeError): the task's retry then
    // decides on what is stored.
    await deps.assignments.commit({
      application: { id: application.id, expectedVersion: application.version, statuses: ['IN_REVIEW'] },
      assignments: made.map((assignment) => ({ assignment })),
      workload: made.map((assignment) => ({ sub: assignment.reviewerSub, delta: 1 })),
      events: reviewEvents(application, now.toISOString(), [
        {
          type: 'REVIEWER_ASSIGNED',
          actor: ASSIGNMENT_ACTOR,
          reason: made.map((a) => `${a.role}: ${a.reviewerSub}`).join(', '),
        },
      ]),
    });
    outcome = 'assigned';
    current = [...existing, ...made];
  }

  const open = current.filter((assignment) => isOpen(assignment) && !assignment.declaration);
  if (open.length === 0) return { assignment: outcome, notified: [] };
  const call = await deps.calls.get(application.callId);
  if (!call) throw new Error(`call ${application.callId} of application ${application.id} does not exist`);
  const notified: NotifyOutcome[] = [];
  for (const assignment of open) {
    const reviewer = await deps.staff.get(assignment.reviewerSub);
    if (!reviewer)
      throw new Error(`assigned reviewer ${assignment.reviewerSub} is not in the staff directory`);
    notified.push(await notifyReviewer(deps, { application, call, assignment, reviewer }));
  }
  return { assignment: outcome, notified };
}
