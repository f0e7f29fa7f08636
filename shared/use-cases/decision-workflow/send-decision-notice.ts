import type { Clock } from '../../domain/clock.ts';
import { decisionNoticeEmail, waitingListEmail } from '../../emails/decision-notice-email.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { EmailClaims } from '../../ports/email-claims.ts';
import type { Mailer } from '../../ports/mailer.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';
import { claimedSend } from '../claimed-send.ts';
import { letterOfDecision } from './decision-letter.ts';

type Outcome = 'sent' | 'already-sent' | 'claimed-not-sent' | 'no-address' | 'already-retrieved';

/**
 * Decision task: tells the applicant by email what the decision workflow produced.
 * Primary course:
 * 1. APPROVED or REJECTED: the letter of this decision is issued (IssueLetter ran first); the email
 *    says a Bescheid is waiting in the portal and what retrieving it starts. It is claimed per letter,
 *    so retries, redeliveries and a second dispatch send it once.
 * 2. WAITLISTED: a waiting-list notice (no Bescheid yet), claimed per waiting-list place.
 * Alternatives: the letter was already retrieved (NOTIFIED or later) → nothing to announce; the
 * application moved on otherwise (withdrawn) → the work is stale; no contact address → reported.
 */
export async function sendDecisionNotice(
  deps: {
    applications: Pick<ApplicationRepository, 'get'>;
    calls: Pick<CallRepository, 'get'>;
    claims: EmailClaims;
    mailer: Mailer;
    clock: Clock;
    report: (message: string) => void;
  },
  input: WorkflowInput,
): Promise<{ notice: Outcome; kind?: 'decision' | 'waiting-list' }> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new StaleWorkError(`application ${input.applicationId} does not exist`);

  const waiting = application.status === 'WAITLISTED' ? application.waitingList : undefined;
  const letter = letterOfDecision(application);
  if (!waiting) {
    if (['NOTIFIED', 'APPEALED', 'FINAL'].includes(application.status) && letter?.firstRetrievedAt) {
      return { notice: 'already-retrieved' };
    }
    if (application.status !== 'APPROVED' && application.status !== 'REJECTED') {
      throw new StaleWorkError(`application ${application.id} is ${application.status}: no notice to send`);
    }
    // Not stale: IssueLetter runs before this task, so a missing letter is a fault to retry loudly.
    if (!letter) throw new Error(`application ${application.id}: the letter of its decision is not issued`);
  }
  if (!application.contactEmail) {
    deps.report(`decision notice for ${application.id}: no contact email, nothing sent`);
    return { notice: 'no-address' };
  }
  const call = await deps.calls.get(application.callId);
  if (!call) throw new Error(`call ${application.callId} does not exist`);

  if (waiting) {
    const notice = await claimedSend(
      deps,
      {
        applicationId: application.id,
        eventKey: `waitlisted:${waiting.batchId}:${waiting.placedAt}`,
        template: 'waiting-list-notice',
      },
      waitingListEmail(application, waiting, call.title, application.contactEmail),
    );
    return { notice, kind: 'waiting-list' };
  }
  const notice = await claimedSend(
    deps,
    {
      applicationId: application.id,
      eventKey: `letter:${letter?.id}`,
      template: 'decision-notice',
    },
    decisionNoticeEmail(application, call.title, application.contactEmail),
  );
  return { notice, kind: 'decision' };
}
