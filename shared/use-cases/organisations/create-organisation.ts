import type { OrganisationProfile } from '../../api/schemas/organisation.schema.ts';
import type { Clock } from '../../domain/clock.ts';
import { RuleViolationError } from '../../domain/errors.ts';
import {
  type Membership,
  newOrganisation,
  type Organisation,
  profileRuleViolations,
} from '../../domain/organisation.ts';
import type { OrganisationRepository } from '../../ports/organisation-repository.ts';

export interface CreateOrganisationDeps {
  organisations: OrganisationRepository;
  clock: Clock;
  newId: () => string;
}

/**
 * Creates an organisation; whoever creates it becomes its first member, as its owner.
 * Primary course:
 * 1. The profile keeps the rules that need today's date (no exemption notice from the future).
 * 2. The organisation (version 1) and the owner's membership are stored in one transaction.
 */
export async function createOrganisation(
  deps: CreateOrganisationDeps,
  actor: { sub: string; email?: string },
  profile: OrganisationProfile,
): Promise<{ organisation: Organisation; membership: Membership }> {
  const now = deps.clock.now();
  const violations = profileRuleViolations(profile, now);
  if (violations.length > 0) throw new RuleViolationError(violations);

  const { organisation, owner } = newOrganisation({ id: deps.newId(), profile, creator: actor, now });
  await deps.organisations.create(organisation, owner);
  return { organisation, membership: owner };
}
