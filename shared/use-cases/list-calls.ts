import type { CallView, ListCallsQuery } from '../api/schemas/call.schema.ts';
import { type CallPhase, toCallView } from '../domain/call.ts';
import type { Clock } from '../domain/clock.ts';
import type { CallRepository } from '../ports/call-repository.ts';

/**
 * By default a funding portal shows the calls a visitor can still act on: the open ones, and the
 * upcoming ones an association can prepare for (drafts are possible before opening). Past calls are
 * history and would bury the current ones as the years go by, so they are listed only on request.
 */
const DEFAULT_PHASES: readonly CallPhase[] = ['upcoming', 'open'];

/**
 * Lists the published calls with the phase each is in now.
 * Primary course:
 * 1. Read one range of the deadline-ordered index: calls closing from now on (upcoming and open, the
 *    earliest deadline first), or, for `phase=closed`, the calls closed before now (the latest first).
 * 2. Tell upcoming, open and closed apart and keep the phases asked for.
 */
export async function listCalls(
  deps: { calls: CallRepository; clock: Clock },
  query: ListCallsQuery = {},
): Promise<CallView[]> {
  const now = deps.clock.now();
  const phases = query.phase ? [query.phase] : DEFAULT_PHASES;
  const calls = await deps.calls.list(
    query.phase === 'closed' ? { closedBefore: now } : { closingFrom: now },
  );
  return calls.map((call) => toCallView(call, now)).filter((view) => phases.includes(view.phase));
}
