import { randomUUID } from 'node:crypto';
import { ConfirmSignUpCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { api, cognito, sentEmails, signIn, stack } from '../support/local-stack.ts';

/** The groups in an ID token (read, not verified: the gateway verifies). */
function groupsOf(idToken: string): string[] {
  const payload = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    'cognito:groups'?: string[];
  };
  return payload['cognito:groups'] ?? [];
}

async function codeEmailTo(email: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const mail = (await sentEmails()).find((m) => m.destination.to.includes(email));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no confirmation email to ${email}`);
}

describe('self-registration', () => {
  it('emails the confirmation code, and a confirmed user is an applicant who may create organisations', async () => {
    const email = `new-applicant-${randomUUID().slice(0, 8)}@example.org`;
    const password = 'Neues-Konto-2026!';
    await cognito().send(
      new SignUpCommand({
        ClientId: stack().userPoolClientId,
        Username: email,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );

    const mail = await codeEmailTo(email);
    expect(mail.subject).toContain('Bestätigungscode');
    const code = /(\d{6})/.exec(mail.body.text ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);

    await cognito().send(
      new ConfirmSignUpCommand({
        ClientId: stack().userPoolClientId,
        Username: email,
        ConfirmationCode: code,
      }),
    );
    const token = await signIn(email, password);
    expect(groupsOf(token)).toEqual(['applicant']);
    const organisations = await api('GET', '/api/organisations', { token });
    expect(organisations.status).toBe(200);
  });

  it('leaves an unconfirmed registration without any group and unable to sign in', async () => {
    const email = `unconfirmed-${randomUUID().slice(0, 8)}@example.org`;
    await cognito().send(
      new SignUpCommand({
        ClientId: stack().userPoolClientId,
        Username: email,
        Password: 'Neues-Konto-2026!',
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    await expect(signIn(email, 'Neues-Konto-2026!')).rejects.toThrow(/not confirmed/i);
  });
});
