import { describe, expect, it } from 'vitest';
import { etagOf, versionFromIfMatch } from '../../../shared/http/if-match.ts';
import { ProblemError } from '../../../shared/http/problem.ts';

function statusOf(ifMatch: string | undefined): number | undefined {
  try {
    versionFromIfMatch({ 'if-match': ifMatch });
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    return (error as ProblemError).status;
  }
}

describe('versionFromIfMatch', () => {
  it('reads the version from the quoted ETag the client was given', () => {
    expect(versionFromIfMatch({ 'if-match': etagOf(7) })).toBe(7);
    expect(versionFromIfMatch({ 'if-match': '"123456789"' })).toBe(123_456_789);
  });

  it('accepts a weak ETag (proxies may weaken it) and surrounding blanks', () => {
    expect(versionFromIfMatch({ 'if-match': 'W/"7"' })).toBe(7);
    expect(versionFromIfMatch({ 'if-match': '  "7"  ' })).toBe(7);
  });

  it('answers 428 when the header is missing or empty, so no edit overwrites blindly', () => {
    expect(statusOf(undefined)).toBe(428);
    expect(() => versionFromIfMatch({})).toThrow(ProblemError);
    expect(statusOf('')).toBe(428);
    expect(statusOf('   ')).toBe(428);
  });

  it('answers 412 for anything that is not a version we issued', () => {
    // "*" would match any version and so defeat the lost-update protection: refused like garbage.
    for (const garbage of ['7', '"abc"', '"-1"', '"1.5"', '"7', '*', '"1", "2"', '"1234567890"', 'W/ "7"']) {
      expect(statusOf(garbage), garbage).toBe(412);
    }
  });
});
