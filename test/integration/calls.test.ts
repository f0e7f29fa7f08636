import { describe, expect, it } from 'vitest';
import { api } from '../support/local-stack.ts';

interface CallsBody {
  items: {
    id: string;
    phase: string;
    selectionMode: string;
    strand: string;
    title: { de: string; en: string };
    rules: { maxGrantCents: number; adminFlatRateBps: number };
    closesAt: string;
  }[];
}

describe('GET /api/calls', () => {
  it('lists the seeded calls with their rules to anyone, without signing in', async () => {
    const response = await api<CallsBody>('GET', '/api/calls');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const seeded = response.body.items.filter((call) => /^im-\d{4}-[bc]$/.test(call.id));
    expect(seeded.map((call) => [call.strand, call.selectionMode, call.phase]).sort()).toEqual([
      ['B', 'competitive', 'open'],
      ['C', 'rolling', 'open'],
    ]);
    const single = seeded.find((call) => call.strand === 'B');
    expect(single?.title.de).toMatch(/^Einzelprojekte \d{4}$/);
    expect(single?.rules).toMatchObject({ maxGrantCents: 14_000_000, adminFlatRateBps: 1000 });
    // Deadlines are Berlin wall-clock times: 23:59:59 with the Berlin offset of that day.
    expect(single?.closesAt).toMatch(/T23:59:59\+0[12]:00$/);
  });

  it('orders calls by deadline, the earliest first', async () => {
    const { body } = await api<CallsBody>('GET', '/api/calls');
    const deadlines = body.items.map((call) => Date.parse(call.closesAt));
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
  });
});
