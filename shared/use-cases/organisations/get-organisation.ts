import { NotFoundError } from '../../domain/errors.ts';
import type { Membership, Organisation } from '../../domain/organisation.ts';
import type { MembershipDirectory } from '../../ports/membership-repository.ts';
import type { OrganisationRepository } from '../../ports/organisation-repository.ts';

export interface GetOrganisationDeps {
  organisations: OrganisationRepository;
  memberships: MembershipDirectory;
}

export interface OrganisationForMember {
  organisation: Organisation;
  /** The caller's own membership (its role is part of the view). */
  membership: Membership;
}

/**
 * Reads an organisation for one of its members.
 * Primary course:
 * 1. The caller is a member; to anyone else the organisation does not exist (404), so ids cannot be
 *    probed.
 * 2. Load the profile.
 */
export async function getOrganisationForMember(
  deps: GetOrganisationDeps,
  actor: { sub: string },
  orgId: string,
): Promise<OrganisationForMember> {
  const membership = await deps.memberships.get(orgId, actor.sub);
  if (!membership) throw new NotFoundError('organisation');
  const organisation = await deps.organisations.get(orgId);
  if (!organisation) throw new NotFoundError('organisation');
  return { organisation, membership };
}
