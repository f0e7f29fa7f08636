import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCall } from '../support/calls.ts';
import {
  api,
  givenCall,
  givenDraft,
  givenOrganisation,
  givenUser,
  type TestUser,
} from '../support/local-stack.ts';
import { aPdf, signInAndOpen } from './support/applicant.ts';
import {
  expectNoAxeViolations,
  focusedName,
  launchBrowser,
  newPage,
  screenshot,
  throttleUploads,
} from './support/browser.ts';

/** A PNG's first bytes: an image, whatever its name says. */
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
/** A web page with a script: the classic disguise behind a document's name. */
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');

const call = aCall({
  title: { de: 'Unterlagen im Test', en: 'Documents under test' },
  requiredDocuments: [
    { id: 'satzung', label: { de: 'Satzung', en: 'Articles of association' }, mandatory: true },
    { id: 'finanzplan', label: { de: 'Finanzierungsplan', en: 'Financing plan' }, mandatory: true },
    { id: 'presse', label: { de: 'Presseberichte', en: 'Press coverage' }, mandatory: false },
  ],
});

describe('uploads on an application (DocumentsPanel)', () => {
  let browser: Browser;
  let applicant: TestUser;
  let orgId: string;

  beforeAll(async () => {
    await givenCall(call);
    applicant = await givenUser(['applicant'], 'uploader');
    orgId = await givenOrganisation([applicant]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const row = (page: Page, label: string) =>
    page.getByRole('listitem').filter({
      has: page.getByRole('heading', { level: 3, name: new RegExp(`^${label}`) }),
    });
  const liveRegion = (page: Page) => page.getByTestId('live-region');

  it('uploads a PDF with a progress bar to "geprüft", refuses a disguised file in words, replaces and deletes', async () => {
    const draft = await givenDraft(applicant, orgId, call.id, 'Nachbarschaftsgarten Zwickau');
    const page = await newPage(browser);
    await signInAndOpen(page, `/applications/${draft.id}`, applicant.email);
    await page.getByText('0 von 2 Pflichtunterlagen hochgeladen und geprüft.').waitFor();

    // The file input is labelled and carries the accepted types and the size limit as its hint.
    const satzungInput = page.getByLabel('Datei für „Satzung“ auswählen');
    const describedBy = (await satzungInput.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'Erlaubt: PDF, JPEG oder PNG, höchstens 10 MB.',
    );
    await expectNoAxeViolations(page);

    // A slow line (256 KiB/s up), so the progress of a ~1 MB upload can be watched.
    const unthrottle = await throttleUploads(page, 256 * 1024);
    await satzungInput.setInputFiles({
      name: 'Satzung Verein.pdf',
      mimeType: 'application/pdf',
      buffer: await aPdf('Satzung des Vereins Nachbarschaftsgarten Zwickau e.V.', 800_000),
    });
    await row(page, 'Satzung').getByRole('button', { name: 'Hochladen (Satzung)' }).click();

    const progress = page.getByRole('progressbar', { name: 'Hochladen von „Satzung Verein.pdf“' });
    await progress.waitFor();
    await expect
      .poll(() => liveRegion(page).textContent())
      .toBe('Hochladen von „Satzung Verein.pdf“ hat begonnen.');
    // It moves: a value between the ends, shown as a percentage too.
    // (A string: the test project's types have no DOM.)
    await page.waitForFunction(
      "(() => { const bar = document.querySelector('progress'); return bar !== null && bar.value > 5 && bar.value < 95; })()",
    );
    expect(await row(page, 'Satzung').textContent()).toMatch(/\d+ %/);
    await screenshot(page, 'upload-progress');
    await unthrottle();

    // The server checked it: verified, said in words, and announced.
    await row(page, 'Satzung').getByText('Geprüft und angenommen').waitFor();
    await expect
      .poll(() => liveRegion(page).textContent())
      .toBe('„Satzung Verein.pdf“ ist geprüft und angenommen.');
    expect(await progress.count()).toBe(0);
    expect(await page.getByText('1 von 2 Pflichtunterlagen hochgeladen und geprüft.').count()).toBe(1);

    // A "PDF" that is a web page with a script: refused, and why.
    await page.getByLabel('Datei für „Finanzierungsplan“ auswählen').setInputFiles({
      name: 'Finanzierungsplan.pdf',
      mimeType: 'application/pdf',
      buffer: HTML,
    });
    await row(page, 'Finanzierungsplan')
      .getByRole('button', { name: 'Hochladen (Finanzierungsplan)' })
      .click();
    const refused = row(page, 'Finanzierungsplan').locator('.document--rejected');
    await refused.waitFor();
    expect(await refused.locator('.document__verdict').textContent()).toBe(
      'Abgelehnt – Der Inhalt ist kein Dokument, sondern ein Programm, ein Skript oder eine Webseite. ' +
        'Die Datei ist kein PDF, obwohl sie so heißt. Sie ist eine Webseite oder Code (HTML, XML, SVG) und wurde aus Sicherheitsgründen gelöscht.',
    );
    await expect
      .poll(() => liveRegion(page).textContent())
      .toMatch(/^„Finanzierungsplan.pdf“ wurde abgelehnt: /);

    // An image under a PDF's name, as a further document: refused with what to do instead.
    await page.getByLabel('Datei für „Weitere Unterlagen“ auswählen').setInputFiles({
      name: 'Foto Garten.pdf',
      mimeType: 'application/pdf',
      buffer: PNG,
    });
    await row(page, 'Weitere Unterlagen')
      .getByRole('button', { name: 'Hochladen (Weitere Unterlagen)' })
      .click();
    const image = row(page, 'Weitere Unterlagen').locator('.document--rejected');
    await image.waitFor();
    expect(await image.locator('.document__verdict').textContent()).toBe(
      'Abgelehnt – Der Inhalt passt nicht zum Dateityp. Die Datei ist kein PDF, obwohl sie so heißt. ' +
        'Sie ist ein PNG-Bild. Bitte geben Sie ihr die Endung .png und laden Sie sie erneut hoch.',
    );

    // A type the portal does not take is refused before anything is sent, at the field.
    const presseInput = page.getByLabel('Datei für „Presseberichte“ auswählen');
    await presseInput.setInputFiles({
      name: 'Pressespiegel.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('PK\u0003\u0004'),
    });
    await row(page, 'Presseberichte').getByRole('button', { name: 'Hochladen (Presseberichte)' }).click();
    expect(await presseInput.getAttribute('aria-invalid')).toBe('true');
    expect(await row(page, 'Presseberichte').locator('.field__error').textContent()).toBe(
      'Diese Datei können wir nicht annehmen. Erlaubt sind PDF, JPEG oder PNG.',
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'uploads-verdicts');

    // Replacing: a new file for the Satzung takes the old one's place once verified.
    await page.getByLabel('Neue Datei für „Satzung“ auswählen').setInputFiles({
      name: 'Satzung 2027.pdf',
      mimeType: 'application/pdf',
      buffer: await aPdf('Satzung in der Fassung von 2027'),
    });
    await row(page, 'Satzung').getByRole('button', { name: 'Ersetzen (Satzung)' }).click();
    await row(page, 'Satzung').getByText('Satzung 2027.pdf').waitFor();
    await expect.poll(() => row(page, 'Satzung').getByText('Satzung Verein.pdf').count()).toBe(0);

    // Deleting the refused file, by keyboard: focus the button and press Enter.
    const remove = row(page, 'Finanzierungsplan').getByRole('button', {
      name: 'Löschen (Finanzierungsplan.pdf)',
    });
    await remove.focus();
    expect(await focusedName(page)).toBe('Löschen (Finanzierungsplan.pdf)');
    await page.keyboard.press('Enter');
    await row(page, 'Finanzierungsplan').getByText('Noch keine Datei hochgeladen').waitFor();
    await expect.poll(() => liveRegion(page).textContent()).toBe('„Finanzierungsplan.pdf“ ist gelöscht.');

    // What the API holds: the replacement, verified; the refused image; nothing else.
    const listed = await api<{ items: { type: string; fileName: string; status: string }[] }>(
      'GET',
      `/api/applications/${draft.id}/documents`,
      { token: applicant.token },
    );
    expect(listed.body.items.map(({ type, fileName, status }) => ({ type, fileName, status }))).toEqual([
      { type: 'other', fileName: 'Foto Garten.pdf', status: 'rejected' },
      { type: 'satzung', fileName: 'Satzung 2027.pdf', status: 'verified' },
    ]);
  });

  it('says the verdicts in English, with the reasons in English', async () => {
    const draft = await givenDraft(applicant, orgId, call.id, 'Community garden Zwickau');
    const page = await newPage(browser, { locale: 'en-GB' });
    await signInAndOpen(page, `/applications/${draft.id}`, applicant.email, 'en');
    await page.getByText('0 of 2 mandatory documents uploaded and verified.').waitFor();

    await page.getByLabel('Choose a file for “Articles of association”').setInputFiles({
      name: 'statutes.pdf',
      mimeType: 'application/pdf',
      buffer: await aPdf('Articles of association'),
    });
    await row(page, 'Articles of association')
      .getByRole('button', { name: 'Upload (Articles of association)' })
      .click();
    await row(page, 'Articles of association').getByText('Verified and accepted').waitFor();

    await page.getByLabel('Choose a file for “Financing plan”').setInputFiles({
      name: 'plan.pdf',
      mimeType: 'application/pdf',
      buffer: PNG,
    });
    await row(page, 'Financing plan').getByRole('button', { name: 'Upload (Financing plan)' }).click();
    const refused = row(page, 'Financing plan').locator('.document--rejected .document__verdict');
    await refused.waitFor();
    expect(await refused.textContent()).toBe(
      'Refused – The content does not match the file type. The file is not a PDF, although it is named like one. ' +
        'It is a PNG image. Please give it the extension .png and upload it again.',
    );
    expect(await page.getByText('1 of 2 mandatory documents uploaded and verified.').count()).toBe(1);
    // Nothing German left in the panel.
    const panel = (await page.locator('.documents-panel').textContent()) ?? '';
    expect(panel).not.toMatch(/Datei|Unterlage|hochladen|Geprüft|Abgelehnt/);

    await expectNoAxeViolations(page);
    await screenshot(page, 'uploads-en');
  });
});
