import type { ApplicationStatus } from '../api/schemas/application.schema.ts';
import type { Application } from '../domain/application.ts';
import type { ApplicationRepository } from '../ports/application-repository.ts';
import type { MembershipDirectory } from '../ports/membership-repository.ts';

export interface ListMyApplicationsDeps {
  applications: Pick<ApplicationRepository, 'listByOrganisation'>;
  memberships: Pick<MembershipDirectory, 'listByUser'>;
}

/**
 * The applications of every organisation the caller belongs to, the most recently changed first.
 * Primary course:
 * 1. Find the caller's organisations (one Query on the user's index).
 * 2. Read each organisation's applications (one Query per organisation, never a Scan).
 * 3. Keep those matching the filters; an organisation the caller does not belong to yields nothing.
 */
export async function listMyApplications(
  deps: ListMyApplicationsDeps,
  actor: { sub: string },
  filter: { orgId?: string | undefined; status?: ApplicationStatus | undefined } = {},
): Promise<Application[]> {
  const memberships = await deps.memberships.listByUser(actor.sub);
  const orgIds = memberships
    .map((membership) => membership.orgId)
    .filter((orgId) => filter.orgId === undefined || orgId === filter.orgId);
  const lists = await Promise.all(orgIds.map((orgId) => deps.applications.listByOrganisation(orgId)));
  return lists
    .flat()
    .filter((application) => filter.status === undefined || application.status === filter.status)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
