import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { aCall } from '../support/calls.ts';
import {
  api,
  documentClient,
  drain,
  givenCall,
  givenCompleteDraft,
  givenDraft,
  givenOrganisation,
  givenUser,
  sentEmails,
  stack,
  type TestUser,
} from '../support/local-stack.ts';
import { anOrganisationProfile } from '../support/organisations.ts';

interface Problem {
  status: number;
  currentStatus?: string;
  errors?: { path: string; message: string; code?: string }[];
}

interface ApplicationBody {
  id: string;
  status: string;
  version: number;
  reference?: string;
  withdrawal?: { reason: string };
}

interface TimelineBody {
  items: {
    type: string;
    title: string;
    detail?: string;
    by: { kind: string; email?: string };
    status: string;
  }[];
}

const submit = (id: string, user: TestUser, key?: string) =>
  api<ApplicationBody & Problem>('POST', `/api/applications/${id}/submit`, {
    token: user.token,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

describe('submit: POST /api/applications/{id}/submit', () => {
  let member: TestUser;
  let orgId: string;
  let callId: string;

  beforeAll(async () => {
    member = await givenUser(['applicant'], 'submitter');
    orgId = await givenOrganisation([member]);
    callId = (await givenCall(aCall())).id;
  });

  it('submits a complete draft: 202, SUBMITTED, and the intake gives it its Aktenzeichen', async () => {
    const draft = await givenCompleteDraft(member, orgId, callId);

    const response = await submit(draft.id, member, randomUUID());

    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ status: 'SUBMITTED', version: draft.version + 1 });
    await drain();
    const read = await api<ApplicationBody>('GET', `/api/applications/${draft.id}`, { token: member.token });
    expect(read.body.reference).toMatch(/^IM-2027-C-\d{6}$/);
  });

  it('names every reason against submitting at once, and changes nothing', async () => {
    const sloppy = await givenUser(['applicant'], 'sloppy');
    const withoutAddress = await givenOrganisation(
      [sloppy],
      undefined,
      anOrganisationProfile({ address: undefined }),
    );
    const strict = await givenCall(
      aCall({
        requiredDocuments: [
          { id: 'satzung', label: { de: 'Satzung', en: 'Articles of association' }, mandatory: true },
        ],
      }),
    );
    const draft = await givenDraft(sloppy, withoutAddress, strict.id);
    await api('PATCH', `/api/applications/${draft.id}`, {
      token: sloppy.token,
      headers: { 'if-match': '"1"' },
      body: {
        financePlan: {
          material: [{ id: 'm', description: 'Miete', amountCents: 100_000 }],
          requestedGrantCents: 5,
        },
      },
    });

    const response = await submit(draft.id, sloppy);

    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const reasons = response.body.errors?.map((error) => `${error.path} ${error.code}`) ?? [];
    expect(reasons).toEqual(
      expect.arrayContaining([
        'financePlan.requestedGrantCents plan-unbalanced',
        'summary required',
        'declarations.subsidyFactsAcknowledged required',
        'organisation.address.street missing',
        'documents.satzung document-missing',
      ]),
    );
    expect(response.body.errors?.find((error) => error.path === 'documents.satzung')?.message).toBe(
      'Es fehlt: Satzung.',
    );
    const read = await api<ApplicationBody>('GET', `/api/applications/${draft.id}`, { token: sloppy.token });
    expect(read.body).toMatchObject({ status: 'DRAFT', version: 2 });
  });

  it('refuses after the call has closed (Europe/Berlin), naming the deadline', async () => {
    const call = await givenCall(aCall());
    const draft = await givenCompleteDraft(member, orgId, call.id);
    // The deadline passes while the draft is being finished.
    await givenCall({ ...call, closesAt: new Date(Date.now() - 60_000).toISOString() });

    const response = await submit(draft.id, member);

    expect(response.status).toBe(422);
    expect(response.body.errors?.map((error) => error.code)).toEqual(['call-closed']);
  });

  it('answers a retry with the same Idempotency-Key exactly as the first time, and changes nothing', async () => {
    const draft = await givenCompleteDraft(member, orgId, callId);
    const key = randomUUID();

    const first = await submit(draft.id, member, key);
    const retry = await submit(draft.id, member, key);

    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    // Without the key, the same request meets the new state instead.
    expect((await submit(draft.id, member)).status).toBe(409);
    const timeline = await api<TimelineBody>('GET', `/api/applications/${draft.id}/timeline`, {
      token: member.token,
    });
    expect(timeline.body.items.filter((item) => item.type === 'SUBMITTED')).toHaveLength(1);
  });

  it('refuses a key reused for another application, and a malformed key', async () => {
    const [one, two] = await Promise.all([
      givenCompleteDraft(member, orgId, callId),
      givenCompleteDraft(member, orgId, callId),
    ]);
    const key = randomUUID();
    expect((await submit(one.id, member, key)).status).toBe(202);

    const reused = await submit(two.id, member, key);
    expect(reused.status).toBe(422);
    expect(reused.body.errors?.[0]?.code).toBe('idempotency-key-reused');

    const malformed = await submit(two.id, member, 'kurz');
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors?.[0]).toMatchObject({ path: 'Idempotency-Key', in: 'header' });
  });

  it('under load: 50 applications at once plus 20 repeats of one submit — unique references, one effect per key, one receipt each', async () => {
    const busy = await givenUser(['applicant'], 'busy');
    const busyOrg = await givenOrganisation([busy]);
    const call = await givenCall(aCall({ referencePrefix: 'IM-2031-C' }));
    const drafts = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        givenCompleteDraft(busy, busyOrg, call.id, `Projekt ${index + 1}`),
      ),
    );
    const repeated = drafts[0];
    if (!repeated) throw new Error('no drafts');
    const repeatedKey = randomUUID();

    const responses = await Promise.all([
      ...drafts.slice(1).map((draft) => submit(draft.id, busy, randomUUID())),
      ...Array.from({ length: 20 }, () => submit(repeated.id, busy, repeatedKey)),
    ]);

    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 202));
    const repeats = responses.slice(49);
    expect(new Set(repeats.map((response) => response.text)).size).toBe(1);

    await drain();
    const read = await Promise.all(
      drafts.map((draft) =>
        api<ApplicationBody>('GET', `/api/applications/${draft.id}`, { token: busy.token }),
      ),
    );
    const references = read.map((response) => response.body.reference);
    expect(references.every((reference) => /^IM-2031-C-\d{6}$/.test(reference ?? ''))).toBe(true);
    expect(new Set(references).size).toBe(50);
    // Without gaps: the counter of this prefix handed out exactly 1..50.
    expect(references.map((reference) => Number(reference?.slice(-6))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
    const timeline = await api<TimelineBody>('GET', `/api/applications/${repeated.id}/timeline`, {
      token: busy.token,
    });
    expect(timeline.body.items.filter((item) => item.type === 'SUBMITTED')).toHaveLength(1);

    const receipts = (await sentEmails()).filter((email) => email.destination.to.includes(busy.email));
    expect(receipts).toHaveLength(50);
    expect(new Set(receipts.map((email) => email.subject)).size).toBe(50);
  });
});

describe('withdraw: POST /api/applications/{id}/withdraw', () => {
  let member: TestUser;
  let orgId: string;
  let callId: string;

  beforeAll(async () => {
    member = await givenUser(['applicant'], 'withdrawer');
    orgId = await givenOrganisation([member]);
    callId = (await givenCall(aCall())).id;
  });

  const withdraw = (id: string, body: unknown) =>
    api<ApplicationBody & Problem>('POST', `/api/applications/${id}/withdraw`, { token: member.token, body });

  it('withdraws a submitted application with its reason and confirms it by email', async () => {
    const draft = await givenCompleteDraft(member, orgId, callId, 'Nähwerkstatt');
    expect((await submit(draft.id, member)).status).toBe(202);
    await drain();

    const response = await withdraw(draft.id, { reason: 'Die Räume stehen nicht mehr zur Verfügung.' });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'WITHDRAWN',
      withdrawal: { reason: 'Die Räume stehen nicht mehr zur Verfügung.' },
    });
    await drain();
    const confirmations = (await sentEmails()).filter(
      (email) => email.destination.to.includes(member.email) && email.subject.includes('zurückgenommen'),
    );
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]?.subject).toContain('Nähwerkstatt');
    expect(confirmations[0]?.body.text).toContain('Die Räume stehen nicht mehr zur Verfügung.');
    expect(confirmations[0]?.body.text).toMatch(/Aktenzeichen IM-2027-C-\d{6}/);

    const again = await withdraw(draft.id, { reason: 'Noch einmal' });
    expect(again.status).toBe(409);
    expect(again.body.currentStatus).toBe('WITHDRAWN');
  });

  it('withdraws a draft too, and needs a reason', async () => {
    const draft = await givenDraft(member, orgId, callId);

    const noReason = await withdraw(draft.id, {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors?.map((error) => error.path)).toEqual(['reason']);

    expect((await withdraw(draft.id, { reason: 'Doppelt angelegt.' })).status).toBe(200);
    const edit = await api('PATCH', `/api/applications/${draft.id}`, {
      token: member.token,
      headers: { 'if-match': '"2"' },
      body: { summary: 'Zu spät' },
    });
    expect(edit.status).toBe(409);
  });
});

describe('timeline: GET /api/applications/{id}/timeline', () => {
  it('tells the applicant every step in plain language and hides the back office', async () => {
    const [amira, jonas] = await Promise.all([
      givenUser(['applicant'], 'amira'),
      givenUser(['applicant'], 'jonas'),
    ]);
    const orgId = await givenOrganisation([amira, jonas]);
    const callId = (await givenCall(aCall())).id;
    const draft = await givenCompleteDraft(amira, orgId, callId);
    await api('PATCH', `/api/applications/${draft.id}`, {
      token: jonas.token,
      headers: { 'if-match': `"${draft.version}"` },
      body: { summary: 'Überarbeitet von Jonas.' },
    });
    expect((await submit(draft.id, jonas)).status).toBe(202);
    await drain();
    // Something internal to the back office, as later features will record it.
    await documentClient().send(
      new PutCommand({
        TableName: stack().tableName,
        Item: {
          pk: `APP#${draft.id}`,
          sk: 'EVENT#000900',
          itemType: 'Event',
          applicationId: draft.id,
          version: 900,
          at: new Date().toISOString(),
          actor: 'reviewer-sub',
          type: 'REVIEWER_ASSIGNED',
          to: 'IN_REVIEW',
          reason: 'Petra Schulz, Punktzahl 4',
        },
      }),
    );

    const response = await api<TimelineBody>('GET', `/api/applications/${draft.id}/timeline`, {
      token: amira.token,
    });

    expect(response.status).toBe(200);
    const steps = response.body.items.map((item) => [item.type, item.by.kind, item.by.email]);
    expect(steps.slice(0, 4)).toEqual([
      ['DRAFT_CREATED', 'member', amira.email],
      ['DRAFT_UPDATED', 'member', amira.email],
      ['DRAFT_UPDATED', 'member', jonas.email],
      ['SUBMITTED', 'member', jonas.email],
    ]);
    const reference = response.body.items.find((item) => item.type === 'REFERENCE_ALLOCATED');
    expect(reference).toMatchObject({ title: 'Aktenzeichen vergeben', by: { kind: 'funding-body' } });
    expect(reference?.detail).toMatch(/^IM-2027-C-\d{6}$/);
    expect(response.body.items[2]?.detail).toBe('Geändert: Projektbeschreibung');
    expect(response.text).not.toContain('REVIEWER_ASSIGNED');
    expect(response.text).not.toContain('Petra');

    const english = await api<TimelineBody>('GET', `/api/applications/${draft.id}/timeline`, {
      token: amira.token,
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.items[3]?.title).toBe('Application submitted');
  });
});
