import type { RankingView } from '../../api/schemas/competitive.schema.ts';
import type { Application } from '../../domain/application.ts';
import type { Clock } from '../../domain/clock.ts';
import { grantBasisOf } from '../../domain/decision.ts';
import { type RankingCandidate, rankWithFundingLine } from '../../domain/ranking.ts';
import type { CallApplicationsReader } from '../../ports/call-applications.ts';
import type { DecisionBatchStore } from '../../ports/decision-batch-store.ts';
import type { OrganisationRepository } from '../../ports/organisation-repository.ts';
import { type CompetitiveCallDeps, competitiveCallReady, RANKED_STATUSES } from './competitive-call.ts';

export interface RankingDeps extends CompetitiveCallDeps {
  callApplications: CallApplicationsReader;
  organisations: Pick<OrganisationRepository, 'getMany'>;
  batches: Pick<DecisionBatchStore, 'get'>;
  clock: Clock;
}

type Candidate = RankingCandidate & { application: Application };

/** open: still to decide; approved: holds a grant (in committedCents); anything else decided: not funded. */
function standingOf(application: Application): RankingCandidate['standing'] {
  if (application.status === 'ASSESSED' || application.status === 'WAITLISTED') return 'open';
  return application.decision?.outcome === 'approved' ? 'approved' : 'not-funded';
}

/**
 * A competitive call's ranking with the proposed funding line (shared/domain/ranking.ts has the order
 * and the line).
 * Primary course:
 * 1. The call is competitive, past its deadline, and every application in it is assessed (else 409
 *    with the reason and what is still open; see competitiveCallReady).
 * 2. Its assessed applications — and, after the batch, what became of them — from gsi2, one Query per
 *    status; the organisations' names in one BatchGet.
 * 3. Ranked by score; the line walks down it while the proposed grants fit the remaining budget
 *    (budgetCents − committedCents of the call item).
 */
export async function getRanking(deps: RankingDeps, callId: string): Promise<RankingView> {
  const call = await competitiveCallReady(deps, callId, deps.clock.now());
  const [applications, batch] = await Promise.all([
    deps.callApplications.listByStatus(callId, RANKED_STATUSES),
    deps.batches.get(callId),
  ]);
  const candidates: Candidate[] = applications
    .filter((application) => application.assessmentSummary !== undefined)
    .map((application) => {
      const summary = application.assessmentSummary as NonNullable<Application['assessmentSummary']>;
      return {
        application,
        applicationId: application.id,
        totalScore: summary.totalScore,
        maxScore: summary.maxScore,
        submittedAt: application.submittedAt ?? application.createdAt,
        requestedGrantCents: application.financePlan?.requestedGrantCents ?? 0,
        recommendedGrantCents: summary.recommendedGrantCents,
        standing: standingOf(application),
      };
    });
  const remainingCents = Math.max(0, call.budgetCents - call.committedCents);
  const line = rankWithFundingLine(candidates, remainingCents);
  const organisations = await deps.organisations.getMany([...new Set(applications.map((a) => a.orgId))]);
  const names = new Map(organisations.map((organisation) => [organisation.id, organisation.legalName]));

  return {
    callId,
    budgetCents: call.budgetCents,
    committedCents: call.committedCents,
    remainingCents,
    entries: line.entries.map((entry) => {
      const { application } = entry;
      const organisationName = names.get(application.orgId);
      const granted =
        application.decision?.outcome === 'approved' ? application.decision.grantedCents : undefined;
      return {
        rank: entry.rank,
        applicationId: application.id,
        ...(application.reference ? { reference: application.reference } : {}),
        ...(organisationName ? { organisationName } : {}),
        title: application.title,
        status: application.status,
        ...(application.submittedAt ? { submittedAt: application.submittedAt } : {}),
        totalScore: entry.totalScore,
        maxScore: entry.maxScore,
        requestedGrantCents: entry.requestedGrantCents,
        recommendedGrantCents: entry.recommendedGrantCents,
        proposedGrantCents: entry.proposedGrantCents,
        aboveLine: entry.aboveLine,
        ...(granted !== undefined ? { grantedCents: granted } : {}),
        ...(application.status === 'WAITLISTED' && application.waitingList
          ? { waitingListRank: application.waitingList.rank }
          : {}),
        totalCostsCents: grantBasisOf(application, call).totalCostsCents,
        ...(application.waitingList
          ? {
              waitingList: {
                rank: application.waitingList.rank,
                proposedGrantCents: application.waitingList.proposedGrantCents,
                movedUp: application.status !== 'WAITLISTED' && application.decision?.outcome === 'approved',
              },
            }
          : {}),
      };
    }),
    line: {
      position: line.linePosition,
      proposedTotalCents: line.proposedTotalCents,
      remainingAfterLineCents: line.remainingAfterLineCents,
    },
    ...(batch
      ? {
          batch: {
            batchId: batch.batchId,
            status: batch.status,
            decidedBy: batch.decidedBy,
            startedAt: batch.startedAt,
          },
        }
      : {}),
  };
}
