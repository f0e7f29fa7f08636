import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../../shared/domain/password-policy.ts';

describe('the password policy the portal checks before sign-up', () => {
  it('accepts a password the user pool accepts', () => {
    expect(passwordProblems('Sicheres-Passwort-2026')).toEqual([]);
  });

  it('names everything a weak password lacks', () => {
    expect(passwordProblems('kurz')).toEqual(['too-short', 'no-digit', 'no-uppercase']);
    expect(passwordProblems('GROSSBUCHSTABEN-123')).toEqual(['no-lowercase']);
    // Umlauts are letters, but the pool counts only a–z and A–Z.
    expect(passwordProblems('ÄÖÜäöüß-1234')).toEqual(['no-lowercase', 'no-uppercase']);
  });
});
