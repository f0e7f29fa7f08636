import type { Clock } from '../../domain/clock.ts';
import { DEADLINES_ACTOR, FINALIZE_PER_RUN } from '../../domain/deadlines.ts';
import { ConcurrentChangeError } from '../../domain/errors.ts';
import { finalizeAfterAppealPeriod } from '../../domain/notification.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { DeadlineStore } from '../../ports/deadline-store.ts';

/**
 * Deadlines task: a notified decision whose objection period is over without an objection becomes
 * final (Bestandskraft).
 * Primary course:
 * 1. Query the due-date index for NOTIFIED applications whose period ended before now (at most
 *    FINALIZE_PER_RUN; the next run takes the rest).
 * 2. For each, read the application and decide again (still NOTIFIED, the period really over: an
 *    objection may have come in since the index was read).
 * 3. FINAL with its event in one write conditioned on the version read; FINAL has no due date, so the
 *    application leaves the index in the same write.
 * A concurrent change (an objection in the last second) loses nothing: that application is skipped.
 */
export async function finalizeAppealPeriods(deps: {
  deadlines: Pick<DeadlineStore, 'appealPeriodsEndedBefore'>;
  applications: Pick<ApplicationRepository, 'get' | 'save'>;
  clock: Clock;
}): Promise<{ finalized: number; skipped: number }> {
  const now = deps.clock.now();
  let finalized = 0;
  let skipped = 0;
  for (const id of await deps.deadlines.appealPeriodsEndedBefore(now.toISOString(), FINALIZE_PER_RUN)) {
    const application = await deps.applications.get(id);
    const change = application ? finalizeAfterAppealPeriod(application, now, DEADLINES_ACTOR) : undefined;
    if (!application || !change) {
      skipped++;
      continue;
    }
    try {
      await deps.applications.save(change.next, change.event, application.version);
      finalized++;
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
      skipped++;
    }
  }
  return { finalized, skipped };
}
