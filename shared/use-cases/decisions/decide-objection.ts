import type { ObjectionDecisionBody } from '../../api/schemas/objection-decision.schema.ts';
import type { Application } from '../../domain/application.ts';
import { ConflictError, RuleViolationError } from '../../domain/errors.ts';
import { decideObjection } from '../../domain/objection-decision.ts';
import type { IdempotentRequest } from '../idempotent-request.ts';
import { type DecisionDeps, decideWithinBudget } from './decide-within-budget.ts';

/** A raised grant competes for the call's budget like any approval: read again and retry on a collision. */
const MAX_ATTEMPTS = 20;

/**
 * An approver ends an objection (Widerspruch): remedies it with a new grant (Abhilfe) or dismisses it.
 * The reads, four-eyes, budget and the one write: decideWithinBudget.
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
  deps: DecisionDeps,
  actor: { sub: string },
  input: { id: string; body: ObjectionDecisionBody },
  request?: IdempotentRequest<Application>,
) {
  return decideWithinBudget(deps, actor, input.id, request, MAX_ATTEMPTS, (application, call, now) => {
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
    return {
      next: outcome.next,
      event: outcome.event,
      grantChangeCents: outcome.grantChangeCents,
      result: outcome.next,
    };
  });
}
