import { beforeAll, describe, expect, it } from 'vitest';
import { aCall } from '../support/calls.ts';
import { api, givenCall, givenOrganisation, givenUser, type TestUser } from '../support/local-stack.ts';

interface Problem {
  type: string;
  title: string;
  status: number;
  errors?: { path: string; message: string; code?: string }[];
}

describe('drafts: POST /api/applications and GET /api/applications/{id}', () => {
  let member: TestUser;
  let outsider: TestUser;
  let orgId: string;
  let callId: string;

  beforeAll(async () => {
    [member, outsider] = await Promise.all([
      givenUser(['applicant'], 'member'),
      givenUser(['applicant'], 'outsider'),
    ]);
    orgId = await givenOrganisation([member]);
    await givenOrganisation([outsider]);
    callId = (await givenCall(aCall())).id;
  });

  it('lets a member create a draft for their organisation and read it back', async () => {
    // Act
    const created = await api('POST', '/api/applications', {
      token: member.token,
      body: { orgId, callId, title: '  Sprachcafé Connewitz  ' },
    });

    // Assess
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      orgId,
      callId,
      title: 'Sprachcafé Connewitz',
      status: 'DRAFT',
      version: 1,
      createdBy: member.sub,
      updatedBy: member.sub,
    });
    expect(created.headers.get('etag')).toBe('"1"');
    const location = created.headers.get('location');
    expect(location).toBe(`/api/applications/${created.body.id}`);

    const read = await api('GET', location as string, { token: member.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe('"1"');
  });

  it('answers 401 without a token, as the HttpApi authorizer does', async () => {
    const response = await api('POST', '/api/applications', {
      body: { orgId, callId, title: 'Ohne Anmeldung' },
    });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ message: 'Unauthorized' });
  });

  it('answers 401 for a forged token', async () => {
    const [header, payload] = member.token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    const direct = await api('POST', '/api/applications', {
      token: forged,
      body: { orgId, callId, title: 'Gefälscht' },
    });
    expect(direct.status).toBe(401);
    expect(direct.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('answers 403 problem+json to a signed-in user outside the applicant group', async () => {
    const reviewer = await givenUser(['reviewer']);
    const response = await api<Problem>('POST', '/api/applications', {
      token: reviewer.token,
      body: { orgId, callId, title: 'Nicht erlaubt' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({ status: 403, title: 'Dafür fehlt Ihnen die Berechtigung.' });
  });

  it('answers 404 for an unknown id and for an id that is not an id', async () => {
    const unknown = await api<Problem>('GET', '/api/applications/0d7f3c1e-8a3b-4c55-9d0e-2f7a1b3c4d5e', {
      token: member.token,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    const garbage = await api<Problem>('GET', '/api/applications/nicht-vorhanden', { token: member.token });
    expect(garbage.status).toBe(404);
  });

  it("hides another organisation's draft behind 404", async () => {
    const created = await api('POST', '/api/applications', {
      token: member.token,
      body: { orgId, callId, title: 'Nur für uns' },
    });
    const response = await api<Problem>('GET', `/api/applications/${created.body.id}`, {
      token: outsider.token,
    });
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toContain('Nur für uns');
  });

  it('refuses a draft for an organisation the caller is not a member of, naming the field', async () => {
    const response = await api<Problem>('POST', '/api/applications', {
      token: outsider.token,
      body: { orgId, callId, title: 'Fremde Organisation' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'orgId', code: 'not-a-member' })]);
  });

  it('refuses a draft in a call that has closed', async () => {
    const closed = await givenCall(
      aCall({ opensAt: '2025-01-01T00:00:00+01:00', closesAt: '2025-07-31T23:59:59+02:00' }),
    );
    const response = await api<Problem>('POST', '/api/applications', {
      token: member.token,
      body: { orgId, callId: closed.id, title: 'Zu spät' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        path: 'callId',
        code: 'call-closed',
        message: expect.stringContaining('beendet'),
      }),
    ]);
  });

  it('answers schema violations with 422 and one error per field, in English when asked', async () => {
    const response = await api<Problem>('POST', '/api/applications', {
      token: member.token,
      body: { orgId: 'keine-uuid', title: 'ab', extra: true },
      headers: { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body.title).toBe('The input is not valid.');
    const paths = (response.body.errors ?? []).map((error) => error.path).sort();
    expect(paths).toEqual(['', 'callId', 'orgId', 'title']);
    for (const error of response.body.errors ?? []) expect(error.message).not.toBe('');
  });

  it('answers malformed JSON with 400 and a body that is not JSON with 415', async () => {
    const malformed = await api<Problem>('POST', '/api/applications', {
      token: member.token,
      rawBody: '{"title": "kaputt"',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
    expect(malformed.body).toMatchObject({ status: 400, detail: 'Der Inhalt ist kein gültiges JSON.' });

    const text = await api<Problem>('POST', '/api/applications', {
      token: member.token,
      rawBody: 'title=kaputt',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(text.status).toBe(415);
  });

  it('answers an oversized body with 413 before any handler runs', async () => {
    const response = await api('POST', '/api/applications', {
      token: member.token,
      rawBody: 'x'.repeat(10 * 1024 * 1024 + 1),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ message: 'Request Entity Too Large' });
  });

  it('answers an unknown route with the gateway 404', async () => {
    const response = await api('GET', '/api/gibt-es-nicht', { token: member.token });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ message: 'Not Found' });
  });
});
