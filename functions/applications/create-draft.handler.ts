import { randomUUID } from 'node:crypto';
import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { createDraftOperation } from '#shared/api/operations/applications.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { applicationResponse } from '#shared/http/views.ts';
import { createDraft } from '#shared/use-cases/create-draft.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  clock: systemClock,
  newId: randomUUID,
};

export const handler = httpHandler(createDraftOperation, async ({ body, caller, language }) => {
  const created = await createDraft(deps, caller, body);
  return applicationResponse(201, created, language, {
    location: `/api/applications/${created.application.id}`,
  });
});
