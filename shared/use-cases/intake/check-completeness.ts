import type { OrganisationProfile } from '../../api/schemas/organisation.schema.ts';
import type { Clock } from '../../domain/clock.ts';
import { decideIntake, type IntakeOutcome } from '../../domain/intake.ts';
import { intakeGaps } from '../../domain/submission-check.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { DocumentReader } from '../../ports/document-repository.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';
import { applicationInRound } from './intake-round.ts';

export interface CheckCompletenessDeps {
  applications: Pick<ApplicationRepository, 'get' | 'save'>;
  calls: Pick<CallRepository, 'get'>;
  organisations: { get(orgId: string): Promise<OrganisationProfile | undefined> };
  documents: DocumentReader;
  clock: Clock;
}

/**
 * Intake task: the Vollständigkeitsprüfung. Checks the submitted application again on the server,
 * with the one completeness and eligibility check the submit request uses (submission-check.ts):
 * the organisation's profile or a document may have changed since, and only a complete application
 * may reach review.
 * Primary course:
 * 1. Load the application; this intake round must still be pending (else the work is stale).
 * 2. Already decided in this round (a rerun after a crash): report that decision, change nothing.
 * 3. Read the call, the organisation's profile and the documents; find every gap, judging the
 *    deadline at the time the applicant handed the application in.
 * 4. Nothing missing: SUBMITTED → IN_REVIEW. Something missing: SUBMITTED → INCOMPLETE with a
 *    Nachforderung listing every gap, due at the end of the 14th day (Berlin); a supplement that is
 *    still incomplete keeps its earlier due date. One conditional write (on the version read) with the
 *    event, by the system; a concurrent change fails it, and the retry decides on what is there then.
 */
export async function checkCompleteness(
  deps: CheckCompletenessDeps,
  input: WorkflowInput,
): Promise<{ outcome: IntakeOutcome; missing: number }> {
  const application = await applicationInRound(deps.applications, input);
  if (application.status === 'IN_REVIEW') return { outcome: 'complete', missing: 0 };
  if (application.status === 'INCOMPLETE') {
    return { outcome: 'incomplete', missing: application.nachforderung?.items.length ?? 0 };
  }
  if (application.status !== 'SUBMITTED') {
    throw new StaleWorkError(`application ${application.id} is ${application.status}, not SUBMITTED`);
  }
  const [call, organisation, documents] = await Promise.all([
    deps.calls.get(application.callId),
    deps.organisations.get(application.orgId),
    deps.documents.listByApplication(application.id),
  ]);
  if (!call) throw new Error(`call ${application.callId} of application ${application.id} does not exist`);
  const gaps = intakeGaps({ application, call, organisation, documents });
  const { outcome, next, event } = decideIntake(application, gaps, deps.clock.now());
  await deps.applications.save(next, event, application.version);
  return { outcome, missing: gaps.length };
}
