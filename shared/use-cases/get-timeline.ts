import { NotFoundError } from '../domain/errors.ts';
import { applicantTimeline, type TimelineEntry } from '../domain/timeline.ts';
import type { ApplicationRepository } from '../ports/application-repository.ts';
import type { MembershipDirectory } from '../ports/membership-repository.ts';

export interface GetTimelineDeps {
  applications: Pick<ApplicationRepository, 'get' | 'listEvents'>;
  memberships: Pick<MembershipDirectory, 'isMember' | 'listByOrganisation'>;
}

/**
 * The application's history for a member of its organisation.
 * Primary course:
 * 1. The caller is a member of the owning organisation (else: not found).
 * 2. Read the event log (one Query on the application's partition) and the members (for names).
 * 3. Describe each step in plain language; back-office internals are left out.
 */
export async function getTimelineForMember(
  deps: GetTimelineDeps,
  actor: { sub: string },
  id: string,
): Promise<TimelineEntry[]> {
  const application = await deps.applications.get(id);
  if (!application || !(await deps.memberships.isMember(application.orgId, actor.sub))) {
    throw new NotFoundError('application');
  }
  const [events, members] = await Promise.all([
    deps.applications.listEvents(id),
    deps.memberships.listByOrganisation(application.orgId),
  ]);
  return applicantTimeline(events, new Map(members.map((member) => [member.sub, member.email])));
}
