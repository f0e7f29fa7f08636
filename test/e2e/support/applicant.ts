import { randomBytes } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { TEST_USER_PASSWORD } from '../../support/local-stack.ts';

/**
 * Opens a page that needs an account as a signed-out visitor would: the portal sends them to sign in
 * and back to the page afterwards. `email` is a givenUser() (whose password is TEST_USER_PASSWORD).
 */
export async function signInAndOpen(page: Page, path: string, email: string, language: 'de' | 'en' = 'de') {
  if (language === 'en') {
    // The choice the header's language button stores, made before the portal starts.
    await page.addInitScript(() => localStorage.setItem('foerderflow.language', 'en'));
  }
  await page.goto(path);
  const signIn = language === 'de' ? 'Anmelden' : 'Sign in';
  await page.getByRole('heading', { level: 1, name: signIn }).waitFor();
  await page.getByLabel(language === 'de' ? /^E-Mail-Adresse/ : /^Email address/).fill(email);
  await page.getByLabel(language === 'de' ? /^Passwort/ : /^Password/).fill(TEST_USER_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: signIn }).click();
  await page.waitForURL((url) => url.pathname === path);
}

/** A real one-page PDF with this text, at least `minBytes` long (a long subject), so an upload shows progress. */
export async function aPdf(text: string, minBytes = 0): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 14, font });
  // Random text, so the compressed object streams cannot shrink it.
  if (minBytes > 0) document.setSubject(randomBytes(minBytes).toString('base64'));
  return Buffer.from(await document.save());
}

/** Text without the non-breaking and narrow spaces Intl puts into dates and amounts. */
export const plain = (text: string | null) => (text ?? '').replace(/\u00a0|\u202f/g, ' ');
