/**
 * What the authenticator setup shows, as plain functions (unit-tested): the secret Cognito handed out,
 * in groups of four for typing it into an app, and the otpauth:// link (Key URI format) that apps open
 * or read from a QR code. TOTP as Cognito does it: SHA-1, 6 digits, 30 seconds, the apps' defaults, so
 * the link does not spell them out.
 */
export const TOTP_ISSUER = 'foerderflow';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP" (Base32 has no spaces, so they are only for reading). */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** otpauth://totp/foerderflow:<email>?secret=…&issuer=foerderflow — the app shows issuer and account. */
export function otpauthUri(email: string, secret: string): string {
  const label = `${encodeURIComponent(TOTP_ISSUER)}:${encodeURIComponent(email)}`;
  const query = new URLSearchParams({ secret: secret.replace(/\s/g, ''), issuer: TOTP_ISSUER });
  return `otpauth://totp/${label}?${query.toString()}`;
}
