import type { Clock } from '../../domain/clock.ts';
import { withdrawalEmail } from '../../emails/withdrawal-email.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { EmailClaims } from '../../ports/email-claims.ts';
import type { Mailer } from '../../ports/mailer.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';
import { claimedSend } from '../claimed-send.ts';

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
  const confirmation = await claimedSend(
    deps,
    key,
    withdrawalEmail(
      { ...application, withdrawal: application.withdrawal },
      call.title,
      application.contactEmail,
    ),
  );
  return { confirmation };
}
