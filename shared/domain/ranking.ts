/**
 * The ranking of a competitive call and its proposed funding line (Förderlinie): pure functions, no AWS.
 *
 * Order (best first):
 * 1. the higher total score of the assessment (Σ score × weight over the call's rubric);
 * 2. on equal scores, the higher content score ratio (totalScore / maxScore). Within one call the rubric
 *    is locked once anyone applied, so this only separates summaries written against different maxima;
 *    it is compared by cross-multiplication, exactly, without floats;
 * 3. then the earlier submission (submittedAt: first come, first served);
 * 4. then the application id, so the order is total and the same on every read.
 *
 * The line: walk down the ranking and add each entry's proposed grant (the financial reviewer's
 * recommended grant, at most the amount requested) while it fits the call's remaining budget
 * (budgetCents − committedCents). The first open entry whose proposal does not fit is the first below the
 * line, and so is everything after it: the line is drawn once, it does not skip to smaller proposals
 * further down (the approvers may still do that, since the batch names every outcome explicitly).
 * Entries already decided (after a batch) keep their decision: an approval counts as above the line
 * (its grant is part of committedCents already, so it takes nothing from the remaining budget), any
 * other decided entry is not funded. An open entry with a proposal of 0 (the financial reviewer
 * recommended nothing) is not proposed for funding, but does not draw the line either.
 */

/** What the ranking needs of one application. */
export interface RankingCandidate {
  applicationId: string;
  totalScore: number;
  maxScore: number;
  /** ISO timestamp of the first submission. */
  submittedAt: string;
  requestedGrantCents: number;
  recommendedGrantCents: number;
  /**
   * open: still to be decided (ASSESSED, or on the waiting list); approved: holds an approved grant
   * (counted in committedCents); not-funded: decided otherwise (rejected).
   */
  standing: 'open' | 'approved' | 'not-funded';
}

export type RankedEntry<C extends RankingCandidate = RankingCandidate> = C & {
  /** 1 = the best. */
  rank: number;
  /** What the line proposes to grant: the recommended grant, at most the amount requested. */
  proposedGrantCents: number;
  aboveLine: boolean;
};

export interface FundingLine<C extends RankingCandidate = RankingCandidate> {
  entries: RankedEntry<C>[];
  /**
   * Where the line is drawn: the index (0-based) in `entries` of the first open entry that does not fit,
   * i.e. the number of entries ranked above the line; `entries.length` when everything open fits.
   */
  linePosition: number;
  /** The sum of the proposed grants of the open entries above the line (what the line would commit). */
  proposedTotalCents: number;
  /** What would remain of the budget after approving the open entries above the line. */
  remainingAfterLineCents: number;
}

/** The proposed grant: the recommended grant, at most the amount requested, never below 0. */
export function proposedGrant(
  candidate: Pick<RankingCandidate, 'requestedGrantCents' | 'recommendedGrantCents'>,
) {
  return Math.max(0, Math.min(candidate.recommendedGrantCents, candidate.requestedGrantCents));
}

/** Negative when `a` ranks before `b` (see the order above). */
export function compareRanking(a: RankingCandidate, b: RankingCandidate): number {
  if (a.totalScore !== b.totalScore) return b.totalScore - a.totalScore;
  // a.total / a.max > b.total / b.max  ⇔  a.total × b.max > b.total × a.max (maxima are positive).
  const ratioA = a.totalScore * Math.max(b.maxScore, 1);
  const ratioB = b.totalScore * Math.max(a.maxScore, 1);
  if (ratioA !== ratioB) return ratioB - ratioA;
  if (a.submittedAt !== b.submittedAt) return Date.parse(a.submittedAt) - Date.parse(b.submittedAt);
  return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
}

/** The candidates in ranking order with the proposed funding line for `remainingCents`. */
export function rankWithFundingLine<C extends RankingCandidate>(
  candidates: readonly C[],
  remainingCents: number,
): FundingLine<C> {
  const sorted = [...candidates].sort(compareRanking);
  let remaining = Math.max(0, remainingCents);
  let linePosition: number | undefined;
  let proposedTotalCents = 0;
  const entries = sorted.map((candidate, index): RankedEntry<C> => {
    const proposedGrantCents = proposedGrant(candidate);
    let aboveLine = false;
    if (candidate.standing === 'approved') {
      aboveLine = true;
    } else if (candidate.standing === 'open' && linePosition === undefined && proposedGrantCents > 0) {
      if (proposedGrantCents <= remaining) {
        aboveLine = true;
        remaining -= proposedGrantCents;
        proposedTotalCents += proposedGrantCents;
      } else {
        linePosition = index;
      }
    }
    return { ...candidate, rank: index + 1, proposedGrantCents, aboveLine };
  });
  return {
    entries,
    linePosition: linePosition ?? entries.length,
    proposedTotalCents,
    remainingAfterLineCents: remaining,
  };
}
