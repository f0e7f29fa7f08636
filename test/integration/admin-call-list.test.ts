import { beforeAll, describe, expect, it } from 'vitest';
import { aCall } from '../support/calls.ts';
import {
  api,
  givenCall,
  givenDraft,
  givenOrganisation,
  givenUser,
  type TestUser,
} from '../support/local-stack.ts';

const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

interface AdminCall {
  id: string;
  phase: string;
  version: number;
  applicationCount: number;
}

let admin: TestUser;

beforeAll(async () => {
  admin = await givenUser(['admin']);
});

describe('GET /api/admin/calls', () => {
  it('lists every call whatever its phase — open first, then upcoming, then closed — with version and application count', async () => {
    const closed = await givenCall(aCall({ opensAt: daysFromNow(-60), closesAt: daysFromNow(-5) }));
    const upcoming = await givenCall(aCall({ opensAt: daysFromNow(20), closesAt: daysFromNow(80) }));
    const open = await givenCall(aCall({ opensAt: daysFromNow(-3), closesAt: daysFromNow(40) }));
    const member = await givenUser(['applicant'], 'member');
    await givenDraft(member, await givenOrganisation([member]), open.id);

    const list = await api<{ items: AdminCall[] }>('GET', '/api/admin/calls', { token: admin.token });

    expect(list.status).toBe(200);
    const mine = list.body.items.filter((item) => [closed.id, upcoming.id, open.id].includes(item.id));
    expect(mine.map((item) => [item.id, item.phase, item.version, item.applicationCount])).toEqual([
      [open.id, 'open', 1, 1],
      [upcoming.id, 'upcoming', 1, 0],
      [closed.id, 'closed', 1, 0],
    ]);
    // The phases come in blocks, whatever else the shared stack holds.
    const phases = list.body.items.map((item) => item.phase);
    expect(phases).toEqual([
      ...phases.filter((phase) => phase === 'open'),
      ...phases.filter((phase) => phase === 'upcoming'),
      ...phases.filter((phase) => phase === 'closed'),
    ]);
    // The public list has no closed calls without asking and no bookkeeping at all.
    const publicList = await api<{ items: Record<string, unknown>[] }>('GET', '/api/calls');
    expect(publicList.body.items.some((item) => item.id === closed.id)).toBe(false);
    expect(publicList.body.items.find((item) => item.id === open.id)).not.toHaveProperty('applicationCount');
  });
});

describe('GET /api/admin/calls/{callId}', () => {
  it('answers the call with its ETag, and the application count that freezes its terms', async () => {
    const call = await givenCall(aCall());
    const renamed = await api('PATCH', `/api/admin/calls/${call.id}`, {
      token: admin.token,
      headers: { 'if-match': '"1"' },
      body: { title: { de: 'Neuer Titel', en: 'New title' } },
    });
    expect(renamed.status).toBe(200);

    const read = await api<AdminCall & { title: { de: string } }>('GET', `/api/admin/calls/${call.id}`, {
      token: admin.token,
    });

    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"2"');
    expect(read.body).toMatchObject({
      id: call.id,
      version: 2,
      applicationCount: 0,
      title: { de: 'Neuer Titel' },
    });
  });

  it('answers 404 for a call that does not exist', async () => {
    const read = await api('GET', '/api/admin/calls/gibt-es-nicht', { token: admin.token });
    expect(read.status).toBe(404);
  });
});
