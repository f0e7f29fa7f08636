import type { Call } from '../api/schemas/call.schema.ts';
import type { CallRecord, NewCallRecord } from '../domain/call.ts';

/** Which part of the deadline-ordered list of calls to read (one index range, no filtering scans). */
export type CallListRange =
  /** Calls whose deadline is at or after this instant, the earliest deadline first. */
  | { closingFrom: Date }
  /** Calls whose deadline was before this instant, the latest deadline first. */
  | { closedBefore: Date };

export interface CallRepository {
  /** Published calls, the earliest deadline first; with a range, only that part of the list. */
  list(range?: CallListRange): Promise<Call[]>;
  get(callId: string): Promise<Call | undefined>;
}

/** What the call administration needs besides reading: versioned records and conditional writes. */
export interface CallRecordRepository {
  /** The call with its bookkeeping, read consistently (an admin edits from it). */
  find(callId: string): Promise<CallRecord | undefined>;
  /** Stores a new call; false (and nothing written) when a call with this id exists. */
  create(record: NewCallRecord): Promise<boolean>;
  /**
   * Writes a changed definition with its new version, on the condition that the stored version is
   * still `expectedVersion` and, when `onlyWithoutApplications`, that nobody has applied in the call.
   * Never touches the application count. Throws ConcurrentChangeError (nothing written) when a condition
   * fails; returns the record as stored after the write.
   */
  update(
    next: NewCallRecord,
    condition: { expectedVersion: number; onlyWithoutApplications: boolean },
  ): Promise<CallRecord>;
}

/** The admins' list: every call with its bookkeeping, whatever its phase (one index Query, no scan). */
export interface CallRecordList {
  listRecords(): Promise<CallRecord[]>;
}
