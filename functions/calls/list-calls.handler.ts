import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { listCallsOperation } from '#shared/api/operations/calls.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { listCalls } from '#shared/use-cases/list-calls.ts';

const calls = new DynamoDbCallRepository(documentClient, tableName());

export const handler = httpHandler(listCallsOperation, async ({ query }) => ({
  status: 200,
  body: { items: await listCalls({ calls, clock: systemClock }, query) },
  // Calls change rarely; a short shared cache spares the table on busy deadline days.
  headers: { 'cache-control': 'public, max-age=60' },
}));
