import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGS, DEMO_PASSWORD, seedDemoData } from '../../infra/local/seed.ts';
import { aCall } from '../support/calls.ts';
import {
  api,
  cognito,
  documentClient,
  expireInvitation,
  givenCall,
  givenOrganisation,
  givenUser,
  sentEmails,
  signIn,
  stack,
  type TestUser,
} from '../support/local-stack.ts';
import { anOrganisationProfile } from '../support/organisations.ts';

interface Problem {
  status: number;
  detail?: string;
  currentVersion?: number;
  errors?: { path: string; message: string }[];
}

interface OrganisationBody {
  id: string;
  legalName: string;
  version: number;
  iban?: string;
  role: 'owner' | 'member';
  createdBy: string;
  updatedBy: string;
  profileGaps: { path: string }[];
}

interface InvitationBody {
  id: string;
  orgId: string;
  email: string;
  status: string;
  expiresAt: string;
  lastSentAt?: string;
}

const uniqueAddress = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}@example.org`;
const mailsTo = async (address: string) =>
  (await sentEmails()).filter((mail) => mail.destination.to.includes(address));

describe('organisations: create, read, replace', () => {
  let amira: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    [amira, outsider] = await Promise.all([
      givenUser(['applicant'], 'amira'),
      givenUser(['applicant'], 'outsider'),
    ]);
    await givenOrganisation([outsider]);
  });

  const create = (user: TestUser, body: unknown, headers: Record<string, string> = {}) =>
    api<OrganisationBody & Problem>('POST', '/api/organisations', { token: user.token, body, headers });

  it('creates an organisation whose creator is its owner, with ETag and Location, and reads it back', async () => {
    const created = await create(amira, anOrganisationProfile({ iban: 'de89 3704 0044 0532 0130 00' }));

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      legalName: 'Nachbarschaftshilfe Connewitz e.V.',
      iban: 'DE89370400440532013000',
      version: 1,
      role: 'owner',
      createdBy: amira.sub,
      updatedBy: amira.sub,
      profileGaps: [],
    });
    expect(created.headers.get('etag')).toBe('"1"');
    const location = created.headers.get('location');
    expect(location).toBe(`/api/organisations/${created.body.id}`);

    const read = await api<OrganisationBody>('GET', location as string, { token: amira.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe('"1"');

    const members = await api<{ members: unknown[] }>('GET', `${location}/members`, { token: amira.token });
    expect(members.body.members).toEqual([
      { sub: amira.sub, email: amira.email, role: 'owner', joinedAt: expect.any(String) },
    ]);
  });

  it('creates an organisation from a name and a legal form, and says what its profile still lacks', async () => {
    const created = await create(amira, {
      legalName: 'Sprachbrücke Zwickau e.V.',
      legalForm: 'eingetragener-verein',
    });

    expect(created.status).toBe(201);
    expect(created.body.profileGaps.map((gap) => gap.path)).toEqual(
      expect.arrayContaining(['register.number', 'address.postalCode', 'iban', 'contactEmail']),
    );
  });

  it('refuses an IBAN with a typo with a 422 on the iban field, in German and English, and creates nothing', async () => {
    const before = await api<{ items: unknown[] }>('GET', '/api/organisations', { token: amira.token });
    const typo = anOrganisationProfile({ legalName: 'Tippfehler e.V.', iban: 'DE89 3704 0044 0532 0130 01' });

    const german = await create(amira, typo);
    const english = await create(amira, typo, { 'accept-language': 'en' });

    for (const response of [german, english]) {
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body.errors).toEqual([expect.objectContaining({ path: 'iban' })]);
      expect(response.body.errors?.[0]?.message).toContain('Tippfehler');
      expect(response.body.errors?.[0]?.message).toContain('typo');
    }
    const after = await api<{ items: unknown[] }>('GET', '/api/organisations', { token: amira.token });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('hides an organisation from everyone but its members (404), as it hides ids that do not exist', async () => {
    const { body } = await create(amira, anOrganisationProfile({ legalName: 'Nur für Mitglieder e.V.' }));

    for (const path of [
      `/api/organisations/${body.id}`,
      `/api/organisations/${body.id}/members`,
      `/api/organisations/${crypto.randomUUID()}`,
      '/api/organisations/not-a-uuid',
    ]) {
      const response = await api('GET', path, { token: outsider.token });
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    const put = await api('PUT', `/api/organisations/${body.id}`, {
      token: outsider.token,
      body: anOrganisationProfile({ legalName: 'Übernommen e.V.' }),
      headers: { 'if-match': '"1"' },
    });
    expect(put.status).toBe(404);
    const invite = await api('POST', `/api/organisations/${body.id}/members`, {
      token: outsider.token,
      body: { email: uniqueAddress('probe') },
    });
    expect(invite.status).toBe(404);
  });

  it('replaces the profile with If-Match, records who changed it, and answers with the next ETag', async () => {
    const { body: created } = await create(
      amira,
      anOrganisationProfile({ legalName: 'Vor der Änderung e.V.' }),
    );
    const lena = await givenUser(['applicant'], 'lena');
    await acceptInvitationFor(amira, created.id, lena);

    const replaced = await api<OrganisationBody>('PUT', `/api/organisations/${created.id}`, {
      token: lena.token,
      body: anOrganisationProfile({ legalName: 'Nach der Änderung e.V.', representative: undefined }),
      headers: { 'if-match': '"1"' },
    });

    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('etag')).toBe('"2"');
    expect(replaced.body).toMatchObject({
      legalName: 'Nach der Änderung e.V.',
      version: 2,
      createdBy: amira.sub,
      updatedBy: lena.sub,
      role: 'member',
    });
    // Full replacement: what the body leaves out is gone.
    expect(replaced.body).not.toHaveProperty('representative');
    expect(replaced.body.profileGaps.map((gap) => gap.path)).toEqual([
      'representative.name',
      'representative.function',
    ]);
    const read = await api<OrganisationBody>('GET', `/api/organisations/${created.id}`, {
      token: amira.token,
    });
    expect(read.body).toEqual({ ...replaced.body, role: 'owner' });
  });

  it('refuses a stale If-Match with 412 and the current version, and a missing one with 428; nothing is written', async () => {
    const { body: created } = await create(amira, anOrganisationProfile({ legalName: 'Gleichzeitig e.V.' }));
    const url = `/api/organisations/${created.id}`;
    const first = await api('PUT', url, {
      token: amira.token,
      body: anOrganisationProfile({ legalName: 'Erste Änderung e.V.' }),
      headers: { 'if-match': '"1"' },
    });
    expect(first.status).toBe(200);
    const stored = await api<OrganisationBody>('GET', url, { token: amira.token });

    const stale = await api<Problem>('PUT', url, {
      token: amira.token,
      body: anOrganisationProfile({ legalName: 'Veraltete Änderung e.V.' }),
      headers: { 'if-match': '"1"' },
    });
    const missing = await api<Problem>('PUT', url, {
      token: amira.token,
      body: anOrganisationProfile({ legalName: 'Ohne Version e.V.' }),
    });

    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(2);
    expect(missing.status).toBe(428);
    const after = await api<OrganisationBody>('GET', url, { token: amira.token });
    expect(after.body).toEqual(stored.body);
    expect(after.headers.get('etag')).toBe('"2"');
  });

  it('refuses an exemption notice dated in the future on its field', async () => {
    const response = await create(
      amira,
      anOrganisationProfile({ nonProfit: { recognised: true, exemptionNoticeDate: '2999-01-01' } }),
    );
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ path: 'nonProfit.exemptionNoticeDate' }),
    ]);
  });
});

/** Invites `invitee` through the API as `inviter` and accepts as the invitee; returns the invitation id. */
async function acceptInvitationFor(inviter: TestUser, orgId: string, invitee: TestUser): Promise<string> {
  const invited = await api<InvitationBody>('POST', `/api/organisations/${orgId}/members`, {
    token: inviter.token,
    body: { email: invitee.email },
  });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status} ${invited.text}`);
  const accepted = await api('POST', `/api/invitations/${invited.body.id}/accept`, { token: invitee.token });
  if (accepted.status !== 201) throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
  return invited.body.id;
}

describe('members and invitations', () => {
  let amira: TestUser;
  let jonas: TestUser;
  let orgId: string;
  let callId: string;

  beforeAll(async () => {
    [amira, jonas] = await Promise.all([
      givenUser(['applicant'], 'amira'),
      givenUser(['applicant'], 'jonas'),
    ]);
    orgId = await givenOrganisation(
      [amira],
      undefined,
      anOrganisationProfile({ legalName: 'Willkommen in Grünau e.V.' }),
    );
    callId = (await givenCall(aCall())).id;
  });

  const invite = (email: string, by = amira) =>
    api<InvitationBody & Problem>('POST', `/api/organisations/${orgId}/members`, {
      token: by.token,
      body: { email },
    });

  it('invites by email: the invitee gets a German and English email naming the organisation, the inviter and the deadline', async () => {
    const address = uniqueAddress('kassenwartin');

    const response = await invite(address.toUpperCase());

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      email: address,
      status: 'open',
      orgId,
      lastSentAt: expect.any(String),
    });
    const days = (Date.parse(response.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    const [mail, ...more] = await mailsTo(address);
    expect(more).toEqual([]);
    expect(mail?.subject).toContain('Willkommen in Grünau e.V.');
    const text = mail?.body.text ?? '';
    expect(text).toContain('Willkommen in Grünau e.V.');
    expect(text).toContain(amira.email);
    expect(text).toContain('registrieren Sie sich mit dieser Adresse');
    expect(text).toContain('Annehmen');
    expect(text).toMatch(/gilt bis zum \d{1,2}\. \p{L}+ \d{4}/u);
    expect(text.indexOf('— English —')).toBeGreaterThan(text.indexOf('Guten Tag'));
    expect(text).toContain('valid until');

    const members = await api<{ invitations: InvitationBody[] }>(
      'GET',
      `/api/organisations/${orgId}/members`,
      {
        token: amira.token,
      },
    );
    expect(members.body.invitations).toContainEqual(
      expect.objectContaining({ id: response.body.id, email: address }),
    );
  });

  it('sends an open invitation again (200, the same invitation) instead of creating a second', async () => {
    const address = uniqueAddress('schriftfuehrer');
    const first = await invite(address);

    const again = await invite(` ${address.replace('schriftfuehrer', 'Schriftfuehrer')} `);

    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, expiresAt: first.body.expiresAt });
    expect(await mailsTo(address)).toHaveLength(2);
    const members = await api<{ invitations: InvitationBody[] }>(
      'GET',
      `/api/organisations/${orgId}/members`,
      {
        token: amira.token,
      },
    );
    expect(members.body.invitations.filter((i) => i.email === address)).toHaveLength(1);
  });

  it('refuses to invite someone who is already a member (409)', async () => {
    const response = await invite(amira.email);
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('bereits Mitglied');
  });

  it('lets the invitee see and accept the invitation, then work on the organisation’s drafts', async () => {
    const lena = await givenUser(['applicant'], 'lena');
    const { body: invitation } = await invite(lena.email);

    const mine = await api<{ items: (InvitationBody & { organisation: { legalName: string } })[] }>(
      'GET',
      '/api/invitations',
      { token: lena.token },
    );
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        id: invitation.id,
        organisation: { id: orgId, legalName: 'Willkommen in Grünau e.V.' },
      }),
    ]);
    const draftBefore = await api('POST', '/api/applications', {
      token: lena.token,
      body: { orgId, callId, title: 'Elterncafé Grünau' },
    });
    expect(draftBefore.status).not.toBe(201);

    const accepted = await api('POST', `/api/invitations/${invitation.id}/accept`, { token: lena.token });

    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ orgId, sub: lena.sub, email: lena.email, role: 'member' });
    expect(accepted.headers.get('location')).toBe(`/api/organisations/${orgId}`);
    expect((await api('GET', `/api/organisations/${orgId}`, { token: lena.token })).status).toBe(200);
    const draft = await api('POST', '/api/applications', {
      token: lena.token,
      body: { orgId, callId, title: 'Elterncafé Grünau' },
    });
    expect(draft.status).toBe(201);
    const after = await api<{ items: unknown[] }>('GET', '/api/invitations', { token: lena.token });
    expect(after.body.items).toEqual([]);
  });

  it('answers a second accept with the same membership, and never makes two', async () => {
    const paul = await givenUser(['applicant'], 'paul');
    const { body: invitation } = await invite(paul.email);
    const url = `/api/invitations/${invitation.id}/accept`;

    const [first, concurrent] = await Promise.all([
      api('POST', url, { token: paul.token }),
      api('POST', url, { token: paul.token }),
    ]);
    const again = await api('POST', url, { token: paul.token });

    expect([first.status, concurrent.status].sort()).toEqual([200, 201]);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(concurrent.body).toEqual(first.body);
    const members = await api<{ members: { sub: string }[] }>('GET', `/api/organisations/${orgId}/members`, {
      token: amira.token,
    });
    expect(members.body.members.filter((m) => m.sub === paul.sub)).toHaveLength(1);
  });

  it('does not let anyone but the invitee accept (404), and shows them nothing', async () => {
    const invitee = uniqueAddress('eingeladen');
    const { body: invitation } = await invite(invitee);

    const response = await api('POST', `/api/invitations/${invitation.id}/accept`, { token: jonas.token });
    const jonasSees = await api<{ items: InvitationBody[] }>('GET', '/api/invitations', {
      token: jonas.token,
    });

    expect(response.status).toBe(404);
    expect(jonasSees.body.items.map((i) => i.id)).not.toContain(invitation.id);
    expect((await api('GET', `/api/organisations/${orgId}`, { token: jonas.token })).status).toBe(404);
  });

  it('refuses an expired invitation with a 409 that says what to do, and hides it from the lists', async () => {
    const nadia = await givenUser(['applicant'], 'nadia');
    const { body: invitation } = await invite(nadia.email);
    await expireInvitation(orgId, nadia.email);

    const response = await api<Problem>('POST', `/api/invitations/${invitation.id}/accept`, {
      token: nadia.token,
    });

    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('abgelaufen');
    expect(response.body.detail).toContain('erneut einzuladen');
    expect(
      (await api<{ items: unknown[] }>('GET', '/api/invitations', { token: nadia.token })).body.items,
    ).toEqual([]);
    const members = await api<{ members: { sub: string }[]; invitations: InvitationBody[] }>(
      'GET',
      `/api/organisations/${orgId}/members`,
      { token: amira.token },
    );
    expect(members.body.members.map((m) => m.sub)).not.toContain(nadia.sub);
    expect(members.body.invitations.map((i) => i.id)).not.toContain(invitation.id);

    // A member can invite again: a new invitation, which can be accepted.
    const renewed = await invite(nadia.email);
    expect(renewed.status).toBe(201);
    expect(renewed.body.id).not.toBe(invitation.id);
    expect(
      (await api('POST', `/api/invitations/${renewed.body.id}/accept`, { token: nadia.token })).status,
    ).toBe(201);
  });

  it('lets a user belong to several organisations, each with their role', async () => {
    const lena = await givenUser(['applicant'], 'lena-multi');
    const own = await api<OrganisationBody>('POST', '/api/organisations', {
      token: lena.token,
      body: anOrganisationProfile({ legalName: 'Begegnung Sonnenberg e.V.' }),
    });
    await acceptInvitationFor(amira, orgId, lena);

    const mine = await api<{ items: OrganisationBody[] }>('GET', '/api/organisations', { token: lena.token });

    expect(mine.status).toBe(200);
    expect(mine.body.items.map((o) => [o.legalName, o.role])).toEqual([
      ['Begegnung Sonnenberg e.V.', 'owner'],
      ['Willkommen in Grünau e.V.', 'member'],
    ]);
    expect(mine.body.items.map((o) => o.id)).toEqual([own.body.id, orgId]);
  });
});

describe('demo organisations', () => {
  it('seeds complete Saxon profiles with members, and seeding again changes nothing', async () => {
    const token = await signIn('lena.krause@example.org', DEMO_PASSWORD);
    const read = () => api<{ items: OrganisationBody[] }>('GET', '/api/organisations', { token });
    const before = await read();

    const { tableName, userPoolId } = stack();
    await seedDemoData({
      documentClient: documentClient(),
      tableName,
      cognito: cognito(),
      userPoolId,
      now: new Date(),
    });
    const after = await read();

    expect(before.body.items.map((o) => [o.legalName, o.role])).toEqual([
      ['Begegnungszentrum Sonnenberg e.V.', 'owner'],
      ['Interkulturelles Netzwerk Leipzig e.V.', 'member'],
    ]);
    for (const organisation of before.body.items) expect(organisation.profileGaps).toEqual([]);
    expect(after.body).toEqual(before.body);

    const members = await api<{ members: { email?: string; role: string; joinedAt: string }[] }>(
      'GET',
      `/api/organisations/${DEMO_ORGS[0].id}/members`,
      { token },
    );
    expect(members.body.members.map((m) => [m.email, m.role])).toEqual([
      ['amira.haddad@example.org', 'owner'],
      ['lena.krause@example.org', 'member'],
    ]);
  });
});
