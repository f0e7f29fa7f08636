import { describe, expect, it } from 'vitest';
import {
  buildReport,
  formatTable,
  formatValue,
  median,
  row,
  type SectionResult,
} from '../../../bench/harness.ts';

const budget = { name: 'budget', value: 200 * 1000 };

describe('a bench row', () => {
  it('holds a figure against its budget: the ratio, and met while at most the allowed ratio', () => {
    const under = row({ name: 'portal', value: 150 * 1000, unit: 'bytes', reference: budget, maxRatio: 1 });
    expect(under).toEqual({
      name: 'portal',
      value: 150 * 1000,
      unit: 'bytes',
      reference: budget,
      ratio: 0.75,
      target: { maxRatio: 1 },
      pass: true,
    });
    expect(row({ name: 'at', value: 200 * 1000, unit: 'bytes', reference: budget, maxRatio: 1 }).pass).toBe(
      true,
    );
    const over = row({ name: 'over', value: 200 * 1000 + 1, unit: 'bytes', reference: budget, maxRatio: 1 });
    expect(over.pass).toBe(false);
    expect(over.ratio).toBeGreaterThan(1);
  });

  it('compares with a reference measured in the same run, where larger can be better', () => {
    const raw = { name: 'raw PutItem', value: 400 };
    expect(
      row({ name: 'submissions', value: 100, unit: 'req/s', reference: raw, minRatio: 0.2 }),
    ).toMatchObject({
      ratio: 0.25,
      target: { minRatio: 0.2 },
      pass: true,
    });
    expect(row({ name: 'submissions', value: 60, unit: 'req/s', reference: raw, minRatio: 0.2 }).pass).toBe(
      false,
    );
    // A cold start 1.3 times its floor is still within a 1.3× target.
    expect(
      row({ name: 'f', value: 13, unit: 'ms', reference: { name: 'floor', value: 10 }, maxRatio: 1.3 }).pass,
    ).toBe(true);
  });

  it('reports a figure without a target as neither met nor missed', () => {
    const reported = row({ name: 'letter renderer', value: 900_000, unit: 'bytes' });
    expect(reported).toEqual({ name: 'letter renderer', value: 900_000, unit: 'bytes' });
    const withReference = row({ name: 'p50', value: 3, unit: 'ms', reference: { name: 'raw', value: 2 } });
    expect(withReference.ratio).toBe(1.5);
    expect(withReference.pass).toBeUndefined();
  });

  it('refuses what would give a meaningless verdict', () => {
    expect(() => row({ name: 'x', value: 1, unit: 'ms', maxRatio: 1 })).toThrow('a target needs a reference');
    expect(() =>
      row({ name: 'x', value: 1, unit: 'ms', reference: { name: 'raw', value: 0 }, maxRatio: 1 }),
    ).toThrow('the reference raw is 0');
    expect(() => row({ name: 'x', value: Number.NaN, unit: 'ms' })).toThrow('is not a number');
    expect(() =>
      row({
        name: 'x',
        value: 1,
        unit: 'ms',
        reference: { name: 'raw', value: 1 },
        maxRatio: 2,
        minRatio: 1,
      }),
    ).toThrow('one target, not two');
  });
});

describe('the bench median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow();
  });
});

describe('the printed table', () => {
  it('shows bytes in kB, the ratio, the target and the verdict, in aligned columns', () => {
    const table = formatTable([
      row({ name: 'portal (first visit)', value: 146_349, unit: 'bytes', reference: budget, maxRatio: 1 }),
      row({ name: 'too big', value: 250 * 1000, unit: 'bytes', reference: budget, maxRatio: 1 }),
      row({ name: 'only reported', value: 12.345, unit: 'ms' }),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^measure\s+value\s+reference\s+ratio\s+target\s+result$/);
    expect(lines[2]).toMatch(
      /^portal \(first visit\)\s+146\.3 kB\s+budget 200\.0 kB\s+0\.73×\s+≤ 1\.00×\s+ok$/,
    );
    expect(lines[3]).toMatch(/^too big\s+250\.0 kB\s+budget 200\.0 kB\s+1\.25×\s+≤ 1\.00×\s+MISSED$/);
    expect(lines[4]).toMatch(/^only reported\s+12\.3 ms$/);
    // Every column starts at the same place in each line.
    const valueColumn = (line: string | undefined) => line?.search(/\d/) ?? -1;
    expect(valueColumn(lines[3])).toBe(valueColumn(lines[2]));
  });

  it('formats values by their size and unit', () => {
    expect(formatValue(2000, 'bytes')).toBe('2.0 kB');
    expect(formatValue(1234.5, 'req/s')).toBe('1235 req/s');
    expect(formatValue(42, 'RCU')).toBe('42 RCU');
    expect(formatValue(0.1234, 'ms')).toBe('0.12 ms');
  });
});

describe('the bench report (bench/results/latest.json)', () => {
  const facts = {
    date: '2026-11-25T20:40:15.732Z',
    commit: { sha: 'e0bfab4f8643242b2543c82627ccf3629d594a6b', dirty: false },
    node: 'v24.21.0',
    machine: { cpuModel: 'AMD EPYC', cpuCount: 2, platform: 'linux', arch: 'x64', totalMemoryBytes: 1 },
    mode: 'quick' as const,
  };
  const web: SectionResult = {
    name: 'web',
    title: 'Web',
    durationMs: 1400,
    rows: [row({ name: 'portal', value: 150 * 1000, unit: 'bytes', reference: budget, maxRatio: 1 })],
    notes: ['vite build in 1.4 s'],
  };

  it('passes when every target is met, and keeps every figure with the run facts', () => {
    const report = buildReport({ ...facts, sections: [web] });
    expect(report).toEqual({ ...facts, sections: [web], missed: [], passed: true });
    // As written to the file: plain JSON, nothing lost.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('fails and names what was missed: a row over its target, and a section that broke', () => {
    const overBudget: SectionResult = {
      ...web,
      rows: [
        ...web.rows,
        row({ name: 'back office', value: 300 * 1000, unit: 'bytes', reference: budget, maxRatio: 1 }),
      ],
    };
    const broken: SectionResult = {
      name: 'latency',
      title: 'Latency',
      durationMs: 5,
      rows: [],
      notes: [],
      error: 'no table',
    };
    const reported: SectionResult = {
      name: 'cost',
      title: 'Cost',
      durationMs: 5,
      rows: [row({ name: 'emails', value: 3, unit: 'emails' })],
      notes: [],
    };
    const report = buildReport({ ...facts, sections: [overBudget, broken, reported] });
    expect(report.passed).toBe(false);
    expect(report.missed).toEqual(['web: back office', 'latency: failed (no table)']);
  });
});
