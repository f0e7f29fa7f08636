import type { Call } from '../api/schemas/call.schema.ts';
import type { Application, ApplicationEvent } from './application.ts';
import { approvalViolations, type Decision, type Objection } from './decision.ts';
import type { RuleViolation } from './errors.ts';
import { decideTransition } from './lifecycle.ts';

/**
 * How the funding body ends an objection (Widerspruch):
 * - 'remedied' (Abhilfe, § 72 VwGO): it changes its decision. The application is approved with
 *   `grantedCents`: a rejection becomes an approval, or an approval gets a new amount. The same rules
 *   as for any approval apply (approvalViolations). Without `conditions` an approval keeps the ones it
 *   had: an objection against the amount does not drop the Nebenbestimmungen.
 * - 'dismissed' (Zurückweisung, § 73 VwGO): the decision stands; the Widerspruchsbescheid says why.
 */
export type ObjectionDecisionInput =
  | { outcome: 'remedied'; grantedCents: number; conditions?: string[] | undefined; reasons: string }
  | { outcome: 'dismissed'; reasons: string };

export type ObjectionDecisionRefusal =
  | { refused: 'wrong-status' }
  | { refused: 'rule-violations'; violations: RuleViolation[] };

export interface ObjectionDecided {
  next: Application;
  event: ApplicationEvent;
  /**
   * How the call's committed sum moves in the same write: the new grant minus the one it counted
   * before. Positive: reserve that much more; negative: release it (the waiting list may move up);
   * 0: nothing moves.
   */
  grantChangeCents: number;
}

/** What the call's committed sum counts for a decision: an approval's grant, nothing for a rejection. */
export function committedGrantOf(decision: Pick<Decision, 'outcome' | 'grantedCents'> | undefined): number {
  return decision?.outcome === 'approved' ? (decision.grantedCents ?? 0) : 0;
}

/**
 * The approver `approver` decides the objection against an APPEALED application at `now`: APPEALED →
 * FINAL with the objection's outcome, date, approver and reasons recorded, the decision replaced when
 * remedied (the one objected to kept on the objection, for the record), the objection workflow marked
 * and the event OBJECTION_DECIDED. Refused in any other status, and when the new grant breaks the
 * call's rules. Budget is not checked here: the caller moves the committed sum by `grantChangeCents`.
 */
export function decideObjection(
  application: Application,
  call: Pick<Call, 'rules' | 'financingType'>,
  input: ObjectionDecisionInput,
  approver: string,
  now: Date,
): ObjectionDecided | ObjectionDecisionRefusal {
  const transition = decideTransition(application.status, 'decide-objection', 'approver');
  const { objection, decision: previous } = application;
  if (!transition.allowed || !objection || !previous) return { refused: 'wrong-status' };
  if (input.outcome === 'remedied') {
    const violations = approvalViolations(application, call, input);
    if (violations.length > 0) return { refused: 'rule-violations', violations };
  }

  const at = now.toISOString();
  const previousGrantedCents = committedGrantOf(previous);
  const decided: Objection = {
    ...objection,
    outcome: input.outcome,
    decidedAt: at,
    decidedBy: approver,
    reasons: input.reasons,
  };
  let decision = previous;
  let grantChangeCents = 0;
  if (input.outcome === 'remedied') {
    decision = {
      outcome: 'approved',
      grantedCents: input.grantedCents,
      // What the Bescheid stated stays the type: the call may have changed since.
      financingType: previous.financingType ?? call.financingType,
      conditions: input.conditions ?? (previous.outcome === 'approved' ? previous.conditions : []),
      reasons: input.reasons,
      decidedBy: approver,
      decidedAt: at,
    };
    decided.previousDecision = previous;
    decided.previousGrantedCents = previousGrantedCents;
    grantChangeCents = input.grantedCents - previousGrantedCents;
  }

  const next: Application = {
    ...application,
    status: transition.to,
    version: application.version + 1,
    updatedAt: at,
    updatedBy: approver,
    decision,
    objection: decided,
    ...(transition.followUp ? { pendingWork: transition.followUp, pendingSince: at } : {}),
  };
  return {
    next,
    event: {
      applicationId: application.id,
      version: next.version,
      at,
      actor: approver,
      type: 'OBJECTION_DECIDED',
      from: application.status,
      to: next.status,
      // The first word is the outcome (the applicant's timeline reads it); the amounts are for the record.
      reason:
        input.outcome === 'remedied'
          ? `remedied: granted ${input.grantedCents} cents (before: ${previousGrantedCents} cents)`
          : 'dismissed',
    },
    grantChangeCents,
  };
}
