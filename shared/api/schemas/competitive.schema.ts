import * as z from 'zod/mini';
import { ApplicationStatus } from './application.schema.ts';
import { Cents, Timestamp, Uuid } from './common.schema.ts';
import { DecisionConditions } from './decision.schema.ts';
import { Paragraph } from './draft.schema.ts';

/** One application in a competitive call's ranking (GET /api/review/calls/{callId}/ranking). */
export const RankingEntry = z.object({
  /** 1 = the best (order: score, then content score ratio, then the earlier submission). */
  rank: z.int(),
  applicationId: Uuid,
  reference: z.optional(z.string()),
  organisationName: z.optional(z.string()),
  title: z.string(),
  status: ApplicationStatus,
  submittedAt: z.optional(Timestamp),
  totalScore: z.int(),
  maxScore: z.int(),
  requestedGrantCents: Cents,
  recommendedGrantCents: Cents,
  /** The recommended grant, at most the amount requested: what the proposed line adds up. */
  proposedGrantCents: Cents,
  /** Above the proposed funding line (or, once decided, holding an approved grant). */
  aboveLine: z.boolean(),
  /** Once decided: the granted amount of an approval. */
  grantedCents: z.optional(Cents),
  /** Once on the waiting list: its place (1 = moves up first). */
  waitingListRank: z.optional(z.int()),
  /** The total costs of its finance plan: the call's maximum funding rate applies to them. */
  totalCostsCents: Cents,
  /**
   * Once given a waiting-list place: the place, the grant it gets when it moves up, and whether it has
   * moved up (Nachrücken) since — then it holds an approval.
   */
  waitingList: z.optional(z.object({ rank: z.int(), proposedGrantCents: Cents, movedUp: z.boolean() })),
});
export type RankingEntry = z.infer<typeof RankingEntry>;

export const RankingView = z.object({
  callId: z.string(),
  budgetCents: Cents,
  /** The sum of the grants approved in the call so far. */
  committedCents: Cents,
  remainingCents: Cents,
  entries: z.array(RankingEntry),
  line: z.object({
    /** The number of entries ranked above the line: entries[position] is the first below it. */
    position: z.int(),
    /** The sum of the proposed grants of the undecided entries above the line. */
    proposedTotalCents: Cents,
    /** What would remain of the budget after approving them. */
    remainingAfterLineCents: Cents,
  }),
  /** Set once the call's batch decision was made (or is being made). */
  batch: z.optional(
    z.object({
      batchId: Uuid,
      status: z.enum(['running', 'done']),
      decidedBy: z.string(),
      startedAt: Timestamp,
    }),
  ),
});
export type RankingView = z.infer<typeof RankingView>;

/**
 * One decision of the batch. `grantedCents`: for an approval the granted amount; for a waiting-list
 * place the amount it would be granted when it moves up (default: the proposed grant of the ranking).
 * A rejection below the line for lack of funds says `reasonCode: 'lack-of-funds'` (reasons optional;
 * the Bescheid then gives the standard reasons); any other rejection needs reasons (on the merits).
 */
export const BatchDecision = z.strictObject({
  applicationId: Uuid,
  outcome: z.enum(['approved', 'rejected', 'waitlisted']),
  grantedCents: z.optional(Cents),
  conditions: z.optional(DecisionConditions),
  reasons: z.optional(Paragraph(8000)),
  reasonCode: z.optional(z.enum(['lack-of-funds'])),
});
export type BatchDecision = z.infer<typeof BatchDecision>;

/**
 * POST /api/review/calls/{callId}/decisions: every assessed application of the call exactly once, in
 * any order; the waiting list takes the order in which its entries are given (the first moves up first).
 */
export const BatchDecisionBody = z.strictObject({
  decisions: z.array(BatchDecision).check(z.minLength(1), z.maxLength(1000)),
});
export type BatchDecisionBody = z.infer<typeof BatchDecisionBody>;

export const BatchDecisionResult = z.object({
  batchId: Uuid,
  callId: z.string(),
  /** Per application, in the order of the request. */
  results: z.array(
    z.object({
      applicationId: Uuid,
      outcome: z.enum(['approved', 'rejected', 'waitlisted']),
      status: ApplicationStatus,
      grantedCents: z.optional(Cents),
      waitingListRank: z.optional(z.int()),
      /**
       * decided: by this request; already-decided: by an earlier attempt of the same batch (a retry);
       * withdrawn: the applicant withdrew before it was decided (nothing written for it).
       */
      applied: z.enum(['decided', 'already-decided', 'withdrawn']),
    }),
  ),
  budgetCents: Cents,
  committedCents: Cents,
  remainingCents: Cents,
});
export type BatchDecisionResult = z.infer<typeof BatchDecisionResult>;
