import { describe, expect, it } from 'vitest';
import {
  compareRanking,
  type RankingCandidate,
  rankWithFundingLine,
} from '../../../shared/domain/ranking.ts';

const candidate = (id: string, overrides: Partial<RankingCandidate> = {}): RankingCandidate => ({
  applicationId: id,
  totalScore: 20,
  maxScore: 25,
  submittedAt: '2027-03-01T10:00:00.000Z',
  requestedGrantCents: 100_000,
  recommendedGrantCents: 100_000,
  standing: 'open',
  ...overrides,
});

const order = (line: { entries: { applicationId: string }[] }) => line.entries.map((e) => e.applicationId);

describe('ranking order', () => {
  it('ranks the higher total score first', () => {
    const line = rankWithFundingLine(
      [
        candidate('a', { totalScore: 12 }),
        candidate('b', { totalScore: 23 }),
        candidate('c', { totalScore: 17 }),
      ],
      0,
    );
    expect(order(line)).toEqual(['b', 'c', 'a']);
    expect(line.entries.map((e) => e.rank)).toEqual([1, 2, 3]);
  });

  it('breaks a tie in score by the higher content score ratio, then by the earlier submission', () => {
    const line = rankWithFundingLine(
      [
        candidate('late', { totalScore: 20, maxScore: 25, submittedAt: '2027-03-05T08:00:00.000Z' }),
        candidate('early', { totalScore: 20, maxScore: 25, submittedAt: '2027-03-02T08:00:00.000Z' }),
        // Same points out of fewer possible: the better ratio (20/24 > 20/25).
        candidate('ratio', { totalScore: 20, maxScore: 24, submittedAt: '2027-03-09T08:00:00.000Z' }),
      ],
      0,
    );
    expect(order(line)).toEqual(['ratio', 'early', 'late']);
  });

  it('orders exact ties by id, so every read gives the same ranking', () => {
    const a = candidate('a');
    const b = candidate('b');
    expect(compareRanking(a, b)).toBeLessThan(0);
    expect(order(rankWithFundingLine([b, a], 0))).toEqual(['a', 'b']);
  });

  it('compares submission times as instants, whatever their offset', () => {
    const line = rankWithFundingLine(
      [
        candidate('berlin', { submittedAt: '2027-03-02T10:30:00+01:00' }), // 09:30 UTC
        candidate('utc', { submittedAt: '2027-03-02T09:45:00.000Z' }),
      ],
      0,
    );
    expect(order(line)).toEqual(['berlin', 'utc']);
  });
});

describe('proposed funding line', () => {
  it('proposes the recommended grant, at most the amount requested', () => {
    const line = rankWithFundingLine(
      [
        candidate('less', { totalScore: 25, requestedGrantCents: 100_000, recommendedGrantCents: 80_000 }),
        candidate('more', { totalScore: 24, requestedGrantCents: 50_000, recommendedGrantCents: 70_000 }),
      ],
      1_000_000,
    );
    expect(line.entries.map((e) => e.proposedGrantCents)).toEqual([80_000, 50_000]);
    expect(line.proposedTotalCents).toBe(130_000);
    expect(line.remainingAfterLineCents).toBe(870_000);
  });

  it('puts everything above the line when the budget fits exactly', () => {
    const line = rankWithFundingLine(
      [
        candidate('a', { totalScore: 25 }),
        candidate('b', { totalScore: 24 }),
        candidate('c', { totalScore: 23 }),
      ],
      300_000,
    );
    expect(line.entries.map((e) => e.aboveLine)).toEqual([true, true, true]);
    expect(line.linePosition).toBe(3);
    expect(line.remainingAfterLineCents).toBe(0);
  });

  it('draws the line at the first that does not fit, and does not skip to smaller ones below it', () => {
    const line = rankWithFundingLine(
      [
        candidate('first', { totalScore: 25, recommendedGrantCents: 100_000 }),
        candidate('too-big', { totalScore: 24, recommendedGrantCents: 100_000 }),
        candidate('small', { totalScore: 23, recommendedGrantCents: 10_000 }),
      ],
      150_000,
    );
    expect(line.entries.map((e) => [e.applicationId, e.aboveLine])).toEqual([
      ['first', true],
      ['too-big', false],
      ['small', false],
    ]);
    expect(line.linePosition).toBe(1);
    expect(line.proposedTotalCents).toBe(100_000);
    expect(line.remainingAfterLineCents).toBe(50_000);
  });

  it('puts everything below the line when nothing fits', () => {
    const line = rankWithFundingLine([candidate('a'), candidate('b')], 99_999);
    expect(line.entries.every((e) => !e.aboveLine)).toBe(true);
    expect(line.linePosition).toBe(0);
    expect(line.proposedTotalCents).toBe(0);
  });

  it('has nothing to rank without applications', () => {
    expect(rankWithFundingLine([], 1_000_000)).toEqual({
      entries: [],
      linePosition: 0,
      proposedTotalCents: 0,
      remainingAfterLineCents: 1_000_000,
    });
  });

  it('treats a negative remaining budget as none', () => {
    const line = rankWithFundingLine([candidate('a')], -5);
    expect(line.linePosition).toBe(0);
    expect(line.remainingAfterLineCents).toBe(0);
  });

  it('passes over a proposal of nothing without drawing the line there', () => {
    const line = rankWithFundingLine(
      [
        candidate('nothing', { totalScore: 25, recommendedGrantCents: 0 }),
        candidate('next', { totalScore: 24 }),
      ],
      100_000,
    );
    expect(line.entries.map((e) => e.aboveLine)).toEqual([false, true]);
    expect(line.linePosition).toBe(2);
  });

  it('after a batch: approvals stay above the line without taking from the remaining budget, rejections below', () => {
    const line = rankWithFundingLine(
      [
        candidate('approved', { totalScore: 25, standing: 'approved' }),
        candidate('rejected', { totalScore: 24, standing: 'not-funded' }),
        candidate('waiting', { totalScore: 23 }),
        candidate('waiting-2', { totalScore: 22 }),
      ],
      // What the budget has left after the approval (committed already counts it).
      100_000,
    );
    expect(line.entries.map((e) => [e.applicationId, e.aboveLine])).toEqual([
      ['approved', true],
      ['rejected', false],
      ['waiting', true],
      ['waiting-2', false],
    ]);
    expect(line.linePosition).toBe(3);
    expect(line.proposedTotalCents).toBe(100_000);
  });
});
