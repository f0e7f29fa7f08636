import type { Clock } from '../../domain/clock.ts';
import { intakeRoundOf } from '../../domain/intake.ts';
import { receiptEmail } from '../../emails/receipt-email.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { DocumentReader } from '../../ports/document-repository.ts';
import type { EmailClaims } from '../../ports/email-claims.ts';
import type { Mailer } from '../../ports/mailer.ts';
import type { SubmittedCopies } from '../../ports/submitted-copies.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';
import { claimedSend } from '../claimed-send.ts';
import { applicationInRound, receivedDocuments } from './intake-round.ts';

export type ReceiptOutcome = 'sent' | 'already-sent' | 'claimed-not-sent';

export interface SendReceiptDeps {
  applications: Pick<ApplicationRepository, 'get'>;
  calls: Pick<CallRepository, 'get'>;
  documents: DocumentReader;
  copies: Pick<SubmittedCopies, 'get'>;
  claims: EmailClaims;
  mailer: Mailer;
  clock: Clock;
  report: (message: string) => void;
}

/**
 * Intake task: sends the Eingangsbestätigung (receipt) to the submitting member, with the PDF copy of
 * the application attached and the outcome of the completeness check: review next, or the
 * Nachforderung with its items and due date.
 * Primary course:
 * 1. Load the application; this intake round must still be pending (else the work is stale), and its
 *    completeness must have been checked (IN_REVIEW or INCOMPLETE).
 * 2. Gather everything the email needs — the call, the documents received, the stored copy — and
 *    write it, before claiming: a failure up to here is retried without losing the email.
 * 3. Claim the email for this round with a conditional write; a claim that exists means it was sent
 *    (or a send was attempted) before: never send twice.
 * 4. Send, then record the send on the claim. A claim without a recorded send is reported, not resent.
 */
export async function sendReceipt(
  deps: SendReceiptDeps,
  input: WorkflowInput,
): Promise<{ receipt: ReceiptOutcome }> {
  const application = await applicationInRound(deps.applications, input);
  if (application.status === 'SUBMITTED') {
    throw new Error(
      `application ${application.id} is still SUBMITTED: its completeness has not been checked`,
    );
  }
  if (application.status !== 'IN_REVIEW' && application.status !== 'INCOMPLETE') {
    throw new StaleWorkError(`application ${application.id} is ${application.status}`);
  }
  const { reference } = application;
  if (!reference) throw new Error(`application ${application.id} has no reference yet`);
  if (!application.contactEmail) throw new Error(`application ${application.id} has no contact email`);
  const round = intakeRoundOf(application);
  const [call, documents, copy] = await Promise.all([
    deps.calls.get(application.callId),
    deps.documents.listByApplication(application.id),
    deps.copies.get(application.id, round),
  ]);
  if (!call) throw new Error(`call ${application.callId} does not exist`);
  if (!copy) throw new Error(`no copy of application ${application.id} is stored for ${round}`);
  const email = receiptEmail({
    application: { ...application, reference },
    call,
    documents: receivedDocuments(documents),
    copy,
  });

  const key = { applicationId: application.id, eventKey: `submitted:${round}`, template: 'receipt' };
  return { receipt: await claimedSend(deps, key, { ...email, to: application.contactEmail }) };
}
