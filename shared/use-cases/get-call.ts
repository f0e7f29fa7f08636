import type { CallView } from '../api/schemas/call.schema.ts';
import { toCallView } from '../domain/call.ts';
import type { Clock } from '../domain/clock.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { CallRecordRepository } from '../ports/call-repository.ts';

/**
 * One call with its rules and phase, for anyone. The version comes along for the ETag: admins edit
 * from it (PATCH with If-Match).
 */
export async function getCall(
  deps: { calls: Pick<CallRecordRepository, 'find'>; clock: Clock },
  callId: string,
): Promise<{ view: CallView; version: number }> {
  const record = await deps.calls.find(callId);
  if (!record) throw new NotFoundError('call');
  return { view: toCallView(record, deps.clock.now()), version: record.version };
}
