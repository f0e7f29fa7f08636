import type { Call } from '../api/schemas/call.schema.ts';
import type { BatchDecision } from '../api/schemas/competitive.schema.ts';
import type { Application, ApplicationEvent } from './application.ts';
import {
  type Decision,
  type GrantBasis,
  grantBasisOf,
  grantViolations,
  type WaitingListPlace,
} from './decision.ts';
import type { RuleViolation } from './errors.ts';
import { decideTransition } from './lifecycle.ts';
import { proposedGrant } from './ranking.ts';

/**
 * A competitive call's batch decision (POST /api/review/calls/{callId}/decisions): the checks of the
 * request and the next state of each application, as pure functions. The use case (decide-batch.ts)
 * reads, refuses and writes.
 */

/**
 * The call's one batch, stored before the first application is decided (see keys.ts): it gives every
 * decision of the batch its id, keeps a second batch from starting, and lets a repeated request carry
 * on where an interrupted one stopped.
 */
export interface DecisionBatch {
  callId: string;
  batchId: string;
  /** The approver who decides the batch (and, for waiting-list places, the later approvals). */
  decidedBy: string;
  startedAt: string;
  /** running: being applied (or interrupted); done: every application of it is decided. */
  status: 'running' | 'done';
  finishedAt?: string;
  /** The outcomes as last requested, without texts (those are on each application's decision). */
  decisions: { applicationId: string; outcome: BatchDecision['outcome']; grantedCents?: number }[];
}

/** The reasons of a rejection below the funding line when the approvers give none of their own. */
export const LACK_OF_FUNDS_REASONS =
  'Der Antrag wurde fachlich positiv begutachtet. Die für diesen Förderaufruf verfügbaren Haushaltsmittel ' +
  'reichen jedoch nicht aus, um alle Anträge zu fördern. Nach der Rangfolge der Bewertungen liegt Ihr ' +
  'Antrag unterhalb der Förderlinie; ein Anspruch auf Förderung besteht nicht (Zuwendungen sind ' +
  'freiwillige Leistungen im Rahmen der verfügbaren Haushaltsmittel).';

/** Rejection reasons must say something (the Bescheid's Begründung, § 39 VwVfG). */
const MIN_REASONS_LENGTH = 20;

const violation = (path: string, code: string, de: string, en: string): RuleViolation => ({
  path,
  code,
  message: { de, en },
});

/** The proposed grant of an assessed application: its recommended grant, at most the amount requested. */
export function proposedGrantOf(application: Application): number {
  return proposedGrant({
    requestedGrantCents: application.financePlan?.requestedGrantCents ?? 0,
    recommendedGrantCents: application.assessmentSummary?.recommendedGrantCents ?? 0,
  });
}

/**
 * The batch must name every application it decides exactly once, and nothing else: each application
 * left out, not in the batch (unknown, not assessed, another call's) or named twice is reported.
 * `expected` are the batch's applications with a label that tells them apart (reference or title).
 */
export function batchCoverageViolations(
  decisions: readonly Pick<BatchDecision, 'applicationId'>[],
  expected: readonly { id: string; label: string }[],
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const known = new Set(expected.map((application) => application.id));
  const seen = new Set<string>();
  decisions.forEach((decision, index) => {
    const path = `decisions.${index}.applicationId`;
    if (!known.has(decision.applicationId)) {
      violations.push(
        violation(
          path,
          'not-in-batch',
          `Der Antrag ${decision.applicationId} ist kein begutachteter Antrag dieses Aufrufs.`,
          `The application ${decision.applicationId} is not an assessed application of this call.`,
        ),
      );
    } else if (seen.has(decision.applicationId)) {
      violations.push(
        violation(
          path,
          'duplicate-application',
          `Der Antrag ${decision.applicationId} ist mehrfach genannt; jeder Antrag wird genau einmal entschieden.`,
          `The application ${decision.applicationId} is named more than once; each is decided exactly once.`,
        ),
      );
    }
    seen.add(decision.applicationId);
  });
  for (const application of expected) {
    if (!seen.has(application.id)) {
      violations.push(
        violation(
          'decisions',
          'application-missing',
          `Es fehlt eine Entscheidung über ${application.label} (${application.id}).`,
          `A decision on ${application.label} (${application.id}) is missing.`,
        ),
      );
    }
  }
  return violations;
}

/** The amount a decision grants now (approved) or when it moves up (waitlisted); undefined for a rejection. */
export function batchAmount(decision: BatchDecision, application: Application): number | undefined {
  return amountOf(decision, proposedGrantOf(application));
}

function amountOf(decision: BatchDecision, proposedGrantCents: number): number | undefined {
  if (decision.outcome === 'rejected') return undefined;
  return decision.grantedCents ?? (decision.outcome === 'waitlisted' ? proposedGrantCents : undefined);
}

/** What the checks of a batch need of each application: its grant basis and its proposed grant. */
export interface BatchCandidate extends GrantBasis {
  proposedGrantCents: number;
}

export function batchCandidateOf(application: Application, call: Pick<Call, 'rules'>): BatchCandidate {
  return { ...grantBasisOf(application, call), proposedGrantCents: proposedGrantOf(application) };
}

/**
 * What speaks against each decision of the batch, with paths into the request (`decisions.<i>.…`):
 * an approval needs its amount within the call's rules (approvalViolations, reasons when below the
 * request); a waiting-list place likewise for the amount it would get; a rejection needs reasons unless
 * it is for lack of funds, and carries no amount or conditions.
 */
export function batchDecisionViolations(
  decisions: readonly BatchDecision[],
  applications: ReadonlyMap<string, Application>,
  call: Pick<Call, 'rules'>,
): RuleViolation[] {
  const candidates = new Map(
    [...applications].map(([id, application]) => [id, batchCandidateOf(application, call)] as const),
  );
  return batchCandidateViolations(decisions, candidates, call);
}

/**
 * batchDecisionViolations on the figures alone (the back office's ranking has them per entry, so the
 * approver sees each broken rule at its row while choosing).
 */
export function batchCandidateViolations(
  decisions: readonly BatchDecision[],
  candidates: ReadonlyMap<string, BatchCandidate>,
  call: Pick<Call, 'rules'>,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  decisions.forEach((decision, index) => {
    const at = (field: string) => `decisions.${index}.${field}`;
    const candidate = candidates.get(decision.applicationId);
    if (!candidate) return; // reported by batchCoverageViolations
    if (decision.outcome === 'rejected') {
      if (decision.grantedCents !== undefined) {
        violations.push(
          violation(
            at('grantedCents'),
            'no-amount-for-rejection',
            'Eine Ablehnung hat keinen Betrag.',
            'A rejection has no amount.',
          ),
        );
      }
      if (decision.conditions && decision.conditions.length > 0) {
        violations.push(
          violation(
            at('conditions'),
            'no-conditions-for-rejection',
            'Eine Ablehnung hat keine Nebenbestimmungen.',
            'A rejection has no conditions.',
          ),
        );
      }
      const reasons = decision.reasons?.trim() ?? '';
      if (decision.reasonCode !== 'lack-of-funds' && reasons.length < MIN_REASONS_LENGTH) {
        violations.push(
          violation(
            at('reasons'),
            'reasons-required',
            `Eine Ablehnung ist zu begründen (mindestens ${MIN_REASONS_LENGTH} Zeichen), oder sie erfolgt mangels Mitteln (reasonCode: 'lack-of-funds').`,
            `A rejection needs reasons (at least ${MIN_REASONS_LENGTH} characters), or is for lack of funds (reasonCode: 'lack-of-funds').`,
          ),
        );
      }
      return;
    }
    if (decision.reasonCode !== undefined) {
      violations.push(
        violation(
          at('reasonCode'),
          'reason-code-only-for-rejection',
          'Ein Ablehnungsgrund gehört nur zu einer Ablehnung.',
          'A rejection ground belongs to a rejection only.',
        ),
      );
    }
    const amount = amountOf(decision, candidate.proposedGrantCents);
    if (amount === undefined) {
      violations.push(
        violation(
          at('grantedCents'),
          'granted-required',
          'Eine Bewilligung nennt den bewilligten Betrag.',
          'An approval states the granted amount.',
        ),
      );
      return;
    }
    for (const found of grantViolations(candidate, call, {
      grantedCents: amount,
      reasons: decision.reasons,
    })) {
      violations.push({ ...found, path: at(found.path) });
    }
  });
  return violations;
}

/** The sum the batch's approvals reserve from the call's budget. */
export function batchApprovedSum(decisions: readonly BatchDecision[]): number {
  return decisions.reduce(
    (sum, decision) => sum + (decision.outcome === 'approved' ? (decision.grantedCents ?? 0) : 0),
    0,
  );
}

/**
 * The order in which a batch is written: approvals first, then the waiting list, then rejections, each
 * in the order given. So the budget is committed before any application is WAITLISTED, and a renounced
 * approval's move-up (which takes WAITLISTED applications) never races the batch for the same budget.
 */
export function writeOrder<D extends Pick<BatchDecision, 'outcome'>>(decisions: readonly D[]): D[] {
  const weight = { approved: 0, waitlisted: 1, rejected: 2 } as const;
  return [...decisions].sort((a, b) => weight[a.outcome] - weight[b.outcome]);
}

/** The waiting-list ranks: 1, 2, … in the order the waitlisted decisions are given. */
export function waitingListRanks(decisions: readonly BatchDecision[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const decision of decisions) {
    if (decision.outcome === 'waitlisted') ranks.set(decision.applicationId, ranks.size + 1);
  }
  return ranks;
}

/** Whether the application was decided by this batch already (an earlier, interrupted attempt). */
export function decidedByBatch(application: Application, batchId: string): boolean {
  return application.decision?.batchId === batchId || application.waitingList?.batchId === batchId;
}

/**
 * What an application decided by this batch shows, to compare with a repeated request: the outcome and
 * the amount (granted, or proposed for the waiting list).
 */
export function appliedOutcome(
  application: Application,
): { outcome: BatchDecision['outcome']; grantedCents?: number } | undefined {
  if (application.waitingList && application.status === 'WAITLISTED') {
    return { outcome: 'waitlisted', grantedCents: application.waitingList.proposedGrantCents };
  }
  if (application.decision?.outcome === 'approved') {
    return {
      outcome: 'approved',
      ...(application.decision.grantedCents !== undefined
        ? { grantedCents: application.decision.grantedCents }
        : {}),
    };
  }
  if (application.decision?.outcome === 'rejected') return { outcome: 'rejected' };
  if (application.waitingList) {
    // On the waiting list by this batch, and since moved on (moved up, withdrawn): still its place.
    return { outcome: 'waitlisted', grantedCents: application.waitingList.proposedGrantCents };
  }
  return undefined;
}

/**
 * The next state of an ASSESSED application decided in the batch, with its event: APPROVED with the
 * decision (the grant is reserved in the same write), WAITLISTED with its place, or REJECTED (on the
 * merits, or for lack of funds). Every one marks the decision workflow as pending (the lifecycle's
 * follow-up): it issues the Bescheid, or tells the applicant about the waiting list.
 */
export function applyBatchDecision(
  application: Application,
  decision: BatchDecision,
  context: {
    batchId: string;
    approverSub: string;
    now: Date;
    call: Pick<Call, 'financingType'>;
    waitingListRank?: number | undefined;
  },
): { next: Application; event: ApplicationEvent } {
  const action =
    decision.outcome === 'approved' ? 'approve' : decision.outcome === 'rejected' ? 'reject' : 'waitlist';
  const transition = decideTransition(application.status, action, 'approver');
  if (!transition.allowed) {
    throw new Error(`application ${application.id}: ${action} not allowed from ${application.status}`);
  }
  const at = context.now.toISOString();
  const base: Application = {
    ...application,
    status: transition.to,
    version: application.version + 1,
    updatedAt: at,
    updatedBy: context.approverSub,
    ...(transition.followUp ? { pendingWork: transition.followUp, pendingSince: at } : {}),
  };
  let next: Application;
  let reason: string;
  if (decision.outcome === 'waitlisted') {
    const place: WaitingListPlace = {
      batchId: context.batchId,
      rank: context.waitingListRank ?? 1,
      proposedGrantCents: batchAmount(decision, application) ?? 0,
      conditions: decision.conditions ?? [],
      ...(decision.reasons?.trim() ? { reasons: decision.reasons } : {}),
      placedBy: context.approverSub,
      placedAt: at,
    };
    next = { ...base, waitingList: place };
    reason = `batch ${context.batchId}: waiting list place ${place.rank}, proposed ${place.proposedGrantCents} cents`;
  } else {
    const lackOfFunds = decision.outcome === 'rejected' && decision.reasonCode === 'lack-of-funds';
    const reasons = decision.reasons?.trim()
      ? decision.reasons
      : lackOfFunds
        ? LACK_OF_FUNDS_REASONS
        : undefined;
    const granted: Decision = {
      outcome: decision.outcome,
      ...(decision.outcome === 'approved' && decision.grantedCents !== undefined
        ? { grantedCents: decision.grantedCents }
        : {}),
      financingType: context.call.financingType,
      conditions: decision.outcome === 'approved' ? (decision.conditions ?? []) : [],
      ...(reasons ? { reasons } : {}),
      ...(decision.outcome === 'rejected'
        ? { rejectionGround: lackOfFunds ? ('lack-of-funds' as const) : ('merits' as const) }
        : {}),
      decidedBy: context.approverSub,
      decidedAt: at,
      batchId: context.batchId,
    };
    next = { ...base, decision: granted };
    reason =
      decision.outcome === 'approved'
        ? `batch ${context.batchId}: granted ${granted.grantedCents} cents`
        : `batch ${context.batchId}: ${granted.rejectionGround}`;
  }
  const event: ApplicationEvent = {
    applicationId: application.id,
    version: next.version,
    at,
    actor: context.approverSub,
    type:
      decision.outcome === 'approved'
        ? 'APPROVED'
        : decision.outcome === 'rejected'
          ? 'REJECTED'
          : 'WAITLISTED',
    from: application.status,
    to: next.status,
    reason,
  };
  return { next, event };
}

/**
 * A waiting-list place moves up (Nachrücken) because budget was released: WAITLISTED → APPROVED by the
 * system, with the decision the batch's approver prepared (the proposed grant, conditions and reasons
 * of the place), the event MOVED_UP and the decision workflow pending (it issues the Bescheid).
 */
export function moveUp(
  application: Application & { waitingList: WaitingListPlace },
  call: Pick<Call, 'financingType'>,
  now: Date,
): { next: Application; event: ApplicationEvent } {
  const transition = decideTransition(application.status, 'approve', 'system');
  if (!transition.allowed) {
    throw new Error(`application ${application.id}: cannot move up from ${application.status}`);
  }
  const at = now.toISOString();
  const place = application.waitingList;
  const decision: Decision = {
    outcome: 'approved',
    grantedCents: place.proposedGrantCents,
    financingType: call.financingType,
    conditions: place.conditions,
    ...(place.reasons ? { reasons: place.reasons } : {}),
    decidedBy: place.placedBy,
    decidedAt: at,
    batchId: place.batchId,
  };
  const next: Application = {
    ...application,
    status: transition.to,
    version: application.version + 1,
    updatedAt: at,
    updatedBy: 'system',
    decision,
    ...(transition.followUp ? { pendingWork: transition.followUp, pendingSince: at } : {}),
  };
  return {
    next,
    event: {
      applicationId: application.id,
      version: next.version,
      at,
      actor: 'system',
      type: 'MOVED_UP',
      from: application.status,
      to: next.status,
      reason: `waiting list place ${place.rank} of batch ${place.batchId}: granted ${place.proposedGrantCents} cents`,
    },
  };
}
