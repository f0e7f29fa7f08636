import type { Language } from '../http/language.ts';

/**
 * Money is integer euro cents and rates are integer basis points (10 % = 1000). Nothing here divides
 * money into a float: products that may pass 2^53 are taken in BigInt, and formatting splits cents
 * into euros and cents with the remainder operator. Runs unchanged in the browser.
 */

/** 100 % in basis points. */
export const FULL_BPS = 10_000;

/** floor(a × b ÷ divisor) for non-negative integers, exact even when a × b is far beyond 2^53. */
export function mulDivFloor(a: number, b: number, divisor: number): number {
  return toSafeInteger((BigInt(a) * BigInt(b)) / BigInt(divisor));
}

/** ceil(a × b ÷ divisor) for non-negative integers, exact. */
export function mulDivCeil(a: number, b: number, divisor: number): number {
  const d = BigInt(divisor);
  return toSafeInteger((BigInt(a) * BigInt(b) + d - 1n) / d);
}

/** round(product ÷ divisor), halves rounded up, for non-negative integers; exact. */
export function divRoundHalfUp(product: bigint, divisor: number): number {
  const d = BigInt(divisor);
  return toSafeInteger((2n * product + d) / (2n * d));
}

/** Sum of integer amounts (cents). The callers' schema limits keep every sum far below 2^53. */
export function sumCents(amounts: readonly number[]): number {
  let sum = 0;
  for (const amount of amounts) sum += amount;
  return sum;
}

function toSafeInteger(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${value} is beyond the safe integer range`);
  }
  return Number(value);
}

/** An amount in cents as people write it: German `1.234,56 €`, English `€1,234.56`. */
export function formatEuro(cents: number, language: Language): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not an amount in cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const rest = abs % 100;
  const euros = (abs - rest) / 100; // exact: abs - rest is a multiple of 100
  const centDigits = String(rest).padStart(2, '0');
  if (language === 'de') return `${sign}${groupThousands(euros, '.')},${centDigits} €`;
  return `${sign}€${groupThousands(euros, ',')}.${centDigits}`;
}

/** Basis points as a percentage without needless decimals: German `5,25 %`, English `5.25%`. */
export function formatPercent(bps: number, language: Language): string {
  if (!Number.isSafeInteger(bps)) throw new RangeError(`not basis points: ${bps}`);
  const sign = bps < 0 ? '-' : '';
  const abs = Math.abs(bps);
  const rest = abs % 100;
  const whole = (abs - rest) / 100;
  const decimals = String(rest).padStart(2, '0').replace(/0+$/, '');
  const separator = language === 'de' ? ',' : '.';
  const number = `${sign}${whole}${decimals ? separator + decimals : ''}`;
  return language === 'de' ? `${number} %` : `${number}%`;
}

function groupThousands(whole: number, separator: string): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
