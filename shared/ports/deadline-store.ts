import type { Application, ApplicationEvent } from '../domain/application.ts';
import type { Workflow } from '../domain/lifecycle.ts';
import type { Assignment } from '../domain/review.ts';

/** The reads and writes of the deadlines workflow; every read is a Query on an index, bounded by `limit`. */
export interface DeadlineStore {
  /** Ids of INCOMPLETE applications whose Nachforderung was due before `before` (gsi4), earliest first. */
  overdueNachforderungen(before: string, limit: number): Promise<string[]>;
  /**
   * Writes the closed application and its event in ONE transaction, on the condition that the stored
   * one is still INCOMPLETE at `expectedVersion`; releases `release` (open assignments: out of their
   * reviewer's queue, workload −1) in the same transaction. The application then waits for its closing
   * email (see closedAwaitingEmail). Throws ConcurrentChangeError if anything changed.
   */
  closeIncomplete(
    next: Application,
    event: ApplicationEvent,
    expectedVersion: number,
    release: readonly Assignment[],
  ): Promise<void>;
  /** Ids of NOTIFIED applications whose objection period ended before `before` (gsi4), earliest first. */
  appealPeriodsEndedBefore(before: string, limit: number): Promise<string[]>;
  /** Ids of decided applications with an unretrieved letter to be reminded of before `before` (gsi4). */
  letterRemindersDueBefore(before: string, limit: number): Promise<string[]>;
  /** Ids of applications closed as CLOSED_INCOMPLETE whose closing email is still to be sent. */
  closedAwaitingEmail(limit: number): Promise<string[]>;
  /** Takes the application off the list of closing emails to send. */
  closingEmailDone(applicationId: string): Promise<void>;
  /** A reviewer's open assignments due in [from, to] (gsi3 sort-key range), earliest first. */
  openAssignmentsDue(reviewerSub: string, from: string, to: string, limit: number): Promise<Assignment[]>;
  /** Applications whose `workflow` work was marked before `before` and is still pending (sparse index). */
  stalePendingWork(
    workflow: Workflow,
    before: string,
    limit: number,
  ): Promise<{ id: string; pendingSince: string }[]>;
  /** Marks the pending work again at `now`, if it is still the marking of `pendingSince`; false if not. */
  remarkPendingWork(id: string, pendingSince: string, now: string): Promise<boolean>;
}
