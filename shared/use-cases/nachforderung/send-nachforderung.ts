import type { Clock } from '../../domain/clock.ts';
import { nachforderungEmail } from '../../emails/nachforderung-email.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { EmailClaims } from '../../ports/email-claims.ts';
import type { Mailer } from '../../ports/mailer.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';
import { claimedSend } from '../claimed-send.ts';

/**
 * Nachforderung task: emails the applicant a reviewer's request for missing documents.
 * Primary course:
 * 1. The application is still INCOMPLETE by this marking of the Nachforderung work (else the work is
 *    stale: e.g. the applicant supplied it already, or withdrew).
 * 2. The email is claimed with a conditional write before it is sent: a redelivered event sends nothing.
 * 3. Send, then record the send on the claim; a claim without a recorded send is reported, not resent.
 */
export async function sendNachforderung(
  deps: {
    applications: Pick<ApplicationRepository, 'get'>;
    calls: Pick<CallRepository, 'get'>;
    claims: EmailClaims;
    mailer: Mailer;
    clock: Clock;
    report: (message: string) => void;
  },
  input: WorkflowInput,
): Promise<{ email: 'sent' | 'already-sent' | 'claimed-not-sent' | 'no-address' }> {
  const application = await deps.applications.get(input.applicationId);
  if (
    application?.status !== 'INCOMPLETE' ||
    !application.nachforderung ||
    application.pendingWork !== 'nachforderung' ||
    application.pendingSince !== input.pendingSince
  ) {
    throw new StaleWorkError(
      `the Nachforderung of application ${input.applicationId} marked at ${input.pendingSince} no longer applies`,
    );
  }
  if (!application.contactEmail) {
    deps.report(`Nachforderung for ${application.id}: no contact email, the applicant was not emailed`);
    return { email: 'no-address' };
  }
  const call = await deps.calls.get(application.callId);
  if (!call) throw new Error(`call ${application.callId} does not exist`);

  const key = {
    applicationId: application.id,
    eventKey: `documents-requested:${input.pendingSince}`,
    template: 'nachforderung',
  };
  const email = await claimedSend(
    deps,
    key,
    nachforderungEmail(application, application.nachforderung, call.title, application.contactEmail),
  );
  return { email };
}
