import { CLOSING_EMAILS_PER_RUN } from '../../domain/deadlines.ts';
import { closedIncompleteEmail } from '../../emails/closed-incomplete-email.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { DeadlineStore } from '../../ports/deadline-store.ts';
import { type ClaimedSendDeps, claimedSend } from '../claimed-send.ts';

/**
 * Deadlines task: emails the applicant of every application closed as CLOSED_INCOMPLETE whose email is
 * still to be sent (the close put it on that list in its transaction, so a failed send is taken up
 * again by the retry or the next run). Claimed per (application, due date): never sent twice. Once
 * sent (or already sent, or not to be sent), the application leaves the list.
 */
export async function sendClosingEmails(
  deps: ClaimedSendDeps & {
    deadlines: DeadlineStore;
    applications: Pick<ApplicationRepository, 'get'>;
  },
): Promise<{ sent: number; notSent: number }> {
  let sent = 0;
  let notSent = 0;
  for (const id of await deps.deadlines.closedAwaitingEmail(CLOSING_EMAILS_PER_RUN)) {
    const application = await deps.applications.get(id);
    const dueAt = application?.nachforderung?.dueAt;
    if (application?.status !== 'CLOSED_INCOMPLETE' || !dueAt) {
      deps.report(`closing email for ${id}: not CLOSED_INCOMPLETE with a Nachforderung; not sent`);
      notSent++;
    } else if (!application.contactEmail) {
      deps.report(`closing email for ${id}: no contact email; not sent`);
      notSent++;
    } else {
      const outcome = await claimedSend(
        deps,
        { applicationId: id, eventKey: `closed-incomplete:${dueAt}`, template: 'closed-incomplete' },
        closedIncompleteEmail({ ...application, dueAt }, application.contactEmail),
      );
      if (outcome === 'sent') sent++;
      else notSent++;
    }
    await deps.deadlines.closingEmailDone(id);
  }
  return { sent, notSent };
}
