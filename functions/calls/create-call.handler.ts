import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { createCallOperation } from '#shared/api/operations/calls.ts';
import { toAdminCallView } from '#shared/domain/call.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { etagOf } from '#shared/http/if-match.ts';
import { createCall } from '#shared/use-cases/create-call.ts';

const deps = { calls: new DynamoDbCallRepository(documentClient, tableName()), clock: systemClock };

export const handler = httpHandler(createCallOperation, async ({ body, caller }) => {
  const record = await createCall(deps, caller, body);
  return {
    status: 201,
    body: toAdminCallView(record, deps.clock.now()),
    // The call is read at its public address; admins change it at /api/admin/calls/{callId}.
    headers: { etag: etagOf(record.version), location: `/api/calls/${record.id}` },
  };
});
