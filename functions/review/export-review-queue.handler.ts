import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { DynamoDbReviewQueue } from '#shared/adapters/dynamodb/dynamodb-review-queue.ts';
import { exportReviewQueueOperation } from '#shared/api/operations/review-queues.ts';
import { berlinDate } from '#shared/domain/berlin-time.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { queueProblems } from '#shared/http/queue-problems.ts';
import { exportFileName, reviewQueueCsv } from '#shared/http/review-queue-csv.ts';
import { exportReviewQueue } from '#shared/use-cases/review/review-queue.ts';

const table = tableName();
const deps = {
  queue: new DynamoDbReviewQueue(documentClient, table),
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
};

export const handler = httpHandler(exportReviewQueueOperation, async ({ query, caller, language }) => {
  const { lang, separator, ...filters } = query;
  const now = new Date();
  const { items, truncated } = await queueProblems(language, () =>
    exportReviewQueue(deps, caller, filters, now),
  );
  return {
    status: 200,
    text: reviewQueueCsv(items, lang ?? language, separator === 'semicolon' ? ';' : ','),
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${exportFileName(filters.callId, berlinDate(now))}"`,
      'cache-control': 'no-store',
      ...(truncated ? { 'x-export-truncated': 'true' } : {}),
    },
  };
});
