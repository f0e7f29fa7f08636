import type { Application } from '../../domain/application.ts';
import type { CallRecord } from '../../domain/call.ts';
import type { Clock } from '../../domain/clock.ts';
import type { WaitingListPlace } from '../../domain/decision.ts';
import { moveUp } from '../../domain/decision-batch.ts';
import { ConcurrentChangeError } from '../../domain/errors.ts';
import {
  type ApplicationRepository,
  BudgetConditionFailedError,
} from '../../ports/application-repository.ts';
import type { CallApplicationsReader } from '../../ports/call-applications.ts';
import type { CallRecordRepository } from '../../ports/call-repository.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';

export interface MoveUpDeps {
  applications: Pick<ApplicationRepository, 'get' | 'save'>;
  calls: Pick<CallRecordRepository, 'find'>;
  callApplications: CallApplicationsReader;
  clock: Clock;
}

/** Attempts per waiting application when its write collides with another (the call's counter is shared). */
const MAX_ATTEMPTS = 10;

type Waiting = Application & { waitingList: WaitingListPlace };

/**
 * Withdrawal task: when an approval is renounced, its grant went back to the call's budget (in the
 * withdrawal's own write); the call's waiting list moves up into it (Nachrücken).
 * Primary course:
 * 1. The application is still WITHDRAWN by this marking (else the work is stale). Only a renounced
 *    approval (withdrawn from APPROVED or NOTIFIED) releases budget; anything else has nothing to do.
 * 2. The call's WAITLISTED applications (gsi2 CALL#<callId>#STATUS#WAITLISTED), in the order of their
 *    places, each re-read consistently.
 * 3. Each whose proposed grant fits what remains of the budget (budgetCents − committedCents, read
 *    consistently) is approved by the system as the batch's approver prepared it (moveUp: the proposed
 *    grant, conditions and reasons, event MOVED_UP), in its own transaction with the grant reserved on
 *    the condition that it still fits; one that does not fit is passed over for the next, as long as
 *    budget remains. The decision workflow then issues its Bescheid.
 * A retry (the task failed halfway, the stream redelivered) reads the state again: who moved up is no
 * longer WAITLISTED, and the remaining budget already counts their grants, so nothing happens twice.
 * Two renunciations at once are safe for the same reasons: every approval is conditional on its version
 * and on the budget.
 */
export async function moveUpWaitingList(
  deps: MoveUpDeps,
  input: WorkflowInput,
): Promise<{ movedUp: string[]; remainingCents: number }> {
  const application = await deps.applications.get(input.applicationId);
  if (application?.status !== 'WITHDRAWN' || application.pendingSince !== input.pendingSince) {
    throw new StaleWorkError(`application ${input.applicationId} is not withdrawn by ${input.pendingSince}`);
  }
  const renounced =
    application.withdrawal?.from === 'APPROVED' || application.withdrawal?.from === 'NOTIFIED';
  const call = await deps.calls.find(application.callId);
  if (!call) throw new Error(`call ${application.callId} does not exist`);
  if (!renounced || application.decision?.outcome !== 'approved') {
    return { movedUp: [], remainingCents: call.budgetCents - call.committedCents };
  }
  return fillFromWaitingList(deps, call);
}

/**
 * Approves the call's waiting list into what remains of its budget, in the order of the places (steps
 * 2 and 3 above). Also run by the objection workflow when an objection ended with a lower grant.
 */
export async function fillFromWaitingList(
  deps: MoveUpDeps,
  read: CallRecord,
): Promise<{ movedUp: string[]; remainingCents: number }> {
  let call = read;
  const listed = await deps.callApplications.listByStatus(call.id, ['WAITLISTED']);
  const byPlace = listed
    .filter((waiting): waiting is Waiting => waiting.waitingList !== undefined)
    .sort((a, b) => a.waitingList.rank - b.waitingList.rank || (a.id < b.id ? -1 : 1));

  const movedUp: string[] = [];
  for (const candidate of byPlace) {
    if (call.budgetCents - call.committedCents <= 0) break;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const waiting = await deps.applications.get(candidate.id);
      if (waiting?.status !== 'WAITLISTED' || !waiting.waitingList) break; // moved on meanwhile
      const grant = waiting.waitingList.proposedGrantCents;
      if (grant > call.budgetCents - call.committedCents) break; // does not fit: the next may
      const { next, event } = moveUp(waiting as Waiting, call, deps.clock.now());
      try {
        await deps.applications.save(next, event, waiting.version, {
          budget: { callId: call.id, reserveCents: grant, budgetCents: call.budgetCents },
        });
        movedUp.push(waiting.id);
        call = { ...call, committedCents: call.committedCents + grant };
        break;
      } catch (error) {
        if (!(error instanceof BudgetConditionFailedError || error instanceof ConcurrentChangeError))
          throw error;
        // Someone else moved the budget or this application: read both again and decide anew.
        const fresh = await deps.calls.find(call.id);
        if (!fresh) throw error;
        call = fresh;
        if (attempt + 1 >= MAX_ATTEMPTS) throw error;
      }
    }
  }
  return { movedUp, remainingCents: call.budgetCents - call.committedCents };
}
