import { describe, expect, it } from 'vitest';
import { applyMergePatch } from '../../../shared/domain/merge-patch.ts';

describe('applyMergePatch', () => {
  // The examples of RFC 7396, Appendix A, verbatim.
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('RFC 7396: %j patched with %j is %j', (target, patch, result) => {
    expect(applyMergePatch(target, patch)).toEqual(result);
  });

  it('leaves the stored record untouched (autosave may retry with the same target)', () => {
    const target = { title: 'Sprachcafé', financePlan: { ownContributionCents: 190_000, fees: [] } };
    const before = structuredClone(target);
    applyMergePatch(target, { financePlan: { ownContributionCents: null, requestedGrantCents: 3_488_500 } });
    expect(target).toEqual(before);
  });

  it('edits one field of a finance plan and keeps the others', () => {
    const stored = {
      title: 'Sprachcafé',
      financePlan: { ownContributionCents: 190_000, requestedGrantCents: 1 },
    };
    expect(applyMergePatch(stored, { financePlan: { requestedGrantCents: 3_488_500 } })).toEqual({
      title: 'Sprachcafé',
      financePlan: { ownContributionCents: 190_000, requestedGrantCents: 3_488_500 },
    });
  });

  it('never lets __proto__, constructor or prototype keys reach a prototype', () => {
    // JSON.parse creates "__proto__" as an ordinary own key, exactly as a request body arrives.
    const patches = [
      '{"__proto__": {"polluted": "yes"}}',
      '{"constructor": {"prototype": {"polluted": "yes"}}}',
      '{"prototype": {"polluted": "yes"}}',
      '{"financePlan": {"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}}',
    ].map((json) => JSON.parse(json) as unknown);

    for (const patch of patches) {
      const result = applyMergePatch({ title: 'Sprachcafé', financePlan: {} }, patch) as Record<
        string,
        unknown
      >;
      expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
      expect(Object.keys(result).sort()).toEqual(['financePlan', 'title']);
      const plan = result.financePlan as Record<string, unknown>;
      expect(Object.getPrototypeOf(plan)).toBe(Object.prototype);
      expect(Object.keys(plan)).toEqual([]);
      expect((result as { polluted?: unknown }).polluted).toBeUndefined();
      expect((plan as { polluted?: unknown }).polluted).toBeUndefined();
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
