import type { Clock } from '../../domain/clock.ts';
import { receiptEmail } from '../../emails/receipt-email.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { EmailClaims } from '../../ports/email-claims.ts';
import type { Mailer } from '../../ports/mailer.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';

export type ReceiptOutcome = 'sent' | 'already-sent' | 'claimed-not-sent';

/**
 * Intake task: sends the Eingangsbestätigung (receipt) to the submitting member.
 * Primary course:
 * 1. Load the application; it must have its Aktenzeichen (allocated by the previous task).
 * 2. Claim the email for this submission with a conditional write; a claim that exists means it was
 *    sent (or a send was attempted) before: never send twice.
 * 3. Send, then record the send on the claim. A claim without a recorded send is reported, not resent.
 */
export async function sendReceipt(
  deps: {
    applications: ApplicationRepository;
    calls: CallRepository;
    claims: EmailClaims;
    mailer: Mailer;
    clock: Clock;
    report: (message: string) => void;
  },
  input: WorkflowInput,
): Promise<{ receipt: ReceiptOutcome }> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new StaleWorkError(`application ${input.applicationId} is gone`);
  if (!application.reference) throw new Error(`application ${application.id} has no reference yet`);
  if (!application.contactEmail) throw new Error(`application ${application.id} has no contact email`);
  const call = await deps.calls.get(application.callId);
  if (!call) throw new Error(`call ${application.callId} does not exist`);

  const key = {
    applicationId: application.id,
    eventKey: `submitted:${input.pendingSince}`,
    template: 'receipt',
  };
  const claim = await deps.claims.claim(
    { ...key, to: application.contactEmail },
    deps.clock.now().toISOString(),
  );
  if (claim === 'already-sent') return { receipt: 'already-sent' };
  if (claim === 'claimed-not-sent') {
    deps.report(
      `receipt for ${application.id} (${key.eventKey}) was claimed but no send is recorded; not resent`,
    );
    return { receipt: 'claimed-not-sent' };
  }
  const messageId = await deps.mailer.send(
    receiptEmail({ ...application, reference: application.reference }, call.title),
  );
  await deps.claims.recordSent(key, messageId, deps.clock.now().toISOString());
  return { receipt: 'sent' };
}
