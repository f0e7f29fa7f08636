/**
 * The six-digit code of an authenticator app (TOTP), as typed: apps show it as "123 456", so spaces
 * (and the odd dash) are dropped before it is checked and sent.
 */
export function normalizeTotpCode(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

export function isTotpCode(typed: string): boolean {
  return /^\d{6}$/.test(normalizeTotpCode(typed));
}

/** The input's attributes for such a code: digits keyboard, and the browser may fill it in. */
export const TOTP_INPUT_PROPS = {
  type: 'text',
  inputMode: 'numeric',
  autoComplete: 'one-time-code',
  spellCheck: false,
} as const;
