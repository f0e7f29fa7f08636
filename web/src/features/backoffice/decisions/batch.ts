import type { Call } from '#shared/api/schemas/call.schema.ts';
import type { BatchDecision, RankingEntry, RankingView } from '#shared/api/schemas/competitive.schema.ts';
import { type BatchCandidate, batchCandidateViolations } from '#shared/domain/decision-batch.ts';
import type { Language } from '../../../i18n/messages.ts';
import { amountText, readAmount, violationTexts } from './grant.ts';

/**
 * The batch decision of a competitive call as the ranking page holds it: one choice per application,
 * read into the API's BatchDecisionBody and judged by the shared batch rules (batchCandidateViolations,
 * from the ranking's figures), so each broken rule shows at its row before anything is sent.
 */

export type Choice = 'approved' | 'waitlisted' | 'rejected-funds' | 'rejected-merits';

export interface Row {
  choice: Choice;
  /** The amount as typed (approved: granted; waitlisted: granted when it moves up). */
  amount: string;
  reasons: string;
}

export interface RowErrors {
  amount?: string;
  reasons?: string;
}

/** Whether the ranking's batch has written this entry already (it is shown, not chosen again). */
export function isDecided(entry: RankingEntry): boolean {
  return entry.status !== 'ASSESSED';
}

/** What the line proposes for an open entry: approve above it, the waiting list below, reject a proposal of 0. */
export function defaultRow(entry: RankingEntry, language: Language): Row {
  const choice: Choice = entry.aboveLine
    ? 'approved'
    : entry.proposedGrantCents > 0
      ? 'waitlisted'
      : 'rejected-merits';
  return { choice, amount: amountText(entry.proposedGrantCents, language), reasons: '' };
}

/** What a decided entry says about itself, to send unchanged when an interrupted batch is continued. */
export function decidedDecision(entry: RankingEntry): BatchDecision {
  if (entry.status === 'WAITLISTED') {
    return {
      applicationId: entry.applicationId,
      outcome: 'waitlisted',
      grantedCents: entry.waitingList?.proposedGrantCents ?? entry.proposedGrantCents,
    };
  }
  if (entry.grantedCents !== undefined) {
    return { applicationId: entry.applicationId, outcome: 'approved', grantedCents: entry.grantedCents };
  }
  return { applicationId: entry.applicationId, outcome: 'rejected', reasonCode: 'lack-of-funds' };
}

export interface Batch {
  /** Every entry's decision, in ranking order (the waiting list takes this order). */
  decisions: BatchDecision[];
  /** Problems per application id (unreadable amounts and the shared rules). */
  errors: Map<string, RowErrors>;
  /** What the open rows approve together. */
  approvedCents: number;
  counts: Record<'approved' | 'waitlisted' | 'rejected', number>;
}

export function readBatch(
  ranking: RankingView,
  rows: ReadonlyMap<string, Row>,
  call: Pick<Call, 'rules'>,
  language: Language,
): Batch {
  const errors = new Map<string, RowErrors>();
  const candidates = new Map<string, BatchCandidate>();
  const decisions = ranking.entries.map((entry): BatchDecision => {
    candidates.set(entry.applicationId, {
      requestedGrantCents: entry.requestedGrantCents,
      totalCostsCents: entry.totalCostsCents,
      proposedGrantCents: entry.proposedGrantCents,
    });
    const row = rows.get(entry.applicationId);
    if (isDecided(entry) || !row) return decidedDecision(entry);
    const reasons = row.reasons.trim() ? { reasons: row.reasons } : {};
    if (row.choice === 'rejected-funds') {
      return {
        applicationId: entry.applicationId,
        outcome: 'rejected',
        reasonCode: 'lack-of-funds',
        ...reasons,
      };
    }
    if (row.choice === 'rejected-merits') {
      return { applicationId: entry.applicationId, outcome: 'rejected', reasons: row.reasons };
    }
    const read = readAmount(row.amount, language);
    if (read.error) errors.set(entry.applicationId, { amount: read.error });
    return {
      applicationId: entry.applicationId,
      outcome: row.choice,
      // An unreadable amount is reported above; 0 keeps the rules from adding a second finding.
      grantedCents: read.cents ?? entry.proposedGrantCents,
      ...reasons,
    };
  });
  const open = decisions.filter((_, index) => !isDecided(ranking.entries[index] as RankingEntry));
  const openCandidates = new Map(
    open.map((d) => [d.applicationId, candidates.get(d.applicationId) as BatchCandidate]),
  );
  for (const violation of batchCandidateViolations(open, openCandidates, call)) {
    const index = Number(violation.path.split('.')[1]);
    const applicationId = open[index]?.applicationId;
    if (!applicationId) continue;
    const found = violationTexts([violation], language);
    const before = errors.get(applicationId) ?? {};
    errors.set(applicationId, {
      amount: before.amount ?? found.amountError,
      reasons: before.reasons ?? found.reasonsError,
    });
  }
  const counts = { approved: 0, waitlisted: 0, rejected: 0 };
  let approvedCents = 0;
  for (const decision of open) {
    counts[decision.outcome] += 1;
    if (decision.outcome === 'approved') approvedCents += decision.grantedCents ?? 0;
  }
  return { decisions, errors, approvedCents, counts };
}
