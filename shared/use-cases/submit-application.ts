import type { OrganisationProfile } from '../api/schemas/organisation.schema.ts';
import type { Application, ApplicationEvent } from '../domain/application.ts';
import type { Clock } from '../domain/clock.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../domain/errors.ts';
import type { IdempotencyReader } from '../domain/idempotency.ts';
import { decideTransition } from '../domain/lifecycle.ts';
import { submissionGaps } from '../domain/submission-check.ts';
import type { ApplicationRepository } from '../ports/application-repository.ts';
import type { CallRepository } from '../ports/call-repository.ts';
import type { DocumentReader } from '../ports/document-repository.ts';
import type { MembershipRepository } from '../ports/membership-repository.ts';
import { type ApplicationInCall, callOf } from './get-application.ts';
import { type IdempotentRequest, idempotencyRecord, oncePerKey } from './idempotent-request.ts';

export interface SubmitDeps {
  applications: ApplicationRepository;
  calls: CallRepository;
  memberships: MembershipRepository;
  /** The applying organisation's profile (the organisation repository fits). */
  organisations: { get(orgId: string): Promise<OrganisationProfile | undefined> };
  documents: DocumentReader;
  idempotency: IdempotencyReader;
  clock: Clock;
}

/**
 * Submits a draft, or supplements an application after a Nachforderung (same endpoint).
 * Primary course:
 * 1. A retry with the caller's Idempotency-Key gets the stored answer and changes nothing.
 * 2. The caller is a member of the owning organisation (else: not found).
 * 3. A draft is submitted; an INCOMPLETE application is supplemented; anything else is 409.
 * 4. Every reason against it is named at once (422): broken finance rules, missing entries and
 *    declarations, gaps in the organisation's profile, an ineligible legal form, mandatory documents
 *    missing or unverified, and the deadline — the call's closing time (Europe/Berlin) for a first
 *    submission, the Nachforderung's due date for a supplement, even after the call has closed.
 * 5. The application becomes SUBMITTED with the intake marked as pending work, in one transaction with
 *    its event and the stored answer; the consent to electronic notification (§ 41 (2a) VwVfG), which
 *    the declarations must give, is recorded with who gave it and when. The intake then allocates (or keeps) the Aktenzeichen, checks
 *    completeness again and sends the receipt.
 */
export async function submitApplication(
  deps: SubmitDeps,
  actor: { sub: string; email?: string },
  id: string,
  request?: IdempotentRequest<ApplicationInCall>,
) {
  return oncePerKey(deps.idempotency, actor.sub, request, async () => {
    const application = await deps.applications.get(id);
    if (!application || !(await deps.memberships.isMember(application.orgId, actor.sub))) {
      throw new NotFoundError('application');
    }

    const action = application.status === 'INCOMPLETE' ? 'supplement' : 'submit';
    const decision = decideTransition(application.status, action, 'member');
    if (!decision.allowed) {
      throw new ConflictError(
        {
          de: 'Nur ein Entwurf oder ein Antrag mit offener Nachforderung kann eingereicht werden; dieser Antrag ist bereits eingereicht oder abgeschlossen.',
          en: 'Only a draft or an application with open requests for missing items can be submitted; this one has already been submitted or closed.',
        },
        { currentStatus: application.status },
      );
    }

    const now = deps.clock.now();
    const [call, organisation, documents] = await Promise.all([
      callOf(deps.calls, application),
      deps.organisations.get(application.orgId),
      deps.documents.listByApplication(application.id),
    ]);
    const gaps = submissionGaps({ application, call, organisation, documents, now });
    if (gaps.length > 0) throw new RuleViolationError(gaps);

    const at = now.toISOString();
    const next: Application = {
      ...application,
      status: decision.to,
      version: application.version + 1,
      updatedAt: at,
      updatedBy: actor.sub,
      ...(action === 'submit' ? { submittedAt: at, submittedBy: actor.sub } : { supplementedAt: at }),
      // The gaps above required the consent to electronic notification; who gave it, and when, is kept
      // (the first submission's; a supplement does not replace it).
      notificationConsent: application.notificationConsent ?? { at, by: actor.sub },
      ...(actor.email ? { contactEmail: actor.email } : {}),
      ...(decision.followUp ? { pendingWork: decision.followUp, pendingSince: at } : {}),
    };
    const event: ApplicationEvent = {
      applicationId: id,
      version: next.version,
      at,
      actor: actor.sub,
      type: action === 'submit' ? 'SUBMITTED' : 'RESUBMITTED',
      from: application.status,
      to: next.status,
    };
    const result = { application: next, call };
    await deps.applications.save(next, event, application.version, {
      verifiedDocuments: documents.filter((document) => document.status === 'verified').map((d) => d.id),
      ...(request ? { idempotency: idempotencyRecord(request, actor.sub, result, now) } : {}),
    });
    return result;
  });
}
