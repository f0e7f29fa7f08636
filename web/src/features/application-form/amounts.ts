import type { Language } from '../../i18n/messages.ts';

/**
 * Amounts and percentages as people type them into the finance plan, and back. German writes
 * `1.234,56` (dot groups thousands, comma before the cents), English `1,234.56`. What is stored is
 * integer cents and integer basis points (draft.schema.ts): the text is converted digit by digit, never
 * through a float, so `0,29` is 29 cents and not 28.999….
 *
 * Parsing is strict about the separators of the chosen language (a German `12.50` is refused rather
 * than guessed as 1,250 € or 12.50 €) but forgiving about what surrounds the number: spaces, a euro
 * sign or `EUR`, and the German `,–` for whole euros (`250,–`).
 */

export type AmountProblem = 'format' | 'decimals' | 'negative' | 'too-large';

export type Parsed = { ok: true; value: number } | { ok: false; problem: AmountProblem };

/** The largest amount a single field takes (Cents in common.schema.ts): 1 billion euros. */
export const MAX_AMOUNT_CENTS = 100_000_000_000;

const SEPARATORS: Record<Language, { group: string; decimal: string }> = {
  de: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * Euros as typed → integer cents. Empty text is not an amount (`format`); callers treat empty as
 * "not entered" before calling this.
 */
export function parseEuroInput(text: string, language: Language, maxCents = MAX_AMOUNT_CENTS): Parsed {
  let rest = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^(€|EUR)/i, '')
    .replace(/(€|EUR)$/i, '');
  if (/^[-−–]/.test(rest)) return { ok: false, problem: 'negative' };
  const { group, decimal } = SEPARATORS[language];
  // German "250,–" or "250,-": whole euros.
  if (language === 'de') rest = rest.replace(/,[-–]$/, '');
  const parts = splitNumber(rest, group, decimal);
  if (!parts) return { ok: false, problem: 'format' };
  const { whole, fraction } = parts;
  if (fraction.length > 2) return { ok: false, problem: 'decimals' };
  // Digits only from here on; 13 digits of euros already pass any limit, and keep the sum exact.
  const euros = whole.replace(/^0+(?=\d)/, '');
  if (euros.length > 13) return { ok: false, problem: 'too-large' };
  const cents = Number(euros || '0') * 100 + Number(fraction.padEnd(2, '0'));
  if (cents > maxCents) return { ok: false, problem: 'too-large' };
  return { ok: true, value: cents };
}

/** Integer cents → the text a person would type: `1.234,56` / `1,234.56` (no currency sign). */
export function formatEuroInput(cents: number, language: Language): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`not an amount in cents: ${cents}`);
  const { group, decimal } = SEPARATORS[language];
  const rest = cents % 100;
  const euros = (cents - rest) / 100;
  return `${groupThousands(euros, group)}${decimal}${String(rest).padStart(2, '0')}`;
}

/**
 * A percentage as typed (`50`, `37,5` / `37.5`, with or without `%`) → basis points, at most two
 * decimals (0.01 % = 1 bp). Range checks (e.g. 0.01–100 % of full time) are the caller's.
 */
export function parsePercentInput(text: string, language: Language): Parsed {
  const rest = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
  if (/^[-−–]/.test(rest)) return { ok: false, problem: 'negative' };
  const { decimal } = SEPARATORS[language];
  const parts = splitNumber(rest, null, decimal);
  if (!parts) return { ok: false, problem: 'format' };
  if (parts.fraction.length > 2) return { ok: false, problem: 'decimals' };
  const whole = parts.whole.replace(/^0+(?=\d)/, '');
  if (whole.length > 6) return { ok: false, problem: 'too-large' };
  return { ok: true, value: Number(whole || '0') * 100 + Number(parts.fraction.padEnd(2, '0')) };
}

/** Basis points → the percentage as typed, without needless decimals: `50`, `37,5` / `37.5`. */
export function formatPercentInput(bps: number, language: Language): string {
  if (!Number.isSafeInteger(bps) || bps < 0) throw new RangeError(`not basis points: ${bps}`);
  const rest = bps % 100;
  const whole = (bps - rest) / 100;
  const decimals = String(rest).padStart(2, '0').replace(/0+$/, '');
  return decimals ? `${whole}${SEPARATORS[language].decimal}${decimals}` : String(whole);
}

/** A whole number as typed (months, a year): digits only, surrounding spaces allowed. */
export function parseWholeNumber(text: string): Parsed {
  const rest = text.trim();
  if (/^[-−–]\d/.test(rest)) return { ok: false, problem: 'negative' };
  if (!/^\d{1,9}$/.test(rest)) return { ok: false, problem: 'format' };
  return { ok: true, value: Number(rest) };
}

/**
 * Splits `1.234,56` into whole digits and fraction digits. Group separators must sit every three
 * digits (`1.234.567`, not `12.34`); without a group separator (null) none is allowed.
 */
function splitNumber(
  text: string,
  group: string | null,
  decimal: string,
): { whole: string; fraction: string } | undefined {
  const g = group ? escapeForRegExp(group) : undefined;
  const d = escapeForRegExp(decimal);
  const wholePattern = g ? `(?:\\d{1,3}(?:${g}\\d{3})+|\\d+)` : '\\d+';
  const match = new RegExp(`^(${wholePattern})?(?:${d}(\\d*))?$`).exec(text);
  if (!match) return undefined;
  const whole = group ? (match[1] ?? '').replaceAll(group, '') : (match[1] ?? '');
  const fraction = match[2] ?? '';
  // Something must be a digit: "", "," and "€" alone are not amounts.
  if (!/\d/.test(whole + fraction)) return undefined;
  return { whole, fraction };
}

function escapeForRegExp(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function groupThousands(whole: number, separator: string): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
