import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { listOrganisationsOperation } from '#shared/api/operations/organisations.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { toOrganisationView } from '#shared/http/organisation-views.ts';
import { listMyOrganisations } from '#shared/use-cases/organisations/list-my-organisations.ts';

const table = tableName();
const deps = {
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
};

export const handler = httpHandler(listOrganisationsOperation, async ({ caller }) => {
  const mine = await listMyOrganisations(deps, caller);
  return {
    status: 200,
    body: { items: mine.map(({ organisation, membership }) => toOrganisationView(organisation, membership)) },
  };
});
