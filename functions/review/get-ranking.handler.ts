import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbCallApplications } from '#shared/adapters/dynamodb/dynamodb-call-applications.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbDecisionBatches } from '#shared/adapters/dynamodb/dynamodb-decision-batches.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { DynamoDbReviewQueue } from '#shared/adapters/dynamodb/dynamodb-review-queue.ts';
import { getRankingOperation } from '#shared/api/operations/competitive-decisions.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { getRanking } from '#shared/use-cases/decisions/get-ranking.ts';

const table = tableName();
const deps = {
  calls: new DynamoDbCallRepository(documentClient, table),
  queue: new DynamoDbReviewQueue(documentClient, table),
  callApplications: new DynamoDbCallApplications(documentClient, table),
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
  batches: new DynamoDbDecisionBatches(documentClient, table),
  clock: systemClock,
};

export const handler = httpHandler(getRankingOperation, async ({ params }) => ({
  status: 200,
  body: await getRanking(deps, params.callId),
}));
