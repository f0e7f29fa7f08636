import type { DecisionBatch } from '../domain/decision-batch.ts';
import type { IdempotencyRecord } from '../domain/idempotency.ts';

/** The one batch decision of a competitive call (see keys.ts: pk CALL#<callId>, sk BATCH). */
export interface DecisionBatchStore {
  /** The call's batch, read consistently; undefined before it started. */
  get(callId: string): Promise<DecisionBatch | undefined>;
  /** Stores the batch if the call has none yet; false (nothing written) if one exists. */
  start(batch: DecisionBatch): Promise<boolean>;
  /**
   * Marks the batch done with the decisions as finally requested, if it is still this batch, together
   * with the answer stored under the caller's Idempotency-Key (IdempotencyKeyTakenError if one is).
   */
  finish(
    batch: Pick<DecisionBatch, 'callId' | 'batchId' | 'decisions'> & { finishedAt: string },
    idempotency?: IdempotencyRecord,
  ): Promise<void>;
}
