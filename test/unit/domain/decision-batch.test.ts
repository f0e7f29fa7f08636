import { describe, expect, it } from 'vitest';
import type { BatchDecision } from '../../../shared/api/schemas/competitive.schema.ts';
import type { Application } from '../../../shared/domain/application.ts';
import type { WaitingListPlace } from '../../../shared/domain/decision.ts';
import {
  applyBatchDecision,
  batchApprovedSum,
  batchCandidateOf,
  batchCandidateViolations,
  batchCoverageViolations,
  batchDecisionViolations,
  LACK_OF_FUNDS_REASONS,
  moveUp,
  waitingListRanks,
  writeOrder,
} from '../../../shared/domain/decision-batch.ts';
import { aSubmittedApplication } from '../../support/applications.ts';
import { aCall } from '../../support/calls.ts';

const REQUESTED = 1_440_200;
const call = aCall({ selectionMode: 'competitive' });
const NOW = new Date('2027-06-01T08:00:00.000Z');

const assessed = (id: string, overrides: Partial<Application> = {}): Application =>
  aSubmittedApplication({
    id,
    status: 'ASSESSED',
    version: 9,
    assessmentSummary: {
      totalScore: 4,
      maxScore: 5,
      recommendations: { content: 'fund', financial: 'fund' },
      eligibleCostsCents: 1_540_000,
      recommendedGrantCents: 1_200_000,
      completedAt: '2027-05-01T10:00:00.000Z',
    },
    ...overrides,
  });

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const applications = new Map([A, B, C].map((id) => [id, assessed(id)]));

describe('batch coverage', () => {
  const expected = [
    { id: A, label: 'IM-1' },
    { id: B, label: 'IM-2' },
    { id: C, label: 'IM-3' },
  ];

  it('accepts every application exactly once, in any order', () => {
    const decisions = [C, A, B].map((applicationId) => ({ applicationId }));
    expect(batchCoverageViolations(decisions, expected)).toEqual([]);
  });

  it('names what is missing, unknown and duplicated', () => {
    const unknown = '00000000-0000-4000-8000-0000000000ff';
    const violations = batchCoverageViolations(
      [{ applicationId: A }, { applicationId: unknown }, { applicationId: A }],
      expected,
    );
    expect(violations.map((v) => [v.path, v.code])).toEqual([
      ['decisions.1.applicationId', 'not-in-batch'],
      ['decisions.2.applicationId', 'duplicate-application'],
      ['decisions', 'application-missing'],
      ['decisions', 'application-missing'],
    ]);
    expect(violations[2]?.message.de).toContain('IM-2');
    expect(violations[3]?.message.en).toContain('IM-3');
  });
});

describe('batch decision rules', () => {
  const check = (decisions: BatchDecision[]) =>
    batchDecisionViolations(decisions, applications, call).map((v) => [v.path, v.code]);

  it('accepts an approval of the amount requested, a lack-of-funds rejection and a waiting-list place', () => {
    expect(
      check([
        { applicationId: A, outcome: 'approved', grantedCents: REQUESTED },
        { applicationId: B, outcome: 'rejected', reasonCode: 'lack-of-funds' },
        { applicationId: C, outcome: 'waitlisted', grantedCents: REQUESTED },
      ]),
    ).toEqual([]);
  });

  it('needs an amount for an approval, within the request, with reasons when lower', () => {
    expect(
      check([
        { applicationId: A, outcome: 'approved' },
        { applicationId: B, outcome: 'approved', grantedCents: REQUESTED + 1 },
        { applicationId: C, outcome: 'approved', grantedCents: 1_000_000 },
      ]),
    ).toEqual([
      ['decisions.0.grantedCents', 'granted-required'],
      ['decisions.1.grantedCents', 'grant-above-request'],
      ['decisions.2.reasons', 'reasons-required'],
    ]);
  });

  it('proposes the recommended grant for a waiting-list place without an amount, which then needs reasons', () => {
    expect(check([{ applicationId: A, outcome: 'waitlisted' }])).toEqual([
      ['decisions.0.reasons', 'reasons-required'],
    ]);
    expect(
      check([
        { applicationId: A, outcome: 'waitlisted', reasons: 'Kürzung der Honorare auf das übliche Maß.' },
      ]),
    ).toEqual([]);
  });

  it('needs reasons for a rejection on the merits, and no amount, conditions or code elsewhere', () => {
    expect(
      check([
        { applicationId: A, outcome: 'rejected' },
        {
          applicationId: B,
          outcome: 'rejected',
          grantedCents: 5,
          conditions: ['Bedingung eins'],
          reasons: 'Das Konzept erreicht die Zielgruppe nicht.',
        },
        { applicationId: C, outcome: 'approved', grantedCents: REQUESTED, reasonCode: 'lack-of-funds' },
      ]),
    ).toEqual([
      ['decisions.0.reasons', 'reasons-required'],
      ['decisions.1.grantedCents', 'no-amount-for-rejection'],
      ['decisions.1.conditions', 'no-conditions-for-rejection'],
      ['decisions.2.reasonCode', 'reason-code-only-for-rejection'],
    ]);
  });

  it('sums only the approvals', () => {
    expect(
      batchApprovedSum([
        { applicationId: A, outcome: 'approved', grantedCents: 700 },
        { applicationId: B, outcome: 'waitlisted', grantedCents: 900 },
        { applicationId: C, outcome: 'approved', grantedCents: 300 },
      ]),
    ).toBe(1000);
  });
});

describe('batch decision rules on the figures alone (the ranking in the back office)', () => {
  it("finds what batchDecisionViolations finds, from each application's grant basis and proposal", () => {
    const candidates = new Map([...applications].map(([id, a]) => [id, batchCandidateOf(a, call)]));
    expect(candidates.get(A)).toEqual({
      requestedGrantCents: REQUESTED,
      totalCostsCents: 1_520_200,
      proposedGrantCents: 1_200_000,
    });
    const decisions: BatchDecision[] = [
      { applicationId: A, outcome: 'approved', grantedCents: REQUESTED + 1 },
      { applicationId: B, outcome: 'waitlisted' },
      { applicationId: C, outcome: 'rejected', reasons: 'zu kurz' },
    ];
    const found = batchCandidateViolations(decisions, candidates, call);
    expect(found.map((v) => [v.path, v.code])).toEqual([
      ['decisions.0.grantedCents', 'grant-above-request'],
      ['decisions.1.reasons', 'reasons-required'],
      ['decisions.2.reasons', 'reasons-required'],
    ]);
    expect(found).toEqual(batchDecisionViolations(decisions, applications, call));
  });
});

describe('writing a batch', () => {
  const decisions: BatchDecision[] = [
    { applicationId: A, outcome: 'rejected', reasonCode: 'lack-of-funds' },
    { applicationId: B, outcome: 'waitlisted', grantedCents: REQUESTED },
    { applicationId: C, outcome: 'approved', grantedCents: REQUESTED },
    { applicationId: '00000000-0000-4000-8000-00000000000d', outcome: 'waitlisted' },
  ];

  it('writes approvals first, then the waiting list, then rejections, each in the order given', () => {
    expect(writeOrder(decisions).map((d) => d.applicationId.slice(-1))).toEqual(['c', 'b', 'd', 'a']);
  });

  it('numbers the waiting list in the order given', () => {
    expect([...waitingListRanks(decisions)].map(([id, rank]) => [id.slice(-1), rank])).toEqual([
      ['b', 1],
      ['d', 2],
    ]);
  });

  const context = { batchId: 'batch-1', approverSub: 'anna', now: NOW, call };

  it('approves with the decision of the batch and the decision workflow pending', () => {
    const { next, event } = applyBatchDecision(
      assessed(A),
      {
        applicationId: A,
        outcome: 'approved',
        grantedCents: REQUESTED,
        conditions: ['Zwischenbericht zum 30.06.'],
      },
      context,
    );
    expect(next).toMatchObject({
      status: 'APPROVED',
      version: 10,
      pendingWork: 'decision',
      pendingSince: NOW.toISOString(),
      decision: {
        outcome: 'approved',
        grantedCents: REQUESTED,
        financingType: call.financingType,
        conditions: ['Zwischenbericht zum 30.06.'],
        decidedBy: 'anna',
        batchId: 'batch-1',
      },
    });
    expect(event).toMatchObject({
      type: 'APPROVED',
      from: 'ASSESSED',
      to: 'APPROVED',
      version: 10,
      actor: 'anna',
    });
  });

  it('rejects for lack of funds with the standard reasons, or on the merits with the given ones', () => {
    const lack = applyBatchDecision(
      assessed(A),
      { applicationId: A, outcome: 'rejected', reasonCode: 'lack-of-funds' },
      context,
    );
    expect(lack.next.decision).toMatchObject({
      outcome: 'rejected',
      rejectionGround: 'lack-of-funds',
      reasons: LACK_OF_FUNDS_REASONS,
    });
    expect(lack.next.decision?.grantedCents).toBeUndefined();
    expect(lack.event.type).toBe('REJECTED');
    const merits = applyBatchDecision(
      assessed(A),
      { applicationId: A, outcome: 'rejected', reasons: 'Das Konzept erreicht die Zielgruppe nicht.' },
      context,
    );
    expect(merits.next.decision).toMatchObject({
      rejectionGround: 'merits',
      reasons: 'Das Konzept erreicht die Zielgruppe nicht.',
    });
  });

  it('puts a waiting-list place with its rank and proposal, not a decision', () => {
    const { next, event } = applyBatchDecision(
      assessed(B),
      { applicationId: B, outcome: 'waitlisted', reasons: 'Gekürzt auf die empfohlene Summe.' },
      { ...context, waitingListRank: 2 },
    );
    expect(next.status).toBe('WAITLISTED');
    expect(next.decision).toBeUndefined();
    expect(next.waitingList).toEqual({
      batchId: 'batch-1',
      rank: 2,
      proposedGrantCents: 1_200_000,
      conditions: [],
      reasons: 'Gekürzt auf die empfohlene Summe.',
      placedBy: 'anna',
      placedAt: NOW.toISOString(),
    });
    expect(next.pendingWork).toBe('decision');
    expect(event.type).toBe('WAITLISTED');
  });

  it('refuses an application that is not assessed', () => {
    expect(() =>
      applyBatchDecision(
        assessed(A, { status: 'IN_REVIEW' }),
        { applicationId: A, outcome: 'approved', grantedCents: 1 },
        context,
      ),
    ).toThrow(/not allowed/);
  });
});

describe('moving up from the waiting list', () => {
  const place: WaitingListPlace = {
    batchId: 'batch-1',
    rank: 1,
    proposedGrantCents: 900_000,
    conditions: ['Kooperationsvertrag vorlegen'],
    reasons: 'Kürzung auf die empfohlene Summe.',
    placedBy: 'anna',
    placedAt: '2027-05-20T09:00:00.000Z',
  };

  it('approves as the batch prepared it, by the system, with MOVED_UP', () => {
    const waiting = assessed(A, { status: 'WAITLISTED', waitingList: place });
    const { next, event } = moveUp({ ...waiting, waitingList: place }, call, NOW);
    expect(next).toMatchObject({
      status: 'APPROVED',
      pendingWork: 'decision',
      updatedBy: 'system',
      decision: {
        outcome: 'approved',
        grantedCents: 900_000,
        conditions: ['Kooperationsvertrag vorlegen'],
        reasons: 'Kürzung auf die empfohlene Summe.',
        decidedBy: 'anna',
        decidedAt: NOW.toISOString(),
        batchId: 'batch-1',
      },
      waitingList: place,
    });
    expect(event).toMatchObject({ type: 'MOVED_UP', actor: 'system', from: 'WAITLISTED', to: 'APPROVED' });
  });

  it('moves up nothing that is no longer waiting', () => {
    const approved = assessed(A, { status: 'APPROVED', waitingList: place });
    expect(() => moveUp({ ...approved, waitingList: place }, call, NOW)).toThrow(/cannot move up/);
  });
});
