import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/adapters/dynamodb/keys.ts';
import { aCall } from '../support/calls.ts';
import { api, documentClient, givenCall, stack } from '../support/local-stack.ts';

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

const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

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

  describe('by phase', () => {
    const phases = async (query: string) => {
      const response = await api<CallsBody>('GET', `/api/calls${query}`);
      expect(response.status).toBe(200);
      return new Map(response.body.items.map((call) => [call.id, call.phase]));
    };

    it('lists upcoming and open calls by default, and past ones only with phase=closed', async () => {
      const [upcoming, open, closed] = await Promise.all([
        givenCall(aCall({ opensAt: daysFromNow(5), closesAt: daysFromNow(40) })),
        givenCall(aCall({ opensAt: daysFromNow(-5), closesAt: daysFromNow(40) })),
        givenCall(aCall({ opensAt: daysFromNow(-40), closesAt: daysFromNow(-1) })),
      ]);

      const byDefault = await phases('');
      expect(byDefault.get(upcoming.id)).toBe('upcoming');
      expect(byDefault.get(open.id)).toBe('open');
      expect(byDefault.has(closed.id)).toBe(false);

      const onlyClosed = await phases('?phase=closed');
      expect(onlyClosed.get(closed.id)).toBe('closed');
      expect([...onlyClosed.values()].every((phase) => phase === 'closed')).toBe(true);
      expect(onlyClosed.has(open.id)).toBe(false);

      const onlyOpen = await phases('?phase=open');
      expect(onlyOpen.get(open.id)).toBe('open');
      expect(onlyOpen.has(upcoming.id)).toBe(false);

      const onlyUpcoming = await phases('?phase=upcoming');
      expect(onlyUpcoming.get(upcoming.id)).toBe('upcoming');
      expect(onlyUpcoming.has(open.id)).toBe(false);
    });

    it('lists past calls the most recent deadline first', async () => {
      const older = await givenCall(aCall({ opensAt: daysFromNow(-90), closesAt: daysFromNow(-60) }));
      const recent = await givenCall(aCall({ opensAt: daysFromNow(-90), closesAt: daysFromNow(-2) }));
      const { body } = await api<CallsBody>('GET', '/api/calls?phase=closed');
      const ids = body.items.map((call) => call.id);
      expect(ids.indexOf(recent.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(recent.id)).toBeLessThan(ids.indexOf(older.id));
      const deadlines = body.items.map((call) => Date.parse(call.closesAt));
      expect(deadlines).toEqual([...deadlines].sort((a, b) => b - a));
    });

    it('refuses an unknown phase with 422 naming the query parameter', async () => {
      const response = await api('GET', '/api/calls?phase=archived');
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body.errors).toEqual([expect.objectContaining({ path: 'phase', in: 'query' })]);
    });
  });
});

describe('GET /api/calls/{callId}', () => {
  it('shows one call with its rules and phase to anyone, with its version as ETag', async () => {
    const call = await givenCall(aCall({ opensAt: daysFromNow(3), closesAt: daysFromNow(30) }));

    const response = await api('GET', `/api/calls/${call.id}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toEqual({ ...call, phase: 'upcoming' });
  });

  it('keeps bookkeeping to itself: no version, audit fields or application count in the body', async () => {
    const call = await givenCall(aCall());
    await documentClient().send(
      new PutCommand({
        TableName: stack().tableName,
        Item: {
          ...keys.call(call.id),
          ...keys.callsIndex(new Date(call.closesAt).toISOString(), call.id),
          ...call,
          version: 4,
          applicationCount: 7,
          createdBy: 'some-admin-sub',
        },
      }),
    );
    const response = await api('GET', `/api/calls/${call.id}`);
    expect(response.headers.get('etag')).toBe('"4"');
    expect(Object.keys(response.body).sort()).toEqual([...Object.keys(call), 'phase'].sort());
    const listed = await api<CallsBody>('GET', '/api/calls');
    const item = listed.body.items.find((c) => c.id === call.id);
    expect(item && Object.keys(item).sort()).toEqual([...Object.keys(call), 'phase'].sort());
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of ['no-such-call', 'NOT_AN_ID']) {
      const response = await api('GET', `/api/calls/${id}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
