import type { ObjectionDecisionBody } from '../../api/schemas/objection-decision.schema.ts';
import type { Application } from '../../domain/application.ts';
import type { Clock } from '../../domain/clock.ts';
import {
  BudgetExceededError,
  ConcurrentChangeError,
  ConflictError,
  NotFoundError,
  RuleViolationError,
} from '../../domain/errors.ts';
import { IDEMPOTENCY_TTL_SECONDS, type IdempotencyReader } from '../../domain/idempotency.ts';
import { decideObjection } from '../../domain/objection-decision.ts';
import {
  type ApplicationRepository,
  type BudgetChange,
  BudgetConditionFailedError,
} from '../../ports/application-repository.ts';
import type { AssessmentRepository } from '../../ports/assessment-repository.ts';
import type { CallRecordRepository } from '../../ports/call-repository.ts';
import type { AssignmentRepository } from '../../ports/review-repository.ts';
import { type IdempotentRequest, oncePerKey } from '../idempotent-request.ts';
import { refuseInvolvedApprover } from './decide-application.ts';

export interface DecideObjectionDeps {
  applications: ApplicationRepository;
  calls: Pick<CallRecordRepository, 'find'>;
  assignments: Pick<AssignmentRepository, 'listByApplication'>;
  assessments: Pick<AssessmentRepository, 'listByApplication'>;
  idempotency: IdempotencyReader;
  clock: Clock;
  /** Waits before another attempt after a write conflict (injectable so unit tests need not sleep). */
  pause?: (attempt: number) => Promise<void>;
}

/** A raised grant competes for the call's budget like any approval: read again and retry on a collision. */
const MAX_ATTEMPTS = 20;
const jitter = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * (attempt + 1))));

/**
 * An approver ends an objection (Widerspruch): remedies it with a new grant (Abhilfe) or dismisses it.
 * Primary course:
 * 1. A retry with the caller's Idempotency-Key gets the stored answer and changes nothing.
 * 2. The application exists and has left DRAFT (else 404).
 * 3. Four-eyes, as for the decision: the approver neither assessed it nor is assigned to (else 403).
 * 4. It is APPEALED (else 409 with the current status).
 * 5. A remedy grants what an approval may (approvalViolations, else 422).
 * 6. A remedy that raises the grant needs the call's remaining budget to cover the increase (else 409
 *    with remainingCents, nothing written).
 * 7. One transaction writes FINAL with the objection's outcome (and, remedied, the new decision with the
 *    one objected to kept for the record), its event, the objection workflow marked, the stored answer,
 *    and the call's committed sum moved by the difference of the grants: reserved on the condition that
 *    it stays within the budget when it grows, released when it shrinks (the workflow then lets the
 *    waiting list move up). So the committed sum stays the sum of the approved grants.
 */
export async function decideObjectionOfApplication(
  deps: DecideObjectionDeps,
  actor: { sub: string },
  input: { id: string; body: ObjectionDecisionBody },
  request?: IdempotentRequest<Application>,
) {
  const pause = deps.pause ?? jitter;
  return oncePerKey(deps.idempotency, actor.sub, request, async () => {
    for (let attempt = 0; ; attempt++) {
      const application = await deps.applications.get(input.id);
      if (!application || application.status === 'DRAFT') throw new NotFoundError('application');
      const call = await deps.calls.find(application.callId);
      if (!call) throw new NotFoundError('call');
      await refuseInvolvedApprover(deps, actor.sub, application.id);

      const now = deps.clock.now();
      const outcome = decideObjection(application, call, input.body, actor.sub, now);
      if ('refused' in outcome) {
        if (outcome.refused === 'rule-violations') throw new RuleViolationError(outcome.violations);
        throw new ConflictError(
          {
            de: 'Über einen Widerspruch kann nur entschieden werden, solange er anhängig ist (Status APPEALED).',
            en: 'An objection can only be decided while it is pending (status APPEALED).',
          },
          { currentStatus: application.status },
        );
      }
      const change = outcome.grantChangeCents;
      const remainingCents = call.budgetCents - call.committedCents;
      if (change > remainingCents) throw new BudgetExceededError(Math.max(0, remainingCents), change);
      const budget: BudgetChange | undefined =
        change > 0
          ? { callId: call.id, reserveCents: change, budgetCents: call.budgetCents }
          : change < 0
            ? { callId: call.id, releaseCents: -change }
            : undefined;

      try {
        await deps.applications.save(outcome.next, outcome.event, application.version, {
          ...(budget ? { budget } : {}),
          ...(request
            ? {
                idempotency: {
                  scope: actor.sub,
                  key: request.key,
                  fingerprint: request.fingerprint,
                  response: request.answer(outcome.next),
                  createdAt: now.toISOString(),
                  expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
                },
              }
            : {}),
        });
        return outcome.next;
      } catch (error) {
        // Read again: another approval took the budget (then 409 with what remains), or someone decided
        // the objection first (then 409 with the status).
        const retryable =
          error instanceof BudgetConditionFailedError || error instanceof ConcurrentChangeError;
        if (!retryable || attempt + 1 >= MAX_ATTEMPTS) throw error;
        await pause(attempt);
      }
    }
  });
}
