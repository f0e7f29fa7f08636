import { describe, expect, it } from 'vitest';
import { berlinTimestamp } from '../../../shared/domain/berlin-time.ts';
import { acceptsDrafts, callPhase } from '../../../shared/domain/call.ts';

describe('berlinTimestamp', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(berlinTimestamp('2027-01-31', '23:59:59')).toBe('2027-01-31T23:59:59+01:00');
    expect(berlinTimestamp('2025-07-31', '23:59:59')).toBe('2025-07-31T23:59:59+02:00');
  });

  it('gets the offset right on the days the clocks change', () => {
    // 28 March 2027: clocks go forward at 02:00 → 03:00.
    expect(berlinTimestamp('2027-03-28', '01:30:00')).toBe('2027-03-28T01:30:00+01:00');
    expect(berlinTimestamp('2027-03-28', '23:59:59')).toBe('2027-03-28T23:59:59+02:00');
    // 31 October 2027: clocks go back at 03:00 → 02:00.
    expect(berlinTimestamp('2027-10-31', '23:59:59')).toBe('2027-10-31T23:59:59+01:00');
  });
});

describe('callPhase', () => {
  const call = { opensAt: '2026-11-01T00:00:00+01:00', closesAt: '2027-01-31T23:59:59+01:00' };

  it('is upcoming before the opening, open until the last second of the deadline, then closed', () => {
    expect(callPhase(call, new Date('2026-10-31T22:59:59Z'))).toBe('upcoming');
    expect(callPhase(call, new Date('2026-10-31T23:00:00Z'))).toBe('open');
    expect(callPhase(call, new Date('2027-01-31T22:59:59Z'))).toBe('open');
    expect(callPhase(call, new Date('2027-01-31T23:00:00Z'))).toBe('closed');
  });

  it('takes drafts until the call closes', () => {
    expect(acceptsDrafts(call, new Date('2026-10-01T00:00:00Z'))).toBe(true);
    expect(acceptsDrafts(call, new Date('2027-02-01T00:00:00Z'))).toBe(false);
  });
});
