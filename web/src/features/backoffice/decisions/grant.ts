import type { Call } from '#shared/api/schemas/call.schema.ts';
import { type GrantBasis, grantViolations } from '#shared/domain/decision.ts';
import type { RuleViolation } from '#shared/domain/errors.ts';
import { decisions } from '../../../i18n/decisions.ts';
import type { Language } from '../../../i18n/messages.ts';
import { type AmountProblem, formatEuroInput, parseEuroInput } from '../../application-form/amounts.ts';

/**
 * A grant typed by an approver: read as people write euros (application-form/amounts.ts) and judged by
 * the shared approval rule (grantViolations: at most the amount requested, the call's maximum and its
 * funding rate of the total costs; reasons when less than requested), so the field says at once what
 * the server would refuse.
 */
export interface GrantCheck {
  /** The amount in cents, when the text could be read. */
  cents?: number;
  /** What is wrong with the amount (unreadable, or against the rules), in the UI language. */
  amountError?: string;
  /** Reasons are needed (less than requested) and missing. */
  reasonsError?: string;
}

export function amountProblemText(problem: AmountProblem, language: Language): string {
  const t = decisions[language];
  if (problem === 'decimals') return t.amountDecimals;
  if (problem === 'negative') return t.amountNegative;
  if (problem === 'too-large') return t.amountTooLarge;
  return t.amountFormat;
}

/** Reads an amount; empty text is "nothing entered". */
export function readAmount(text: string, language: Language): { cents?: number; error?: string } {
  if (!text.trim()) return { error: decisions[language].amountMissing };
  const parsed = parseEuroInput(text, language);
  return parsed.ok ? { cents: parsed.value } : { error: amountProblemText(parsed.problem, language) };
}

export function checkGrant(
  text: string,
  reasons: string,
  basis: GrantBasis,
  call: Pick<Call, 'rules'>,
  language: Language,
): GrantCheck {
  const read = readAmount(text, language);
  if (read.cents === undefined) return { amountError: read.error };
  return {
    cents: read.cents,
    ...violationTexts(grantViolations(basis, call, { grantedCents: read.cents, reasons }), language),
  };
}

/** The rule's findings split by field, in the UI language. */
export function violationTexts(
  violations: readonly RuleViolation[],
  language: Language,
): { amountError?: string; reasonsError?: string } {
  const amount = violations.filter((v) => v.path.endsWith('grantedCents')).map((v) => v.message[language]);
  const reasons = violations.find((v) => v.path.endsWith('reasons'))?.message[language];
  return {
    ...(amount.length > 0 ? { amountError: amount.join(' ') } : {}),
    ...(reasons ? { reasonsError: reasons } : {}),
  };
}

/** An amount as the approver would type it, in the UI language. */
export const amountText = (cents: number, language: Language) => formatEuroInput(cents, language);

/**
 * An amount typed in one language, written as the other would (on a language switch, so "14.402,00"
 * does not become unreadable in English). Text that cannot be read stays as it is.
 */
export function convertAmountText(text: string, from: Language, to: Language): string {
  if (from === to || !text.trim()) return text;
  const parsed = parseEuroInput(text, from);
  return parsed.ok ? formatEuroInput(parsed.value, to) : text;
}

/** Conditions typed one per line → the list the API takes (empty lines dropped). */
export function conditionLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
