import type { AdminCallView } from '../api/schemas/call.schema.ts';
import { toAdminCallView } from '../domain/call.ts';
import type { Clock } from '../domain/clock.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { CallRecordRepository } from '../ports/call-repository.ts';

/**
 * One call as admins edit it: the definition, its version (the ETag for If-Match) and the application
 * count, which says whether its terms are frozen (call-rules.ts, lockedChanges). Read consistently, so
 * an admin who just saved edits what they saved.
 */
export async function getAdminCall(
  deps: { calls: Pick<CallRecordRepository, 'find'>; clock: Clock },
  callId: string,
): Promise<AdminCallView> {
  const record = await deps.calls.find(callId);
  if (!record) throw new NotFoundError('call');
  return toAdminCallView(record, deps.clock.now());
}
