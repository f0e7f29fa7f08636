import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { getOrganisationOperation } from '#shared/api/operations/organisations.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { etagOf } from '#shared/http/if-match.ts';
import { toOrganisationView } from '#shared/http/organisation-views.ts';
import { getOrganisationForMember } from '#shared/use-cases/organisations/get-organisation.ts';

const table = tableName();
const deps = {
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
};

export const handler = httpHandler(getOrganisationOperation, async ({ params, caller }) => {
  const { organisation, membership } = await getOrganisationForMember(deps, caller, params.orgId);
  return {
    status: 200,
    body: toOrganisationView(organisation, membership),
    headers: { etag: etagOf(organisation.version) },
  };
});
