import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { listMyApplicationsOperation } from '#shared/api/operations/applications.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { toApplicationSummary } from '#shared/http/views.ts';
import { listMyApplications } from '#shared/use-cases/list-my-applications.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
};

export const handler = httpHandler(listMyApplicationsOperation, async ({ query, caller }) => {
  const applications = await listMyApplications(deps, caller, query);
  return { status: 200, body: { items: applications.map(toApplicationSummary) } };
});
