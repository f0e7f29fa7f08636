import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailedCode } from './support/applicants.ts';
import {
  expectNoAxeViolations,
  focusedText,
  launchBrowser,
  newPage,
  screenshot,
  tabTo,
} from './support/browser.ts';

describe('registering as a new applicant, by keyboard alone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers, confirms with the emailed code and signs in as an applicant without a mouse', async () => {
    const page = await newPage(browser);
    const { keyboard } = page;
    const email = `neu-${randomUUID().slice(0, 8)}@example.org`;
    const password = 'Sicheres-Passwort-2026';

    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Förderaufrufe' }).waitFor();

    // The first Tab reaches the skip link, which is visible when focused and jumps to the content.
    await keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Zum Inhalt springen');
    expect(await page.getByRole('link', { name: 'Zum Inhalt springen' }).isVisible()).toBe(true);

    await tabTo(page, 'Registrieren');
    await keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Registrieren' }).waitFor();
    // Focus moved to the new page's heading, so the next Tab starts in the form.
    expect(await focusedText(page)).toBe('Registrieren');
    await expectNoAxeViolations(page);

    // A first attempt with a weak password and a typo in the repetition: the errors are listed in an
    // alert that takes focus, and each field says what is wrong.
    await tabTo(page, /^E-Mail-Adresse/);
    await keyboard.type(email);
    await keyboard.press('Tab');
    await keyboard.type('kurz1');
    await keyboard.press('Tab');
    await keyboard.type('kurz2');
    await keyboard.press('Enter');
    const summary = page.getByRole('alert');
    await summary.getByText('Bitte korrigieren Sie Folgendes:').waitFor();
    expect(await summary.textContent()).toContain('Das Passwort muss mindestens 12 Zeichen lang sein.');
    expect(await summary.textContent()).toContain('Die Passwörter stimmen nicht überein.');
    expect(await page.locator(':focus').getAttribute('role')).toBe('alert');
    const passwordField = page.getByLabel(/^Passwort \(Pflichtfeld\)$/);
    expect(await passwordField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await passwordField.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(
      describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    const description = descriptions.join(' ');
    expect(description).toContain('Das Passwort muss mindestens 12 Zeichen lang sein.');
    await expectNoAxeViolations(page);
    await screenshot(page, 'register-errors');

    // The summary's first link leads to the password field; correct both and submit with Enter.
    await keyboard.press('Tab');
    await keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toBe('register-password');
    await keyboard.press('ControlOrMeta+A');
    await keyboard.type(password);
    await keyboard.press('Tab');
    await keyboard.press('ControlOrMeta+A');
    await keyboard.type(password);
    await keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Konto bestätigen' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(`Bestätigungscode an ${email} geschickt`);
    await expectNoAxeViolations(page);
    await screenshot(page, 'register-confirm');

    await tabTo(page, /^Bestätigungscode/);
    await keyboard.type(await emailedCode(email));
    await keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain('Ihr Konto ist bestätigt.');
    expect(await page.getByLabel(/^E-Mail-Adresse/).inputValue()).toBe(email);
    await expectNoAxeViolations(page);
    await tabTo(page, /^Passwort/);
    await keyboard.type(password);
    await keyboard.press('Enter');

    await page.getByText(`Angemeldet als ${email}`).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Förderaufrufe' }).waitFor();
    // The confirmed self-registration made an applicant (the PostConfirmation trigger).
    const stored = (await page.evaluate("sessionStorage.getItem('foerderflow.session')")) as string;
    const { idToken } = JSON.parse(stored) as { idToken: string };
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      'cognito:groups'?: string[];
    };
    const groups = claims['cognito:groups'];
    expect(groups).toEqual(['applicant']);
    await screenshot(page, 'signed-in');
  });

  it('tells a wrong password apart from an unconfirmed account when signing in', async () => {
    const page = await newPage(browser);
    await page.goto('/sign-in');
    await page.getByLabel(/^E-Mail-Adresse/).fill('lena.krause@example.org');
    await page.getByLabel(/^Passwort/).fill('falsches-Passwort-1');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    expect(await page.getByRole('alert').textContent()).toContain(
      'E-Mail-Adresse oder Passwort stimmen nicht.',
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'sign-in-error');
  });
});
