import { randomUUID } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Page } from 'playwright-core';
import { cognito, sentEmails, signIn, stack, type TestUser } from '../../support/local-stack.ts';

/** The password of the applicants made here (the e2e tests sign in with it in the browser). */
export const APPLICANT_PASSWORD = 'Antrag-Passwort-2026';

/**
 * Given a new applicant with a verified email address (as self-registration leaves one), so the
 * browser can sign in with it and invitations to the address reach it. Also signed in for the API.
 */
export async function givenApplicant(name: string): Promise<TestUser> {
  const { userPoolId } = stack();
  const email = `${name}-${randomUUID().slice(0, 8)}@example.org`;
  const created = await cognito().send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  const sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  if (!sub) throw new Error('created user has no sub');
  await cognito().send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: email,
      Password: APPLICANT_PASSWORD,
      Permanent: true,
    }),
  );
  await cognito().send(
    new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: 'applicant' }),
  );
  return { email, sub, token: await signIn(email, APPLICANT_PASSWORD) };
}

/**
 * Opens `path` signed out, which leads to the sign-in page; signs in there (German UI) and waits to be
 * back on `path`.
 */
export async function signInTo(page: Page, path: string, user: { email: string }): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.getByLabel(/^E-Mail-Adresse/).fill(user.email);
  await page.getByLabel(/^Passwort/).fill(APPLICANT_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL((url) => url.pathname + url.search === path);
}

/** The page's main text with non-breaking and narrow spaces as plain ones (Intl puts them in). */
export async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').textContent()) ?? '').replace(/\u00a0|\u202f/g, ' ');
}

/** The confirmation code from the email the user pool sent (the local stack delivers it to its SES). */
export async function emailedCode(email: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const mail = (await sentEmails()).find((m) => m.destination.to.includes(email));
    const code = /\b(\d{6})\b/.exec(mail?.body.text ?? '')?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no confirmation code emailed to ${email}`);
}
