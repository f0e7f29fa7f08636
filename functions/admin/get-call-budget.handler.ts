import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbReviewQueue } from '#shared/adapters/dynamodb/dynamodb-review-queue.ts';
import { getCallBudgetOperation } from '#shared/api/operations/decisions.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { callBudget } from '#shared/use-cases/decisions/call-budget.ts';

const table = tableName();
const deps = {
  calls: new DynamoDbCallRepository(documentClient, table),
  queue: new DynamoDbReviewQueue(documentClient, table),
};

export const handler = httpHandler(getCallBudgetOperation, async ({ params }) => ({
  status: 200,
  body: await callBudget(deps, params.callId),
}));
