import type { Clock } from '../../domain/clock.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { type Invitation, invitationStatus, type Membership } from '../../domain/organisation.ts';
import type { InvitationRepository } from '../../ports/invitation-repository.ts';
import type { MembershipDirectory } from '../../ports/membership-repository.ts';

/**
 * The members of an organisation and the invitations still open, for one of its members.
 * Primary course:
 * 1. The caller is a member (else 404).
 * 2. Members and invitations, both from the organisation's partition; invitations that were accepted
 *    or have expired are left out.
 */
export async function listMembers(
  deps: { memberships: MembershipDirectory; invitations: InvitationRepository; clock: Clock },
  actor: { sub: string },
  orgId: string,
): Promise<{ members: Membership[]; invitations: Invitation[] }> {
  if (!(await deps.memberships.isMember(orgId, actor.sub))) throw new NotFoundError('organisation');
  const now = deps.clock.now();
  const [members, invitations] = await Promise.all([
    deps.memberships.listByOrganisation(orgId),
    deps.invitations.listByOrganisation(orgId),
  ]);
  return {
    members,
    invitations: invitations
      .filter((invitation) => invitationStatus(invitation, now) === 'open')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  };
}
