import { ApplicationStatus } from '../../api/schemas/application.schema.ts';
import type { CallBudgetView } from '../../api/schemas/decision.schema.ts';
import { QueueStatus } from '../../api/schemas/review-queue.schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { CallRecordRepository } from '../../ports/call-repository.ts';
import type { ReviewQueueReader } from '../../ports/review-queue.ts';

/**
 * The admins' budget overview of a call: the budget, what approvals have committed (the counter the
 * deciding transactions move), what remains, and how many applications stand in each status. Drafts
 * are not in the status index; they are the call's application count minus everything that left DRAFT.
 */
export async function callBudget(
  deps: { calls: Pick<CallRecordRepository, 'find'>; queue: Pick<ReviewQueueReader, 'countByStatus'> },
  callId: string,
): Promise<CallBudgetView> {
  const call = await deps.calls.find(callId);
  if (!call) throw new NotFoundError('call');
  const counted = await deps.queue.countByStatus(callId, QueueStatus.options);
  const applicationsByStatus = Object.fromEntries(
    ApplicationStatus.options.map((status) => [status, status === 'DRAFT' ? 0 : (counted[status] ?? 0)]),
  ) as Record<ApplicationStatus, number>;
  const submitted = Object.values(applicationsByStatus).reduce((sum, count) => sum + count, 0);
  applicationsByStatus.DRAFT = Math.max(0, call.applicationCount - submitted);
  return {
    callId: call.id,
    selectionMode: call.selectionMode,
    budgetCents: call.budgetCents,
    committedCents: call.committedCents,
    remainingCents: call.budgetCents - call.committedCents,
    applicationsByStatus,
    applicationCount: call.applicationCount,
  };
}
