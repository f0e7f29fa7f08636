import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbCallRepository } from '../../shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { keys } from '../../shared/adapters/dynamodb/keys.ts';
import type { Call } from '../../shared/api/schemas/call.schema.ts';
import { ConcurrentChangeError } from '../../shared/domain/errors.ts';
import { aCall } from '../support/calls.ts';
import {
  api,
  documentClient,
  givenCall,
  givenDraft,
  givenOrganisation,
  givenUser,
  stack,
  type TestUser,
} from '../support/local-stack.ts';

const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

interface Problem {
  status: number;
  detail?: string;
  errors?: { path: string; code?: string; message: string }[];
  lockedFields?: string[];
  currentVersion?: number;
}

let admin: TestUser;
let member: TestUser;
let orgId: string;

beforeAll(async () => {
  [admin, member] = await Promise.all([givenUser(['admin']), givenUser(['applicant'], 'member')]);
  orgId = await givenOrganisation([member]);
});

const createCall = (body: unknown, token = admin.token) => api('POST', '/api/admin/calls', { token, body });
const patchCall = (callId: string, body: unknown, ifMatch: string | undefined, language = 'de') =>
  api<Record<string, unknown> & Problem>('PATCH', `/api/admin/calls/${callId}`, {
    token: admin.token,
    body,
    headers: { 'accept-language': language, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
  });
const publicCall = (callId: string) => api<Call & { phase: string }>('GET', `/api/calls/${callId}`);

describe('POST /api/admin/calls', () => {
  it('creates a call (201, ETag, Location) that anyone can then read and find in the list', async () => {
    const call = aCall({ strand: 'B', selectionMode: 'competitive', financingType: 'deficit' });

    const created = await createCall(call);

    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`/api/calls/${call.id}`);
    expect(created.body).toMatchObject({
      ...call,
      phase: 'open',
      version: 1,
      applicationCount: 0,
      createdBy: admin.sub,
      updatedBy: admin.sub,
    });

    const read = await publicCall(call.id);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual({ ...call, phase: 'open' });

    const list = await api<{ items: { id: string; phase: string }[] }>('GET', '/api/calls');
    expect(list.body.items.find((item) => item.id === call.id)?.phase).toBe('open');
  });

  it('lists a call that opens later as upcoming', async () => {
    const call = aCall({ opensAt: daysFromNow(7), closesAt: daysFromNow(60) });
    expect((await createCall(call)).status).toBe(201);
    const list = await api<{ items: { id: string; phase: string }[] }>('GET', '/api/calls?phase=upcoming');
    expect(list.body.items.find((item) => item.id === call.id)?.phase).toBe('upcoming');
  });

  it('refuses an id that exists with 409 and keeps the existing call', async () => {
    const call = aCall();
    expect((await createCall(call)).status).toBe(201);

    const again = await createCall({ ...call, title: { de: 'Überschrieben', en: 'Overwritten' } });

    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect((await publicCall(call.id)).body.title).toEqual(call.title);
  });

  const label = { de: 'Kriterium', en: 'Criterion' };
  it.each([
    {
      rule: 'the deadline comes after the opening',
      call: () => aCall({ opensAt: daysFromNow(10), closesAt: daysFromNow(5) }),
      path: 'closesAt',
    },
    {
      rule: 'the project period does not end before it starts',
      call: () =>
        aCall({ projectPeriod: { earliestStart: '2027-04-01', latestEnd: '2027-01-31', maxMonths: 1 } }),
      path: 'projectPeriod.latestEnd',
    },
    {
      rule: 'the maximum duration fits the project period',
      call: () =>
        aCall({ projectPeriod: { earliestStart: '2027-04-01', latestEnd: '2027-09-30', maxMonths: 12 } }),
      path: 'projectPeriod.maxMonths',
    },
    {
      rule: 'funding rate and own share can both hold',
      call: () =>
        aCall({
          rules: {
            maxGrantCents: 1_500_000,
            maxFundingRateBps: 10_000,
            minOwnShareBps: 500,
            adminFlatRateBps: 1000,
          },
        }),
      path: 'rules.minOwnShareBps',
    },
    {
      rule: 'rubric ids are unique',
      call: () =>
        aCall({
          rubric: [
            { id: 'konzept', weight: 1, label },
            { id: 'konzept', weight: 2, label },
          ],
        }),
      path: 'rubric.1.id',
    },
    {
      rule: 'required-document ids are unique',
      call: () =>
        aCall({
          requiredDocuments: [
            { id: 'satzung', mandatory: true, label },
            { id: 'projektkonzept', mandatory: true, label },
            { id: 'satzung', mandatory: false, label },
          ],
        }),
      path: 'requiredDocuments.2.id',
    },
    {
      rule: 'a competitive call has a rubric',
      call: () => aCall({ selectionMode: 'competitive', rubric: [] }),
      path: 'rubric',
    },
  ])('refuses a call unless $rule (422 at $path), and stores nothing', async ({ call, path }) => {
    const body = call();

    const response = await createCall(body);

    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((response.body as unknown as Problem).errors).toEqual([
      expect.objectContaining({ path, in: 'body', message: expect.any(String) }),
    ]);
    expect((await publicCall(body.id)).status).toBe(404);
  });

  it('answers in English when asked, and in German by default', async () => {
    const body = aCall({ selectionMode: 'competitive', rubric: [] });
    const german = await createCall(body);
    const english = await api<Problem>('POST', '/api/admin/calls', {
      token: admin.token,
      body,
      headers: { 'accept-language': 'en' },
    });
    expect((german.body as unknown as Problem).errors?.[0]?.message).toMatch(/Bewertungskriterium/);
    expect(english.body.errors?.[0]?.message).toMatch(/scoring criterion/);
  });

  it('refuses fields that are not part of a call definition (e.g. read-only ones) with 422', async () => {
    const response = await createCall({ ...aCall(), applicationCount: 0 });
    expect(response.status).toBe(422);
  });

  it('is for admins only: applicants, reviewers and approvers get 403, anonymous callers 401', async () => {
    const [reviewer, approver] = await Promise.all([givenUser(['reviewer']), givenUser(['approver'])]);
    for (const user of [member, reviewer, approver]) {
      const call = aCall();
      expect((await createCall(call, user.token)).status).toBe(403);
      expect((await publicCall(call.id)).status).toBe(404);
    }
    expect((await api('POST', '/api/admin/calls', { body: aCall() })).status).toBe(401);
  });
});

describe('PATCH /api/admin/calls/{callId}', () => {
  it('changes the rules of a call nobody has applied to yet, as version 2', async () => {
    const call = await givenCall(aCall());

    const response = await patchCall(call.id, { rules: { maxGrantCents: 2_000_000 } }, '"1"');

    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(response.body).toMatchObject({ version: 2, updatedBy: admin.sub, applicationCount: 0 });
    const read = await publicCall(call.id);
    expect(read.headers.get('etag')).toBe('"2"');
    expect(read.body.rules).toEqual({ ...call.rules, maxGrantCents: 2_000_000 });
  });

  it('requires If-Match (428) and refuses a stale one (412) without changing the call', async () => {
    const call = await givenCall(aCall());
    expect((await patchCall(call.id, { budgetCents: 20_000_000 }, '"1"')).status).toBe(200);

    const missing = await patchCall(call.id, { budgetCents: 1 }, undefined);
    const stale = await patchCall(call.id, { budgetCents: 30_000_000 }, '"1"');

    expect(missing.status).toBe(428);
    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(2);
    const read = await publicCall(call.id);
    expect(read.body.budgetCents).toBe(20_000_000);
    expect(read.headers.get('etag')).toBe('"2"');
  });

  it('answers 404 for an unknown call', async () => {
    expect((await patchCall('no-such-call', { budgetCents: 1 }, '"1"')).status).toBe(404);
  });

  it('validates the patched call: schema errors and broken rules are 422 with their paths', async () => {
    const call = await givenCall(aCall());

    const schema = await patchCall(call.id, { rules: { maxGrantCents: -5 }, title: null }, '"1"');
    expect(schema.status).toBe(422);
    expect(schema.body.errors?.map((e) => e.path).sort()).toEqual(['rules.maxGrantCents', 'title']);

    const rules = await patchCall(call.id, { closesAt: call.opensAt }, '"1"');
    expect(rules.status).toBe(422);
    expect(rules.body.errors?.map((e) => e.path)).toEqual(['closesAt']);

    const id = await patchCall(call.id, { id: 'another-id' }, '"1"');
    expect(id.status).toBe(422);
    expect(id.body.errors?.map((e) => e.path)).toEqual(['id']);

    expect((await publicCall(call.id)).headers.get('etag')).toBe('"1"');
  });

  it('keeps the deadline index in step: a deadline moved into the past moves the call to the closed list', async () => {
    const call = await givenCall(aCall({ opensAt: daysFromNow(-20), closesAt: daysFromNow(20) }));
    const pastDeadline = daysFromNow(-1);

    expect((await patchCall(call.id, { closesAt: pastDeadline }, '"1"')).status).toBe(200);

    const current = await api<{ items: { id: string }[] }>('GET', '/api/calls');
    const closed = await api<{ items: { id: string; phase: string }[] }>('GET', '/api/calls?phase=closed');
    expect(current.body.items.some((item) => item.id === call.id)).toBe(false);
    expect(closed.body.items.find((item) => item.id === call.id)?.phase).toBe('closed');
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: stack().tableName, Key: keys.call(call.id) }),
    );
    expect(Item?.gsi1sk).toBe(`${new Date(pastDeadline).toISOString()}#${call.id}`);
  });

  it('edits calls stored before calls had versions, as version 1', async () => {
    const call = aCall();
    await documentClient().send(
      new PutCommand({
        TableName: stack().tableName,
        Item: {
          ...keys.call(call.id),
          ...keys.callsIndex(new Date(call.closesAt).toISOString(), call.id),
          ...call,
        },
      }),
    );
    expect((await publicCall(call.id)).headers.get('etag')).toBe('"1"');

    const response = await patchCall(call.id, { budgetCents: 12_000_000 }, '"1"');

    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
  });

  it('lets exactly one of several concurrent edits of the same version through; the others get 412', async () => {
    const call = await givenCall(aCall());
    const budgets = [11_000_000, 12_000_000, 13_000_000, 14_000_000, 15_000_000, 16_000_000];

    const responses = await Promise.all(
      budgets.map((budgetCents) => patchCall(call.id, { budgetCents }, '"1"')),
    );

    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412, 412, 412, 412, 412]);
    const winner = responses.find((r) => r.status === 200);
    const read = await publicCall(call.id);
    expect(read.headers.get('etag')).toBe('"2"');
    expect(read.body.budgetCents).toBe(winner?.body.budgetCents);
  });

  describe('once an association has started an application', () => {
    let call: Call;

    beforeAll(async () => {
      call = await givenCall(aCall({ closesAt: daysFromNow(30), budgetCents: 10_000_000 }));
      // Draft creation counts the draft on the call in the same transaction (applicationCount).
      await givenDraft(member, orgId, call.id);
    });

    const currentVersion = async () => (await publicCall(call.id)).headers.get('etag') ?? '';

    it('refuses a rule change with 409 naming the locked field, and changes nothing', async () => {
      const before = await publicCall(call.id);

      const response = await patchCall(
        call.id,
        { rules: { maxGrantCents: 2_000_000 } },
        await currentVersion(),
        'en',
      );

      expect(response.status).toBe(409);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body.lockedFields).toEqual(['rules.maxGrantCents']);
      expect(response.body.detail).toContain('rules.maxGrantCents');
      const after = await publicCall(call.id);
      expect(after.body).toEqual(before.body);
      expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    });

    it('refuses a smaller budget and other terms, naming each locked field', async () => {
      const response = await patchCall(
        call.id,
        { budgetCents: 5_000_000, selectionMode: 'competitive', eligibleLegalForms: ['ggmbh'] },
        await currentVersion(),
      );
      expect(response.status).toBe(409);
      expect(response.body.lockedFields?.sort()).toEqual([
        'budgetCents',
        'eligibleLegalForms',
        'selectionMode',
      ]);
    });

    it('still extends the deadline', async () => {
      const later = daysFromNow(45);

      const response = await patchCall(call.id, { closesAt: later }, await currentVersion());

      expect(response.status).toBe(200);
      expect(response.body.applicationCount).toBe(1);
      expect((await publicCall(call.id)).body.closesAt).toBe(later);
    });

    it('refuses to bring the deadline forward', async () => {
      const before = (await publicCall(call.id)).body.closesAt;

      const response = await patchCall(call.id, { closesAt: daysFromNow(10) }, await currentVersion());

      expect(response.status).toBe(409);
      expect(response.body.lockedFields).toEqual(['closesAt']);
      expect((await publicCall(call.id)).body.closesAt).toBe(before);
    });

    it('still takes new display texts and a larger budget', async () => {
      const response = await patchCall(
        call.id,
        { title: { de: 'Kleinprojekte (Aufstockung)' }, budgetCents: 15_000_000 },
        await currentVersion(),
      );
      expect(response.status).toBe(200);
      const read = await publicCall(call.id);
      expect(read.body.title.de).toBe('Kleinprojekte (Aufstockung)');
      expect(read.body.budgetCents).toBe(15_000_000);
    });
  });
});

describe('the conditional write behind PATCH (DynamoDB Local)', () => {
  // A draft can be created between the PATCH's read (count 0) and its write. The write's condition is
  // what must catch that; here the draft is simulated with the same ADD draft creation uses.
  it('refuses a rule change once the application count is above 0, and still lets a deadline extension through', async () => {
    const repository = new DynamoDbCallRepository(documentClient(), stack().tableName);
    const call = await givenCall(aCall());
    const read = await repository.find(call.id);
    expect(read?.applicationCount).toBe(0);
    await documentClient().send(
      new UpdateCommand({
        TableName: stack().tableName,
        Key: keys.call(call.id),
        UpdateExpression: 'ADD applicationCount :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    const at = new Date().toISOString();
    const next = { ...call, version: 2, updatedAt: at, updatedBy: admin.sub };

    await expect(
      repository.update(
        { ...next, rules: { ...call.rules, maxGrantCents: 1 } },
        { expectedVersion: 1, onlyWithoutApplications: true },
      ),
    ).rejects.toBeInstanceOf(ConcurrentChangeError);
    const extended = await repository.update(
      { ...next, closesAt: daysFromNow(90) },
      { expectedVersion: 1, onlyWithoutApplications: false },
    );

    expect(extended).toMatchObject({ version: 2, applicationCount: 1, rules: call.rules });
  });
});
