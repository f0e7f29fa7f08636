import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_USER_PASSWORD } from '../support/local-stack.ts';
import { expectNoAxeViolations, focusedText, launchBrowser, newPage, screenshot } from './support/browser.ts';
import { givenStaffMember, signInAsStaff } from './support/staff.ts';
import { totp, wrongTotp } from './support/totp.ts';

/**
 * Staff sign in with a second factor (on AWS the token carries their groups only then): the setup of an
 * authenticator app in the portal, and the code it asks for at every sign-in after, against
 * cognito-local's TOTP (AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference and the
 * SOFTWARE_TOKEN_MFA challenge through the portal's /cognito). The test computes the codes as an app.
 */
describe('staff sign-in with an authenticator app', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Sets up the app on the open page and returns the key the page showed. */
  async function setUpAuthenticator(page: Page, email: string): Promise<string> {
    await page.getByRole('link', { name: 'Anmeldung absichern' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anmeldung absichern' }).waitFor();
    await page.getByRole('button', { name: 'Authenticator-App einrichten' }).click();
    await page
      .getByRole('heading', { level: 2, name: 'Schritt 1: Schlüssel in die App übernehmen' })
      .waitFor();
    const shown = (await page.locator('#account-security-secret').textContent()) ?? '';
    // Base32 in groups of four, for typing it in.
    expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const secret = shown.replace(/ /g, '');
    expect(await page.getByRole('link', { name: /In der Authenticator-App/ }).getAttribute('href')).toBe(
      `otpauth://totp/foerderflow:${encodeURIComponent(email)}?secret=${secret}&issuer=foerderflow`,
    );
    await page.getByRole('img', { name: `QR-Code mit dem Schlüssel für ${email}` }).waitFor();
    return secret;
  }

  it('sets up the app, then asks for its code at sign-in: a wrong code and an expired challenge in words, the right code into the back office', async () => {
    const reviewer = await givenStaffMember(['reviewer'], 'zweiter-faktor');
    const page = await newPage(browser);
    await signInAsStaff(page, reviewer);

    // The setup page, reached from the header.
    await page.getByRole('link', { name: 'Anmeldung absichern' }).waitFor();
    await page.getByRole('link', { name: 'Anmeldung absichern' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anmeldung absichern' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(
      'Für die Arbeit in der Sachbearbeitung ist der zweite Faktor Pflicht.',
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'account-security');
    const secret = await setUpAuthenticator(page, reviewer.email);
    await expectNoAxeViolations(page);
    await screenshot(page, 'account-security-key');

    // A wrong code is refused at its field, in words; the right one turns the second factor on.
    const setupCode = page.getByLabel(/^Sechsstelliger Code aus der App/);
    await setupCode.fill(wrongTotp(secret));
    await page.getByRole('button', { name: 'Code bestätigen und zweiten Faktor einschalten' }).click();
    await page.locator('#account-security-code-error').waitFor();
    expect(await page.locator('#account-security-code-error').textContent()).toContain(
      'Dieser Code stimmt nicht.',
    );
    expect(await setupCode.getAttribute('aria-invalid')).toBe('true');
    const current = totp(secret);
    await setupCode.fill(`${current.slice(0, 3)} ${current.slice(3)}`);
    await page.getByRole('button', { name: 'Code bestätigen und zweiten Faktor einschalten' }).click();
    const doneHeading = page.getByRole('heading', { level: 2, name: 'Zweiter Faktor eingerichtet' });
    await doneHeading.waitFor();
    const main = await page.locator('main').textContent();
    expect(main).toContain('Ab jetzt fragt foerderflow bei jeder Anmeldung nach dem Code');
    expect(main).toContain('Melden Sie sich jetzt einmal neu an');
    expect(await focusedText(page)).toBe('Zweiter Faktor eingerichtet');
    await expectNoAxeViolations(page);
    await screenshot(page, 'account-security-done');

    // Signing in again: after the password, the code from the app.
    await page.getByRole('button', { name: 'Abmelden und neu anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    expect(await page.getByLabel(/^E-Mail-Adresse/).inputValue()).toBe(reviewer.email);
    await page.getByLabel(/^Passwort/).fill(TEST_USER_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    const codeStep = page.getByRole('heading', { level: 2, name: 'Code aus der Authenticator-App' });
    await codeStep.waitFor();
    expect(await focusedText(page)).toBe('Code aus der Authenticator-App');
    const code = page.getByLabel(/^Sechsstelliger Code/);
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    await expectNoAxeViolations(page);
    await screenshot(page, 'sign-in-code');

    await code.fill(wrongTotp(secret));
    await page.getByRole('button', { name: 'Code bestätigen und anmelden' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Dieser Code stimmt nicht.');
    const error = page.locator('#sign-in-mfa-code-error');
    expect(await error.textContent()).toContain(
      'Bitte geben Sie den Code ein, den Ihre Authenticator-App gerade für foerderflow zeigt.',
    );
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await code.getAttribute('aria-describedby')).toContain('sign-in-mfa-code-error');
    expect(page.url()).toContain('/sign-in');
    await expectNoAxeViolations(page);
    await screenshot(page, 'sign-in-code-wrong');

    // On AWS the challenge runs out after a few minutes (cognito-local keeps it): Cognito then answers
    // NotAuthorizedException, and the person starts again with the password, told why.
    await page.route(
      '**/cognito',
      async (route) => {
        if (!route.request().postData()?.includes('SOFTWARE_TOKEN_MFA_CODE')) return route.continue();
        await route.fulfill({
          status: 400,
          contentType: 'application/x-amz-json-1.1',
          body: JSON.stringify({
            __type: 'NotAuthorizedException',
            message: 'Invalid session for the user, session is expired.',
          }),
        });
      },
      { times: 1 },
    );
    await code.fill(totp(secret));
    await page.getByRole('button', { name: 'Code bestätigen und anmelden' }).click();
    await page.getByLabel(/^Passwort/).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain(
      'Die Anmeldung ist abgelaufen (zu lange gewartet oder zu viele falsche Codes).',
    );
    expect(await page.getByLabel(/^E-Mail-Adresse/).inputValue()).toBe(reviewer.email);
    expect(await page.getByLabel(/^Passwort/).inputValue()).toBe('');
    await page.getByLabel(/^Passwort/).fill(TEST_USER_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await codeStep.waitFor();

    await code.fill(totp(secret));
    await page.getByRole('button', { name: 'Code bestätigen und anmelden' }).click();
    await page.waitForURL((url) => url.pathname === '/backoffice');
    await page.getByRole('heading', { level: 1, name: 'Sachbearbeitung' }).waitFor();
    await page.close();
  });

  it('asks for the code in the sign-in dialog when the session ends, in English', async () => {
    const approver = await givenStaffMember(['approver'], 'zweiter-faktor-dialog');
    const page = await newPage(browser);
    await page.clock.install();
    await signInAsStaff(page, approver);
    const secret = await setUpAuthenticator(page, approver.email);
    await page.getByLabel(/^Sechsstelliger Code aus der App/).fill(totp(secret));
    await page.getByRole('button', { name: 'Code bestätigen und zweiten Faktor einschalten' }).click();
    await page.getByRole('heading', { level: 2, name: 'Zweiter Faktor eingerichtet' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();

    // A day later the session has run out, refresh token included (as in session.test.ts).
    await page.route('**/cognito', async (route) => {
      if (route.request().postData()?.includes('REFRESH_TOKEN_AUTH')) {
        await route.fulfill({
          status: 400,
          contentType: 'application/x-amz-json-1.1',
          body: JSON.stringify({ __type: 'NotAuthorizedException', message: 'Refresh Token has expired' }),
        });
      } else {
        await route.continue();
      }
    });
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Back office' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Back office' }).waitFor();
    await page.clock.fastForward('25:00:00');
    // The work queue asks the API, which finds the session over: the sign-in dialog opens over the page.
    await page
      .getByRole('navigation', { name: 'Back-office sections' })
      .getByRole('link', { name: 'Work queue' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Please sign in again' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Password/).fill(TEST_USER_PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.getByRole('heading', { level: 2, name: 'Code from your authenticator app' }).waitFor();
    await dialog.getByLabel(/^Six-digit code/).fill(wrongTotp(secret));
    await dialog.getByRole('button', { name: 'Confirm code and sign in' }).click();
    await dialog.locator('#sign-in-dialog-mfa-code-error').waitFor();
    expect(await dialog.locator('#sign-in-dialog-mfa-code-error').textContent()).toBe(
      'This code is not correct. Please enter the code your authenticator app shows for foerderflow now.',
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'sign-in-dialog-code');
    await dialog.getByLabel(/^Six-digit code/).fill(totp(secret));
    await dialog.getByRole('button', { name: 'Confirm code and sign in' }).click();
    // Signed in again, the queue's request goes through: the page is there and the dialog gone.
    await page.getByRole('heading', { level: 1, name: 'Work queue' }).waitFor();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.close();
  });

  it('offers the setup to staff whose token lacks their roles for want of a second factor (as on AWS)', async () => {
    // Locally cognito-local hands the pre-token trigger no groups, so nothing is withheld: the token the
    // trigger makes on AWS for a reviewer without a second factor is stood in for here.
    const page = await newPage(browser);
    const claims = {
      sub: '5f0c1a57-0000-4000-8000-000000000001',
      email: 'ohne.faktor@example.org',
      'cognito:groups': [],
      'foerderflow:withheld_groups': 'reviewer',
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 3600,
    };
    const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const idToken = `${base64url({ alg: 'none' })}.${base64url(claims)}.`;
    const tokens = { idToken, refreshToken: 'unused', expiresAt: Date.now() + 3_600_000 };
    await page.addInitScript(
      (stored) => sessionStorage.setItem('foerderflow.session', stored),
      JSON.stringify(tokens),
    );

    await page.goto('/');
    // Staff in the navigation, though the token has no staff group.
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Sachbearbeitung' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Kein Zugang zur Sachbearbeitung' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(
      'Ihre Rolle in der Sachbearbeitung braucht eine Anmeldung mit zweitem Faktor.',
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'backoffice-needs-second-factor');
    await page.getByRole('link', { name: 'Jetzt einrichten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anmeldung absichern' }).waitFor();
    expect(page.url()).toMatch(/\/account\/security$/);
    await page.close();
  });
});
