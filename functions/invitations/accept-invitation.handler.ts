import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbInvitationRepository } from '#shared/adapters/dynamodb/dynamodb-invitation-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { acceptInvitationOperation } from '#shared/api/operations/memberships.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { toMembershipView } from '#shared/http/organisation-views.ts';
import { acceptInvitation } from '#shared/use-cases/organisations/accept-invitation.ts';

const table = tableName();
const deps = {
  invitations: new DynamoDbInvitationRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
  clock: systemClock,
};

export const handler = httpHandler(acceptInvitationOperation, async ({ params, caller }) => {
  const { membership, created } = await acceptInvitation(deps, caller, params.invitationId);
  return created
    ? {
        status: 201,
        body: toMembershipView(membership),
        headers: { location: `/api/organisations/${membership.orgId}` },
      }
    : { status: 200, body: toMembershipView(membership) };
});
