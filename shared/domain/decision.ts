import type { Call } from '../api/schemas/call.schema.ts';
import type { Application } from './application.ts';
import type { RuleViolation } from './errors.ts';
import { financeTotals } from './finance-rules.ts';
import { formatEuro, mulDivFloor } from './money.ts';

/**
 * What the approver decided (Bewilligung or Ablehnung) and what the Bescheid says. Stored on the
 * application by the decision request; the decision workflow renders the letter from it.
 */
export interface Decision {
  outcome: 'approved' | 'rejected';
  /** Approved: the granted amount (Zuwendung), reserved from the call's budget in the deciding write. */
  grantedCents?: number;
  /** Copied from the call when deciding, so the letter keeps it whatever the call says later. */
  financingType: Call['financingType'];
  /** Nebenbestimmungen beyond the ANBest-P (which are always part of an approval). */
  conditions: string[];
  /** Begründung: required for a rejection and for an approval below the amount requested. */
  reasons?: string;
  /** A rejection for lack of funds (below the funding line) rather than on the merits. */
  rejectionGround?: 'merits' | 'lack-of-funds';
  decidedBy: string;
  decidedAt: string;
  /** Set when decided in a competitive call's batch (POST /api/review/calls/{callId}/decisions). */
  batchId?: string;
}

/** A competitive call's waiting list place: below the funding line, moves up when budget is released. */
export interface WaitingListPlace {
  batchId: string;
  /** 1 = the first to move up. */
  rank: number;
  /** What it would be granted when it moves up (the approvers' proposal in the batch). */
  proposedGrantCents: number;
  conditions: string[];
  /** The Begründung the approval will carry (required when the proposal is below the amount requested). */
  reasons?: string;
  placedBy: string;
  placedAt: string;
}

/**
 * A letter to the applicant, as a PDF in the documents bucket under `key`: the Bescheid on the decision
 * (Zuwendungs- or Ablehnungsbescheid), or the letter that ends an objection: the Abhilfebescheid when
 * the funding body remedies it (§ 72 VwGO), the Widerspruchsbescheid when it dismisses it (§ 73 VwGO).
 */
export interface Letter {
  id: string;
  kind: 'zuwendungsbescheid' | 'ablehnungsbescheid' | 'abhilfebescheid' | 'widerspruchsbescheid';
  /** The S3 key the server chose: letters/<applicationId>/<letterId>.pdf */
  key: string;
  createdAt: string;
  /** The first retrieval by a member of the organisation (§ 41 (2a) VwVfG): the notification. */
  firstRetrievedAt?: string;
  firstRetrievedBy?: string;
}

/** When the decision counted as notified and until when an objection may be lodged. */
export interface Notification {
  letterId: string;
  retrievedAt: string;
  /** The day after the first retrieval (YYYY-MM-DD, Europe/Berlin): the day of notification. */
  notifiedOn: string;
  /** The end of the last day of the objection period (Europe/Berlin), as an ISO timestamp. */
  appealPeriodEndsAt: string;
}

/**
 * An objection (Widerspruch) lodged against the decision within the period, and — once the funding
 * body decided it (POST /api/review/applications/{id}/objection-decision) — how it ended.
 */
export interface Objection {
  at: string;
  by: string;
  reason: string;
  /** 'remedied': Abhilfe (§ 72 VwGO), the decision was changed; 'dismissed': Zurückweisung (§ 73 VwGO). */
  outcome?: 'remedied' | 'dismissed';
  decidedAt?: string;
  decidedBy?: string;
  /** The funding body's reasons (the Begründung of the Abhilfe- or Widerspruchsbescheid). */
  reasons?: string;
  /** Remedied: the decision the objection was against, as it stood (the application's `decision` is the new one). */
  previousDecision?: Decision;
  /** Remedied: what the call's committed sum counted for the application before (0 after a rejection). */
  previousGrantedCents?: number;
}

/**
 * § 41 (2a) VwVfG: a letter not retrieved within ten days of the notice that it is available is no
 * longer notified by retrieval. The applicant is reminded once, halfway, so that does not happen unseen.
 */
export const LETTER_REMINDER_AFTER_DAYS = 5;

/**
 * When the applicant is to be reminded of an unretrieved letter (UTC ISO instant): while APPROVED or
 * REJECTED with a letter issued, not yet retrieved and not yet reminded. Undefined otherwise.
 */
export function letterReminderDueAt(application: Application): string | undefined {
  if (application.status !== 'APPROVED' && application.status !== 'REJECTED') return undefined;
  if (application.letterReminderSentAt) return undefined;
  const letter = application.letters?.at(-1);
  if (!letter || letter.firstRetrievedAt) return undefined;
  return new Date(Date.parse(letter.createdAt) + LETTER_REMINDER_AFTER_DAYS * 86_400_000).toISOString();
}

const violation = (path: string, code: string, de: string, en: string): RuleViolation => ({
  path,
  code,
  message: { de, en },
});

/**
 * What the approval rules need to know of an application: the amount requested and the total costs
 * (of which the call's maximum funding rate may be granted). The back office gets these figures with
 * the application (review view) or the ranking, and checks a typed amount with the same rule.
 */
export interface GrantBasis {
  requestedGrantCents: number;
  totalCostsCents: number;
}

/** The grant basis of an application under the call's rules (its admin flat rate counts as cost). */
export function grantBasisOf(
  application: Pick<Application, 'financePlan'>,
  call: Pick<Call, 'rules'>,
): GrantBasis {
  return {
    requestedGrantCents: application.financePlan?.requestedGrantCents ?? 0,
    totalCostsCents: financeTotals(application.financePlan, call.rules.adminFlatRateBps).totalCostsCents,
  };
}

/** The most that may be granted, and by which rule: the amount requested, the call's maximum, the funding rate. */
export interface GrantLimits {
  requestedCents: number;
  maxGrantCents: number;
  /** The call's maximum funding rate of the total costs. */
  maxByRateCents: number;
  /** The lowest of the three: the highest amount an approval can carry. */
  upperCents: number;
}

export function grantLimits(basis: GrantBasis, call: Pick<Call, 'rules'>): GrantLimits {
  const requestedCents = basis.requestedGrantCents;
  const maxGrantCents = call.rules.maxGrantCents;
  const maxByRateCents = mulDivFloor(basis.totalCostsCents, call.rules.maxFundingRateBps, 10_000);
  return {
    requestedCents,
    maxGrantCents,
    maxByRateCents,
    upperCents: Math.min(requestedCents, maxGrantCents, maxByRateCents),
  };
}

/**
 * What speaks against granting `grantedCents` on this application under the call's rules: more than
 * was requested, more than the call's maximum, or more than the maximum funding rate of the costs.
 * A grant below the amount requested must give reasons (§ 39 VwVfG: the Bescheid deviates from the
 * application).
 */
export function approvalViolations(
  application: Pick<Application, 'financePlan'>,
  call: Pick<Call, 'rules'>,
  input: { grantedCents: number; reasons?: string | undefined },
): RuleViolation[] {
  return grantViolations(grantBasisOf(application, call), call, input);
}

/** approvalViolations on the grant basis alone (the browser has the figures, not the whole application). */
export function grantViolations(
  basis: GrantBasis,
  call: Pick<Call, 'rules'>,
  input: { grantedCents: number; reasons?: string | undefined },
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const { requestedCents: requested, maxGrantCents, maxByRateCents: maxByRate } = grantLimits(basis, call);
  if (input.grantedCents < 1) {
    violations.push(
      violation(
        'grantedCents',
        'grant-not-positive',
        'Eine Bewilligung braucht einen Betrag über 0 €.',
        'An approval needs an amount above €0.',
      ),
    );
  }
  if (input.grantedCents > requested) {
    violations.push(
      violation(
        'grantedCents',
        'grant-above-request',
        `Bewilligt werden kann höchstens der beantragte Betrag (${formatEuro(requested, 'de')}).`,
        `At most the amount requested can be granted (${formatEuro(requested, 'en')}).`,
      ),
    );
  }
  if (input.grantedCents > maxGrantCents) {
    violations.push(
      violation(
        'grantedCents',
        'grant-above-maximum',
        `Der Aufruf erlaubt höchstens ${formatEuro(maxGrantCents, 'de')} je Vorhaben.`,
        `The call allows at most ${formatEuro(maxGrantCents, 'en')} per project.`,
      ),
    );
  }
  if (input.grantedCents > maxByRate) {
    violations.push(
      violation(
        'grantedCents',
        'grant-above-funding-rate',
        `Die Förderquote des Aufrufs erlaubt höchstens ${formatEuro(maxByRate, 'de')} bei diesen Gesamtkosten.`,
        `The call's maximum funding rate allows at most ${formatEuro(maxByRate, 'en')} of these total costs.`,
      ),
    );
  }
  if (input.grantedCents < requested && !input.reasons?.trim()) {
    violations.push(
      violation(
        'reasons',
        'reasons-required',
        'Wird weniger als beantragt bewilligt, ist das zu begründen.',
        'Granting less than requested needs reasons.',
      ),
    );
  }
  return violations;
}

/**
 * Four-eyes: whoever assessed an application, or is assigned to assess it, never decides it.
 * `involved` are the subs of its assessors and assignees.
 */
export function breaksFourEyes(approverSub: string, involved: readonly string[]): boolean {
  return involved.includes(approverSub);
}
