import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { getApplicationOperation } from '#shared/api/operations/applications.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { applicationResponse } from '#shared/http/views.ts';
import { getApplicationForMember } from '#shared/use-cases/get-application.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
};

export const handler = httpHandler(getApplicationOperation, async ({ params, caller, language }) =>
  applicationResponse(200, await getApplicationForMember(deps, caller, params.id), language),
);
