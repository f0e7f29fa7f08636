import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbInvitationRepository } from '#shared/adapters/dynamodb/dynamodb-invitation-repository.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { listInvitationsOperation } from '#shared/api/operations/memberships.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { toInvitationView } from '#shared/http/organisation-views.ts';
import { listMyInvitations } from '#shared/use-cases/organisations/list-my-invitations.ts';

const table = tableName();
const deps = {
  invitations: new DynamoDbInvitationRepository(documentClient, table),
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
  clock: systemClock,
};

export const handler = httpHandler(listInvitationsOperation, async ({ caller }) => {
  const mine = await listMyInvitations(deps, caller);
  const now = deps.clock.now();
  return {
    status: 200,
    body: {
      items: mine.map(({ invitation, organisationName }) => ({
        ...toInvitationView(invitation, now),
        organisation: { id: invitation.orgId, legalName: organisationName },
      })),
    },
  };
});
