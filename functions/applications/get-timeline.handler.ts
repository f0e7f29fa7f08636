import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { DynamoDbAssignmentRepository } from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { getTimelineOperation } from '#shared/api/operations/applications.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { getTimeline } from '#shared/use-cases/get-timeline.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  assignments: new DynamoDbAssignmentRepository(documentClient, table),
};

export const handler = httpHandler(getTimelineOperation, async ({ params, caller, language }) => {
  const entries = await getTimeline(deps, caller, params.id);
  return {
    status: 200,
    body: {
      items: entries.map(({ title, detail, ...entry }) => ({
        ...entry,
        title: title[language],
        ...(detail ? { detail: detail[language] } : {}),
      })),
    },
  };
});
