import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { DynamoDbReviewQueue } from '#shared/adapters/dynamodb/dynamodb-review-queue.ts';
import { listReviewQueueOperation } from '#shared/api/operations/review-queues.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { queueProblems } from '#shared/http/queue-problems.ts';
import { listReviewQueue } from '#shared/use-cases/review/review-queue.ts';

const table = tableName();
const deps = {
  queue: new DynamoDbReviewQueue(documentClient, table),
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
};

export const handler = httpHandler(listReviewQueueOperation, async ({ query, caller, language }) => {
  const { limit, cursor, ...filters } = query;
  // The read figures (stats) stay internal: they are for tests and logs, not for clients.
  const { items, nextCursor } = await queueProblems(language, () =>
    listReviewQueue(deps, caller, filters, { limit, cursor }, new Date()),
  );
  return { status: 200, body: { items, ...(nextCursor ? { nextCursor } : {}) } };
});
