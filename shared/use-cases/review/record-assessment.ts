import type { AssessmentBody } from '../../api/schemas/assessment.schema.ts';
import type { Application, ApplicationEvent } from '../../domain/application.ts';
import {
  type Assessment,
  contentAssessmentViolations,
  financialAssessmentViolations,
} from '../../domain/assessment.ts';
import type { Clock } from '../../domain/clock.ts';
import {
  ConcurrentChangeError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
} from '../../domain/errors.ts';
import { otherRole } from '../../domain/review.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { AssessmentRepository } from '../../ports/assessment-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { AssignmentRepository, StaffDirectory } from '../../ports/review-repository.ts';
import { callOf } from '../get-application.ts';

export interface RecordAssessmentDeps {
  applications: Pick<ApplicationRepository, 'get'>;
  calls: CallRepository;
  assignments: Pick<AssignmentRepository, 'listByApplication'>;
  assessments: AssessmentRepository;
  staff: Pick<StaffDirectory, 'get'>;
  clock: Clock;
}

/**
 * A reviewer records their assessment: the content one against the call's rubric, or the financial
 * one line by line.
 * Primary course:
 * 1. The caller holds the open assignment for this role (else 404; holding the OTHER role is 403:
 *    content and financial assessment are done by two different people).
 * 2. They declared that they have no conflict of interest (else 409: declare first).
 * 3. The application is in review, and this role has no assessment yet (else 409).
 * 4. The assessment fits the call (every rubric criterion scored once) or the plan (every cost line
 *    checked once, no more eligible than applied for, no more recommended than requested) — else 422.
 * 5. Written in one transaction with its assignment closed and the application's next version; when
 *    the other assessment is already in, the same write marks the assessment workflow as pending
 *    (summary, ASSESSED, approvers notified). A concurrent second assessment retries on the new version.
 */
export async function recordAssessment(
  deps: RecordAssessmentDeps,
  actor: { sub: string },
  input: { id: string; body: AssessmentBody },
): Promise<{ application: Application; assessment: Assessment; bothRecorded: boolean }> {
  for (let attempt = 0; ; attempt++) {
    const application = await deps.applications.get(input.id);
    if (!application) throw new NotFoundError('application');
    const assignments = await deps.assignments.listByApplication(application.id);
    const mine = assignments.find((a) => a.role === input.body.role && a.reviewerSub === actor.sub);
    if (!mine) {
      const other = assignments.find(
        (a) => a.role === otherRole(input.body.role) && a.reviewerSub === actor.sub,
      );
      if (other) {
        throw new ForbiddenError('content and financial assessment are done by two different people');
      }
      throw new NotFoundError('application');
    }
    if (mine.declaration?.conflict === true) throw new NotFoundError('application');
    if (!mine.declaration) {
      throw new ConflictError(
        {
          de: 'Bitte erklären Sie zuerst, ob bei Ihnen ein Interessenkonflikt besteht.',
          en: 'Please declare first whether you have a conflict of interest.',
        },
        { code: 'declaration-missing' },
      );
    }
    if (mine.assessedAt) {
      throw new ConflictError(
        {
          de: 'Sie haben Ihr Gutachten bereits abgegeben.',
          en: 'You have already submitted your assessment.',
        },
        { code: 'already-assessed' },
      );
    }
    if (application.status !== 'IN_REVIEW') {
      throw new ConflictError(
        {
          de: 'Gutachten sind nur möglich, solange der Antrag in Prüfung ist.',
          en: 'Assessments are only possible while the application is in review.',
        },
        { currentStatus: application.status },
      );
    }

    const call = await callOf(deps.calls, application);
    const violations =
      input.body.role === 'content'
        ? contentAssessmentViolations(input.body, call.rubric)
        : financialAssessmentViolations(input.body, application.financePlan, call.rules);
    if (violations.length > 0) throw new RuleViolationError(violations);

    const now = deps.clock.now();
    const at = now.toISOString();
    const recorded = await deps.assessments.listByApplication(application.id);
    const otherIsIn = recorded.some((assessment) => assessment.role === otherRole(input.body.role));
    const assessment: Assessment = {
      ...input.body,
      applicationId: application.id,
      reviewerSub: actor.sub,
      submittedAt: at,
    };
    const next: Application = {
      ...application,
      version: application.version + 1,
      updatedAt: at,
      updatedBy: actor.sub,
      ...(otherIsIn ? { pendingWork: 'assessment' as const, pendingSince: at } : {}),
    };
    const event: ApplicationEvent = {
      applicationId: application.id,
      version: next.version,
      at,
      actor: actor.sub,
      type: 'ASSESSMENT_RECORDED',
      to: application.status,
      reason: input.body.role,
    };
    try {
      await deps.assessments.record({
        assessment,
        next,
        event,
        expectedVersion: application.version,
        reviewerInDirectory: (await deps.staff.get(actor.sub)) !== undefined,
      });
      return { application: next, assessment, bothRecorded: otherIsIn };
    } catch (error) {
      // The other reviewer's assessment (or another change) came in meanwhile: judge again on it.
      if (!(error instanceof ConcurrentChangeError) || attempt >= 2) throw error;
    }
  }
}
