import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../infra/local/seed.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './support/browser.ts';

describe('a session that ends while someone types', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks to sign in again over the page, keeps what was typed and then sends it', async () => {
    const page = await newPage(browser);
    await page.clock.install();
    const email = 'jonas.weber@example.org';
    await page.goto('/organisations');
    // Signed out, the page sends the person to sign in and back.
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await page.getByLabel(/^E-Mail-Adresse/).fill(email);
    await page.getByLabel(/^Passwort/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meine Organisationen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Bildungswerk Lausitz gGmbH' }).waitFor();

    // Empty fields are refused in the browser with the shared schema, in German.
    await page.getByRole('button', { name: 'Organisation anlegen' }).click();
    const summary = page.getByRole('alert');
    expect(await summary.textContent()).toContain('Bitte füllen Sie dieses Feld aus.');

    await page.getByLabel(/^Name laut Register/).fill('Nachbarschaftshilfe Görlitz e.V.');
    await page.getByLabel(/^Rechtsform/).selectOption({ label: 'eingetragener Verein (e.V.)' });

    // A day later the ID token has expired (cognito-local's last 24 h, the pool's on AWS 1 h), and so,
    // as the user pool answers here, has the refresh token.
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
    await page.clock.fastForward('25:00:00');
    await page.getByRole('button', { name: 'Organisation anlegen' }).click();

    const dialog = page.getByRole('dialog', { name: 'Bitte melden Sie sich erneut an' });
    await dialog.waitFor();
    // The page underneath is still there with the input.
    expect(await page.locator('#organisation-legalName').inputValue()).toBe(
      'Nachbarschaftshilfe Görlitz e.V.',
    );
    expect(await dialog.getByLabel(/^E-Mail-Adresse/).inputValue()).toBe(email);
    await expectNoAxeViolations(page);
    await screenshot(page, 'session-expired-dialog');

    await dialog.getByLabel(/^Passwort/).fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Anmelden' }).click();

    // The request went through after signing in: the new organisation is listed, and the dialog is gone.
    await page.getByRole('heading', { level: 2, name: 'Nachbarschaftshilfe Görlitz e.V.' }).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    expect(await page.locator('#organisation-legalName').inputValue()).toBe('');
    await expectNoAxeViolations(page);
    await screenshot(page, 'organisations');
  });
});
