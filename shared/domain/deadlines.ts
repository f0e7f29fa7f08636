import type { Application, ApplicationEvent } from './application.ts';
import { decideTransition } from './lifecycle.ts';

/**
 * The deadlines workflow's rules, on a schedule (ARCHITECTURE.md "Workflows"): close overdue
 * Nachforderungen, remind reviewers before their due dates, re-dispatch follow-up work that is still
 * pending after a grace period. Every run does a bounded amount of work; what is left, the next run does.
 */

/** Reviewers are reminded of assessments due within this many days. */
export const REMINDER_WINDOW_DAYS = 3;
/** Pending work older than this is taken as lost (its workflow never ran or failed) and re-dispatched. */
export const STALE_PENDING_AFTER_MS = 15 * 60_000;
/** Upper bounds per run, so one run stays well inside the Express workflow's and Lambda's time limits. */
export const CLOSE_PER_RUN = 25;
export const CLOSING_EMAILS_PER_RUN = 25;
export const REMINDERS_PER_RUN = 100;
export const REDISPATCH_PER_RUN = 25;
export const FINALIZE_PER_RUN = 25;
export const LETTER_REMINDERS_PER_RUN = 25;

/** The actor of everything the deadlines workflow writes. */
export const DEADLINES_ACTOR = 'system';

/**
 * The next version of an INCOMPLETE application whose Nachforderung is overdue at `now`: closed as
 * CLOSED_INCOMPLETE, with its event. Undefined when it is not (or no longer) closable: another status,
 * no Nachforderung, or not yet due.
 */
export function closeOverdue(
  application: Application,
  now: Date,
): { next: Application; event: ApplicationEvent } | undefined {
  const due = application.nachforderung?.dueAt;
  if (!due || Date.parse(due) >= now.getTime()) return undefined;
  const decision = decideTransition(application.status, 'close-incomplete', 'system');
  if (!decision.allowed) return undefined;
  const at = now.toISOString();
  const version = application.version + 1;
  return {
    next: { ...application, status: decision.to, version, updatedAt: at, updatedBy: DEADLINES_ACTOR },
    event: {
      applicationId: application.id,
      version,
      at,
      actor: DEADLINES_ACTOR,
      type: 'CLOSED_INCOMPLETE',
      from: application.status,
      to: decision.to,
      reason: `Nachforderung due ${due}`,
    },
  };
}

/** `days` whole days after `now`, as an ISO instant (the end of the reminder window). */
export const reminderHorizon = (now: Date, days = REMINDER_WINDOW_DAYS) =>
  new Date(now.getTime() + days * 86_400_000).toISOString();
