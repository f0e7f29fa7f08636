import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { updateCallOperation } from '#shared/api/operations/calls.ts';
import { toAdminCallView } from '#shared/domain/call.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { etagOf, versionFromIfMatch } from '#shared/http/if-match.ts';
import { updateCall } from '#shared/use-cases/update-call.ts';

const deps = { calls: new DynamoDbCallRepository(documentClient, tableName()), clock: systemClock };

export const handler = httpHandler(updateCallOperation, async ({ params, body, caller, headers }) => {
  const expectedVersion = versionFromIfMatch(headers);
  const record = await updateCall(deps, caller, { callId: params.callId, expectedVersion, patch: body });
  return {
    status: 200,
    body: toAdminCallView(record, deps.clock.now()),
    headers: { etag: etagOf(record.version) },
  };
});
