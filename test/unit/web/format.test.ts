import { describe, expect, it } from 'vitest';
import { formatEuro as domainEuro, formatPercent as domainPercent } from '../../../shared/domain/money.ts';
import { formatDate, formatDateTime, formatEuro, formatPercent } from '../../../web/src/format.ts';

/** Intl separates with no-break spaces where the domain's texts use plain ones; a reader sees the same. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the portal formats', () => {
  it('shows instants in Berlin time, summer and winter, in German and English', () => {
    expect(formatDateTime('2027-03-31T21:59:59Z', 'de')).toBe('31. März 2027 um 23:59 Uhr');
    expect(formatDateTime('2027-03-31T21:59:59Z', 'en')).toBe('31 March 2027 at 23:59');
    expect(formatDateTime('2027-01-09T22:59:59Z', 'de')).toBe('9. Januar 2027 um 23:59 Uhr');
    // Just past midnight in Berlin is already the next day there.
    expect(formatDateTime('2026-12-31T23:30:00Z', 'en')).toBe('1 January 2027 at 00:30');
  });

  it('shows calendar dates as written, without shifting them by a time zone', () => {
    expect(formatDate('2027-04-01', 'de')).toBe('1. April 2027');
    expect(formatDate('2027-04-01', 'en')).toBe('1 April 2027');
  });

  it('writes amounts and rates as the finance rules write them in their messages', () => {
    for (const cents of [0, 5, 99, 100, 1_500_000, 245_000_000, 12_345_678_901]) {
      expect(plain(formatEuro(cents, 'de'))).toBe(domainEuro(cents, 'de'));
      expect(plain(formatEuro(cents, 'en'))).toBe(domainEuro(cents, 'en'));
    }
    for (const bps of [0, 500, 1_000, 1_250, 8_750, 9_525, 10_000]) {
      expect(plain(formatPercent(bps, 'de'))).toBe(domainPercent(bps, 'de'));
      expect(plain(formatPercent(bps, 'en'))).toBe(domainPercent(bps, 'en'));
    }
  });
});
