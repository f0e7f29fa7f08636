import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbInvitationRepository } from '#shared/adapters/dynamodb/dynamodb-invitation-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { listMembersOperation } from '#shared/api/operations/memberships.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { toInvitationView, toMemberView } from '#shared/http/organisation-views.ts';
import { listMembers } from '#shared/use-cases/organisations/list-members.ts';

const table = tableName();
const deps = {
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  invitations: new DynamoDbInvitationRepository(documentClient, table),
  clock: systemClock,
};

export const handler = httpHandler(listMembersOperation, async ({ params, caller }) => {
  const { members, invitations } = await listMembers(deps, caller, params.orgId);
  const now = deps.clock.now();
  return {
    status: 200,
    body: {
      members: members.map(toMemberView),
      invitations: invitations.map((invitation) => toInvitationView(invitation, now)),
    },
  };
});
