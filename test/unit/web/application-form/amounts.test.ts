import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatEuroInput,
  formatPercentInput,
  MAX_AMOUNT_CENTS,
  parseEuroInput,
  parsePercentInput,
  parseWholeNumber,
} from '../../../../web/src/features/application-form/amounts.ts';

const cents = (text: string, language: 'de' | 'en' = 'de') => {
  const parsed = parseEuroInput(text, language);
  return parsed.ok ? parsed.value : parsed.problem;
};

describe('amounts typed in euros', () => {
  it('reads German amounts as people write them, exactly to the cent', () => {
    expect(cents('1.234,56')).toBe(123_456);
    expect(cents('1234,56')).toBe(123_456);
    expect(cents('1234')).toBe(123_400);
    expect(cents('0,29')).toBe(29);
    expect(cents('0,1')).toBe(10);
    expect(cents(',5')).toBe(50);
    expect(cents('12.000')).toBe(1_200_000);
    expect(cents('1.000.000,00')).toBe(100_000_000);
    expect(cents(' 4.800,00 € ')).toBe(480_000);
    expect(cents('€ 250')).toBe(25_000);
    expect(cents('250 EUR')).toBe(25_000);
    expect(cents('250,–')).toBe(25_000);
    expect(cents('1\u00a0234,50')).toBe(123_450);
  });

  it('reads English amounts with the English separators', () => {
    expect(cents('1,234.56', 'en')).toBe(123_456);
    expect(cents('€1,234.56', 'en')).toBe(123_456);
    expect(cents('0.29', 'en')).toBe(29);
    expect(cents('12,000', 'en')).toBe(1_200_000);
  });

  it('refuses what it would have to guess, and says why', () => {
    // A German "12.50" is neither 1,250 € nor 12.50 € for sure.
    expect(cents('12.50')).toBe('format');
    expect(cents('1.23.456')).toBe('format');
    expect(cents('1,234.56')).toBe('format');
    expect(cents('1.234,56', 'en')).toBe('format');
    expect(cents('abc')).toBe('format');
    expect(cents('')).toBe('format');
    expect(cents(',')).toBe('format');
    expect(cents('€')).toBe('format');
    expect(cents('1,234')).toBe('decimals');
    expect(cents('-5')).toBe('negative');
    expect(cents('−5,00')).toBe('negative');
    expect(cents('1.000.000.001')).toBe('too-large');
    expect(cents('99999999999999999999')).toBe('too-large');
  });

  it('keeps a field limit given by the caller (a full-time month at most 20,000 €)', () => {
    expect(parseEuroInput('20.000,00', 'de', 2_000_000)).toEqual({ ok: true, value: 2_000_000 });
    expect(parseEuroInput('20.000,01', 'de', 2_000_000)).toEqual({ ok: false, problem: 'too-large' });
  });

  it('writes cents back as a person would type them', () => {
    expect(formatEuroInput(123_456, 'de')).toBe('1.234,56');
    expect(formatEuroInput(123_456, 'en')).toBe('1,234.56');
    expect(formatEuroInput(5, 'de')).toBe('0,05');
    expect(formatEuroInput(0, 'en')).toBe('0.00');
    expect(formatEuroInput(100_000_000_000, 'de')).toBe('1.000.000.000,00');
    expect(() => formatEuroInput(1.5, 'de')).toThrow(RangeError);
  });

  it('reads back whatever it writes, in both languages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }),
        fc.constantFrom('de', 'en'),
        (c, language) => {
          expect(parseEuroInput(formatEuroInput(c, language), language)).toEqual({ ok: true, value: c });
        },
      ),
    );
  });
});

describe('percentages of full time', () => {
  it('reads whole and decimal percentages into basis points', () => {
    expect(parsePercentInput('50', 'de')).toEqual({ ok: true, value: 5000 });
    expect(parsePercentInput('37,5 %', 'de')).toEqual({ ok: true, value: 3750 });
    expect(parsePercentInput('37.5%', 'en')).toEqual({ ok: true, value: 3750 });
    expect(parsePercentInput('0,01', 'de')).toEqual({ ok: true, value: 1 });
    expect(parsePercentInput('37.5', 'de')).toEqual({ ok: false, problem: 'format' });
    expect(parsePercentInput('33,333', 'de')).toEqual({ ok: false, problem: 'decimals' });
    expect(parsePercentInput('-10', 'de')).toEqual({ ok: false, problem: 'negative' });
  });

  it('writes basis points without needless decimals and reads them back', () => {
    expect(formatPercentInput(5000, 'de')).toBe('50');
    expect(formatPercentInput(3750, 'de')).toBe('37,5');
    expect(formatPercentInput(3755, 'en')).toBe('37.55');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom('de', 'en'), (bps, language) => {
        expect(parsePercentInput(formatPercentInput(bps, language), language)).toEqual({
          ok: true,
          value: bps,
        });
      }),
    );
  });
});

describe('whole numbers', () => {
  it('takes digits only', () => {
    expect(parseWholeNumber(' 12 ')).toEqual({ ok: true, value: 12 });
    expect(parseWholeNumber('12,5')).toEqual({ ok: false, problem: 'format' });
    expect(parseWholeNumber('-1')).toEqual({ ok: false, problem: 'negative' });
    expect(parseWholeNumber('')).toEqual({ ok: false, problem: 'format' });
  });
});
