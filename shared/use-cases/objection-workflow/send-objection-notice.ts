import type { Clock } from '../../domain/clock.ts';
import { objectionNoticeEmail } from '../../emails/objection-notice-email.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { EmailClaims } from '../../ports/email-claims.ts';
import type { Mailer } from '../../ports/mailer.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';
import { claimedSend } from '../claimed-send.ts';
import { objectionLetterOf } from './objection-letter.ts';

/**
 * Objection task: emails the applicant that a letter about their objection waits in the portal.
 * Primary course:
 * 1. The application is FINAL with its objection decided (else the work is stale) and the letter on
 *    that decision is issued (IssueObjectionLetter ran first; a missing letter is a fault, retried).
 * 2. The email is claimed per letter, so retries, redeliveries and a second dispatch send it once.
 * Alternative: no contact address → reported, nothing sent.
 */
export async function sendObjectionNotice(
  deps: {
    applications: Pick<ApplicationRepository, 'get'>;
    calls: Pick<CallRepository, 'get'>;
    claims: EmailClaims;
    mailer: Mailer;
    clock: Clock;
    report: (message: string) => void;
  },
  input: WorkflowInput,
): Promise<{ notice: 'sent' | 'already-sent' | 'claimed-not-sent' | 'no-address'; letterId?: string }> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new StaleWorkError(`application ${input.applicationId} does not exist`);
  if (application.status !== 'FINAL' || !application.objection?.outcome) {
    throw new StaleWorkError(`application ${application.id} is ${application.status}: no objection decided`);
  }
  const letter = objectionLetterOf(application);
  if (!letter) throw new Error(`application ${application.id}: the letter on its objection is not issued`);
  if (!application.contactEmail) {
    deps.report(`objection notice for ${application.id}: no contact email, nothing sent`);
    return { notice: 'no-address', letterId: letter.id };
  }
  const call = await deps.calls.get(application.callId);
  if (!call) throw new Error(`call ${application.callId} does not exist`);
  const notice = await claimedSend(
    deps,
    {
      applicationId: application.id,
      eventKey: `objection-letter:${letter.id}`,
      template: 'objection-notice',
    },
    objectionNoticeEmail(application, call.title, application.contactEmail),
  );
  return { notice, letterId: letter.id };
}
