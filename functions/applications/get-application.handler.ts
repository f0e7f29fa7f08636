import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { getApplicationOperation } from '#shared/api/operations/applications.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { toApplicationView } from '#shared/http/views.ts';
import { getApplicationForMember } from '#shared/use-cases/get-application.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
};

export const handler = httpHandler(getApplicationOperation, async ({ params, caller }) => {
  const application = await getApplicationForMember(deps, caller, params.id);
  return { status: 200, body: toApplicationView(application), headers: { etag: `"${application.version}"` } };
});
