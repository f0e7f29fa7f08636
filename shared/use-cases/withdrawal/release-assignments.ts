import type { Assignment } from '../../domain/review.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { AssignmentRepository, StaffDirectory } from '../../ports/review-repository.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';

/** Closes an assignment that no longer needs doing; false if it was closed (assessed, released) already. */
export interface AssignmentRelease {
  release(assignment: Assignment, at: string, reviewerInDirectory: boolean): Promise<boolean>;
}

/**
 * Withdrawal task: a withdrawn application leaves its reviewers' queues, and their workload drops, so
 * the next assignments go to whoever is really least busy.
 * Primary course:
 * 1. The application is still WITHDRAWN by this marking (else the work is stale).
 * 2. Each assignment not yet assessed is released, one conditional write each (a retry releases
 *    nothing twice).
 */
export async function releaseAssignments(
  deps: {
    applications: Pick<ApplicationRepository, 'get'>;
    assignments: Pick<AssignmentRepository, 'listByApplication'>;
    staff: Pick<StaffDirectory, 'get'>;
    release: AssignmentRelease;
    clock: { now(): Date };
  },
  input: WorkflowInput,
): Promise<{ released: number }> {
  const application = await deps.applications.get(input.applicationId);
  if (application?.status !== 'WITHDRAWN' || application.pendingSince !== input.pendingSince) {
    throw new StaleWorkError(`application ${input.applicationId} is not withdrawn by ${input.pendingSince}`);
  }
  let released = 0;
  const at = deps.clock.now().toISOString();
  for (const assignment of await deps.assignments.listByApplication(application.id)) {
    if (assignment.assessedAt) continue;
    const inDirectory = (await deps.staff.get(assignment.reviewerSub)) !== undefined;
    if (await deps.release.release(assignment, at, inDirectory)) released += 1;
  }
  return { released };
}
