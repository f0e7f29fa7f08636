import type { DecisionBody } from '../../api/schemas/decision.schema.ts';
import type { Application, ApplicationEvent } from '../../domain/application.ts';
import type { CallRecord } from '../../domain/call.ts';
import type { Clock } from '../../domain/clock.ts';
import { approvalViolations, breaksFourEyes, type Decision } from '../../domain/decision.ts';
import {
  BudgetExceededError,
  ConcurrentChangeError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
} from '../../domain/errors.ts';
import { IDEMPOTENCY_TTL_SECONDS, type IdempotencyReader } from '../../domain/idempotency.ts';
import { decideTransition } from '../../domain/lifecycle.ts';
import {
  type ApplicationRepository,
  BudgetConditionFailedError,
} from '../../ports/application-repository.ts';
import type { AssessmentRepository } from '../../ports/assessment-repository.ts';
import type { CallRecordRepository } from '../../ports/call-repository.ts';
import type { AssignmentRepository } from '../../ports/review-repository.ts';
import { type IdempotentRequest, oncePerKey } from '../idempotent-request.ts';

export interface DecideDeps {
  applications: ApplicationRepository;
  calls: Pick<CallRecordRepository, 'find'>;
  assignments: Pick<AssignmentRepository, 'listByApplication'>;
  assessments: Pick<AssessmentRepository, 'listByApplication'>;
  idempotency: IdempotencyReader;
  clock: Clock;
  /** Waits before another attempt after a write conflict (injectable so unit tests need not sleep). */
  pause?: (attempt: number) => Promise<void>;
}

/**
 * Concurrent approvals in one call all move the call's budget counter, so their transactions can
 * collide (DynamoDB cancels one with TransactionConflict) or find the budget moved: each such request
 * reads again and retries, a bounded number of times, with a short random pause that spreads them out.
 */
const MAX_ATTEMPTS = 40;
const jitter = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * (attempt + 1))));

/**
 * An approver decides one application of a rolling call (competitive calls decide in one batch after
 * the ranking, see decide-batch).
 * Primary course:
 * 1. A retry with the caller's Idempotency-Key gets the stored answer and changes nothing.
 * 2. The application exists and has left DRAFT (else 404); its call is rolling (else 409).
 * 3. Four-eyes: the approver neither assessed it nor is assigned to assess it (else 403).
 * 4. It is ASSESSED (else 409 with the current status).
 * 5. An approval grants at most the amount requested and what the call's rules allow, with reasons
 *    when less than requested (else 422).
 * 6. An approval needs the call's remaining budget to cover the grant (else 409 with remainingCents).
 * 7. One transaction writes the decision (APPROVED or REJECTED, with the decision workflow marked as
 *    pending), its event, the stored answer and — for an approval — the grant added to the call's
 *    committed sum on the condition that it stays within the budget. Whatever runs concurrently, the
 *    committed sum is always the sum of the approved grants.
 */
export async function decideApplication(
  deps: DecideDeps,
  actor: { sub: string },
  input: { id: string; body: DecisionBody },
  request?: IdempotentRequest<{ application: Application; call: CallRecord }>,
) {
  const pause = deps.pause ?? jitter;
  return oncePerKey(deps.idempotency, actor.sub, request, async () => {
    for (let attempt = 0; ; attempt++) {
      const application = await deps.applications.get(input.id);
      if (!application || application.status === 'DRAFT') throw new NotFoundError('application');
      const call = await deps.calls.find(application.callId);
      if (!call) throw new NotFoundError('call');
      await refuseInvolvedApprover(deps, actor.sub, application.id);
      if (call.selectionMode !== 'rolling') {
        throw new ConflictError(
          {
            de: 'In diesem Aufruf wird im Wettbewerb entschieden: nach Fristende über die Rangliste, für alle Anträge gemeinsam.',
            en: 'This call is competitive: after its deadline, all applications are decided together from the ranking.',
          },
          { selectionMode: call.selectionMode },
        );
      }
      const action = input.body.outcome === 'approved' ? 'approve' : 'reject';
      const transition = decideTransition(application.status, action, 'approver');
      if (!transition.allowed) {
        throw new ConflictError(
          {
            de: 'Entschieden werden kann nur über einen begutachteten Antrag (Status ASSESSED).',
            en: 'Only an assessed application (status ASSESSED) can be decided.',
          },
          { currentStatus: application.status },
        );
      }
      const grantedCents = input.body.outcome === 'approved' ? input.body.grantedCents : undefined;
      if (input.body.outcome === 'approved') {
        const violations = approvalViolations(application, call, input.body);
        if (violations.length > 0) throw new RuleViolationError(violations);
      }
      const remainingCents = call.budgetCents - call.committedCents;
      if (grantedCents !== undefined && grantedCents > remainingCents) {
        throw new BudgetExceededError(Math.max(0, remainingCents), grantedCents);
      }

      const now = deps.clock.now();
      const at = now.toISOString();
      const decision: Decision = {
        outcome: input.body.outcome,
        ...(grantedCents !== undefined ? { grantedCents } : {}),
        financingType: call.financingType,
        conditions: input.body.outcome === 'approved' ? (input.body.conditions ?? []) : [],
        ...(input.body.reasons ? { reasons: input.body.reasons } : {}),
        ...(input.body.outcome === 'rejected' ? { rejectionGround: 'merits' as const } : {}),
        decidedBy: actor.sub,
        decidedAt: at,
      };
      const next: Application = {
        ...application,
        status: transition.to,
        version: application.version + 1,
        updatedAt: at,
        updatedBy: actor.sub,
        decision,
        ...(transition.followUp ? { pendingWork: transition.followUp, pendingSince: at } : {}),
      };
      const event: ApplicationEvent = {
        applicationId: application.id,
        version: next.version,
        at,
        actor: actor.sub,
        type: input.body.outcome === 'approved' ? 'APPROVED' : 'REJECTED',
        from: application.status,
        to: next.status,
        ...(grantedCents !== undefined ? { reason: `granted ${grantedCents} cents` } : {}),
      };
      const result = { application: next, call };
      try {
        await deps.applications.save(next, event, application.version, {
          ...(grantedCents !== undefined
            ? { budget: { callId: call.id, reserveCents: grantedCents, budgetCents: call.budgetCents } }
            : {}),
          ...(request
            ? {
                idempotency: {
                  scope: actor.sub,
                  key: request.key,
                  fingerprint: request.fingerprint,
                  response: request.answer(result),
                  createdAt: at,
                  expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
                },
              }
            : {}),
        });
        return result;
      } catch (error) {
        // Read again: the budget or the application moved. The checks above then answer (another
        // approval took the budget: 409 with what remains; someone decided first: 409 with the status).
        const retryable =
          error instanceof BudgetConditionFailedError || error instanceof ConcurrentChangeError;
        if (!retryable || attempt + 1 >= MAX_ATTEMPTS) throw error;
        await pause(attempt);
      }
    }
  });
}

/** Four-eyes: whoever assessed the application, or is assigned to, never decides it (403, saying why). */
export async function refuseInvolvedApprover(
  deps: Pick<DecideDeps, 'assignments' | 'assessments'>,
  approverSub: string,
  applicationId: string,
): Promise<void> {
  const [assignments, assessments] = await Promise.all([
    deps.assignments.listByApplication(applicationId),
    deps.assessments.listByApplication(applicationId),
  ]);
  const involved = [...assignments.map((a) => a.reviewerSub), ...assessments.map((a) => a.reviewerSub)];
  if (breaksFourEyes(approverSub, involved)) {
    throw new ForbiddenError('four-eyes: the approver assessed or is assigned to this application', {
      de: 'Vier-Augen-Prinzip: Über einen Antrag, den Sie begutachtet haben oder begutachten sollen, entscheidet eine andere Person.',
      en: 'Four-eyes principle: an application you assessed or are assigned to assess is decided by someone else.',
    });
  }
}
