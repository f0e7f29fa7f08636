import { describe, expect, it } from 'vitest';
import { callerFromClaims, parseGroups } from '../../../shared/http/caller.ts';

describe('parseGroups', () => {
  it.each([
    ['the HttpApi JWT authorizer form', '[applicant reviewer]', ['applicant', 'reviewer']],
    ['a single flattened group', '[admin]', ['admin']],
    ['an array (direct invocation)', ['approver', 'reviewer'], ['approver', 'reviewer']],
    ['a JSON array string', '["reviewer","admin"]', ['reviewer', 'admin']],
    ['a comma-separated string', 'applicant,admin', ['applicant', 'admin']],
    ['an empty flattened list', '[]', []],
    ['nothing at all', undefined, []],
  ])('reads %s', (_form, raw, groups) => {
    expect(parseGroups(raw)).toEqual(groups);
  });

  it('drops names that are not groups of this product, and duplicates', () => {
    expect(parseGroups('[applicant superuser applicant]')).toEqual(['applicant']);
  });
});

describe('callerFromClaims', () => {
  it('builds the caller from the authorizer claims', () => {
    expect(
      callerFromClaims({
        sub: 'abc',
        email: 'a@example.org',
        'cognito:groups': '[reviewer]',
        exp: '1893456000',
      }),
    ).toEqual({ sub: 'abc', email: 'a@example.org', groups: ['reviewer'] });
  });

  it('marks the email verified only when the token says so, in either claim form', () => {
    expect(
      callerFromClaims({ sub: 'a', email: 'a@example.org', email_verified: 'true' })?.emailVerified,
    ).toBe(true);
    expect(callerFromClaims({ sub: 'a', email: 'a@example.org', email_verified: true })?.emailVerified).toBe(
      true,
    );
    expect(
      callerFromClaims({ sub: 'a', email: 'a@example.org', email_verified: 'false' }),
    ).not.toHaveProperty('emailVerified');
    expect(callerFromClaims({ sub: 'a', email_verified: 'true' })).not.toHaveProperty('emailVerified');
  });

  it('has no caller without a subject', () => {
    expect(callerFromClaims({ email: 'a@example.org' })).toBeUndefined();
    expect(callerFromClaims(undefined)).toBeUndefined();
  });
});
