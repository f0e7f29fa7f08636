import type { Application, ApplicationEvent } from '../../domain/application.ts';
import type { CallRecord } from '../../domain/call.ts';
import type { Clock } from '../../domain/clock.ts';
import { breaksFourEyes } from '../../domain/decision.ts';
import {
  BudgetExceededError,
  ConcurrentChangeError,
  ForbiddenError,
  NotFoundError,
} from '../../domain/errors.ts';
import type { IdempotencyReader } from '../../domain/idempotency.ts';
import {
  type ApplicationRepository,
  type BudgetChange,
  BudgetConditionFailedError,
} from '../../ports/application-repository.ts';
import type { AssessmentRepository } from '../../ports/assessment-repository.ts';
import type { CallRecordRepository } from '../../ports/call-repository.ts';
import type { AssignmentRepository } from '../../ports/review-repository.ts';
import { type IdempotentRequest, idempotencyRecord, oncePerKey } from '../idempotent-request.ts';

export interface DecisionDeps {
  applications: ApplicationRepository;
  calls: Pick<CallRecordRepository, 'find'>;
  assignments: Pick<AssignmentRepository, 'listByApplication'>;
  assessments: Pick<AssessmentRepository, 'listByApplication'>;
  idempotency: IdempotencyReader;
  clock: Clock;
  /** Waits before another attempt after a write conflict (injectable so unit tests need not sleep). */
  pause?: (attempt: number) => Promise<void>;
}

/** What an approver's decision writes, worked out from the application and its call as read. */
export interface DecisionToSave<R> {
  next: Application;
  event: ApplicationEvent;
  /**
   * How the decision moves the call's committed sum: a positive change is reserved (and must fit the
   * remaining budget), a negative one released; undefined for a decision that grants nothing (a
   * rejection), which is not checked against the budget at all.
   */
  grantChangeCents: number | undefined;
  /** What the use case answers, and what the stored answer for the Idempotency-Key is made from. */
  result: R;
}

/**
 * Approvals in one call all move the call's budget counter, so their transactions can collide
 * (DynamoDB cancels one with TransactionConflict, a ConcurrentChangeError) or find the budget moved:
 * each such request reads again and retries, a bounded number of times, with a short random pause
 * that spreads them out.
 */
const jitter = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * (attempt + 1))));

/**
 * The course an approver's decision on one application takes, whatever is decided (the decision on a
 * rolling call, the decision on an objection); `decide` says what is decided.
 * Primary course:
 * 1. A retry with the caller's Idempotency-Key gets the stored answer and changes nothing.
 * 2. The application exists and has left DRAFT (else 404), and so does its call (else 404).
 * 3. Four-eyes: the approver neither assessed it nor is assigned to assess it (else 403).
 * 4. `decide` checks what it decides (throwing its 409/422) and works out the next state, its event
 *    and how the grant changes.
 * 5. A grant that grows needs the call's remaining budget to cover the increase (else 409 with
 *    remainingCents, nothing written).
 * 6. One transaction writes the next state, its event, the stored answer and the call's committed sum
 *    moved by the change: reserved on the condition that it stays within the budget, or released.
 *    Whatever runs concurrently, the committed sum is always the sum of the approved grants.
 * Alternative: the budget or the application moved under the write (BudgetConditionFailedError,
 * ConcurrentChangeError) → pause and go on from step 2, at most `maxAttempts` times; the checks then
 * answer (another approval took the budget: 409 with what remains; someone decided first: 409 with
 * the status).
 */
export async function decideWithinBudget<R>(
  deps: DecisionDeps,
  actor: { sub: string },
  applicationId: string,
  request: IdempotentRequest<R> | undefined,
  maxAttempts: number,
  decide: (application: Application, call: CallRecord, now: Date) => DecisionToSave<R>,
) {
  const pause = deps.pause ?? jitter;
  return oncePerKey(deps.idempotency, actor.sub, request, async () => {
    for (let attempt = 0; ; attempt++) {
      const application = await deps.applications.get(applicationId);
      if (!application || application.status === 'DRAFT') throw new NotFoundError('application');
      const call = await deps.calls.find(application.callId);
      if (!call) throw new NotFoundError('call');
      await refuseInvolvedApprover(deps, actor.sub, application.id);

      const now = deps.clock.now();
      const { next, event, grantChangeCents: change, result } = decide(application, call, now);
      const remainingCents = call.budgetCents - call.committedCents;
      if (change !== undefined && change > remainingCents) {
        throw new BudgetExceededError(Math.max(0, remainingCents), change);
      }
      const budget: BudgetChange | undefined =
        change === undefined || change === 0
          ? undefined
          : change > 0
            ? { callId: call.id, reserveCents: change, budgetCents: call.budgetCents }
            : { callId: call.id, releaseCents: -change };

      try {
        await deps.applications.save(next, event, application.version, {
          ...(budget ? { budget } : {}),
          ...(request ? { idempotency: idempotencyRecord(request, actor.sub, result, now) } : {}),
        });
        return result;
      } catch (error) {
        const retryable =
          error instanceof BudgetConditionFailedError || error instanceof ConcurrentChangeError;
        if (!retryable || attempt + 1 >= maxAttempts) throw error;
        await pause(attempt);
      }
    }
  });
}

/** Who assessed the application or is assigned to assess it (one Query each). */
export async function involvedReviewers(
  deps: Pick<DecisionDeps, 'assignments' | 'assessments'>,
  applicationId: string,
): Promise<string[]> {
  const [assignments, assessments] = await Promise.all([
    deps.assignments.listByApplication(applicationId),
    deps.assessments.listByApplication(applicationId),
  ]);
  return [...assignments.map((a) => a.reviewerSub), ...assessments.map((a) => a.reviewerSub)];
}

/** Four-eyes: whoever assessed the application, or is assigned to, never decides it (403, saying why). */
export async function refuseInvolvedApprover(
  deps: Pick<DecisionDeps, 'assignments' | 'assessments'>,
  approverSub: string,
  applicationId: string,
): Promise<void> {
  if (breaksFourEyes(approverSub, await involvedReviewers(deps, applicationId))) {
    throw new ForbiddenError('four-eyes: the approver assessed or is assigned to this application', {
      de: 'Vier-Augen-Prinzip: Über einen Antrag, den Sie begutachtet haben oder begutachten sollen, entscheidet eine andere Person.',
      en: 'Four-eyes principle: an application you assessed or are assigned to assess is decided by someone else.',
    });
  }
}
