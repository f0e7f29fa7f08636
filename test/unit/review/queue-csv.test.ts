import { describe, expect, it } from 'vitest';
import { csvField, guardFormula, toCsv } from '../../../shared/domain/csv.ts';
import { dueBefore } from '../../../shared/use-cases/review/review-queue.ts';

describe('CSV', () => {
  it('guards every cell a spreadsheet would evaluate', () => {
    for (const cell of ['=1+1', '+49 351', '-2', '@SUM(A1)', '\tx', '\rx']) {
      expect(guardFormula(cell)).toBe(`'${cell}`);
    }
    expect(guardFormula('Görlitz = gut')).toBe('Görlitz = gut');
  });

  it('quotes separators, quotes and line breaks as RFC 4180 says', () => {
    expect(csvField('a,b', ',')).toBe('"a,b"');
    expect(csvField('a;b', ',')).toBe('a;b');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('sagt "ja"', ',')).toBe('"sagt ""ja"""');
    expect(csvField('zwei\nZeilen', ',')).toBe('"zwei\nZeilen"');
    expect(
      toCsv([
        ['Ä', 'b'],
        ['c', ''],
      ]),
    ).toBe('\uFEFFÄ,b\r\nc,\r\n');
  });
});

describe('dueBefore', () => {
  it('bounds due dates by the Berlin day n days ahead, whatever the UTC date', () => {
    // 23:30 UTC on 31 March is already 1 April in Berlin (summer time).
    const lateEvening = new Date('2027-03-31T23:30:00Z');
    expect(dueBefore(lateEvening, 0)).toBe('2027-04-02');
    expect(dueBefore(lateEvening, 7)).toBe('2027-04-09');
    expect('2027-04-01T23:59:59+02:00#id#content' < dueBefore(lateEvening, 0)).toBe(true);
    expect('2027-04-02T23:59:59+02:00#id#content' < dueBefore(lateEvening, 0)).toBe(false);
  });
});
