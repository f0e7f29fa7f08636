import type { Application } from '../domain/application.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { ApplicationRepository } from '../ports/application-repository.ts';
import type { MembershipRepository } from '../ports/membership-repository.ts';

export interface GetApplicationDeps {
  applications: ApplicationRepository;
  memberships: MembershipRepository;
}

/**
 * Reads an application for a member of its organisation.
 * Primary course:
 * 1. Load the application.
 * 2. The caller is a member of the owning organisation; to anyone else it does not exist (404), so
 *    ids of other organisations' applications cannot be probed.
 */
export async function getApplicationForMember(
  deps: GetApplicationDeps,
  actor: { sub: string },
  id: string,
): Promise<Application> {
  const application = await deps.applications.get(id);
  if (!application || !(await deps.memberships.isMember(application.orgId, actor.sub))) {
    throw new NotFoundError('application');
  }
  return application;
}
