import type { Call } from '../api/schemas/call.schema.ts';

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
