import type { AdminCallView } from '../api/schemas/call.schema.ts';
import { toAdminCallView } from '../domain/call.ts';
import type { Clock } from '../domain/clock.ts';
import type { CallRecordList } from '../ports/call-repository.ts';

/** Open calls first (they are being worked on), then upcoming ones, then the closed history. */
const PHASE_ORDER = { open: 0, upcoming: 1, closed: 2 } as const;

/**
 * Every call for the admins, whatever its phase, with version and application count (which tell what
 * can still be changed).
 * Primary course:
 * 1. Read the whole deadline-ordered list of calls (one index Query).
 * 2. Order it: open and upcoming calls by the earliest deadline, closed ones by the latest.
 */
export async function listAdminCalls(deps: {
  calls: CallRecordList;
  clock: Clock;
}): Promise<AdminCallView[]> {
  const now = deps.clock.now();
  const views = (await deps.calls.listRecords()).map((record) => toAdminCallView(record, now));
  return views.sort((a, b) => {
    const byPhase = PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase];
    if (byPhase !== 0) return byPhase;
    const byDeadline = Date.parse(a.closesAt) - Date.parse(b.closesAt);
    return a.phase === 'closed' ? -byDeadline : byDeadline;
  });
}
