import { describe, expect, it } from 'vitest';
import { isTotpCode, normalizeTotpCode } from '../../../web/src/auth/totp-code.ts';
import { groupSecret, otpauthUri } from '../../../web/src/features/account-security/authenticator.ts';

describe('the authenticator setup', () => {
  it('shows the secret in groups of four, for typing it into an app', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    // Cognito's secrets are 32 or more characters, not always a multiple of four.
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(groupSecret('')).toBe('');
  });

  it('links the app with an otpauth URI naming foerderflow and the person', () => {
    expect(otpauthUri('rita.pruefer@example.org', 'JBSW Y3DP EHPK 3PXP')).toBe(
      'otpauth://totp/foerderflow:rita.pruefer%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=foerderflow',
    );
    // An address with a plus or spaces stays one label.
    expect(otpauthUri('a+b@example.org', 'ABCD')).toBe(
      'otpauth://totp/foerderflow:a%2Bb%40example.org?secret=ABCD&issuer=foerderflow',
    );
  });

  it('takes the six-digit code as apps show it, with spaces, and nothing else', () => {
    expect(normalizeTotpCode(' 123 456 ')).toBe('123456');
    expect(isTotpCode('123 456')).toBe(true);
    expect(isTotpCode('123-456')).toBe(true);
    expect(isTotpCode('12345')).toBe(false);
    expect(isTotpCode('1234567')).toBe(false);
    expect(isTotpCode('12345a')).toBe(false);
    expect(isTotpCode('')).toBe(false);
  });
});
