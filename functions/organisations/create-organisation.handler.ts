import { randomUUID } from 'node:crypto';
import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { createOrganisationOperation } from '#shared/api/operations/organisations.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { etagOf } from '#shared/http/if-match.ts';
import { toOrganisationView } from '#shared/http/organisation-views.ts';
import { createOrganisation } from '#shared/use-cases/organisations/create-organisation.ts';

const deps = {
  organisations: new DynamoDbOrganisationRepository(documentClient, tableName()),
  clock: systemClock,
  newId: randomUUID,
};

export const handler = httpHandler(createOrganisationOperation, async ({ body, caller }) => {
  const { organisation, membership } = await createOrganisation(deps, caller, body);
  return {
    status: 201,
    body: toOrganisationView(organisation, membership),
    headers: { etag: etagOf(organisation.version), location: `/api/organisations/${organisation.id}` },
  };
});
