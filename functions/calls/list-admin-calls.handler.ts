import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { listAdminCallsOperation } from '#shared/api/operations/calls.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { listAdminCalls } from '#shared/use-cases/list-admin-calls.ts';

const deps = { calls: new DynamoDbCallRepository(documentClient, tableName()), clock: systemClock };

export const handler = httpHandler(listAdminCallsOperation, async () => ({
  status: 200,
  body: { items: await listAdminCalls(deps) },
  // Admins edit from this list: never a cached copy.
  headers: { 'cache-control': 'no-store' },
}));
