import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { getAdminCallOperation } from '#shared/api/operations/calls.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { etagOf } from '#shared/http/if-match.ts';
import { getAdminCall } from '#shared/use-cases/get-admin-call.ts';

const deps = { calls: new DynamoDbCallRepository(documentClient, tableName()), clock: systemClock };

export const handler = httpHandler(getAdminCallOperation, async ({ params }) => {
  const view = await getAdminCall(deps, params.callId);
  return {
    status: 200,
    body: view,
    // The ETag is what the admin's PATCH sends back in If-Match: never from a cache.
    headers: { etag: etagOf(view.version), 'cache-control': 'no-store' },
  };
});
