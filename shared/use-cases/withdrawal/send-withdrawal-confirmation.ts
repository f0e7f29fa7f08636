import type { Clock } from '../../domain/clock.ts';
import { withdrawalEmail } from '../../emails/withdrawal-email.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { EmailClaims } from '../../ports/email-claims.ts';
import type { Mailer } from '../../ports/mailer.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';

/**
 * Withdrawal task: confirms the withdrawal by email to the member who withdrew.
 * Primary course:
 * 1. The application is still WITHDRAWN by this marking of pending work (else the work is stale).
 * 2. The email is claimed with a conditional write before it is sent: a redelivered event sends nothing.
 * 3. Send, then record the send on the claim; a claim without a recorded send is reported, not resent.
 */
export async function sendWithdrawalConfirmation(
  deps: {
    applications: ApplicationRepository;
    calls: CallRepository;
    claims: EmailClaims;
    mailer: Mailer;
    clock: Clock;
    report: (message: string) => void;
  },
  input: WorkflowInput,
): Promise<{ confirmation: 'sent' | 'already-sent' | 'claimed-not-sent' | 'no-address' }> {
  const application = await deps.applications.get(input.applicationId);
  if (application?.status !== 'WITHDRAWN' || !application.withdrawal) {
    throw new StaleWorkError(`application ${input.applicationId} is not withdrawn (any more)`);
  }
  if (!application.contactEmail) {
    deps.report(`withdrawal of ${application.id}: no contact email, no confirmation sent`);
    return { confirmation: 'no-address' };
  }
  const call = await deps.calls.get(application.callId);
  if (!call) throw new Error(`call ${application.callId} does not exist`);

  const key = {
    applicationId: application.id,
    eventKey: `withdrawn:${input.pendingSince}`,
    template: 'withdrawal-confirmation',
  };
  const claim = await deps.claims.claim(
    { ...key, to: application.contactEmail },
    deps.clock.now().toISOString(),
  );
  if (claim === 'already-sent') return { confirmation: 'already-sent' };
  if (claim === 'claimed-not-sent') {
    deps.report(
      `withdrawal confirmation for ${application.id} was claimed but no send is recorded; not resent`,
    );
    return { confirmation: 'claimed-not-sent' };
  }
  const messageId = await deps.mailer.send(
    withdrawalEmail(
      { ...application, withdrawal: application.withdrawal },
      call.title,
      application.contactEmail,
    ),
  );
  await deps.claims.recordSent(key, messageId, deps.clock.now().toISOString());
  return { confirmation: 'sent' };
}
