import type { CallView } from '../api/schemas/call.schema.ts';
import { callPhase } from '../domain/call.ts';
import type { Clock } from '../domain/clock.ts';
import type { CallRepository } from '../ports/call-repository.ts';

/**
 * Lists the published calls with the phase each is in now.
 * Primary course: 1. load the calls (earliest deadline first) 2. tell upcoming, open and closed apart.
 */
export async function listCalls(deps: { calls: CallRepository; clock: Clock }): Promise<CallView[]> {
  const now = deps.clock.now();
  const calls = await deps.calls.list();
  return calls.map((call) => ({ ...call, phase: callPhase(call, now) }));
}
