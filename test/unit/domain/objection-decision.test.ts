import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/domain/application.ts';
import type { Decision } from '../../../shared/domain/decision.ts';
import {
  committedGrantOf,
  decideObjection,
  type ObjectionDecided,
  type ObjectionDecisionRefusal,
} from '../../../shared/domain/objection-decision.ts';
import { applicantTimeline } from '../../../shared/domain/timeline.ts';
import { aSubmittedApplication } from '../../support/applications.ts';
import { aCall } from '../../support/calls.ts';

const REQUESTED = 1_440_200;
const NOW = new Date('2027-05-20T09:00:00.000Z');
const call = aCall({ id: 'call-1', financingType: 'partial' });

const approval: Decision = {
  outcome: 'approved',
  grantedCents: 1_200_000,
  financingType: 'fixed',
  conditions: ['Ein Zwischenbericht ist bis zum 30.09.2027 vorzulegen.'],
  reasons: 'Verpflegung ist nicht zuwendungsfähig.',
  decidedBy: 'anna-approver',
  decidedAt: '2027-04-02T08:00:00.000Z',
  batchId: 'batch-1',
};
const rejection: Decision = {
  outcome: 'rejected',
  financingType: 'fixed',
  conditions: [],
  reasons: 'Das Konzept erreicht die Zielgruppe nicht erkennbar.',
  rejectionGround: 'merits',
  decidedBy: 'anna-approver',
  decidedAt: '2027-04-02T08:00:00.000Z',
};
const objection = { at: '2027-04-20T10:00:00.000Z', by: 'amira', reason: 'Die Kürzung ist nicht begründet.' };

const appealed = (decision: Decision, overrides: Partial<Application> = {}): Application =>
  aSubmittedApplication({
    status: 'APPEALED',
    version: 12,
    decision,
    objection,
    pendingWork: undefined,
    pendingSince: undefined,
    ...overrides,
  });

const decided = (result: ObjectionDecided | ObjectionDecisionRefusal): ObjectionDecided => {
  if ('refused' in result) throw new Error(`refused: ${result.refused}`);
  return result;
};

describe('ending an objection', () => {
  it('remedies an approval with a lower grant: FINAL, the new decision, the old one kept, the difference released', () => {
    const result = decided(
      decideObjection(
        appealed(approval),
        call,
        {
          outcome: 'remedied',
          grantedCents: 1_000_000,
          reasons: 'Die Honorare sind nur zum Teil förderfähig.',
        },
        'bernd-approver',
        NOW,
      ),
    );
    expect(result.grantChangeCents).toBe(-200_000);
    expect(result.next).toMatchObject({
      status: 'FINAL',
      version: 13,
      updatedBy: 'bernd-approver',
      pendingWork: 'objection',
      pendingSince: NOW.toISOString(),
      decision: {
        outcome: 'approved',
        grantedCents: 1_000_000,
        // The type the Bescheid stated, not the call's current one; the conditions stay.
        financingType: 'fixed',
        conditions: approval.conditions,
        reasons: 'Die Honorare sind nur zum Teil förderfähig.',
        decidedBy: 'bernd-approver',
        decidedAt: NOW.toISOString(),
      },
      objection: {
        ...objection,
        outcome: 'remedied',
        decidedAt: NOW.toISOString(),
        decidedBy: 'bernd-approver',
        reasons: 'Die Honorare sind nur zum Teil förderfähig.',
        previousGrantedCents: 1_200_000,
        previousDecision: approval,
      },
    });
    expect(result.next.decision?.batchId).toBeUndefined();
    expect(result.event).toEqual({
      applicationId: result.next.id,
      version: 13,
      at: NOW.toISOString(),
      actor: 'bernd-approver',
      type: 'OBJECTION_DECIDED',
      from: 'APPEALED',
      to: 'FINAL',
      reason: 'remedied: granted 1000000 cents (before: 1200000 cents)',
    });
  });

  it('remedies a rejection with an approval: the whole grant is to be reserved, conditions as given', () => {
    const result = decided(
      decideObjection(
        appealed(rejection),
        call,
        {
          outcome: 'remedied',
          grantedCents: REQUESTED,
          conditions: ['Der Träger weist die Kooperation bis Projektbeginn nach.'],
          reasons: 'Die Zielgruppe ist im Konzept doch hinreichend beschrieben.',
        },
        'bernd-approver',
        NOW,
      ),
    );
    expect(result.grantChangeCents).toBe(REQUESTED);
    expect(result.next.decision).toMatchObject({
      outcome: 'approved',
      grantedCents: REQUESTED,
      conditions: ['Der Träger weist die Kooperation bis Projektbeginn nach.'],
    });
    expect(result.next.decision?.rejectionGround).toBeUndefined();
    expect(result.next.objection).toMatchObject({ previousGrantedCents: 0, previousDecision: rejection });
  });

  it('dismisses: FINAL, the decision unchanged, nothing to move in the budget', () => {
    const application = appealed(approval);
    const result = decided(
      decideObjection(
        application,
        call,
        { outcome: 'dismissed', reasons: 'Die Kürzung folgt den Förderrichtlinien.' },
        'bernd-approver',
        NOW,
      ),
    );
    expect(result.grantChangeCents).toBe(0);
    expect(result.next.status).toBe('FINAL');
    expect(result.next.decision).toEqual(approval);
    expect(result.next.pendingWork).toBe('objection');
    expect(result.next.objection).toEqual({
      ...objection,
      outcome: 'dismissed',
      decidedAt: NOW.toISOString(),
      decidedBy: 'bernd-approver',
      reasons: 'Die Kürzung folgt den Förderrichtlinien.',
    });
    expect(result.event).toMatchObject({ type: 'OBJECTION_DECIDED', reason: 'dismissed' });
  });

  it('refuses anything but a pending objection', () => {
    for (const status of ['NOTIFIED', 'FINAL', 'APPROVED', 'REJECTED'] as const) {
      expect(
        decideObjection(
          appealed(approval, { status }),
          call,
          { outcome: 'dismissed', reasons: 'Die Kürzung folgt den Förderrichtlinien.' },
          'bernd-approver',
          NOW,
        ),
      ).toEqual({ refused: 'wrong-status' });
    }
  });

  it('refuses a remedy the approval rules do not allow (more than requested, or the call maximum)', () => {
    const refused = decideObjection(
      appealed(rejection),
      call,
      { outcome: 'remedied', grantedCents: REQUESTED + 1, reasons: 'Mehr als beantragt, aus Versehen.' },
      'bernd-approver',
      NOW,
    );
    expect(refused).toMatchObject({ refused: 'rule-violations' });
    expect('violations' in refused ? refused.violations.map((violation) => violation.code) : []).toContain(
      'grant-above-request',
    );
  });

  it('counts only an approval in the committed sum', () => {
    expect(committedGrantOf(approval)).toBe(1_200_000);
    expect(committedGrantOf(rejection)).toBe(0);
    expect(committedGrantOf(undefined)).toBe(0);
  });

  it('shows the applicant how the objection ended, without the amounts of the event', () => {
    const remedied = decided(
      decideObjection(
        appealed(approval),
        call,
        {
          outcome: 'remedied',
          grantedCents: 1_000_000,
          reasons: 'Die Honorare sind nur zum Teil förderfähig.',
        },
        'bernd-approver',
        NOW,
      ),
    );
    const dismissed = decided(
      decideObjection(
        appealed(approval),
        call,
        { outcome: 'dismissed', reasons: 'Die Kürzung folgt den Förderrichtlinien.' },
        'bernd-approver',
        NOW,
      ),
    );
    const timeline = applicantTimeline([remedied.event, { ...dismissed.event, version: 14 }], new Map());
    expect(timeline.map((entry) => [entry.title.de, entry.by.kind, entry.status])).toEqual([
      ['Dem Widerspruch wurde abgeholfen', 'funding-body', 'FINAL'],
      ['Widerspruch zurückgewiesen', 'funding-body', 'FINAL'],
    ]);
    expect(JSON.stringify(timeline)).not.toContain('1000000');
  });
});
