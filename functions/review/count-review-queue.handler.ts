import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbReviewQueue } from '#shared/adapters/dynamodb/dynamodb-review-queue.ts';
import { countReviewQueueOperation } from '#shared/api/operations/review-queues.ts';
import { QueueStatus } from '#shared/api/schemas/review-queue.schema.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { countReviewQueue } from '#shared/use-cases/review/review-queue.ts';

const deps = { queue: new DynamoDbReviewQueue(documentClient, tableName()) };

export const handler = httpHandler(countReviewQueueOperation, async ({ params }) => {
  const counts = await countReviewQueue(deps, params.callId, QueueStatus.options);
  return { status: 200, body: { callId: params.callId, counts } };
});
