import type { Clock } from '../../domain/clock.ts';
import { type Invitation, invitationStatus } from '../../domain/organisation.ts';
import type { InvitationRepository } from '../../ports/invitation-repository.ts';
import type { OrganisationRepository } from '../../ports/organisation-repository.ts';
import { verifiedAddressOf } from './invitee.ts';

/**
 * The open invitations addressed to the signed-in user, with the names of the organisations.
 * Primary course:
 * 1. The caller's verified email (without one, there is nothing to show).
 * 2. Invitations to that address, from the invitee index (gsi1 INVITEE#<email>): no scan.
 * 3. Only the open ones that have not expired, the newest first, with their organisation's name.
 */
export async function listMyInvitations(
  deps: { invitations: InvitationRepository; organisations: OrganisationRepository; clock: Clock },
  actor: { sub: string; email?: string; emailVerified?: true },
): Promise<{ invitation: Invitation; organisationName: string }[]> {
  const email = verifiedAddressOf(actor);
  if (!email) return [];
  const now = deps.clock.now();
  const open = (await deps.invitations.listByEmail(email)).filter(
    (invitation) => invitationStatus(invitation, now) === 'open',
  );
  if (open.length === 0) return [];
  const organisations = await deps.organisations.getMany(open.map((invitation) => invitation.orgId));
  const names = new Map(organisations.map((organisation) => [organisation.id, organisation.legalName]));
  return open
    .flatMap((invitation) => {
      const organisationName = names.get(invitation.orgId);
      return organisationName ? [{ invitation, organisationName }] : [];
    })
    .sort((a, b) => b.invitation.createdAt.localeCompare(a.invitation.createdAt));
}
