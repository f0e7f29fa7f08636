import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { DynamoDbReviewQueue } from '#shared/adapters/dynamodb/dynamodb-review-queue.ts';
import { DynamoDbStaffDirectory } from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { listStaffAssignmentsOperation } from '#shared/api/operations/staff.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { queueProblems } from '#shared/http/queue-problems.ts';
import { staffAssignments } from '#shared/use-cases/staff/staff-assignments.ts';

const table = tableName();
const deps = {
  queue: new DynamoDbReviewQueue(documentClient, table),
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
  staff: new DynamoDbStaffDirectory(documentClient, table),
};

export const handler = httpHandler(listStaffAssignmentsOperation, async ({ params, query, language }) => ({
  status: 200,
  // A broken cursor is a 422 in words, as in the work queues.
  body: await queueProblems(language, () =>
    staffAssignments(deps, params.sub, { cursor: query.cursor }, systemClock.now()),
  ),
  headers: { 'cache-control': 'no-store' },
}));
