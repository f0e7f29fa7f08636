import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/domain/application.ts';
import {
  approvalViolations,
  breaksFourEyes,
  grantBasisOf,
  grantLimits,
  grantViolations,
  letterReminderDueAt,
} from '../../../shared/domain/decision.ts';
import { aCall } from '../../support/calls.ts';
import { aCompleteDraftContent } from '../../support/drafts.ts';

const application = (overrides: Partial<Application> = {}): Application =>
  ({
    id: '7d0c6f5e-0000-4000-8000-000000000001',
    orgId: '7d0c6f5e-0000-4000-8000-000000000002',
    callId: 'test-call',
    status: 'ASSESSED',
    version: 5,
    createdAt: '2027-01-10T10:00:00.000Z',
    createdBy: 'member',
    updatedAt: '2027-01-20T10:00:00.000Z',
    updatedBy: 'system',
    title: 'Sprachcafé',
    ...aCompleteDraftContent(),
    ...overrides,
  }) as Application;

const codes = (grantedCents: number, reasons?: string, call = aCall()) =>
  approvalViolations(application(), call, { grantedCents, reasons }).map((v) => v.code);

describe('what may be granted', () => {
  // Requested: 14,402.00 € of 15,202.00 € total costs (the 95 % funding rate allows 14,441.90 €).
  it('allows the amount requested without reasons', () => {
    expect(codes(1_440_200)).toEqual([]);
  });

  it('refuses more than requested', () => {
    expect(codes(1_440_201)).toContain('grant-above-request');
  });

  it('refuses more than the call maximum even when it was requested', () => {
    expect(
      codes(1_440_200, undefined, aCall({ rules: { ...aCall().rules, maxGrantCents: 1_000_000 } })),
    ).toEqual(['grant-above-maximum']);
  });

  it('refuses more than the maximum funding rate of the total costs', () => {
    const strict = aCall({ rules: { ...aCall().rules, maxFundingRateBps: 5000 } });
    expect(codes(1_000_000, 'Gekürzt auf die Förderquote.', strict)).toEqual(['grant-above-funding-rate']);
  });

  it('asks for reasons when less than requested is granted, and for an amount above zero', () => {
    expect(codes(1_000_000)).toEqual(['reasons-required']);
    expect(codes(1_000_000, 'Miete nur anteilig förderfähig.')).toEqual([]);
    expect(codes(0, 'nichts')).toEqual(['grant-not-positive']);
  });
});

describe('the limits of a grant, from the figures alone', () => {
  it('takes the amount requested and the total costs (with the flat rate) from the finance plan', () => {
    expect(grantBasisOf(application(), aCall())).toEqual({
      requestedGrantCents: 1_440_200,
      totalCostsCents: 1_520_200,
    });
  });

  it('names each limit and the lowest of them', () => {
    const basis = { requestedGrantCents: 1_440_200, totalCostsCents: 1_520_200 };
    expect(grantLimits(basis, aCall())).toEqual({
      requestedCents: 1_440_200,
      maxGrantCents: 1_500_000,
      maxByRateCents: 1_444_190,
      upperCents: 1_440_200,
    });
    const strict = aCall({ rules: { ...aCall().rules, maxFundingRateBps: 5000 } });
    expect(grantLimits(basis, strict).upperCents).toBe(760_100);
  });

  it('judges a typed amount as approvalViolations judges the application', () => {
    const basis = grantBasisOf(application(), aCall());
    for (const [amount, reasons] of [
      [1_440_200, undefined],
      [1_440_201, undefined],
      [1_000_000, undefined],
      [1_000_000, 'Miete nur anteilig förderfähig.'],
      [0, 'nichts'],
    ] as const) {
      expect(grantViolations(basis, aCall(), { grantedCents: amount, reasons })).toEqual(
        approvalViolations(application(), aCall(), { grantedCents: amount, reasons }),
      );
    }
  });
});

describe('four-eyes', () => {
  it('refuses whoever assessed or is assigned, and nobody else', () => {
    expect(breaksFourEyes('anja', ['anja', 'bernd'])).toBe(true);
    expect(breaksFourEyes('clara', ['anja', 'bernd'])).toBe(false);
  });
});

describe('the unretrieved-letter reminder', () => {
  const letter = {
    id: 'l1',
    kind: 'zuwendungsbescheid' as const,
    key: 'letters/x/l1.pdf',
    createdAt: '2027-03-01T09:00:00.000Z',
  };

  it('is due five days after the letter was issued, while it is neither retrieved nor reminded', () => {
    expect(letterReminderDueAt(application({ status: 'APPROVED', letters: [letter] }))).toBe(
      '2027-03-06T09:00:00.000Z',
    );
  });

  it('is not due once retrieved, once reminded, or before any letter', () => {
    expect(
      letterReminderDueAt(
        application({
          status: 'APPROVED',
          letters: [{ ...letter, firstRetrievedAt: '2027-03-02T10:00:00Z' }],
        }),
      ),
    ).toBeUndefined();
    expect(
      letterReminderDueAt(
        application({ status: 'REJECTED', letters: [letter], letterReminderSentAt: '2027-03-06T10:00:00Z' }),
      ),
    ).toBeUndefined();
    expect(letterReminderDueAt(application({ status: 'APPROVED' }))).toBeUndefined();
    expect(letterReminderDueAt(application({ status: 'NOTIFIED', letters: [letter] }))).toBeUndefined();
  });
});
