import type {
  BatchDecision,
  BatchDecisionBody,
  BatchDecisionResult,
} from '../../api/schemas/competitive.schema.ts';
import type { Application } from '../../domain/application.ts';
import type { CallRecord } from '../../domain/call.ts';
import type { Clock } from '../../domain/clock.ts';
import { breaksFourEyes } from '../../domain/decision.ts';
import {
  appliedOutcome,
  applyBatchDecision,
  batchAmount,
  batchApprovedSum,
  batchCoverageViolations,
  batchDecisionViolations,
  type DecisionBatch,
  decidedByBatch,
  waitingListRanks,
  writeOrder,
} from '../../domain/decision-batch.ts';
import {
  BudgetExceededError,
  ConcurrentChangeError,
  ConflictError,
  ForbiddenError,
  RuleViolationError,
} from '../../domain/errors.ts';
import type { IdempotencyReader } from '../../domain/idempotency.ts';
import {
  type ApplicationRepository,
  BudgetConditionFailedError,
} from '../../ports/application-repository.ts';
import type { AssessmentRepository } from '../../ports/assessment-repository.ts';
import type { CallApplicationsReader } from '../../ports/call-applications.ts';
import type { DecisionBatchStore } from '../../ports/decision-batch-store.ts';
import type { AssignmentRepository } from '../../ports/review-repository.ts';
import { type IdempotentRequest, idempotencyRecord, oncePerKey } from '../idempotent-request.ts';
import { type CompetitiveCallDeps, competitiveCallReady, RANKED_STATUSES } from './competitive-call.ts';
import { involvedReviewers } from './decide-within-budget.ts';

export interface DecideBatchDeps extends CompetitiveCallDeps {
  applications: ApplicationRepository;
  callApplications: CallApplicationsReader;
  batches: DecisionBatchStore;
  assignments: Pick<AssignmentRepository, 'listByApplication'>;
  assessments: Pick<AssessmentRepository, 'listByApplication'>;
  idempotency: IdempotencyReader;
  clock: Clock;
  newId: () => string;
  /** Waits before another attempt after a write conflict (injectable so unit tests need not sleep). */
  pause?: (attempt: number) => Promise<void>;
}

const MAX_ATTEMPTS = 20;
const jitter = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * (attempt + 1))));

/** At most this many reads at once (a call may hold a hundred applications and more). */
const READ_CONCURRENCY = 10;

async function mapLimited<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, items.length) }, worker));
  return results;
}

type Result = BatchDecisionResult['results'][number];

/**
 * Approvers decide a competitive call's assessed applications in one batch: above the funding line
 * approved, below it rejected (for lack of funds, or on the merits) or put on the waiting list.
 * Primary course:
 * 1. A retry with the caller's Idempotency-Key gets the stored answer and changes nothing.
 * 2. The call is competitive, past its deadline, and every application is assessed (else 409).
 * 3. The call has no finished batch (else 409), and no running batch of another approver (else 409).
 * 4. The request names every application of the batch exactly once — every ASSESSED application, and
 *    when continuing an interrupted batch, also those it decided already — and nothing else (422 naming
 *    what is missing, unknown or twice). Entries already applied must say what was applied (else 409).
 * 5. Each decision fits the rules (422 with paths into the request; see batchDecisionViolations).
 * 6. Four-eyes: the approver assessed none of them and is assigned to none (else 403).
 * 7. The approvals still to write fit the call's remaining budget together (else 409 with
 *    remainingCents, and nothing is written).
 * 8. The batch record is stored (one per call, conditional), then each application is written in its
 *    own transaction (approvals first, then the waiting list, then rejections; see writeOrder): its
 *    next state, its event with the batch id, and for an approval the grant added to the call's
 *    committed sum on the condition that it stays within the budget. The decision workflow follows each.
 * 9. The batch is marked done, in one transaction with the stored answer.
 * A repeated request after an interruption (a timeout, a crash) finds the batch running, skips the
 * applications that already carry its id, and writes the rest. If the budget shrank meanwhile (an admin
 * edit), an approval that no longer fits stops the batch with 409 and the batch stays running: it can
 * be continued once the budget allows, with the same decisions for the applications already written.
 */
export async function decideBatch(
  deps: DecideBatchDeps,
  actor: { sub: string },
  input: { callId: string; body: BatchDecisionBody },
  request?: IdempotentRequest<BatchDecisionResult>,
) {
  const pause = deps.pause ?? jitter;
  return oncePerKey(deps.idempotency, actor.sub, request, async () => {
    const { callId, body } = input;
    const now = deps.clock.now();
    const call = await competitiveCallReady(deps, callId, now);
    const existing = await deps.batches.get(callId);
    refuseOtherBatch(existing, actor.sub);

    // The batch's applications, read consistently (gsi2 only names the candidates).
    const listed = await deps.callApplications.listByStatus(
      callId,
      existing ? [...RANKED_STATUSES, 'WITHDRAWN'] : ['ASSESSED'],
    );
    const current = await mapLimited(listed, (application) => deps.applications.get(application.id));
    const batch = current.filter(
      (application): application is Application =>
        application !== undefined &&
        (application.status === 'ASSESSED' ||
          (existing !== undefined && decidedByBatch(application, existing.batchId))),
    );
    if (batch.length === 0) {
      throw new ConflictError(
        {
          de: 'In diesem Aufruf gibt es keine begutachteten Anträge, über die zu entscheiden wäre.',
          en: 'This call has no assessed applications to decide.',
        },
        { code: 'nothing-to-decide' },
      );
    }
    const byId = new Map(batch.map((application) => [application.id, application]));
    const coverage = batchCoverageViolations(
      body.decisions,
      batch.map((application) => ({
        id: application.id,
        label: application.reference ?? `„${application.title}“`,
      })),
    );
    if (coverage.length > 0) throw new RuleViolationError(coverage);

    const applied = (decision: BatchDecision) => {
      const application = byId.get(decision.applicationId) as Application;
      return existing !== undefined && decidedByBatch(application, existing.batchId);
    };
    if (existing) refuseChangedDecisions(body.decisions.filter(applied), byId);
    const toWrite = body.decisions.filter((decision) => !applied(decision));

    // Paths point into the request (decisions.<i>.…); what is written already is not checked again.
    const violations = batchDecisionViolations(body.decisions, byId, call).filter((found) => {
      const decision = body.decisions[Number(found.path.split('.')[1])];
      return decision === undefined || !applied(decision);
    });
    if (violations.length > 0) throw new RuleViolationError(violations);

    await refuseInvolvedApprover(
      deps,
      actor.sub,
      toWrite.map((decision) => byId.get(decision.applicationId) as Application),
    );

    const approvedSum = batchApprovedSum(toWrite);
    const remaining = call.budgetCents - call.committedCents;
    if (approvedSum > remaining) throw new BudgetExceededError(Math.max(0, remaining), approvedSum);

    const batchRecord = existing ?? (await startBatch(deps, call, actor.sub, body.decisions, now));
    const ranks = waitingListRanks(body.decisions);
    const outcomes = new Map<string, Result>();
    let budget = { budgetCents: call.budgetCents };
    for (const decision of writeOrder(toWrite)) {
      const application = byId.get(decision.applicationId) as Application;
      const outcome = await writeOne(deps, pause, {
        application,
        decision,
        batchId: batchRecord.batchId,
        approverSub: actor.sub,
        call,
        budget,
        waitingListRank: ranks.get(decision.applicationId),
      });
      budget = outcome.budget;
      outcomes.set(decision.applicationId, outcome.result);
    }

    const after = (await deps.calls.find(callId)) ?? call;
    const result: BatchDecisionResult = {
      batchId: batchRecord.batchId,
      callId,
      results: body.decisions.map(
        (decision) =>
          outcomes.get(decision.applicationId) ??
          resultOf(byId.get(decision.applicationId) as Application, decision, 'already-decided'),
      ),
      budgetCents: after.budgetCents,
      committedCents: after.committedCents,
      remainingCents: after.budgetCents - after.committedCents,
    };
    const finishedAt = deps.clock.now();
    await deps.batches.finish(
      {
        callId,
        batchId: batchRecord.batchId,
        decisions: compact(body.decisions, byId),
        finishedAt: finishedAt.toISOString(),
      },
      request ? idempotencyRecord(request, actor.sub, result, finishedAt) : undefined,
    );
    return result;
  });
}

/** A finished batch, or another approver's running one, leaves nothing for this request to do. */
function refuseOtherBatch(existing: DecisionBatch | undefined, approverSub: string): void {
  if (existing?.status === 'done') {
    throw new ConflictError(
      {
        de: 'Über diesen Aufruf ist bereits gemeinsam entschieden worden.',
        en: 'This call has already been decided in its batch.',
      },
      { code: 'batch-decided', batchId: existing.batchId },
    );
  }
  if (existing && existing.decidedBy !== approverSub) {
    throw new ConflictError(
      {
        de: 'Eine andere Person entscheidet gerade über diesen Aufruf. Es gibt nur eine gemeinsame Entscheidung je Aufruf.',
        en: 'Someone else is deciding this call right now. There is one batch decision per call.',
      },
      { code: 'batch-running', batchId: existing.batchId },
    );
  }
}

/** Continuing a batch: what it already wrote stands, so the request must say the same about it. */
function refuseChangedDecisions(
  decisions: readonly BatchDecision[],
  byId: ReadonlyMap<string, Application>,
): void {
  const differing = decisions.flatMap((decision) => {
    const application = byId.get(decision.applicationId) as Application;
    const was = appliedOutcome(application);
    const amount = batchAmount(decision, application);
    const same =
      was?.outcome === decision.outcome && (decision.outcome === 'rejected' || was.grantedCents === amount);
    return same ? [] : [{ applicationId: application.id, applied: was }];
  });
  if (differing.length > 0) {
    throw new ConflictError(
      {
        de: 'Diese Entscheidungen des begonnenen Durchgangs sind schon geschrieben und können nicht mehr geändert werden.',
        en: 'These decisions of the batch already begun are written and can no longer be changed.',
      },
      { code: 'batch-differs', differing },
    );
  }
}

/** Four-eyes over the whole batch: one Query each for assignments and assessments per application. */
async function refuseInvolvedApprover(
  deps: Pick<DecideBatchDeps, 'assignments' | 'assessments'>,
  approverSub: string,
  applications: readonly Application[],
): Promise<void> {
  const involvedIn = await mapLimited(applications, async (application) => {
    const involved = await involvedReviewers(deps, application.id);
    return breaksFourEyes(approverSub, involved) ? [application.reference ?? application.id] : [];
  });
  const mine = involvedIn.flat();
  if (mine.length > 0) {
    throw new ForbiddenError('four-eyes: the approver assessed or is assigned to applications of the batch', {
      de: `Vier-Augen-Prinzip: Sie haben Anträge dieses Aufrufs begutachtet oder sollen sie begutachten (${mine.join(', ')}). Über den Aufruf entscheidet eine andere Person.`,
      en: `Four-eyes principle: you assessed or are assigned to assess applications of this call (${mine.join(', ')}). Someone else decides the call.`,
    });
  }
}

async function startBatch(
  deps: Pick<DecideBatchDeps, 'batches' | 'newId'>,
  call: CallRecord,
  approverSub: string,
  decisions: readonly BatchDecision[],
  now: Date,
): Promise<DecisionBatch> {
  const batch: DecisionBatch = {
    callId: call.id,
    batchId: deps.newId(),
    decidedBy: approverSub,
    startedAt: now.toISOString(),
    status: 'running',
    decisions: decisions.map(({ applicationId, outcome, grantedCents }) => ({
      applicationId,
      outcome,
      ...(grantedCents !== undefined ? { grantedCents } : {}),
    })),
  };
  if (await deps.batches.start(batch)) return batch;
  // Another request started the call's batch between our read and our write.
  throw new ConflictError(
    {
      de: 'Über diesen Aufruf wird gerade gleichzeitig entschieden. Bitte laden Sie die Rangliste neu.',
      en: 'This call is being decided at the same moment. Please reload the ranking.',
    },
    { code: 'batch-running' },
  );
}

function compact(
  decisions: readonly BatchDecision[],
  byId: ReadonlyMap<string, Application>,
): DecisionBatch['decisions'] {
  return decisions.map((decision) => {
    const amount = batchAmount(decision, byId.get(decision.applicationId) as Application);
    return {
      applicationId: decision.applicationId,
      outcome: decision.outcome,
      ...(amount !== undefined ? { grantedCents: amount } : {}),
    };
  });
}

function resultOf(application: Application, decision: BatchDecision, applied: Result['applied']): Result {
  const granted =
    decision.outcome === 'approved'
      ? application.decision?.grantedCents
      : decision.outcome === 'waitlisted'
        ? application.waitingList?.proposedGrantCents
        : undefined;
  return {
    applicationId: application.id,
    outcome: decision.outcome,
    status: application.status,
    ...(granted !== undefined ? { grantedCents: granted } : {}),
    ...(decision.outcome === 'waitlisted' && application.waitingList
      ? { waitingListRank: application.waitingList.rank }
      : {}),
    applied,
  };
}

/**
 * Writes one decision of the batch in its own transaction, with the budget reservation for an
 * approval. A write conflict (someone touched the application or the call's counter at the same
 * moment) is read again and retried; a budget changed by an admin is retried with the new budget if the
 * grant still fits, else the batch stops with 409 (BudgetExceededError).
 */
async function writeOne(
  deps: Pick<DecideBatchDeps, 'applications' | 'calls' | 'clock'>,
  pause: (attempt: number) => Promise<void>,
  input: {
    application: Application;
    decision: BatchDecision;
    batchId: string;
    approverSub: string;
    call: CallRecord;
    budget: { budgetCents: number };
    waitingListRank: number | undefined;
  },
): Promise<{ result: Result; budget: { budgetCents: number } }> {
  let application = input.application;
  let budget = input.budget;
  for (let attempt = 0; ; attempt++) {
    if (decidedByBatch(application, input.batchId)) {
      return { result: resultOf(application, input.decision, 'already-decided'), budget };
    }
    if (application.status === 'WITHDRAWN') {
      return {
        result: {
          applicationId: application.id,
          outcome: input.decision.outcome,
          status: 'WITHDRAWN',
          applied: 'withdrawn',
        },
        budget,
      };
    }
    if (application.status !== 'ASSESSED') throw new ConcurrentChangeError();
    const { next, event } = applyBatchDecision(application, input.decision, {
      batchId: input.batchId,
      approverSub: input.approverSub,
      now: deps.clock.now(),
      call: input.call,
      waitingListRank: input.waitingListRank,
    });
    const grant = input.decision.outcome === 'approved' ? next.decision?.grantedCents : undefined;
    try {
      await deps.applications.save(
        next,
        event,
        application.version,
        grant !== undefined
          ? { budget: { callId: input.call.id, reserveCents: grant, budgetCents: budget.budgetCents } }
          : {},
      );
      return { result: resultOf(next, input.decision, 'decided'), budget };
    } catch (error) {
      if (attempt + 1 >= MAX_ATTEMPTS) throw error;
      if (error instanceof BudgetConditionFailedError && grant !== undefined) {
        const call = await deps.calls.find(input.call.id);
        const remaining = call ? call.budgetCents - call.committedCents : 0;
        if (!call || remaining < grant) throw new BudgetExceededError(Math.max(0, remaining), grant);
        budget = { budgetCents: call.budgetCents };
      } else if (!(error instanceof ConcurrentChangeError)) {
        throw error;
      } else {
        await pause(attempt);
      }
      application = (await deps.applications.get(application.id)) ?? application;
    }
  }
}
