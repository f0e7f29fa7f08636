import { beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationStatus } from '../../../shared/api/schemas/application.schema.ts';
import type { BatchDecision } from '../../../shared/api/schemas/competitive.schema.ts';
import type { Application, ApplicationEvent } from '../../../shared/domain/application.ts';
import type { Assessment } from '../../../shared/domain/assessment.ts';
import type { CallRecord } from '../../../shared/domain/call.ts';
import type { DecisionBatch } from '../../../shared/domain/decision-batch.ts';
import {
  BudgetExceededError,
  ConcurrentChangeError,
  ConflictError,
  ForbiddenError,
  IdempotencyKeyTakenError,
  RuleViolationError,
} from '../../../shared/domain/errors.ts';
import type { IdempotencyRecord } from '../../../shared/domain/idempotency.ts';
import type { Assignment } from '../../../shared/domain/review.ts';
import {
  type BudgetChange,
  BudgetConditionFailedError,
} from '../../../shared/ports/application-repository.ts';
import type { DecisionBatchStore } from '../../../shared/ports/decision-batch-store.ts';
import { decideBatch } from '../../../shared/use-cases/decisions/decide-batch.ts';
import { getRanking } from '../../../shared/use-cases/decisions/get-ranking.ts';
import { withdrawApplication } from '../../../shared/use-cases/withdraw-application.ts';
import { moveUpWaitingList } from '../../../shared/use-cases/withdrawal/move-up-waiting-list.ts';
import { StaleWorkError } from '../../../shared/workflows/workflow-input.ts';
import { aSubmittedApplication } from '../../support/applications.ts';
import { aCall } from '../../support/calls.ts';
import { InMemoryApplications } from '../../support/in-memory.ts';
import { InMemoryCallRecords } from '../../support/in-memory-calls.ts';

const REQUESTED = 1_440_200;
const NOW = new Date('2027-06-01T08:00:00.000Z');
const CALL_ID = 'wettbewerb-1';
const APPROVER = 'anna-approver';
const REVIEWER = 'rita-reviewer';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Applications whose save moves the call's committed sum as the DynamoDB adapter does (same conditions). */
class BudgetedApplications extends InMemoryApplications {
  readonly calls: InMemoryCallRecords;
  /** Lets a test make one write fail (a crash, a timeout) before anything is written. */
  failBefore: ((next: Application) => Error | undefined) | undefined;
  constructor(calls: InMemoryCallRecords) {
    super();
    this.calls = calls;
  }
  override async save(
    next: Application,
    event: ApplicationEvent,
    expectedVersion: number,
    options: { idempotency?: IdempotencyRecord; budget?: BudgetChange } = {},
  ) {
    const failure = this.failBefore?.(next);
    if (failure) throw failure;
    if (this.items.get(next.id)?.version !== expectedVersion) throw new ConcurrentChangeError();
    const call = options.budget ? this.calls.items.get(options.budget.callId) : undefined;
    const budget = options.budget;
    if (budget && call) {
      if ('releaseCents' in budget) {
        if (call.committedCents < budget.releaseCents) throw new ConcurrentChangeError();
      } else if (
        call.budgetCents !== budget.budgetCents ||
        call.committedCents + budget.reserveCents > call.budgetCents
      ) {
        throw new BudgetConditionFailedError();
      }
    }
    await super.save(next, event, expectedVersion, options);
    if (budget && call) {
      call.committedCents += 'releaseCents' in budget ? -budget.releaseCents : budget.reserveCents;
    }
  }
}

/** Call records that also answer the public reads (withdrawal reads the call for its answer). */
class Calls extends InMemoryCallRecords {
  async get(callId: string) {
    return this.find(callId);
  }
  async list() {
    return [...this.items.values()].map((call) => structuredClone(call));
  }
}

class InMemoryBatches implements DecisionBatchStore {
  readonly items = new Map<string, DecisionBatch>();
  readonly answers: Map<string, IdempotencyRecord>;
  constructor(answers: Map<string, IdempotencyRecord>) {
    this.answers = answers;
  }
  async get(callId: string) {
    return structuredClone(this.items.get(callId));
  }
  async start(batch: DecisionBatch) {
    if (this.items.has(batch.callId)) return false;
    this.items.set(batch.callId, structuredClone(batch));
    return true;
  }
  async finish(
    batch: Pick<DecisionBatch, 'callId' | 'batchId' | 'decisions'> & { finishedAt: string },
    idempotency?: IdempotencyRecord,
  ) {
    const stored = this.items.get(batch.callId);
    if (stored?.batchId !== batch.batchId) throw new ConcurrentChangeError();
    if (idempotency && this.answers.has(`${idempotency.scope}#${idempotency.key}`)) {
      throw new IdempotencyKeyTakenError();
    }
    Object.assign(stored, { status: 'done', finishedAt: batch.finishedAt, decisions: batch.decisions });
    if (idempotency)
      this.answers.set(`${idempotency.scope}#${idempotency.key}`, structuredClone(idempotency));
  }
}

function world(
  options: { budgetCents?: number; selectionMode?: 'rolling' | 'competitive'; closed?: boolean } = {},
) {
  const calls = new Calls();
  const call: CallRecord = {
    ...aCall({
      id: CALL_ID,
      selectionMode: options.selectionMode ?? 'competitive',
      budgetCents: options.budgetCents ?? 3_000_000,
      opensAt: '2027-01-01T00:00:00.000Z',
      closesAt: options.closed === false ? '2027-12-31T22:59:59.000Z' : '2027-04-30T21:59:59.000Z',
    }),
    version: 1,
    applicationCount: 0,
    committedCents: 0,
  };
  calls.items.set(CALL_ID, call);
  const applications = new BudgetedApplications(calls);
  const batches = new InMemoryBatches(applications.answers);
  const assignments: Assignment[] = [];
  const assessments: Assessment[] = [];
  let ids = 100;
  const deps = {
    applications,
    calls,
    batches,
    queue: {
      countByStatus: async (callId: string, statuses: readonly string[]) =>
        Object.fromEntries(
          statuses.map((status) => [
            status,
            [...applications.items.values()].filter((a) => a.callId === callId && a.status === status).length,
          ]),
        ) as never,
    },
    callApplications: {
      listByStatus: async (callId: string, statuses: readonly ApplicationStatus[]) =>
        [...applications.items.values()]
          .filter((a) => a.callId === callId && statuses.includes(a.status))
          .map((a) => structuredClone(a)),
    },
    organisations: { getMany: async () => [] },
    assignments: {
      listByApplication: async (applicationId: string) =>
        assignments.filter((a) => a.applicationId === applicationId),
    },
    assessments: {
      listByApplication: async (applicationId: string) =>
        assessments.filter((a) => a.applicationId === applicationId),
    },
    idempotency: applications.idempotency,
    memberships: { isMember: async () => true },
    clock: { now: () => NOW },
    newId: () => id(++ids),
    pause: async () => {},
  };
  const add = (n: number, overrides: Partial<Application> = {}) => {
    const application = aSubmittedApplication({
      id: id(n),
      callId: CALL_ID,
      reference: `IM-2027-C-${String(n).padStart(6, '0')}`,
      status: 'ASSESSED',
      version: 8,
      pendingWork: undefined,
      pendingSince: undefined,
      submittedAt: `2027-03-${String(10 + n).padStart(2, '0')}T09:00:00.000Z`,
      assessmentSummary: {
        totalScore: 3,
        maxScore: 5,
        recommendations: { content: 'fund', financial: 'fund' },
        eligibleCostsCents: 1_540_000,
        recommendedGrantCents: REQUESTED,
        completedAt: '2027-05-10T10:00:00.000Z',
      },
      ...overrides,
    });
    applications.items.set(application.id, application);
    return application;
  };
  return {
    deps,
    call: () => calls.items.get(CALL_ID) as CallRecord,
    applications,
    batches,
    assignments,
    assessments,
    add,
  };
}

const approve = (n: number, grantedCents = REQUESTED): BatchDecision => ({
  applicationId: id(n),
  outcome: 'approved',
  grantedCents,
});
const waitlist = (n: number): BatchDecision => ({
  applicationId: id(n),
  outcome: 'waitlisted',
  grantedCents: REQUESTED,
});
const lackOfFunds = (n: number): BatchDecision => ({
  applicationId: id(n),
  outcome: 'rejected',
  reasonCode: 'lack-of-funds',
});

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('ranking (use case)', () => {
  it('ranks the assessed applications and proposes the line for the remaining budget', async () => {
    const w = world({ budgetCents: 3_000_000 });
    for (const [n, score] of [
      [1, 3],
      [2, 5],
      [3, 4],
    ] as const) {
      const added = w.add(n);
      added.assessmentSummary = {
        ...(added.assessmentSummary as NonNullable<Application['assessmentSummary']>),
        totalScore: score,
      };
    }
    const ranking = await getRanking(w.deps, CALL_ID);
    expect(ranking.entries.map((e) => [e.applicationId, e.rank, e.aboveLine])).toEqual([
      [id(2), 1, true],
      [id(3), 2, true],
      [id(1), 3, false],
    ]);
    expect(ranking.line).toEqual({
      position: 2,
      proposedTotalCents: 2 * REQUESTED,
      remainingAfterLineCents: 3_000_000 - 2 * REQUESTED,
    });
    expect(ranking).toMatchObject({ budgetCents: 3_000_000, committedCents: 0, remainingCents: 3_000_000 });
  });

  it('is refused for a rolling call, before the deadline, and while anything is unassessed', async () => {
    const rolling = world({ selectionMode: 'rolling' });
    expect(await refusal(getRanking(rolling.deps, CALL_ID))).toMatchObject({
      extensions: { code: 'not-competitive' },
    });
    const open = world({ closed: false });
    expect(await refusal(getRanking(open.deps, CALL_ID))).toMatchObject({
      extensions: { code: 'call-still-open' },
    });
    const unassessed = world();
    unassessed.add(1);
    unassessed.add(2, { status: 'IN_REVIEW' });
    unassessed.add(3, { status: 'INCOMPLETE' });
    const error = await refusal(getRanking(unassessed.deps, CALL_ID));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      extensions: { code: 'not-all-assessed', open: { SUBMITTED: 0, INCOMPLETE: 1, IN_REVIEW: 1 } },
    });
  });
});

describe('batch decision (use case)', () => {
  let w: ReturnType<typeof world>;
  beforeEach(() => {
    w = world({ budgetCents: 3_000_000 });
    for (const n of [1, 2, 3, 4]) w.add(n);
  });
  const body = { decisions: [approve(1), approve(2), waitlist(3), lackOfFunds(4)] };

  it('decides every application, commits exactly the approvals and numbers the waiting list', async () => {
    const outcome = await decideBatch(w.deps, { sub: APPROVER }, { callId: CALL_ID, body });
    if (!('result' in outcome)) throw new Error('expected a result');
    expect(outcome.result.results.map((r) => [r.applicationId, r.status, r.applied])).toEqual([
      [id(1), 'APPROVED', 'decided'],
      [id(2), 'APPROVED', 'decided'],
      [id(3), 'WAITLISTED', 'decided'],
      [id(4), 'REJECTED', 'decided'],
    ]);
    expect(outcome.result).toMatchObject({
      committedCents: 2 * REQUESTED,
      remainingCents: 3_000_000 - 2 * REQUESTED,
    });
    expect(w.call().committedCents).toBe(2 * REQUESTED);
    const stored = (n: number) => w.applications.items.get(id(n)) as Application;
    const batchId = outcome.result.batchId;
    expect(stored(1).decision).toMatchObject({ outcome: 'approved', grantedCents: REQUESTED, batchId });
    expect(stored(3).waitingList).toMatchObject({
      rank: 1,
      batchId,
      proposedGrantCents: REQUESTED,
      placedBy: APPROVER,
    });
    expect(stored(4).decision).toMatchObject({ rejectionGround: 'lack-of-funds', batchId });
    expect([1, 2, 3, 4].map((n) => stored(n).pendingWork)).toEqual([
      'decision',
      'decision',
      'decision',
      'decision',
    ]);
    expect(w.batches.items.get(CALL_ID)).toMatchObject({ batchId, status: 'done', decidedBy: APPROVER });
  });

  it('refuses approvals over the remaining budget and writes nothing', async () => {
    const error = await refusal(
      decideBatch(
        w.deps,
        { sub: APPROVER },
        { callId: CALL_ID, body: { decisions: [approve(1), approve(2), approve(3), lackOfFunds(4)] } },
      ),
    );
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error).toMatchObject({ remainingCents: 3_000_000, requestedCents: 3 * REQUESTED });
    expect(w.call().committedCents).toBe(0);
    expect(w.batches.items.size).toBe(0);
    expect([...w.applications.items.values()].every((a) => a.status === 'ASSESSED')).toBe(true);
  });

  it('refuses a batch that leaves out or repeats an application (422 with paths)', async () => {
    const error = await refusal(
      decideBatch(
        w.deps,
        { sub: APPROVER },
        { callId: CALL_ID, body: { decisions: [approve(1), approve(1), waitlist(3)] } },
      ),
    );
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).violations.map((v) => [v.path, v.code])).toEqual([
      ['decisions.1.applicationId', 'duplicate-application'],
      ['decisions', 'application-missing'],
      ['decisions', 'application-missing'],
    ]);
    expect(w.batches.items.size).toBe(0);
  });

  it('refuses an approver who assessed one of the applications (four-eyes), before writing anything', async () => {
    w.assessments.push({ applicationId: id(3), reviewerSub: APPROVER } as Assessment);
    const error = await refusal(decideBatch(w.deps, { sub: APPROVER }, { callId: CALL_ID, body }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).detail?.de).toContain('IM-2027-C-000003');
    expect(w.batches.items.size).toBe(0);
    expect(w.call().committedCents).toBe(0);
  });

  it('refuses an approver who is assigned to one of them', async () => {
    w.assignments.push({ applicationId: id(1), reviewerSub: APPROVER } as Assignment);
    w.assignments.push({ applicationId: id(2), reviewerSub: REVIEWER } as Assignment);
    expect(await refusal(decideBatch(w.deps, { sub: APPROVER }, { callId: CALL_ID, body }))).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('continues an interrupted batch: what was written is skipped, the rest is written, nothing twice', async () => {
    let failed = false;
    w.applications.failBefore = (next) => {
      if (next.id === id(2) && !failed) {
        failed = true;
        return new Error('socket hang up');
      }
      return undefined;
    };
    await expect(decideBatch(w.deps, { sub: APPROVER }, { callId: CALL_ID, body })).rejects.toThrow(
      'socket hang up',
    );
    expect(w.batches.items.get(CALL_ID)?.status).toBe('running');
    expect(w.call().committedCents).toBe(REQUESTED);

    const outcome = await decideBatch(w.deps, { sub: APPROVER }, { callId: CALL_ID, body });
    if (!('result' in outcome)) throw new Error('expected a result');
    expect(outcome.result.results.map((r) => r.applied)).toEqual([
      'already-decided',
      'decided',
      'decided',
      'decided',
    ]);
    expect(w.call().committedCents).toBe(2 * REQUESTED);
    expect(w.applications.events.filter((e) => e.type === 'APPROVED')).toHaveLength(2);
    expect(w.batches.items.get(CALL_ID)?.status).toBe('done');
  });

  it('refuses to continue a batch with a different outcome for what is written already', async () => {
    w.applications.failBefore = (next) => (next.id === id(2) ? new Error('timeout') : undefined);
    await expect(decideBatch(w.deps, { sub: APPROVER }, { callId: CALL_ID, body })).rejects.toThrow(
      'timeout',
    );
    w.applications.failBefore = undefined;
    const changed = { decisions: [approve(1, 1_000_000), approve(2), waitlist(3), lackOfFunds(4)] };
    const error = await refusal(decideBatch(w.deps, { sub: APPROVER }, { callId: CALL_ID, body: changed }));
    expect(error).toMatchObject({
      extensions: { code: 'batch-differs', differing: [{ applicationId: id(1) }] },
    });
    // Nor may someone else take over the running batch.
    const other = await refusal(decideBatch(w.deps, { sub: 'bernd-approver' }, { callId: CALL_ID, body }));
    expect(other).toMatchObject({ extensions: { code: 'batch-running' } });
  });

  it('answers a retry with the same Idempotency-Key from the stored answer, and a plain repeat with 409', async () => {
    const request = {
      key: 'batch-key-0001',
      fingerprint: 'same-body',
      answer: (result: unknown) => ({ status: 200, body: result }),
    };
    const first = await decideBatch(w.deps, { sub: APPROVER }, { callId: CALL_ID, body }, request);
    const events = w.applications.events.length;
    const again = await decideBatch(w.deps, { sub: APPROVER }, { callId: CALL_ID, body }, request);
    expect('replay' in again && again.replay).toEqual({
      status: 200,
      body: 'result' in first ? first.result : undefined,
    });
    expect(w.applications.events).toHaveLength(events);
    expect(await refusal(decideBatch(w.deps, { sub: APPROVER }, { callId: CALL_ID, body }))).toMatchObject({
      extensions: { code: 'batch-decided' },
    });
  });
});

describe('renouncing an approval and moving up the waiting list', () => {
  const renounce = async (w: ReturnType<typeof world>, n: number) => {
    const outcome = await withdrawApplication(
      w.deps,
      { sub: 'amira' },
      { id: id(n), reason: 'Die Kommune fördert das Projekt.' },
    );
    if (!('result' in outcome)) throw new Error('expected a result');
    const withdrawn = outcome.result.application;
    return {
      applicationId: withdrawn.id,
      workflow: 'withdrawal' as const,
      pendingSince: withdrawn.pendingSince as string,
      status: withdrawn.status,
      version: withdrawn.version,
    };
  };

  /** Budget 3,000,000: two approvals of 1,440,200 (2,880,400 committed), a waiting list of three. */
  async function decided(proposals: [number, number, number]) {
    const w = world({ budgetCents: 3_000_000 });
    for (const n of [1, 2, 3, 4, 5]) w.add(n);
    const decisions: BatchDecision[] = [
      approve(1),
      approve(2),
      ...([3, 4, 5] as const).map((n, index) => ({
        applicationId: id(n),
        outcome: 'waitlisted' as const,
        grantedCents: proposals[index] as number,
        ...(proposals[index] === REQUESTED ? {} : { reasons: 'Gekürzt auf die zuwendungsfähigen Kosten.' }),
      })),
    ];
    await decideBatch(w.deps, { sub: APPROVER }, { callId: CALL_ID, body: { decisions } });
    return w;
  }

  it('releases the renounced grant in the withdrawal and approves the first waiting place that fits', async () => {
    const w = await decided([REQUESTED, REQUESTED, 100_000]);
    const input = await renounce(w, 1);
    expect(w.call().committedCents).toBe(REQUESTED);
    const moved = await moveUpWaitingList(w.deps, input);
    // 1,559,800 remained: place 1 (1,440,200) moves up, place 2 no longer fits, place 3 (100,000) does.
    expect(moved.movedUp).toEqual([id(3), id(5)]);
    expect(w.applications.items.get(id(3))).toMatchObject({
      status: 'APPROVED',
      pendingWork: 'decision',
      decision: { grantedCents: REQUESTED, decidedBy: APPROVER },
    });
    expect(w.applications.items.get(id(4))?.status).toBe('WAITLISTED');
    const approved = [...w.applications.items.values()].filter((a) => a.status === 'APPROVED');
    expect(w.call().committedCents).toBe(
      approved.reduce((sum, a) => sum + (a.decision?.grantedCents ?? 0), 0),
    );
    expect(w.call().committedCents).toBeLessThanOrEqual(w.call().budgetCents);
    expect(w.applications.events.filter((e) => e.type === 'MOVED_UP').map((e) => e.actor)).toEqual([
      'system',
      'system',
    ]);

    // A retry of the task moves nothing more.
    expect((await moveUpWaitingList(w.deps, input)).movedUp).toEqual([]);
    expect(w.applications.events.filter((e) => e.type === 'MOVED_UP')).toHaveLength(2);
  });

  it('moves nothing up for a withdrawal that released no budget', async () => {
    const w = await decided([REQUESTED, REQUESTED, REQUESTED]);
    const input = await renounce(w, 4); // withdrawn from the waiting list
    expect((await moveUpWaitingList(w.deps, input)).movedUp).toEqual([]);
    expect(w.call().committedCents).toBe(2 * REQUESTED);
  });

  it('treats a marking that is no longer current as stale work', async () => {
    const w = await decided([REQUESTED, REQUESTED, REQUESTED]);
    const input = await renounce(w, 1);
    await expect(
      moveUpWaitingList(w.deps, { ...input, pendingSince: '2027-01-01T00:00:00.000Z' }),
    ).rejects.toBeInstanceOf(StaleWorkError);
  });

  it('refuses to withdraw a notified rejection', async () => {
    const w = world();
    w.add(1, {
      status: 'NOTIFIED',
      decision: {
        outcome: 'rejected',
        financingType: 'fixed',
        conditions: [],
        reasons: 'Das Konzept erreicht die Zielgruppe nicht.',
        rejectionGround: 'merits',
        decidedBy: APPROVER,
        decidedAt: NOW.toISOString(),
      },
    });
    const error = await refusal(
      withdrawApplication(w.deps, { sub: 'amira' }, { id: id(1), reason: 'Egal.' }),
    );
    expect(error).toMatchObject({ extensions: { currentStatus: 'NOTIFIED' } });
    expect(w.applications.items.get(id(1))?.status).toBe('NOTIFIED');
  });
});
