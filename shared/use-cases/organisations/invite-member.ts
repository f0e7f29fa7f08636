import type { Clock } from '../../domain/clock.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { type Invitation, invitationStatus, newInvitation } from '../../domain/organisation.ts';
import { invitationEmail } from '../../emails/invitation-email.ts';
import type { InvitationRepository } from '../../ports/invitation-repository.ts';
import type { Mailer } from '../../ports/mailer.ts';
import type { MembershipDirectory } from '../../ports/membership-repository.ts';
import type { OrganisationRepository } from '../../ports/organisation-repository.ts';

export interface InviteMemberDeps {
  organisations: OrganisationRepository;
  memberships: MembershipDirectory;
  invitations: InvitationRepository;
  mailer: Mailer;
  clock: Clock;
  newId: () => string;
}

/** `created` is false when an open invitation to the address existed: it was sent again instead. */
export interface InviteResult {
  invitation: Invitation;
  created: boolean;
}

/**
 * A member invites someone by email to join the organisation.
 * Primary course:
 * 1. The caller is a member (else 404), and the organisation exists.
 * 2. The address does not belong to a member already (else 409).
 * 3. If an open invitation to the address exists, send it again and answer with it (no second one).
 * 4. Otherwise store a new invitation (open, 14 days), then send the email, then record the send.
 *
 * Why store first, then send: the invitation in the table is what the invitee's "accept" needs. Sent
 * first, a failed store would leave the invitee holding an email about an invitation that does not
 * exist. Stored first, the worst case is an invitation whose email did not go out: the send error
 * surfaces to the inviter (500), the invitation shows no `lastSentAt` in the members list, and
 * inviting the same address again finds it open and sends it again (step 3). No email is ever sent
 * for an invitation that cannot be accepted, and retrying is always safe.
 */
export async function inviteMember(
  deps: InviteMemberDeps,
  actor: { sub: string; email?: string },
  input: { orgId: string; email: string },
): Promise<InviteResult> {
  const email = input.email.toLowerCase();
  if (!(await deps.memberships.isMember(input.orgId, actor.sub))) throw new NotFoundError('organisation');
  const [organisation, members, existing] = await Promise.all([
    deps.organisations.get(input.orgId),
    deps.memberships.listByOrganisation(input.orgId),
    deps.invitations.find(input.orgId, email),
  ]);
  if (!organisation) throw new NotFoundError('organisation');

  if (members.some((member) => member.email?.toLowerCase() === email)) {
    throw new ConflictError({
      de: `${email} ist bereits Mitglied von ${organisation.legalName}.`,
      en: `${email} is already a member of ${organisation.legalName}.`,
    });
  }

  const now = deps.clock.now();
  let invitation: Invitation;
  let created: boolean;
  if (existing && invitationStatus(existing, now) === 'open') {
    invitation = existing;
    created = false;
  } else {
    invitation = newInvitation({ id: deps.newId(), orgId: input.orgId, email, inviter: actor, now });
    created = await deps.invitations.create(invitation, now.toISOString());
    if (!created) {
      // Another member invited the same address a moment ago; that request sends the email.
      const winner = await deps.invitations.find(input.orgId, email);
      if (!winner) throw new Error(`invitation of ${input.orgId} to an address vanished`);
      return { invitation: winner, created: false };
    }
  }

  await deps.mailer.send(invitationEmail(invitation, organisation.legalName));
  const sentAt = deps.clock.now().toISOString();
  await deps.invitations.recordSent(invitation, sentAt);
  return { invitation: { ...invitation, lastSentAt: sentAt }, created };
}
