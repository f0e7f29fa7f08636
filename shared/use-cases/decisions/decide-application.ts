import type { DecisionBody } from '../../api/schemas/decision.schema.ts';
import type { Application, ApplicationEvent } from '../../domain/application.ts';
import type { CallRecord } from '../../domain/call.ts';
import { approvalViolations, type Decision } from '../../domain/decision.ts';
import { ConflictError, RuleViolationError } from '../../domain/errors.ts';
import { decideTransition } from '../../domain/lifecycle.ts';
import type { IdempotentRequest } from '../idempotent-request.ts';
import { type DecisionDeps, decideWithinBudget } from './decide-within-budget.ts';

/** Concurrent approvals in one call collide on its budget counter: each reads again, this many times at most. */
const MAX_ATTEMPTS = 40;

/**
 * An approver decides one application of a rolling call (competitive calls decide in one batch after
 * the ranking, see decide-batch). The reads, four-eyes, budget and the one write: decideWithinBudget.
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
  deps: DecisionDeps,
  actor: { sub: string },
  input: { id: string; body: DecisionBody },
  request?: IdempotentRequest<{ application: Application; call: CallRecord }>,
) {
  return decideWithinBudget(deps, actor, input.id, request, MAX_ATTEMPTS, (application, call, now) => {
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
    // A rejection grants nothing: it neither touches nor is checked against the budget.
    return { next, event, grantChangeCents: grantedCents, result: { application: next, call } };
  });
}
