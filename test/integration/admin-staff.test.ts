import { randomUUID } from 'node:crypto';
import {
  AdminGetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { aCall } from '../support/calls.ts';
import {
  api,
  cognito,
  drain,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenStaff,
  givenUser,
  sentEmails,
  signIn,
  stack,
  type TestUser,
} from '../support/local-stack.ts';

interface StaffView {
  sub: string;
  email: string;
  name: string;
  groups: string[];
  openAssignments: number;
  active: boolean;
  deactivatedAt?: string;
}

interface Problem {
  detail?: string;
  openAssignments?: number;
  errors?: { path: string; code?: string; message: string }[];
}

let admin: TestUser;

beforeAll(async () => {
  admin = await givenStaff(['admin'], 'personalverwaltung');
});

const staffList = async () =>
  (await api<{ items: StaffView[] }>('GET', '/api/admin/staff', { token: admin.token })).body.items;
const patchStaff = (sub: string, body: unknown) =>
  api<StaffView & Problem>('PATCH', `/api/admin/staff/${sub}`, { token: admin.token, body });

/** The temporary password from the invitation email the user pool sent (delivered to the local SES). */
async function emailedTemporaryPassword(email: string): Promise<{ subject: string; password: string }> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const mail = (await sentEmails()).find((m) => m.destination.to.includes(email));
    const password = /vorläufigen Passwort (\S+) an;/.exec(mail?.body.text ?? '')?.[1];
    if (mail && password) return { subject: mail.subject, password };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no invitation emailed to ${email}`);
}

function claims(idToken: string): Record<string, unknown> {
  const [, payload = ''] = idToken.split('.');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('POST /api/admin/staff', () => {
  it('creates an account in the chosen groups and the directory; the person is emailed a temporary password and sets their own at the first sign-in', async () => {
    const email = `neue-pruefung-${randomUUID().slice(0, 8)}@example.org`;

    const created = await api<StaffView>('POST', '/api/admin/staff', {
      token: admin.token,
      body: { email: email.toUpperCase(), name: 'Miriam Neumann', groups: ['reviewer', 'approver'] },
    });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email,
      name: 'Miriam Neumann',
      groups: ['reviewer', 'approver'],
      openAssignments: 0,
      active: true,
    });
    expect((await staffList()).find((member) => member.sub === created.body.sub)).toEqual(created.body);

    const invitation = await emailedTemporaryPassword(email);
    expect(invitation.subject).toBe(
      'foerderflow: Ihr Konto für die Sachbearbeitung / your back-office account',
    );
    const { userPoolClientId } = stack();
    const first = await cognito().send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: userPoolClientId,
        AuthParameters: { USERNAME: email, PASSWORD: invitation.password },
      }),
    );
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const answered = await cognito().send(
      new RespondToAuthChallengeCommand({
        ClientId: userPoolClientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: {
          USERNAME: first.ChallengeParameters?.USER_ID_FOR_SRP ?? email,
          NEW_PASSWORD: 'Eigenes-Passwort-2026!',
        },
      }),
    );
    const idToken = answered.AuthenticationResult?.IdToken ?? '';
    expect(claims(idToken)['cognito:groups']).toEqual(expect.arrayContaining(['reviewer', 'approver']));
    expect(claims(idToken).sub).toBe(created.body.sub);
    // From now on the own password signs in.
    expect(claims(await signIn(email, 'Eigenes-Passwort-2026!')).email).toBe(email);
  });

  it('refuses an address that has an account already (409) and a body without roles (422)', async () => {
    const existing = await givenUser(['applicant'], 'schon-da');
    const taken = await api<Problem>('POST', '/api/admin/staff', {
      token: admin.token,
      body: { email: existing.email, name: 'Schon Da', groups: ['reviewer'] },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toContain(`Für ${existing.email} gibt es bereits ein Konto.`);

    const noRoles = await api<Problem>('POST', '/api/admin/staff', {
      token: admin.token,
      body: { email: `ohne-rolle-${randomUUID().slice(0, 8)}@example.org`, name: 'Ohne Rolle', groups: [] },
    });
    expect(noRoles.status).toBe(422);
    expect(noRoles.body.errors?.map((error) => error.path)).toEqual(['groups']);
  });
});

describe('PATCH /api/admin/staff/{sub} and GET …/assignments', () => {
  let applicationId: string;
  let leaving: TestUser;
  let taking: TestUser;

  beforeAll(async () => {
    const member = await givenUser(['applicant'], 'antrag');
    const orgId = await givenOrganisation([member]);
    const call = await givenCall(aCall());
    const draft = await givenCompleteDraft(member, orgId, call.id, 'Theatergruppe für Jugendliche');
    expect((await api('POST', `/api/applications/${draft.id}/submit`, { token: member.token })).status).toBe(
      202,
    );
    await drain();
    applicationId = draft.id;
    // Made after the intake ran, so it cannot have chosen them: the admin assigns them below.
    leaving = await givenStaff(['reviewer'], 'geht');
    taking = await givenStaff(['reviewer'], 'uebernimmt');
    const assigned = await api('POST', `/api/admin/applications/${applicationId}/reassign`, {
      token: admin.token,
      body: { role: 'content', reviewerSub: leaving.sub },
    });
    expect(assigned.status).toBe(200);
  });

  it('lists a staff member’s open assignments with what identifies the application', async () => {
    const page = await api<{ staff: StaffView; items: Record<string, unknown>[] }>(
      'GET',
      `/api/admin/staff/${leaving.sub}/assignments`,
      { token: admin.token },
    );
    expect(page.status).toBe(200);
    expect(page.body.staff).toMatchObject({ sub: leaving.sub, openAssignments: 1, active: true });
    expect(page.body.items).toEqual([
      expect.objectContaining({
        id: applicationId,
        title: 'Theatergruppe für Jugendliche',
        status: 'IN_REVIEW',
        assignment: expect.objectContaining({ role: 'content' }),
      }),
    ]);
    const unknown = await api('GET', `/api/admin/staff/${randomUUID()}/assignments`, { token: admin.token });
    expect(unknown.status).toBe(404);
  });

  it('refuses to end someone’s reviewing while they have open assignments, and deactivates them once reassigned', async () => {
    const deactivate = await patchStaff(leaving.sub, { active: false });
    expect(deactivate.status).toBe(409);
    expect(deactivate.body.openAssignments).toBe(1);
    expect(deactivate.body.detail).toContain('hat noch eine offene Zuweisung');
    expect((await patchStaff(leaving.sub, { groups: ['approver'] })).status).toBe(409);

    const moved = await api('POST', `/api/admin/applications/${applicationId}/reassign`, {
      token: admin.token,
      body: { role: 'content', reviewerSub: taking.sub },
    });
    expect(moved.status).toBe(200);

    const deactivated = await patchStaff(leaving.sub, { active: false });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ active: false, openAssignments: 0, groups: ['reviewer'] });
    const { userPoolId } = stack();
    const account = await cognito().send(
      new AdminGetUserCommand({ UserPoolId: userPoolId, Username: leaving.sub }),
    );
    expect(account.Enabled).toBe(false);
    expect((await staffList()).find((member) => member.sub === leaving.sub)?.active).toBe(false);

    // Nobody assigns work to a deactivated account.
    const refused = await api<Problem>('POST', `/api/admin/applications/${applicationId}/reassign`, {
      token: admin.token,
      body: { role: 'content', reviewerSub: leaving.sub },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.[0]?.code).toBe('deactivated');

    const reactivated = await patchStaff(leaving.sub, { active: true, groups: ['reviewer', 'approver'] });
    expect(reactivated.status).toBe(200);
    expect(reactivated.body).toMatchObject({ active: true, groups: ['reviewer', 'approver'] });
    const again = await cognito().send(
      new AdminGetUserCommand({ UserPoolId: userPoolId, Username: leaving.sub }),
    );
    expect(again.Enabled).toBe(true);
    expect(claims(await signIn(leaving.email, 'Test-Passwort-12345!'))['cognito:groups']).toEqual(
      expect.arrayContaining(['reviewer', 'approver']),
    );
  });

  it('keeps admins from locking themselves out, and answers 404 for someone not in the directory', async () => {
    const self = await patchStaff(admin.sub, { active: false });
    expect(self.status).toBe(409);
    expect(self.body.detail).toContain('Sie können Ihr eigenes Konto nicht deaktivieren');
    expect((await patchStaff(admin.sub, { groups: ['reviewer'] })).status).toBe(409);
    expect((await patchStaff(randomUUID(), { active: false })).status).toBe(404);
  });
});
