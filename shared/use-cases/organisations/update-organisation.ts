import type { OrganisationProfile } from '../../api/schemas/organisation.schema.ts';
import type { Clock } from '../../domain/clock.ts';
import { NotFoundError, RuleViolationError, StaleVersionError } from '../../domain/errors.ts';
import { type Organisation, profileRuleViolations } from '../../domain/organisation.ts';
import type { MembershipDirectory } from '../../ports/membership-repository.ts';
import type { OrganisationRepository } from '../../ports/organisation-repository.ts';
import type { OrganisationForMember } from './get-organisation.ts';

/**
 * Replaces an organisation's profile as a whole (PUT), for one of its members.
 * Primary course:
 * 1. The caller is a member (else 404) and the organisation exists.
 * 2. The caller edited the current version (If-Match); a stale one is refused with the current
 *    version and nothing written, so no one's edit is silently lost.
 * 3. The profile keeps the date rules.
 * 4. Store it as the next version, with who changed it and when, on the condition that the version is
 *    still the one read (a concurrent save in between is also a stale version).
 */
export async function updateOrganisation(
  deps: { organisations: OrganisationRepository; memberships: MembershipDirectory; clock: Clock },
  actor: { sub: string },
  input: { orgId: string; profile: OrganisationProfile; expectedVersion: number },
): Promise<OrganisationForMember> {
  const membership = await deps.memberships.get(input.orgId, actor.sub);
  if (!membership) throw new NotFoundError('organisation');
  const current = await deps.organisations.get(input.orgId);
  if (!current) throw new NotFoundError('organisation');
  if (current.version !== input.expectedVersion) throw new StaleVersionError(current.version);

  const now = deps.clock.now();
  const violations = profileRuleViolations(input.profile, now);
  if (violations.length > 0) throw new RuleViolationError(violations);

  const next: Organisation = {
    ...input.profile,
    id: current.id,
    version: current.version + 1,
    createdAt: current.createdAt,
    createdBy: current.createdBy,
    updatedAt: now.toISOString(),
    updatedBy: actor.sub,
  };
  await deps.organisations.replace(next, current.version);
  return { organisation: next, membership };
}
