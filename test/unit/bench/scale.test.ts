import { describe, expect, it } from 'vitest';
import { backgroundSlot, readFigures } from '../../../bench/support/scale.ts';

describe('where the scale bench puts background applications', () => {
  const layout = { calls: 3, perOrganisation: 2 };

  it('spreads them over the other calls in turn and gives each organisation a fixed number', () => {
    const slots = Array.from({ length: 6 }, (_, n) => backgroundSlot(n, layout));
    expect(slots.map((s) => s.call)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(slots.map((s) => s.organisation)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(slots.map((s) => s.status)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'IN_REVIEW',
      'ASSESSED',
      'APPROVED',
      'DRAFT',
    ]);
  });

  it('places the n-th the same way whatever size is filled, so the big table is the small one plus more', () => {
    expect(backgroundSlot(999, { calls: 50, perOrganisation: 20 })).toEqual(
      backgroundSlot(999, { calls: 50, perOrganisation: 20 }),
    );
    expect(() => backgroundSlot(-1, layout)).toThrow();
  });
});

describe("what a handler call's reads add up to", () => {
  it("sums the Queries' ScannedCount and every read's units, and counts reads without capacity", () => {
    expect(
      readFigures([
        { command: 'QueryCommand', scannedCount: 20, capacityUnits: 3 },
        { command: 'QueryCommand', scannedCount: 5, capacityUnits: 1.5 },
        { command: 'BatchGetItemCommand', capacityUnits: 2 },
        { command: 'GetItemCommand' },
      ]),
    ).toEqual({ queries: 2, scannedCount: 25, readUnits: 6.5, withoutCapacity: 1 });
  });
});
