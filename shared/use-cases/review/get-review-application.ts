import type { ReviewApplicationView } from '../../api/schemas/review.schema.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { reviewAccessOf, reviewViewOf } from '../../domain/review-view.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { AssessmentRepository } from '../../ports/assessment-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { DocumentReader } from '../../ports/document-repository.ts';
import type { OrganisationRepository } from '../../ports/organisation-repository.ts';
import type { AssignmentRepository, StaffDirectory } from '../../ports/review-repository.ts';
import { callOf } from '../get-application.ts';

export interface GetReviewApplicationDeps {
  applications: Pick<ApplicationRepository, 'get'>;
  calls: CallRepository;
  organisations: Pick<OrganisationRepository, 'get'>;
  documents: DocumentReader;
  assignments: Pick<AssignmentRepository, 'listByApplication'>;
  assessments: Pick<AssessmentRepository, 'listByApplication'>;
  staff: Pick<StaffDirectory, 'get'>;
}

/**
 * Reads an application for the back office.
 * Primary course:
 * 1. Load the application and its assignments; decide what the caller may see (review-view.ts).
 *    Nothing (an unassigned reviewer, one with a conflict, a draft): 404, so ids cannot be probed.
 * 2. Load the call and the organisation (for its name); the documents only for the full view; the
 *    assessments only for approvers; the names of the assigned reviewers (at most two GetItems).
 */
export async function getReviewApplication(
  deps: GetReviewApplicationDeps,
  caller: { sub: string; groups: readonly string[] },
  id: string,
): Promise<ReviewApplicationView> {
  const [application, assignments] = await Promise.all([
    deps.applications.get(id),
    deps.assignments.listByApplication(id),
  ]);
  if (!application) throw new NotFoundError('application');
  const access = reviewAccessOf({ caller, application, assignments });
  if (access === 'none') throw new NotFoundError('application');
  const [call, organisation, documents, assessments, staff] = await Promise.all([
    callOf(deps.calls, application),
    deps.organisations.get(application.orgId),
    access === 'full' ? deps.documents.listByApplication(id) : Promise.resolve([]),
    caller.groups.includes('approver') ? deps.assessments.listByApplication(id) : Promise.resolve([]),
    Promise.all([...new Set(assignments.map((a) => a.reviewerSub))].map((sub) => deps.staff.get(sub))),
  ]);
  return reviewViewOf({
    access,
    caller,
    application,
    organisationName: organisation?.legalName ?? '',
    call,
    assignments,
    documents,
    assessments,
    staffNames: new Map(staff.flatMap((member) => (member ? [[member.sub, member.name] as const] : []))),
  });
}
