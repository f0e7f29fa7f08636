import { type AdminCallView, Call, type CallView } from '../api/schemas/call.schema.ts';

export type CallPhase = 'upcoming' | 'open' | 'closed';

/** Where a call stands at `now`: before it opens, while it takes applications, or after its deadline. */
export function callPhase(call: Pick<Call, 'opensAt' | 'closesAt'>, now: Date): CallPhase {
  if (now.getTime() < Date.parse(call.opensAt)) return 'upcoming';
  if (now.getTime() <= Date.parse(call.closesAt)) return 'open';
  return 'closed';
}

/** Associations may prepare drafts before a call opens and until it closes. */
export function acceptsDrafts(call: Pick<Call, 'opensAt' | 'closesAt'>, now: Date): boolean {
  return callPhase(call, now) !== 'closed';
}

/** A call as stored: its definition plus the bookkeeping that optimistic locking and auditing need. */
export interface CallRecord extends Call {
  /** Increments on every admin change: the ETag and the optimistic lock. Calls stored without one are 1. */
  version: number;
  /** Absent on calls stored before calls were versioned. */
  createdAt?: string;
  createdBy?: string;
  updatedAt?: string;
  updatedBy?: string;
  /**
   * Drafts and applications created in this call (absent on the item = 0). Draft creation increments it
   * in the transaction that stores the draft; call writes never set it, they only condition on it.
   */
  applicationCount: number;
  /**
   * The sum of the grants approved in this call (absent on the item = 0): moved only in the transaction
   * that approves or renounces, on the condition that it stays within budgetCents.
   */
  committedCents: number;
}

/** A call record about to be written for the first time (nobody has applied yet). */
export type NewCallRecord = Omit<CallRecord, 'applicationCount' | 'committedCents'>;

const DEFINITION_FIELDS = Object.keys(Call.shape) as (keyof Call)[];

/**
 * The definition of a call without bookkeeping: the fields of the Call schema and nothing else. A
 * whitelist, so whatever else is stored on the call item (counters, versions, later additions) never
 * reaches a public answer or an admin's merge patch by accident.
 */
export function callDefinitionOf(call: Call): Call {
  const definition: Record<string, unknown> = {};
  for (const field of DEFINITION_FIELDS) {
    if (call[field] !== undefined) definition[field] = call[field];
  }
  return definition as Call;
}

/** What anyone sees of a call: its definition and its phase at `now`. */
export function toCallView(call: Call, now: Date): CallView {
  return { ...callDefinitionOf(call), phase: callPhase(call, now) };
}

/** What admins see of a call: the public view plus version, audit fields and the application count. */
export function toAdminCallView(record: CallRecord, now: Date): AdminCallView {
  return {
    ...toCallView(record, now),
    version: record.version,
    ...(record.createdAt ? { createdAt: record.createdAt } : {}),
    ...(record.createdBy ? { createdBy: record.createdBy } : {}),
    ...(record.updatedAt ? { updatedAt: record.updatedAt } : {}),
    ...(record.updatedBy ? { updatedBy: record.updatedBy } : {}),
    applicationCount: record.applicationCount,
  };
}
