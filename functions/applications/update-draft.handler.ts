import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { updateDraftOperation } from '#shared/api/operations/applications.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { versionFromIfMatch } from '#shared/http/if-match.ts';
import { applicationResponse } from '#shared/http/views.ts';
import { updateDraft } from '#shared/use-cases/update-draft.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  clock: systemClock,
};

export const handler = httpHandler(
  updateDraftOperation,
  async ({ params, body, caller, headers, language }) => {
    const expectedVersion = versionFromIfMatch(headers);
    const saved = await updateDraft(deps, caller, { id: params.id, expectedVersion, patch: body });
    return applicationResponse(200, saved, language);
  },
);
