import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { submitApplicationOperation } from '#shared/api/operations/applications.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { applicationResponse } from '#shared/http/views.ts';
import { submitApplication } from '#shared/use-cases/submit-application.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  clock: systemClock,
};

// 202: submitted; the intake (Aktenzeichen, receipt) follows in the background.
export const handler = httpHandler(submitApplicationOperation, async ({ params, caller, language }) =>
  applicationResponse(202, await submitApplication(deps, caller, params.id), language),
);
