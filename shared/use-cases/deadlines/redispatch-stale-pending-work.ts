import type { Clock } from '../../domain/clock.ts';
import { REDISPATCH_PER_RUN, STALE_PENDING_AFTER_MS } from '../../domain/deadlines.ts';
import type { DeadlineStore } from '../../ports/deadline-store.ts';
import { WorkflowInput } from '../../workflows/workflow-input.ts';

/**
 * Deadlines task: follow-up work still pending after the grace period was lost (its stream record
 * expired or its workflow kept failing). Marks it again — a new pendingSince, on the condition that it
 * is still the old one — so the stream hands it to the dispatcher once more. At most
 * REDISPATCH_PER_RUN per run; what is left, the next run takes. Each redispatch is reported.
 */
export async function redispatchStalePendingWork(deps: {
  deadlines: DeadlineStore;
  clock: Clock;
  report: (message: string) => void;
}): Promise<{ redispatched: number }> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - STALE_PENDING_AFTER_MS).toISOString();
  let budget = REDISPATCH_PER_RUN;
  let redispatched = 0;
  for (const workflow of WorkflowInput.shape.workflow.options) {
    if (budget <= 0) break;
    const stale = await deps.deadlines.stalePendingWork(workflow, before, budget);
    budget -= stale.length;
    for (const { id, pendingSince } of stale) {
      if (await deps.deadlines.remarkPendingWork(id, pendingSince, now.toISOString())) {
        redispatched++;
        deps.report(`${workflow} of ${id} pending since ${pendingSince}: dispatched again`);
      }
    }
  }
  return { redispatched };
}
