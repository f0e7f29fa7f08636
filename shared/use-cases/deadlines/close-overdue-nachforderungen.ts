import type { Clock } from '../../domain/clock.ts';
import { CLOSE_PER_RUN, closeOverdue } from '../../domain/deadlines.ts';
import { ConcurrentChangeError } from '../../domain/errors.ts';
import { isOpen } from '../../domain/review.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { DeadlineStore } from '../../ports/deadline-store.ts';
import type { AssignmentRepository } from '../../ports/review-repository.ts';

/**
 * Deadlines task: closes INCOMPLETE applications whose Nachforderung is overdue as CLOSED_INCOMPLETE.
 * Primary course:
 * 1. Query the due-date index for Nachforderungen due before now (at most CLOSE_PER_RUN; the next run
 *    takes the rest).
 * 2. For each, read the application and decide again (still INCOMPLETE, still overdue: a supplement
 *    may have arrived since the index was read).
 * 3. Close it in one conditional transaction with its event, releasing its open assignments; the
 *    closing email is sent by the next task (the application waits for it in the index).
 * A concurrent change (a supplement just in time) loses nothing: that application is skipped.
 */
export async function closeOverdueNachforderungen(deps: {
  deadlines: DeadlineStore;
  applications: Pick<ApplicationRepository, 'get'>;
  assignments: Pick<AssignmentRepository, 'listByApplication'>;
  clock: Clock;
}): Promise<{ closed: number; skipped: number }> {
  const now = deps.clock.now();
  const ids = await deps.deadlines.overdueNachforderungen(now.toISOString(), CLOSE_PER_RUN);
  let closed = 0;
  let skipped = 0;
  for (const id of ids) {
    const application = await deps.applications.get(id);
    const closing = application ? closeOverdue(application, now) : undefined;
    if (!application || !closing) {
      skipped++;
      continue;
    }
    const open = (await deps.assignments.listByApplication(id)).filter(isOpen);
    try {
      await deps.deadlines.closeIncomplete(closing.next, closing.event, application.version, open);
      closed++;
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
      skipped++;
    }
  }
  return { closed, skipped };
}
