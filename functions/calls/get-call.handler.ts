import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { getCallOperation } from '#shared/api/operations/calls.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { etagOf } from '#shared/http/if-match.ts';
import { getCall } from '#shared/use-cases/get-call.ts';

const deps = { calls: new DynamoDbCallRepository(documentClient, tableName()), clock: systemClock };

export const handler = httpHandler(getCallOperation, async ({ params }) => {
  const { view, version } = await getCall(deps, params.callId);
  return {
    status: 200,
    body: view,
    // Admins take the ETag from here to edit the call, so caches must not serve an older version:
    // no-cache makes them ask every time (one GetItem).
    headers: { etag: etagOf(version), 'cache-control': 'no-cache' },
  };
});
