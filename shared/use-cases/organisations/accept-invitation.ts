import type { Clock } from '../../domain/clock.ts';
import { ConcurrentChangeError, ConflictError, NotFoundError } from '../../domain/errors.ts';
import { invitationStatus, type Membership } from '../../domain/organisation.ts';
import type { InvitationRepository } from '../../ports/invitation-repository.ts';
import type { MembershipDirectory } from '../../ports/membership-repository.ts';
import type { OrganisationRepository } from '../../ports/organisation-repository.ts';
import { verifiedAddressOf } from './invitee.ts';

export interface AcceptInvitationDeps {
  invitations: InvitationRepository;
  memberships: MembershipDirectory;
  organisations: OrganisationRepository;
  clock: Clock;
}

const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long' });
const berlinEn = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', dateStyle: 'long' });

/**
 * The invitee accepts an invitation after signing in, and becomes a member.
 * Primary course:
 * 1. The invitation is addressed to the caller's verified email; for anyone else it does not exist
 *    (404). It is found through the invitee index, then read again consistently from the table.
 * 2. It is open and has not expired (409 with what to do otherwise).
 * 3. The membership and the invitation's new status are written in ONE transaction, conditioned on
 *    the invitation still being open and the membership not existing: two accepts at once, or one
 *    repeated, can never make two memberships.
 * Accepting again as the same person is not an error: it answers with the membership it made.
 */
export async function acceptInvitation(
  deps: AcceptInvitationDeps,
  actor: { sub: string; email?: string; emailVerified?: true },
  invitationId: string,
): Promise<{ membership: Membership; created: boolean }> {
  const email = verifiedAddressOf(actor);
  if (!email) throw new NotFoundError('invitation');
  const listed = (await deps.invitations.listByEmail(email)).find((i) => i.id === invitationId);
  if (!listed) throw new NotFoundError('invitation');

  // A failed transaction means someone got there first (most often this same person, clicking twice):
  // look again, and the answer is one of the cases below.
  for (let attempt = 0; attempt < 3; attempt++) {
    const invitation = await deps.invitations.find(listed.orgId, email);
    // Replaced by a newer invitation to the same address: this id no longer names anything.
    if (!invitation || invitation.id !== invitationId) throw new NotFoundError('invitation');
    const existing = await deps.memberships.get(invitation.orgId, actor.sub);

    if (invitation.status === 'accepted') {
      if (invitation.acceptedBy === actor.sub && existing) return { membership: existing, created: false };
      throw new ConflictError({
        de: 'Diese Einladung wurde bereits angenommen. Bitten Sie ein Mitglied der Organisation um eine neue Einladung.',
        en: 'This invitation has already been accepted. Please ask a member of the organisation for a new one.',
      });
    }
    // Already a member some other way (e.g. invited under an older address): nothing to add.
    if (existing) return { membership: existing, created: false };

    const now = deps.clock.now();
    if (invitationStatus(invitation, now) === 'expired') {
      const organisation = await deps.organisations.get(invitation.orgId);
      const name = organisation?.legalName ?? 'der Organisation';
      const expired = new Date(invitation.expiresAt);
      throw new ConflictError(
        {
          de: `Diese Einladung ist am ${berlin.format(expired)} abgelaufen. Bitten Sie ein Mitglied von ${name}, Sie erneut einzuladen.`,
          en: `This invitation expired on ${berlinEn.format(expired)}. Please ask a member of ${organisation?.legalName ?? 'the organisation'} to invite you again.`,
        },
        { expiresAt: invitation.expiresAt },
      );
    }

    const membership: Membership = {
      orgId: invitation.orgId,
      sub: actor.sub,
      email,
      role: 'member',
      joinedAt: now.toISOString(),
    };
    if (await deps.invitations.accept(invitation, membership, now.toISOString())) {
      return { membership, created: true };
    }
  }
  throw new ConcurrentChangeError();
}
