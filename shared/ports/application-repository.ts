import type { Application, ApplicationEvent } from '../domain/application.ts';
import type { IdempotencyRecord } from '../domain/idempotency.ts';

export type BudgetChange =
  | { callId: string; reserveCents: number; budgetCents: number }
  | { callId: string; releaseCents: number };

/**
 * A reservation found the call's budget changed or its committed sum too high: re-read the call and
 * either answer with what remains (BudgetExceededError) or try again with the new budget.
 */
export class BudgetConditionFailedError extends Error {
  constructor() {
    super("the call's budget or committed sum changed");
    this.name = 'BudgetConditionFailedError';
  }
}

export interface ApplicationRepository {
  /** Stores a new application with its first event, atomically; fails if the id exists. */
  create(application: Application, event: ApplicationEvent): Promise<void>;
  get(id: string): Promise<Application | undefined>;
  /** An organisation's applications, the newest first (one Query on the organisation's index). */
  listByOrganisation(orgId: string): Promise<Application[]>;
  /**
   * Writes the next state of an application and its event, atomically, if the stored version is still
   * `expectedVersion` (optimistic lock); otherwise throws ConcurrentChangeError and writes nothing.
   */
  save(
    next: Application,
    event: ApplicationEvent,
    expectedVersion: number,
    options?: {
      /**
       * The answer to store with the change, in the same transaction, on the condition that no answer
       * is stored under its key yet; throws IdempotencyKeyTakenError if one is.
       */
      idempotency?: IdempotencyRecord;
      /**
       * Documents the change relies on (submit counts them): each must still exist and be verified
       * when the change is written, or nothing is written (ConcurrentChangeError).
       */
      verifiedDocuments?: readonly string[];
      /**
       * Moves the call's committed sum (its budget counter) in the same transaction. `reserve` adds the
       * amount on the condition that the call's budget is still `budgetCents` (as read) and the sum stays
       * within it, else throws BudgetConditionFailedError and writes nothing; `release` subtracts it.
       */
      budget?: BudgetChange;
    },
  ): Promise<void>;
  /** The events of an application, oldest first (the timeline). */
  listEvents(id: string): Promise<ApplicationEvent[]>;

  /**
   * Allocates the next Aktenzeichen of `prefix` and gives it to the application, in one transaction
   * with the counter and the event, so numbers are unique and without gaps. Returns the reference; an
   * application that already has one keeps it (a retried task allocates nothing).
   */
  assignReference(input: {
    id: string;
    prefix: string;
    expectedVersion: number;
    actor: string;
    at: string;
  }): Promise<string>;
  /** Clears the pending-work marker if it is still the given one; false if it was already gone or newer. */
  clearPendingWork(id: string, pendingSince: string): Promise<boolean>;
}
