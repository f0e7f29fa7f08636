import { REMINDERS_PER_RUN, reminderHorizon } from '../../domain/deadlines.ts';
import { reviewReminderEmail } from '../../emails/review-reminder-email.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { DeadlineStore } from '../../ports/deadline-store.ts';
import type { StaffDirectory } from '../../ports/review-repository.ts';
import { type ClaimedSendDeps, claimedSend } from '../claimed-send.ts';

/**
 * Deadlines task: reminds reviewers of open assessments due within REMINDER_WINDOW_DAYS.
 * Primary course:
 * 1. List the reviewers (one Query on the staff directory).
 * 2. For each, Query their open assignments with a due date in [now, now + window] (gsi3 range).
 * 3. For each assignment of an application in review, email a reminder, claimed per (role, reviewer,
 *    due date): one reminder per assignment and due date, however often the workflow runs.
 * Bounded by REMINDERS_PER_RUN assignments looked at per run.
 */
export async function remindReviewers(
  deps: ClaimedSendDeps & {
    deadlines: DeadlineStore;
    staff: Pick<StaffDirectory, 'listReviewers'>;
    applications: Pick<ApplicationRepository, 'get'>;
  },
): Promise<{ sent: number; alreadySent: number }> {
  const now = deps.clock.now();
  const from = now.toISOString();
  const to = reminderHorizon(now);
  let budget = REMINDERS_PER_RUN;
  let sent = 0;
  let alreadySent = 0;
  for (const reviewer of await deps.staff.listReviewers()) {
    if (budget <= 0) break;
    const due = await deps.deadlines.openAssignmentsDue(reviewer.sub, from, to, budget);
    budget -= due.length;
    for (const assignment of due) {
      const application = await deps.applications.get(assignment.applicationId);
      // Back with the applicant (INCOMPLETE) or gone: nothing the reviewer can do now.
      if (application?.status !== 'IN_REVIEW') continue;
      const outcome = await claimedSend(
        deps,
        {
          applicationId: application.id,
          eventKey: `reminder:${assignment.role}:${assignment.reviewerSub}:${assignment.dueAt}`,
          template: 'review-reminder',
        },
        reviewReminderEmail({ application, assignment, reviewer }),
      );
      if (outcome === 'sent') sent++;
      else alreadySent++;
    }
  }
  return { sent, alreadySent };
}
