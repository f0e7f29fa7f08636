import { randomUUID } from 'node:crypto';
import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbInvitationRepository } from '#shared/adapters/dynamodb/dynamodb-invitation-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { SesMailer } from '#shared/adapters/ses-mailer.ts';
import { inviteMemberOperation } from '#shared/api/operations/memberships.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { toInvitationView } from '#shared/http/organisation-views.ts';
import { inviteMember } from '#shared/use-cases/organisations/invite-member.ts';

const table = tableName();
const from = process.env.MAIL_FROM;
if (!from) throw new Error('MAIL_FROM is not set');

const deps = {
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  invitations: new DynamoDbInvitationRepository(documentClient, table),
  mailer: new SesMailer(from),
  clock: systemClock,
  newId: randomUUID,
};

export const handler = httpHandler(inviteMemberOperation, async ({ params, body, caller }) => {
  const { invitation, created } = await inviteMember(deps, caller, {
    orgId: params.orgId,
    email: body.email,
  });
  return { status: created ? 201 : 200, body: toInvitationView(invitation, deps.clock.now()) };
});
