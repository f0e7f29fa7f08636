import type { ApplicationStatus } from '../api/schemas/application.schema.ts';

/**
 * The application lifecycle as one table. One function decides whether an action is allowed for an
 * actor in a status, and what it produces: the next status and the follow-up work (a workflow) that
 * the same transaction marks as pending.
 *
 *   DRAFT ─submit→ SUBMITTED ─intake→ IN_REVIEW ─both assessments→ ASSESSED ─decision→ APPROVED | REJECTED
 *                     └→ INCOMPLETE ─supplement→ SUBMITTED (before the due date, else CLOSED_INCOMPLETE)
 *   A supplement goes through the intake again: it keeps its Aktenzeichen, is checked for completeness
 *   once more, and only a complete application reaches review.
 *   Competitive calls: ASSESSED ─batch below the funding line→ WAITLISTED ─budget released→ APPROVED
 *   APPROVED | REJECTED ─letter retrieved→ NOTIFIED ─objection→ APPEALED | ─period ends→ FINAL
 *   APPEALED ─objection decided (Abhilfe or Widerspruchsbescheid)→ FINAL
 *   withdraw from DRAFT, SUBMITTED, INCOMPLETE, IN_REVIEW, ASSESSED, WAITLISTED (Rücknahme des Antrags),
 *   and from APPROVED and NOTIFIED: an approved grant is renounced (Verzicht), which releases its amount
 *   from the call's budget in the same write, so the waiting list moves up. (A renunciation after the
 *   decision became final, or during an objection, goes through the funding body, not this action.)
 */
export type LifecycleAction =
  | 'submit'
  | 'intake-complete'
  | 'request-documents'
  | 'supplement'
  | 'close-incomplete'
  | 'assessments-complete'
  | 'approve'
  | 'reject'
  | 'waitlist'
  | 'notify'
  | 'object'
  | 'finalize'
  | 'decide-objection'
  | 'withdraw';

/** Who acts: a member of the applying organisation, staff by role, or the workflows themselves. */
export type ActorKind = 'member' | 'reviewer' | 'approver' | 'admin' | 'system';

/**
 * Workflows that follow a transition (see ARCHITECTURE.md "Workflows"). 'nachforderung' emails the
 * applicant a reviewer's request for missing documents (marked by that use case, not by a rule).
 * 'objection' issues the letter that ends an objection and moves the waiting list up into a grant
 * the objection lowered.
 */
export type Workflow = 'intake' | 'assessment' | 'decision' | 'withdrawal' | 'nachforderung' | 'objection';

interface Rule {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  by: readonly ActorKind[];
  /** The workflow the transition starts, marked as pending in the same write. */
  followUp?: Workflow;
}

export const LIFECYCLE: Readonly<Record<LifecycleAction, Rule>> = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED', by: ['member'], followUp: 'intake' },
  'intake-complete': { from: ['SUBMITTED'], to: 'IN_REVIEW', by: ['system'] },
  'request-documents': { from: ['SUBMITTED', 'IN_REVIEW'], to: 'INCOMPLETE', by: ['system', 'reviewer'] },
  supplement: { from: ['INCOMPLETE'], to: 'SUBMITTED', by: ['member'], followUp: 'intake' },
  'close-incomplete': { from: ['INCOMPLETE'], to: 'CLOSED_INCOMPLETE', by: ['system'] },
  // Made by the assessment workflow itself, which the second recorded assessment marks as pending.
  'assessments-complete': { from: ['IN_REVIEW'], to: 'ASSESSED', by: ['system'] },
  // 'system' approves when a waiting-list place moves up (the batch decision already named it).
  approve: {
    from: ['ASSESSED', 'WAITLISTED'],
    to: 'APPROVED',
    by: ['approver', 'system'],
    followUp: 'decision',
  },
  reject: { from: ['ASSESSED', 'WAITLISTED'], to: 'REJECTED', by: ['approver'], followUp: 'decision' },
  // The decision workflow tells the applicant about the place on the waiting list (no Bescheid yet).
  waitlist: { from: ['ASSESSED'], to: 'WAITLISTED', by: ['approver'], followUp: 'decision' },
  notify: { from: ['APPROVED', 'REJECTED'], to: 'NOTIFIED', by: ['member', 'system'] },
  object: { from: ['NOTIFIED'], to: 'APPEALED', by: ['member'] },
  finalize: { from: ['NOTIFIED'], to: 'FINAL', by: ['system'] },
  // The funding body ends an objection: it remedies it (Abhilfe, § 72 VwGO: a new amount, or an
  // approval instead of the rejection) or dismisses it (Widerspruchsbescheid, § 73 VwGO). Either way
  // the administrative procedure is over; what remains is an action at the administrative court.
  'decide-objection': { from: ['APPEALED'], to: 'FINAL', by: ['approver'], followUp: 'objection' },
  withdraw: {
    from: ['DRAFT', 'SUBMITTED', 'INCOMPLETE', 'IN_REVIEW', 'ASSESSED', 'WAITLISTED', 'APPROVED', 'NOTIFIED'],
    to: 'WITHDRAWN',
    by: ['member'],
    followUp: 'withdrawal',
  },
};

export type TransitionDecision =
  | { allowed: true; to: ApplicationStatus; followUp?: Workflow }
  | { allowed: false; reason: 'wrong-status' | 'wrong-actor' };

/** Whether `actor` may do `action` to an application in `status`, and what follows if so. */
export function decideTransition(
  status: ApplicationStatus,
  action: LifecycleAction,
  actor: ActorKind,
): TransitionDecision {
  const rule = LIFECYCLE[action];
  if (!rule.by.includes(actor)) return { allowed: false, reason: 'wrong-actor' };
  if (!rule.from.includes(status)) return { allowed: false, reason: 'wrong-status' };
  return { allowed: true, to: rule.to, ...(rule.followUp ? { followUp: rule.followUp } : {}) };
}
