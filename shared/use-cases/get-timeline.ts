import { NotFoundError } from '../domain/errors.ts';
import { reviewAccessOf } from '../domain/review-view.ts';
import { applicantTimeline, type TimelineEntry } from '../domain/timeline.ts';
import type { ApplicationRepository } from '../ports/application-repository.ts';
import type { MembershipDirectory } from '../ports/membership-repository.ts';
import type { AssignmentRepository } from '../ports/review-repository.ts';

export interface GetTimelineDeps {
  applications: Pick<ApplicationRepository, 'get' | 'listEvents'>;
  memberships: Pick<MembershipDirectory, 'isMember' | 'listByOrganisation'>;
  assignments: Pick<AssignmentRepository, 'listByApplication'>;
}

/**
 * The application's history, for a member of its organisation or for the back office.
 * Primary course:
 * 1. The caller is a member of the owning organisation, or sees the application in full in the back
 *    office (an approver, or an assigned reviewer who declared no conflict: the review view's rule).
 *    Anyone else: not found.
 * 2. Read the event log (one Query on the application's partition) and the members (for names).
 * 3. Describe each step in plain language; back-office internals are left out, for staff too: they
 *    read the history as the applicant reads it (who assesses is in the review view).
 */
export async function getTimeline(
  deps: GetTimelineDeps,
  caller: { sub: string; groups: readonly string[] },
  id: string,
): Promise<TimelineEntry[]> {
  const application = await deps.applications.get(id);
  if (!application) throw new NotFoundError('application');
  if (!(await deps.memberships.isMember(application.orgId, caller.sub))) {
    const assignments = caller.groups.includes('reviewer')
      ? await deps.assignments.listByApplication(id)
      : [];
    if (reviewAccessOf({ caller, application, assignments }) !== 'full') {
      throw new NotFoundError('application');
    }
  }
  const [events, members] = await Promise.all([
    deps.applications.listEvents(id),
    deps.memberships.listByOrganisation(application.orgId),
  ]);
  return applicantTimeline(events, new Map(members.map((member) => [member.sub, member.email])));
}
