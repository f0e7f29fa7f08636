import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { updateOrganisationOperation } from '#shared/api/operations/organisations.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { etagOf, versionFromIfMatch } from '#shared/http/if-match.ts';
import { toOrganisationView } from '#shared/http/organisation-views.ts';
import { updateOrganisation } from '#shared/use-cases/organisations/update-organisation.ts';

const table = tableName();
const deps = {
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  clock: systemClock,
};

export const handler = httpHandler(updateOrganisationOperation, async ({ params, body, caller, headers }) => {
  const expectedVersion = versionFromIfMatch(headers);
  const { organisation, membership } = await updateOrganisation(deps, caller, {
    orgId: params.orgId,
    profile: body,
    expectedVersion,
  });
  return {
    status: 200,
    body: toOrganisationView(organisation, membership),
    headers: { etag: etagOf(organisation.version) },
  };
});
