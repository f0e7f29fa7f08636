import type { Application, ApplicationEvent } from '../../domain/application.ts';
import { DEADLINES_ACTOR, LETTER_REMINDERS_PER_RUN } from '../../domain/deadlines.ts';
import { letterReminderDueAt } from '../../domain/decision.ts';
import { ConcurrentChangeError } from '../../domain/errors.ts';
import { letterReminderEmail } from '../../emails/letter-reminder-email.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { DeadlineStore } from '../../ports/deadline-store.ts';
import { type ClaimedSendDeps, claimedSend } from '../claimed-send.ts';

/**
 * Deadlines task: reminds the applicant, once, of a Bescheid that has waited in the portal for
 * LETTER_REMINDER_AFTER_DAYS without being retrieved (so that the ten days of § 41 (2a) VwVfG do not
 * pass unseen).
 * Primary course:
 * 1. Query the due-date index for letter reminders due before now (at most LETTER_REMINDERS_PER_RUN).
 * 2. For each, read the application and decide again (still decided and unretrieved, not yet
 *    reminded, and due).
 * 3. Email the contact address, claimed per letter: one reminder per letter, however often the task
 *    runs or is retried.
 * 4. Record letterReminderSentAt with the event LETTER_REMINDER_SENT, conditioned on the version read;
 *    a reminded application has no reminder due, so it leaves the index in the same write. If that
 *    write loses to a concurrent change (the applicant retrieving the letter just now), the next run
 *    finds the claim and records the reminder without sending it again, if it is still due.
 */
export async function remindUnretrievedLetters(
  deps: ClaimedSendDeps & {
    deadlines: Pick<DeadlineStore, 'letterRemindersDueBefore'>;
    applications: Pick<ApplicationRepository, 'get' | 'save'>;
  },
): Promise<{ sent: number; recorded: number; skipped: number }> {
  const now = deps.clock.now();
  let sent = 0;
  let recorded = 0;
  let skipped = 0;
  for (const id of await deps.deadlines.letterRemindersDueBefore(
    now.toISOString(),
    LETTER_REMINDERS_PER_RUN,
  )) {
    const application = await deps.applications.get(id);
    const dueAt = application ? letterReminderDueAt(application) : undefined;
    const letter = application?.letters?.at(-1);
    if (!application || !dueAt || Date.parse(dueAt) > now.getTime() || !letter) {
      skipped++;
      continue;
    }
    if (!application.contactEmail) {
      deps.report(`letter reminder for ${id}: no contact email; not sent`);
      skipped++;
      continue;
    }
    const outcome = await claimedSend(
      deps,
      { applicationId: id, eventKey: `letter-reminder:${letter.id}`, template: 'letter-reminder' },
      letterReminderEmail(application, letter, application.contactEmail),
    );
    if (outcome === 'sent') sent++;
    try {
      const { next, event } = reminded(application, now, outcome);
      await deps.applications.save(next, event, application.version);
      recorded++;
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
      skipped++;
    }
  }
  return { sent, recorded, skipped };
}

function reminded(
  application: Application,
  now: Date,
  outcome: Awaited<ReturnType<typeof claimedSend>>,
): { next: Application; event: ApplicationEvent } {
  const at = now.toISOString();
  const version = application.version + 1;
  return {
    next: { ...application, version, updatedAt: at, updatedBy: DEADLINES_ACTOR, letterReminderSentAt: at },
    event: {
      applicationId: application.id,
      version,
      at,
      actor: DEADLINES_ACTOR,
      type: 'LETTER_REMINDER_SENT',
      to: application.status,
      // A claim without a recorded send was reported by claimedSend; the record says so too.
      ...(outcome === 'claimed-not-sent' ? { reason: 'claimed earlier; the send was not confirmed' } : {}),
    },
  };
}
