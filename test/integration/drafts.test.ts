import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { aCall } from '../support/calls.ts';
import {
  api,
  documentClient,
  givenCall,
  givenCompleteDraft,
  givenDraft,
  givenOrganisation,
  givenUser,
  stack,
  type TestUser,
} from '../support/local-stack.ts';

interface Finding {
  path: string;
  code: string;
  message: string;
}

interface DraftBody {
  id: string;
  version: number;
  status: string;
  title: string;
  summary?: string;
  targetGroups?: string[];
  updatedBy: string;
  financePlan?: Record<string, unknown>;
  totals: Record<string, number | undefined>;
  violations: Finding[];
  missing: Finding[];
}

interface Problem {
  status: number;
  detail?: string;
  currentVersion?: number;
  errors?: { path: string; message: string; code?: string }[];
}

/** A strand-C language café: a part-time project lead (E9, 20 %), rent, material, an interpreter's fee. */
const LANGUAGE_CAFE_PLAN = {
  staff: [
    {
      id: 'leitung',
      role: 'Projektleitung',
      payGrade: 'E9',
      hoursShareBps: 2000,
      months: 12,
      monthlyFullTimeCents: 480_000,
    },
  ],
  material: [
    { id: 'miete', description: 'Raummiete Begegnungscafé', amountCents: 120_000 },
    { id: 'lernmaterial', description: 'Lernmaterial Deutsch', amountCents: 30_000 },
  ],
  fees: [{ id: 'sprachmittlung', description: 'Honorar Sprachmittlung', amountCents: 80_000 }],
  claimsAdminFlatRate: true,
  ownContributionCents: 80_000,
  requestedGrantCents: 1_440_200,
};

describe('drafts: PATCH /api/applications/{id} (JSON merge patch with If-Match)', () => {
  let amira: TestUser;
  let jonas: TestUser;
  let outsider: TestUser;
  let orgId: string;
  let callId: string;

  beforeAll(async () => {
    [amira, jonas, outsider] = await Promise.all([
      givenUser(['applicant'], 'amira'),
      givenUser(['applicant'], 'jonas'),
      givenUser(['applicant'], 'outsider'),
    ]);
    orgId = await givenOrganisation([amira, jonas]);
    await givenOrganisation([outsider]);
    callId = (await givenCall(aCall())).id;
  });

  const patch = (id: string, body: unknown, user: TestUser, ifMatch?: string, language = 'de') =>
    api<DraftBody & Problem>('PATCH', `/api/applications/${id}`, {
      token: user.token,
      body,
      headers: {
        'content-type': 'application/merge-patch+json',
        'accept-language': language,
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
    });

  it('saves the finance plan and answers with its totals, computed in integer cents', async () => {
    const draft = await givenDraft(amira, orgId, callId);

    const saved = await patch(
      draft.id,
      {
        summary: 'Wöchentliches Sprachcafé mit Kinderbetreuung.',
        targetGroups: ['neuzugewanderte', 'eltern'],
        region: 'leipzig',
        projectPeriod: { start: '2027-04-01', end: '2028-03-31' },
        financePlan: LANGUAGE_CAFE_PLAN,
      },
      amira,
      '"1"',
    );

    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"2"');
    expect(saved.body).toMatchObject({ version: 2, updatedBy: amira.sub, region: 'leipzig' });
    expect(saved.body.totals).toMatchObject({
      staffCents: 1_152_000,
      materialCents: 150_000,
      feesCents: 80_000,
      directCostsCents: 1_382_000,
      adminFlatRateCents: 138_200,
      totalCostsCents: 1_520_200,
      totalFinancingCents: 1_520_200,
      requestedGrantCents: 1_440_200,
    });
    expect(saved.body.violations).toEqual([]);

    const read = await api<DraftBody>('GET', `/api/applications/${draft.id}`, { token: jonas.token });
    expect(read.body.financePlan).toEqual(LANGUAGE_CAFE_PLAN);
    expect(read.headers.get('etag')).toBe('"2"');
  });

  it('records who changed which fields, so every member can see who did what', async () => {
    const draft = await givenDraft(amira, orgId, callId);
    await patch(draft.id, { summary: 'Erste Fassung.' }, amira, '"1"');
    const second = await patch(draft.id, { region: 'nordsachsen' }, jonas, '"2"');

    expect(second.body).toMatchObject({ version: 3, updatedBy: jonas.sub, summary: 'Erste Fassung.' });
    const events = await Promise.all(
      [2, 3].map((version) =>
        documentClient().send(
          new GetCommand({
            TableName: stack().tableName,
            Key: { pk: `APP#${draft.id}`, sk: `EVENT#${String(version).padStart(6, '0')}` },
          }),
        ),
      ),
    );
    expect(events.map(({ Item }) => [Item?.type, Item?.actor, Item?.fields])).toEqual([
      ['DRAFT_UPDATED', amira.sub, ['summary']],
      ['DRAFT_UPDATED', jonas.sub, ['region']],
    ]);
  });

  it('reports every broken rule with the field it concerns, in German or English', async () => {
    const draft = await givenDraft(amira, orgId, callId);
    const tooMuch = { ...LANGUAGE_CAFE_PLAN, ownContributionCents: 0, requestedGrantCents: 1_520_200 };

    const german = await patch(draft.id, { financePlan: tooMuch }, amira, '"1"');
    // Saving never fails for a broken rule: half-finished plans are normal while drafting.
    expect(german.status).toBe(200);
    const codes = german.body.violations.map((finding) => [finding.path, finding.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['financePlan.requestedGrantCents', 'max-grant-exceeded'],
        ['financePlan.requestedGrantCents', 'funding-rate-exceeded'],
        ['financePlan.ownContributionCents', 'own-share-too-low'],
      ]),
    );
    const maxGrant = german.body.violations.find((finding) => finding.code === 'max-grant-exceeded');
    expect(maxGrant?.message).toContain('15.000,00 €');

    const english = await api<DraftBody>('GET', `/api/applications/${draft.id}`, {
      token: amira.token,
      headers: { 'accept-language': 'en' },
    });
    const inEnglish = english.body.violations.find((finding) => finding.code === 'max-grant-exceeded');
    expect(inEnglish?.message).toContain('€15,000.00');
  });

  it('lists what is still missing before submit', async () => {
    const draft = await givenDraft(amira, orgId, callId);
    const read = await api<DraftBody>('GET', `/api/applications/${draft.id}`, { token: amira.token });

    expect(read.body.violations).toEqual([]);
    expect(read.body.missing.map((finding) => finding.path)).toEqual(
      expect.arrayContaining(['summary', 'region', 'projectPeriod.start', 'financePlan.requestedGrantCents']),
    );
  });

  it('merges as RFC 7396 says: null removes a field, arrays are replaced', async () => {
    const draft = await givenDraft(amira, orgId, callId);
    await patch(draft.id, { summary: 'Vorläufig', targetGroups: ['frauen', 'eltern'] }, amira, '"1"');

    const merged = await patch(draft.id, { summary: null, targetGroups: ['aeltere'] }, amira, '"2"');

    expect(merged.status).toBe(200);
    expect(merged.body.summary).toBeUndefined();
    expect(merged.body.targetGroups).toEqual(['aeltere']);
    expect(merged.body.title).toBe('Interkultureller Elterntreff');
  });

  it('lets one of two members editing the same version win; the other gets 412 and loses nothing', async () => {
    const draft = await givenDraft(amira, orgId, callId);

    const [first, second] = await Promise.all([
      patch(draft.id, { summary: 'Fassung von Amira' }, amira, '"1"'),
      patch(draft.id, { region: 'chemnitz' }, jonas, '"1"'),
    ]);

    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 412]);
    const [winner, loser] = first.status === 200 ? [first, second] : [second, first];
    expect(loser.headers.get('content-type')).toBe('application/problem+json');
    expect(loser.body.currentVersion).toBe(2);

    const stored = await api<DraftBody>('GET', `/api/applications/${draft.id}`, { token: amira.token });
    expect(stored.body.version).toBe(2);
    expect(stored.body.updatedBy).toBe(winner.body.updatedBy);
    // Only the winner's edit is stored; the loser re-applies its own input on the new version.
    const loserPatch = loser === second ? { region: 'chemnitz' } : { summary: 'Fassung von Amira' };
    const retried = await patch(draft.id, loserPatch, loser === second ? jonas : amira, '"2"');
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ version: 3, summary: 'Fassung von Amira', region: 'chemnitz' });
  });

  it('refuses a stale version with 412 and leaves the stored draft as it was', async () => {
    const draft = await givenDraft(amira, orgId, callId);
    await patch(draft.id, { summary: 'Aktuell' }, amira, '"1"');

    const stale = await patch(draft.id, { summary: 'Veraltet' }, jonas, '"1"');

    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(2);
    expect(stale.body.detail).toMatch(/nicht verloren/);
    const stored = await api<DraftBody>('GET', `/api/applications/${draft.id}`, { token: amira.token });
    expect(stored.body).toMatchObject({ version: 2, summary: 'Aktuell' });
  });

  it('requires If-Match (428), and an unreadable one matches no version (412)', async () => {
    const draft = await givenDraft(amira, orgId, callId);

    expect((await patch(draft.id, { summary: 'x' }, amira)).status).toBe(428);
    expect((await patch(draft.id, { summary: 'x' }, amira, '*')).status).toBe(412);
    const stored = await api<DraftBody>('GET', `/api/applications/${draft.id}`, { token: amira.token });
    expect(stored.body.version).toBe(1);
  });

  it('refuses a patch whose result is not a valid draft, naming each field, and stores nothing', async () => {
    const draft = await givenDraft(amira, orgId, callId);

    const wrongTypes = await patch(
      draft.id,
      {
        title: null,
        region: 'atlantis',
        financePlan: {
          staff: [{ ...LANGUAGE_CAFE_PLAN.staff[0], months: 'zwölf' }],
          requestedGrantCents: 1.5,
        },
      },
      amira,
      '"1"',
    );

    expect(wrongTypes.status).toBe(422);
    expect(wrongTypes.body.errors?.map((error) => error.path).sort()).toEqual([
      'financePlan.requestedGrantCents',
      'financePlan.staff.0.months',
      'region',
      'title',
    ]);
    const stored = await api<DraftBody>('GET', `/api/applications/${draft.id}`, { token: amira.token });
    expect(stored.body).toMatchObject({ version: 1, title: 'Interkultureller Elterntreff' });
  });

  it('does not let a patch set status, version or owner, nor pollute prototypes', async () => {
    const draft = await givenDraft(amira, orgId, callId);

    const sneaky = await patch(draft.id, { status: 'APPROVED', orgId: outsider.sub }, amira, '"1"');
    expect(sneaky.status).toBe(422);
    expect(sneaky.body.errors?.[0]?.code).toBe('unrecognized_keys');

    const polluted = await api<DraftBody>('PATCH', `/api/applications/${draft.id}`, {
      token: amira.token,
      rawBody: '{"__proto__":{"status":"APPROVED"},"summary":"Mit Prototyp"}',
      headers: { 'content-type': 'application/merge-patch+json', 'if-match': '"1"' },
    });
    expect(polluted.status).toBe(200);
    expect(polluted.body).toMatchObject({ status: 'DRAFT', summary: 'Mit Prototyp' });
  });

  it('keeps submitted applications unchanged (409) and others’ drafts hidden (404)', async () => {
    const draft = await givenCompleteDraft(amira, orgId, callId);
    const submitted = await api('POST', `/api/applications/${draft.id}/submit`, { token: amira.token });
    expect(submitted.status).toBe(202);

    const late = await patch(draft.id, { summary: 'Zu spät' }, amira, `"${draft.version + 1}"`);
    expect(late.status).toBe(409);

    const foreign = await givenDraft(amira, orgId, callId);
    expect((await patch(foreign.id, { summary: 'Fremd' }, outsider, '"1"')).status).toBe(404);
  });

  it('counts the call’s applications with each new draft (the count locks the call’s rules)', async () => {
    const call = await givenCall(aCall());
    const count = async () =>
      (
        await documentClient().send(
          new GetCommand({ TableName: stack().tableName, Key: { pk: `CALL#${call.id}`, sk: 'CALL' } }),
        )
      ).Item?.applicationCount;

    expect(await count()).toBeUndefined();
    await Promise.all([givenDraft(amira, orgId, call.id), givenDraft(jonas, orgId, call.id)]);
    expect(await count()).toBe(2);
  });
});

describe('GET /api/applications: mine, across my organisations', () => {
  interface ListBody {
    items: { id: string; orgId: string; title: string; status: string; processing: boolean }[];
  }

  it('lists the applications of every organisation I belong to, and only those', async () => {
    const [board, treasurer, outsider] = await Promise.all([
      givenUser(['applicant'], 'board'),
      givenUser(['applicant'], 'treasurer'),
      givenUser(['applicant'], 'outsider'),
    ]);
    // The board member belongs to two associations; the treasurer to the second only.
    const firstOrg = await givenOrganisation([board]);
    const secondOrg = await givenOrganisation([board, treasurer]);
    const callId = (await givenCall(aCall())).id;
    const cafe = await givenDraft(board, firstOrg, callId, 'Sprachcafé');
    const mentoring = await givenCompleteDraft(treasurer, secondOrg, callId, 'Mentoring für Eltern');
    const submitted = await api('POST', `/api/applications/${mentoring.id}/submit`, {
      token: treasurer.token,
    });
    expect(submitted.status).toBe(202);

    const mine = await api<ListBody>('GET', '/api/applications', { token: board.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((item) => item.title).sort()).toEqual(['Mentoring für Eltern', 'Sprachcafé']);
    // The most recently changed first: the submitted one was changed last.
    expect(mine.body.items[0]?.id).toBe(mentoring.id);

    const treasurers = await api<ListBody>('GET', '/api/applications', { token: treasurer.token });
    expect(treasurers.body.items.map((item) => item.id)).toEqual([mentoring.id]);

    const byOrg = await api<ListBody>('GET', `/api/applications?orgId=${firstOrg}`, { token: board.token });
    expect(byOrg.body.items.map((item) => item.id)).toEqual([cafe.id]);
    const byStatus = await api<ListBody>('GET', '/api/applications?status=SUBMITTED', { token: board.token });
    expect(byStatus.body.items.map((item) => [item.id, item.status])).toEqual([[mentoring.id, 'SUBMITTED']]);

    const foreign = await api<ListBody>('GET', `/api/applications?orgId=${firstOrg}`, {
      token: outsider.token,
    });
    expect(foreign.body.items).toEqual([]);
  });

  it('refuses an unknown status filter with 422 naming the query parameter', async () => {
    const user = await givenUser(['applicant']);
    const response = await api<Problem>('GET', '/api/applications?status=GENEHMIGT', { token: user.token });
    expect(response.status).toBe(422);
    expect(response.body.errors?.map((error) => error.path)).toEqual(['status']);
  });
});
