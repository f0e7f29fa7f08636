import type { MissingDocumentsBody } from '../../api/schemas/nachforderung.schema.ts';
import type { Application, ApplicationEvent } from '../../domain/application.ts';
import type { Clock } from '../../domain/clock.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../../domain/errors.ts';
import { decideTransition } from '../../domain/lifecycle.ts';
import { reviewerDueDateViolations, reviewerNachforderung } from '../../domain/reviewer-nachforderung.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { AssignmentRepository } from '../../ports/review-repository.ts';

export interface RequestMissingDocumentsDeps {
  applications: Pick<ApplicationRepository, 'get' | 'save'>;
  assignments: Pick<AssignmentRepository, 'listByApplication'>;
  clock: Clock;
}

/**
 * A reviewer asks the applicant for missing documents or information (Nachforderung).
 * Primary course:
 * 1. The caller holds an assignment on the application (else 404, also after a declared conflict:
 *    the assignment is gone then) and declared no conflict of interest (else 409: declare first).
 * 2. The application is IN_REVIEW, with no follow-up work still running (else 409).
 * 3. The due date lies 7 to 60 days ahead on the Berlin calendar (else 422).
 * 4. IN_REVIEW → INCOMPLETE ('request-documents' by a reviewer) with the Nachforderung, the next
 *    version, the event DOCUMENTS_REQUESTED and the Nachforderung workflow marked as pending, in one
 *    conditional write. The workflow emails the applicant; the request itself sends nothing, so an
 *    email can neither get lost after the change nor be sent for a change that failed.
 * The assignments stay: the applicant's supplement goes through the intake, which keeps them.
 */
export async function requestMissingDocuments(
  deps: RequestMissingDocumentsDeps,
  caller: { sub: string },
  applicationId: string,
  body: MissingDocumentsBody,
): Promise<Application> {
  const application = await deps.applications.get(applicationId);
  if (!application) throw new NotFoundError('application');
  const assignments = await deps.assignments.listByApplication(applicationId);
  const mine = assignments.find((assignment) => assignment.reviewerSub === caller.sub);
  if (!mine || mine.declaration?.conflict === true) throw new NotFoundError('application');
  if (!mine.declaration) {
    throw new ConflictError(
      {
        de: 'Bitte erklären Sie zuerst, ob bei Ihnen ein Interessenkonflikt besteht.',
        en: 'Please declare first whether you have a conflict of interest.',
      },
      { code: 'declaration-missing' },
    );
  }
  const decision = decideTransition(application.status, 'request-documents', 'reviewer');
  if (!decision.allowed || application.status !== 'IN_REVIEW') {
    throw new ConflictError(
      {
        de: 'Unterlagen können nur nachgefordert werden, solange der Antrag in Prüfung ist.',
        en: 'Missing documents can only be requested while the application is in review.',
      },
      { currentStatus: application.status },
    );
  }
  if (application.pendingWork) {
    // E.g. the intake still sending its receipt, or the summary being written: a Nachforderung now
    // would pull the application from under that work.
    throw new ConflictError(
      {
        de: 'Der Antrag wird gerade noch bearbeitet. Bitte versuchen Sie es in einem Moment erneut.',
        en: 'The application is still being processed. Please try again in a moment.',
      },
      { code: 'processing' },
    );
  }
  const now = deps.clock.now();
  const violations = reviewerDueDateViolations(body.dueDate, now);
  if (violations.length > 0) throw new RuleViolationError(violations);

  const at = now.toISOString();
  const nachforderung = reviewerNachforderung({
    reviewerSub: caller.sub,
    items: body.items,
    dueDate: body.dueDate,
    ...(body.note ? { note: body.note } : {}),
    now,
  });
  const next: Application = {
    ...application,
    status: decision.to,
    version: application.version + 1,
    updatedAt: at,
    updatedBy: caller.sub,
    nachforderung,
    // The lifecycle's 'request-documents' has no follow-up of its own: the intake announces its
    // Nachforderung in the receipt. A reviewer's needs its own email, sent by this workflow.
    pendingWork: 'nachforderung',
    pendingSince: at,
  };
  const event: ApplicationEvent = {
    applicationId,
    version: next.version,
    at,
    actor: caller.sub,
    type: 'DOCUMENTS_REQUESTED',
    from: application.status,
    to: next.status,
    reason: `${mine.role} reviewer: ${nachforderung.items.length} item(s), due ${nachforderung.dueAt}`,
  };
  // A concurrent change (an assessment, a withdrawal) fails the version condition: 409, nothing written.
  await deps.applications.save(next, event, application.version);
  return next;
}
