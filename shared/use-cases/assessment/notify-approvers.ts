import type { Clock } from '../../domain/clock.ts';
import { approverNotificationEmail } from '../../emails/approver-notification-email.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import type { EmailClaims } from '../../ports/email-claims.ts';
import type { Mailer } from '../../ports/mailer.ts';
import type { StaffDirectory } from '../../ports/review-repository.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';
import { claimedSend } from '../claimed-send.ts';

export interface NotifyApproversDeps {
  applications: Pick<ApplicationRepository, 'get'>;
  calls: Pick<CallRepository, 'get'>;
  staff: Pick<StaffDirectory, 'listApprovers'>;
  claims: EmailClaims;
  mailer: Mailer;
  clock: Clock;
  report: (message: string) => void;
}

/**
 * Assessment task, after the summary: in a rolling call (decided one by one while budget remains),
 * tells every approver that a decision is due. A competitive call is ranked after its deadline, so
 * nobody is emailed about one application.
 * Primary course:
 * 1. The application is ASSESSED with its summary, and still carries this marking of the assessment
 *    work (else stale).
 * 2. Competitive call: nothing to send.
 * 3. For each approver in the staff directory: claim the email for this assessment round (keyed by
 *    the marking and the approver, so a retried task or redelivered event never sends twice), send,
 *    record the send. A claim without a recorded send is reported, not resent.
 */
export async function notifyApprovers(
  deps: NotifyApproversDeps,
  input: WorkflowInput,
): Promise<{ approvers: 'competitive-call' | { sent: number; alreadySent: number; notSent: number } }> {
  const application = await deps.applications.get(input.applicationId);
  if (
    application?.status !== 'ASSESSED' ||
    !application.assessmentSummary ||
    application.pendingWork !== 'assessment' ||
    application.pendingSince !== input.pendingSince
  ) {
    throw new StaleWorkError(`application ${input.applicationId} has no assessment of ${input.pendingSince}`);
  }
  const call = await deps.calls.get(application.callId);
  if (!call) throw new Error(`call ${application.callId} does not exist`);
  if (call.selectionMode !== 'rolling') return { approvers: 'competitive-call' };

  const approvers = await deps.staff.listApprovers();
  if (approvers.length === 0) {
    deps.report(`application ${application.id} is assessed, but no approver is in the staff directory`);
  }
  const counts = { sent: 0, alreadySent: 0, notSent: 0 };
  for (const approver of approvers) {
    const key = {
      applicationId: application.id,
      eventKey: `assessed:${input.pendingSince}:${approver.sub}`,
      template: 'approver-notification',
    };
    const outcome = await claimedSend(
      deps,
      key,
      approverNotificationEmail({ application, call, summary: application.assessmentSummary, approver }),
    );
    if (outcome === 'sent') counts.sent++;
    else if (outcome === 'already-sent') counts.alreadySent++;
    else counts.notSent++;
  }
  return { approvers: counts };
}
