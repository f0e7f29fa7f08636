import type { MembershipDirectory } from '../../ports/membership-repository.ts';
import type { OrganisationRepository } from '../../ports/organisation-repository.ts';
import type { OrganisationForMember } from './get-organisation.ts';

const byName = new Intl.Collator('de');

/**
 * The organisations the caller belongs to.
 * Primary course:
 * 1. The caller's memberships, from the user index (gsi1 USER#<sub>): no scan.
 * 2. Their profiles, in batches.
 * 3. Sorted by name as German readers expect (Ä with A).
 */
export async function listMyOrganisations(
  deps: { organisations: OrganisationRepository; memberships: MembershipDirectory },
  actor: { sub: string },
): Promise<OrganisationForMember[]> {
  const memberships = await deps.memberships.listByUser(actor.sub);
  if (memberships.length === 0) return [];
  const organisations = await deps.organisations.getMany(memberships.map((m) => m.orgId));
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  return memberships
    .flatMap((membership) => {
      const organisation = byId.get(membership.orgId);
      return organisation ? [{ organisation, membership }] : [];
    })
    .sort((a, b) => byName.compare(a.organisation.legalName, b.organisation.legalName));
}
