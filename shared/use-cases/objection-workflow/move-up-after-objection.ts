import { committedGrantOf } from '../../domain/objection-decision.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';
import { fillFromWaitingList, type MoveUpDeps } from '../withdrawal/move-up-waiting-list.ts';

/**
 * Objection task: an objection remedied with a lower grant released the difference from the call's
 * budget (in the deciding write); the call's waiting list moves up into it, exactly as after a
 * renounced approval (fillFromWaitingList: rank order, each approval reserving its grant in its own
 * conditional write, so a retry moves nobody twice).
 * Primary course:
 * 1. The application is FINAL by this marking (else the work is stale).
 * 2. Only an objection remedied below the grant it had released budget; anything else (dismissed, or
 *    remedied with the same or a higher amount) has nothing to do.
 * 3. Fill the waiting list from what remains of the budget.
 */
export async function moveUpAfterObjection(
  deps: MoveUpDeps,
  input: WorkflowInput,
): Promise<{ releasedCents: number; movedUp: string[]; remainingCents?: number }> {
  const application = await deps.applications.get(input.applicationId);
  if (application?.status !== 'FINAL' || application.pendingSince !== input.pendingSince) {
    throw new StaleWorkError(`application ${input.applicationId} is not decided by ${input.pendingSince}`);
  }
  const { objection } = application;
  const releasedCents =
    objection?.outcome === 'remedied'
      ? (objection.previousGrantedCents ?? 0) - committedGrantOf(application.decision)
      : 0;
  if (releasedCents <= 0) return { releasedCents: 0, movedUp: [] };
  const call = await deps.calls.find(application.callId);
  if (!call) throw new Error(`call ${application.callId} does not exist`);
  return { releasedCents, ...(await fillFromWaitingList(deps, call)) };
}
