import { describe, expect, it } from 'vitest';
import { ApplicationStatus } from '../../../shared/api/schemas/application.schema.ts';
import { decideTransition, LIFECYCLE, type LifecycleAction } from '../../../shared/domain/lifecycle.ts';

const ALL_STATUSES = ApplicationStatus.options;

describe('the application lifecycle', () => {
  it.each([
    ['DRAFT', 'submit', 'member', 'SUBMITTED', 'intake'],
    ['SUBMITTED', 'intake-complete', 'system', 'IN_REVIEW', undefined],
    ['SUBMITTED', 'request-documents', 'system', 'INCOMPLETE', undefined],
    ['INCOMPLETE', 'supplement', 'member', 'SUBMITTED', 'intake'],
    ['IN_REVIEW', 'assessments-complete', 'system', 'ASSESSED', undefined],
    ['ASSESSED', 'approve', 'approver', 'APPROVED', 'decision'],
    ['ASSESSED', 'reject', 'approver', 'REJECTED', 'decision'],
    ['ASSESSED', 'waitlist', 'approver', 'WAITLISTED', 'decision'],
    ['WAITLISTED', 'approve', 'system', 'APPROVED', 'decision'],
    ['WAITLISTED', 'reject', 'approver', 'REJECTED', 'decision'],
    ['APPROVED', 'notify', 'member', 'NOTIFIED', undefined],
    ['NOTIFIED', 'object', 'member', 'APPEALED', undefined],
    ['NOTIFIED', 'finalize', 'system', 'FINAL', undefined],
    ['APPEALED', 'decide-objection', 'approver', 'FINAL', 'objection'],
  ] as const)('%s —%s by %s→ %s (follow-up %s)', (from, action, actor, to, followUp) => {
    expect(decideTransition(from, action, actor)).toEqual({
      allowed: true,
      to,
      ...(followUp ? { followUp } : {}),
    });
  });

  it('lets members withdraw before a decision, and renounce an approval until it is final', () => {
    const allowed = ALL_STATUSES.filter((status) => decideTransition(status, 'withdraw', 'member').allowed);
    expect(allowed).toEqual([
      'DRAFT',
      'SUBMITTED',
      'INCOMPLETE',
      'IN_REVIEW',
      'ASSESSED',
      'WAITLISTED',
      'APPROVED',
      'NOTIFIED',
    ]);
  });

  it('never lets an applicant decide, nor staff submit for an association', () => {
    expect(decideTransition('ASSESSED', 'approve', 'member')).toEqual({
      allowed: false,
      reason: 'wrong-actor',
    });
    expect(decideTransition('DRAFT', 'submit', 'admin')).toEqual({ allowed: false, reason: 'wrong-actor' });
    // Only an approver decides on an assessed application; the system only moves the waiting list up.
    expect(decideTransition('ASSESSED', 'approve', 'reviewer').allowed).toBe(false);
    expect(decideTransition('ASSESSED', 'reject', 'system').allowed).toBe(false);
  });

  it('lets only an approver end an objection, and only while it is pending', () => {
    const from = ALL_STATUSES.filter(
      (status) => decideTransition(status, 'decide-objection', 'approver').allowed,
    );
    expect(from).toEqual(['APPEALED']);
    for (const actor of ['member', 'reviewer', 'admin', 'system'] as const) {
      expect(decideTransition('APPEALED', 'decide-objection', actor)).toEqual({
        allowed: false,
        reason: 'wrong-actor',
      });
    }
    // While an objection is pending, nothing else moves the application: no withdrawal, no finality.
    for (const action of Object.keys(LIFECYCLE) as LifecycleAction[]) {
      if (action === 'decide-objection') continue;
      for (const actor of ['member', 'reviewer', 'approver', 'admin', 'system'] as const) {
        expect(decideTransition('APPEALED', action, actor).allowed, `APPEALED ${action} ${actor}`).toBe(
          false,
        );
      }
    }
  });

  it('has no way out of the final states', () => {
    for (const final of ['FINAL', 'WITHDRAWN', 'CLOSED_INCOMPLETE'] as const) {
      for (const action of Object.keys(LIFECYCLE) as LifecycleAction[]) {
        for (const actor of ['member', 'reviewer', 'approver', 'admin', 'system'] as const) {
          expect(decideTransition(final, action, actor).allowed, `${final} ${action} ${actor}`).toBe(false);
        }
      }
    }
  });
});
