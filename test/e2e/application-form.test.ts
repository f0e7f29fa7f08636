import { randomUUID } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGS, DEMO_PASSWORD } from '../../infra/local/seed.ts';
import type { ApplicationView } from '../../shared/api/schemas/application.schema.ts';
import type { CallView } from '../../shared/api/schemas/call.schema.ts';
import { berlinDate } from '../../shared/domain/berlin-time.ts';
import { aCall } from '../support/calls.ts';
import {
  api,
  drain,
  givenAssignments,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenUser,
  sentEmails,
  signIn,
  TEST_USER_PASSWORD,
} from '../support/local-stack.ts';
import {
  expectNoAxeViolations,
  focusedName,
  launchBrowser,
  newPage,
  screenshot,
  tabTo,
} from './support/browser.ts';
import { demoSmallProjectsCall } from './support/demo.ts';

const [LEIPZIG, LAUSITZ] = DEMO_ORGS;
// Amira and Lena are both members of the Interkulturelles Netzwerk Leipzig (seed.ts).
const AMIRA = 'amira.haddad@example.org';
const LENA = 'lena.krause@example.org';
// Jonas runs the Bildungswerk Lausitz gGmbH.
const JONAS = 'jonas.weber@example.org';

/** Text without the no-break spaces Intl puts into amounts and percentages. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** A new draft of a demo organisation, made through the API (the new-application page does the same). */
async function aDraft(email: string, orgId: string, callId: string, title: string, content = {}) {
  const token = await signIn(email, DEMO_PASSWORD);
  const created = await api<ApplicationView>('POST', '/api/applications', {
    token,
    body: { orgId, callId, title },
  });
  if (created.status !== 201) throw new Error(`draft not created: ${created.text}`);
  if (Object.keys(content).length > 0) {
    const filled = await api('PATCH', `/api/applications/${created.body.id}`, {
      token,
      body: content,
      headers: { 'if-match': `"${created.body.version}"` },
    });
    if (filled.status !== 200) throw new Error(`draft not filled: ${filled.text}`);
  }
  return { id: created.body.id, token };
}

async function stored(id: string, token: string): Promise<ApplicationView> {
  return (await api<ApplicationView>('GET', `/api/applications/${id}`, { token })).body;
}

/** Opens the form signed out: the portal asks to sign in and comes back to it. */
async function openForm(page: Page, id: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`/applications/${id}/edit`);
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.getByLabel(/^E-Mail-Adresse/).fill(email);
  await page.getByLabel(/^Passwort/).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Antrag bearbeiten' }).waitFor();
  await page.getByRole('navigation', { name: 'Schritte des Antrags' }).waitFor();
}

/** The text that describes a control (its hint and error, via aria-describedby). */
async function description(page: Page, selector: string): Promise<string> {
  const ids = ((await page.locator(selector).getAttribute('aria-describedby')) ?? '')
    .split(' ')
    .filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return plain(texts.join(' '));
}

/** A real one-page PDF, as a scanned document would be. */
async function aPdf(text: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 14, font });
  return Buffer.from(await document.save());
}

/**
 * A date whose day equals its month (2027-03-03), so typing its digits into a date field gives the same
 * date whether the browser shows DD.MM.YYYY or MM/DD/YYYY (Chromium follows its own UI language there,
 * not the page's locale). The day stays within the given date's month, on or after the 1st.
 */
function dayEqualsMonth(isoDate: string): { iso: string; typed: string } {
  const [year, month] = isoDate.split('-') as [string, string];
  return { iso: `${year}-${month}-${month}`, typed: `${month}${month}${year}` };
}

/** Polls until the value is as expected: autosave waits a second after typing, then saves. */
function eventually<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 30_000, interval: 200 });
}

async function savedAtStatus(page: Page, language: 'de' | 'en' = 'de') {
  const text = language === 'de' ? /^Gespeichert um \d\d:\d\d$/ : /^Saved at \d\d:\d\d$/;
  await page.getByTestId('save-status').getByText(text).waitFor();
}

describe('the application form', () => {
  let browser: Browser;
  let call: CallView;
  beforeAll(async () => {
    browser = await launchBrowser();
    call = await demoSmallProjectsCall();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('saves as the applicant types and says so, shows the finance rules live at their fields, and every step passes axe', async () => {
    const { id, token } = await aDraft(AMIRA, LEIPZIG.id, call.id, 'Sprachcafé Grünau');
    const page = await newPage(browser);
    await openForm(page, id, AMIRA);

    // The step indicator: a navigation list, the current step marked, "Schritt 1 von 7".
    const steps = page.getByRole('navigation', { name: 'Schritte des Antrags' });
    expect(await steps.getByRole('listitem').count()).toBe(7);
    expect(await steps.getByRole('link', { name: /^1 Projekt/ }).getAttribute('aria-current')).toBe('step');
    await page.getByText('Schritt 1 von 7').waitFor();

    // Autosave, slowed down so the intermediate status can be seen: both are in a polite live region.
    await page.route('**/api/applications/*', async (route) => {
      if (route.request().method() === 'PATCH') await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    const status = page.getByTestId('save-status');
    expect(await status.getAttribute('role')).toBe('status');
    const summary = 'Wöchentliches Sprachcafé mit Kinderbetreuung für neu zugewanderte Familien in Grünau.';
    await page.locator('#field-summary').fill(summary);
    expect(await page.locator('#field-summary-count').textContent()).toBe(
      `${summary.length} von 4.000 Zeichen`,
    );
    await status.getByText('Wird gespeichert …').waitFor();
    await savedAtStatus(page);
    expect((await stored(id, token)).summary).toBe(summary);
    await page.unroute('**/api/applications/*');
    await expectNoAxeViolations(page);
    await screenshot(page, 'application-form-1-project');

    await page.getByRole('button', { name: 'Weiter: Zielgruppen & Region' }).click();
    await page.getByText('Schritt 2 von 7').waitFor();
    expect(await steps.getByRole('link', { name: /^2 Zielgruppen/ }).getAttribute('aria-current')).toBe(
      'step',
    );
    // Focus moved to the new step's heading.
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Zielgruppen & Region');
    await page.getByLabel('Neuzugewanderte').check();
    await page.getByLabel('Eltern').check();
    await page.getByLabel(/^Region/).selectOption({ label: 'Leipzig (Kreisfreie Stadt)' });
    await expectNoAxeViolations(page);
    await screenshot(page, 'application-form-2-target-groups');

    await page.getByRole('button', { name: 'Weiter: Zeitraum' }).click();
    await page.getByText('Schritt 3 von 7').waitFor();
    await page.getByLabel(/^Projektbeginn/).fill(call.projectPeriod.earliestStart);
    await page.getByLabel(/^Projektende/).fill(call.projectPeriod.latestEnd);
    await page.getByText('Das Projekt dauert 12 Monate.').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'application-form-3-period');

    await page.getByRole('button', { name: 'Weiter: Kosten- und Finanzierungsplan' }).click();
    await page.getByText('Schritt 4 von 7').waitFor();
    await page.getByRole('button', { name: 'Stelle hinzufügen' }).click();
    // The new line's first field has the focus.
    expect(await focusedName(page)).toBe('Funktion im Projekt');
    await page.locator('#field-financePlan-staff-0-role').fill('Projektleitung');
    await page.locator('#field-financePlan-staff-0-payGrade').selectOption('E9');
    await page.locator('#field-financePlan-staff-0-hoursShareBps').fill('20');
    await page.locator('#field-financePlan-staff-0-months').fill('12');
    await page.locator('#field-financePlan-staff-0-monthlyFullTimeCents').fill('4800');
    await page.locator('#field-financePlan-staff-0-monthlyFullTimeCents').blur();
    // Tidied into the usual way of writing amounts, and computed at once.
    expect(await page.locator('#field-financePlan-staff-0-monthlyFullTimeCents').inputValue()).toBe(
      '4.800,00',
    );
    await page.getByText('Kosten dieser Stelle: 11.520,00 €').waitFor();
    await page.getByRole('button', { name: 'Sachausgabe hinzufügen' }).click();
    await page.locator('#field-financePlan-material-0-description').fill('Raummiete Begegnungscafé');
    await page.locator('#field-financePlan-material-0-amountCents').fill('1.200,00');
    await page.getByLabel(/^Verwaltungskostenpauschale von 10\s%/).check();
    const overview = page.getByRole('complementary', { name: 'Finanzübersicht' });
    expect(plain(await overview.getByTestId('total-costs').textContent())).toBe('13.992,00 €');

    // An own contribution below 5 % of the total costs: the rule's message appears at the field at once.
    const own = '#field-financePlan-ownContributionCents';
    await page.locator(own).fill('100');
    const ownShareMessage =
      'Der Eigenanteil (100,00 €) ist zu niedrig: dieser Aufruf verlangt mindestens 5 % der Gesamtkosten (13.992,00 €), also mindestens 699,60 €.';
    await page.getByText(ownShareMessage).waitFor();
    expect(await page.locator(own).getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, own)).toContain(ownShareMessage);
    expect(plain(await overview.getByTestId('own-share').textContent())).toBe('0,71 % (mindestens 5 %)');
    await screenshot(page, 'application-form-4-finance-violation');

    await page.locator(own).fill('700,00');
    await page.locator('#field-financePlan-requestedGrantCents').fill('13.292,00');
    await overview.getByText('Der Finanzplan erfüllt die Regeln dieses Aufrufs.').waitFor();
    expect(await page.getByText(/Der Eigenanteil .* ist zu niedrig/).count()).toBe(0);
    expect(await page.locator(own).getAttribute('aria-invalid')).toBeNull();
    expect(plain(await overview.getByTestId('funding-rate').textContent())).toBe('94,99 % (höchstens 95 %)');
    expect(plain(await overview.getByTestId('own-share').textContent())).toBe('5 % (mindestens 5 %)');
    await eventually(async () => (await stored(id, token)).financePlan?.requestedGrantCents).toBe(1_329_200);
    await savedAtStatus(page);
    const plan = (await stored(id, token)).financePlan;
    expect(plan).toMatchObject({
      staff: [
        {
          role: 'Projektleitung',
          payGrade: 'E9',
          hoursShareBps: 2000,
          months: 12,
          monthlyFullTimeCents: 480_000,
        },
      ],
      material: [{ description: 'Raummiete Begegnungscafé', amountCents: 120_000 }],
      claimsAdminFlatRate: true,
      ownContributionCents: 70_000,
      requestedGrantCents: 1_329_200,
    });
    await expectNoAxeViolations(page);
    await screenshot(page, 'application-form-4-finance');

    // Straight to the summary: what is missing links to its field.
    await steps.getByRole('link', { name: /^7 Zusammenfassung/ }).click();
    await page.getByText('Schritt 7 von 7').waitFor();
    const open = page.getByRole('region', { name: 'Noch offen vor dem Einreichen' });
    await open.getByText('Es fehlt: Satzung bzw. Gesellschaftsvertrag.').waitFor();
    await expectNoAxeViolations(page);
    await open.getByRole('link', { name: /^Bitte willigen Sie in die elektronische Bekanntgabe/ }).click();
    await page.getByText('Schritt 6 von 7').waitFor();
    await page.waitForFunction(
      "document.activeElement?.id === 'field-declarations-electronicNotificationConsent'",
    );

    // The declarations, each explained; the consent says what electronic notification means.
    expect(await description(page, '#field-declarations-electronicNotificationConsent')).toContain(
      'Er gilt am Tag nach dem ersten Abruf als bekannt gegeben (§ 41 Absatz 2a Verwaltungsverfahrensgesetz)',
    );
    await page.getByLabel(/^Das Projekt hat noch nicht begonnen/).check();
    await page.getByLabel(/^Ich habe zur Kenntnis genommen, dass die Angaben/).check();
    await page
      .getByRole('group', { name: /De-minimis-Beihilfen erhalten/ })
      .getByLabel('Nein')
      .check();
    await page
      .getByRole('group', { name: /Vorsteuer abziehen/ })
      .getByLabel('Nein')
      .check();
    await page.getByLabel(/^Ich willige ein, dass mir der Bescheid elektronisch/).check();
    await expectNoAxeViolations(page);
    await screenshot(page, 'application-form-6-declarations');

    await page.getByRole('button', { name: 'Zurück: Unterlagen' }).click();
    await page.getByText('Schritt 5 von 7').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'application-form-5-documents');

    await steps.getByRole('link', { name: /^7 Zusammenfassung/ }).click();
    await page.getByText('Schritt 7 von 7').waitFor();
    // Only the documents are still open; everything typed is listed.
    await open.getByText('Es fehlt: Satzung bzw. Gesellschaftsvertrag.').waitFor();
    expect(await open.getByText('Fehlende Angaben').count()).toBe(0);
    expect(await open.getByText('Regeln des Aufrufs, die noch nicht erfüllt sind').count()).toBe(0);
    const main = plain(await page.getByRole('main').textContent());
    expect(main).toContain(summary);
    expect(main).toContain('Projektleitung (E9, 20 %, 12 Monate): 11.520,00 €');
    expect(main).toContain('Leipzig (Kreisfreie Stadt)');
    await eventually(async () => (await stored(id, token)).missing).toEqual([]);
    await savedAtStatus(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'application-form-7-summary');
  });

  it('keeps input it cannot save yet in the form, says so, and warns before leaving with it', async () => {
    const { id, token } = await aDraft(AMIRA, LEIPZIG.id, call.id, 'Elterncafé Paunsdorf');
    const page = await newPage(browser);
    await openForm(page, id, AMIRA);
    await page.goto(`/applications/${id}/edit?step=finance`);
    await page.getByText('Schritt 4 von 7').waitFor();
    await page.getByRole('button', { name: 'Honorar hinzufügen' }).click();
    await page.locator('#field-financePlan-fees-0-description').fill('Sprachmittlung');
    await page.locator('#field-financePlan-fees-0-amountCents').fill('zwölf Euro');
    await page.locator('#field-financePlan-ownContributionCents').fill('50');
    // The readable amount is saved, the line with the unreadable one is held back and named.
    await page
      .getByTestId('save-status')
      .getByText('Noch nicht gespeichert (unvollständig oder fehlerhaft): Honorare.')
      .waitFor();
    await eventually(async () => (await stored(id, token)).financePlan?.ownContributionCents).toBe(5000);
    expect((await stored(id, token)).financePlan?.fees).toBeUndefined();
    await page.locator('#field-financePlan-fees-0-amountCents').blur();
    await page.getByText('Bitte geben Sie einen Betrag in Euro ein, zum Beispiel 1.234,56.').waitFor();

    // Leaving now would lose it: the portal asks first, and staying keeps everything.
    await page.getByRole('link', { name: 'Förderaufrufe' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nicht gespeicherte Eingaben' });
    await dialog.waitFor();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Auf der Seite bleiben' }).click();
    expect(new URL(page.url()).pathname).toBe(`/applications/${id}/edit`);
    expect(await page.locator('#field-financePlan-fees-0-amountCents').inputValue()).toBe('zwölf Euro');

    // Corrected, it is saved, and leaving needs no question.
    await page.locator('#field-financePlan-fees-0-amountCents').fill('120');
    await eventually(async () => (await stored(id, token)).financePlan?.fees).toEqual([
      expect.objectContaining({ description: 'Sprachmittlung', amountCents: 12_000 }),
    ]);
    await savedAtStatus(page);
    await page.getByRole('link', { name: 'Förderaufrufe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Förderaufrufe' }).waitFor();
  });
  it('resolves a version conflict between two members without losing what was typed', async () => {
    const { id, token } = await aDraft(AMIRA, LEIPZIG.id, call.id, 'Begegnungscafé Volkmarsdorf', {
      summary: 'Erste Fassung',
      region: 'leipzig',
    });
    const amira = await newPage(browser);
    const lena = await newPage(browser);
    await openForm(amira, id, AMIRA);
    await openForm(lena, id, LENA);

    // Amira saves first: a new title and summary, and another region.
    await amira.locator('#field-title').fill('Begegnungscafé Volkmarsdorf – Amira');
    await amira.locator('#field-summary').fill('Fassung von Amira');
    await eventually(async () => (await stored(id, token)).summary).toBe('Fassung von Amira');
    await amira.goto(`/applications/${id}/edit?step=target-groups`);
    await amira.getByLabel(/^Region/).selectOption('dresden');
    await eventually(async () => (await stored(id, token)).region).toBe('dresden');

    // Lena, still on the version she opened, types her own title and summary.
    await lena.locator('#field-title').fill('Begegnungscafé Volkmarsdorf – Lena');
    await lena.locator('#field-summary').fill('Fassung von Lena');
    const panel = lena.getByRole('region', { name: 'Jemand anderes hat den Antrag inzwischen gespeichert' });
    await panel.waitFor();
    // The panel's heading has the focus; both fields are compared; nothing Lena typed is gone.
    expect(await lena.evaluate('document.activeElement?.id')).toBe('conflict-heading');
    expect(await lena.getByTestId('save-status').textContent()).toBe(
      'Nicht gespeichert: Bitte entscheiden Sie oben, welche Angaben gelten sollen.',
    );
    expect(await panel.getByTestId('conflict-summary-mine').textContent()).toBe('Fassung von Lena');
    expect(await panel.getByTestId('conflict-summary-theirs').textContent()).toBe('Fassung von Amira');
    expect(await panel.getByTestId('conflict-title-mine').textContent()).toBe(
      'Begegnungscafé Volkmarsdorf – Lena',
    );
    expect(await panel.getByTestId('conflict-title-theirs').textContent()).toBe(
      'Begegnungscafé Volkmarsdorf – Amira',
    );
    // The region only Amira changed is taken over, and said so.
    await panel
      .getByText(
        'Aus dem gespeicherten Stand übernommen, weil Sie diese Angaben nicht geändert hatten: Region.',
      )
      .waitFor();
    expect(await lena.locator('#field-summary').inputValue()).toBe('Fassung von Lena');
    expect(await lena.locator('#field-title').inputValue()).toBe('Begegnungscafé Volkmarsdorf – Lena');
    await expectNoAxeViolations(lena);
    await screenshot(lena, 'application-form-conflict');

    // Lena keeps her summary and takes Amira's title.
    const title = panel.getByRole('group', { name: 'Titel des Projekts' });
    await title.getByLabel('Gespeicherten Stand übernehmen').check();
    expect(
      await panel
        .getByRole('group', { name: 'Kurzbeschreibung' })
        .getByLabel('Meine Eingabe behalten')
        .isChecked(),
    ).toBe(true);
    await panel.getByRole('button', { name: 'Auswahl übernehmen und speichern' }).click();
    await panel.waitFor({ state: 'detached' });
    await eventually(async () => (await stored(id, token)).summary).toBe('Fassung von Lena');
    expect(await stored(id, token)).toMatchObject({
      title: 'Begegnungscafé Volkmarsdorf – Amira',
      summary: 'Fassung von Lena',
      region: 'dresden',
    });
    expect(await lena.locator('#field-title').inputValue()).toBe('Begegnungscafé Volkmarsdorf – Amira');
    expect(await lena.locator('#field-summary').inputValue()).toBe('Fassung von Lena');
    await savedAtStatus(lena);
  });

  it('keeps the form when the session ends during autosave, and saves after signing in again', async () => {
    const { id, token } = await aDraft(AMIRA, LEIPZIG.id, call.id, 'Nähcafé Reudnitz');
    const page = await newPage(browser);
    await page.clock.install();
    await openForm(page, id, AMIRA);
    await page.locator('#field-summary').fill('Vor dem Ende der Sitzung');
    await eventually(async () => (await stored(id, token)).summary).toBe('Vor dem Ende der Sitzung');

    // A day later the ID token has expired and the user pool refuses the refresh token too.
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
    await page.locator('#field-summary').fill('Nach dem Ende der Sitzung getippt');
    const dialog = page.getByRole('dialog', { name: 'Bitte melden Sie sich erneut an' });
    await dialog.waitFor();
    // The form is still there underneath, with what was typed.
    expect(await page.locator('#field-summary').inputValue()).toBe('Nach dem Ende der Sitzung getippt');
    expect(await page.getByTestId('save-status').textContent()).toBe('Wird gespeichert …');
    await expectNoAxeViolations(page);
    await dialog.getByLabel(/^Passwort/).fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Anmelden' }).click();

    await eventually(async () => (await stored(id, token)).summary).toBe('Nach dem Ende der Sitzung getippt');
    await savedAtStatus(page);
    expect(await dialog.isVisible()).toBe(false);
  });

  it('answers a Nachforderung: the requested items link to their fields, and the supplement is submitted', async () => {
    const [applicant, content, financial] = await Promise.all([
      givenUser(['applicant'], 'nachreichen'),
      givenUser(['reviewer'], 'nf-content'),
      givenUser(['reviewer'], 'nf-financial'),
    ]);
    const orgId = await givenOrganisation([applicant]);
    const smallCall = await givenCall(aCall({ title: { de: 'Miteinander 2027', en: 'Together 2027' } }));
    const draft = await givenCompleteDraft(applicant, orgId, smallCall.id, 'Familiencafé Grünau');
    const submitted = await api('POST', `/api/applications/${draft.id}/submit`, { token: applicant.token });
    expect(submitted.status, submitted.text).toBe(202);
    await drain();
    await givenAssignments({ id: draft.id, callId: smallCall.id }, { content, financial });
    const dueDate = new Date(Date.parse(`${berlinDate(new Date())}T12:00:00Z`) + 14 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const request = await api('POST', `/api/review/applications/${draft.id}/missing-documents`, {
      token: content.token,
      body: {
        items: [{ path: 'summary', text: 'Bitte beschreiben Sie, wie Sie die Familien erreichen.' }],
        dueDate,
      },
    });
    expect(request.status, request.text).toBe(200);
    await drain();

    const page = await newPage(browser);
    await openForm(page, draft.id, applicant.email, TEST_USER_PASSWORD);
    const box = page.getByRole('region', { name: 'Nachforderung: Bitte reichen Sie Folgendes nach' });
    await box.waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'application-form-nachforderung');
    await box.getByRole('link', { name: 'Bitte beschreiben Sie, wie Sie die Familien erreichen.' }).click();
    await page.waitForFunction("document.activeElement?.id === 'field-summary'");
    await page
      .locator('#field-summary')
      .fill('Wir erreichen die Familien über die Kitas und das Stadtteilbüro Grünau.');
    await eventually(async () => (await stored(draft.id, applicant.token)).summary).toBe(
      'Wir erreichen die Familien über die Kitas und das Stadtteilbüro Grünau.',
    );

    await page
      .getByRole('navigation', { name: 'Schritte des Antrags' })
      .getByRole('link', { name: /^7 / })
      .click();
    await page.getByText('Alle Angaben sind vollständig. Sie können den Antrag jetzt einreichen.').waitFor();
    await page.getByRole('button', { name: 'Nachgereichte Angaben einreichen' }).click();
    await page.waitForURL((url) => url.pathname === `/applications/${draft.id}`);
    const after = await stored(draft.id, applicant.token);
    expect(after.status).not.toBe('INCOMPLETE');
    expect(after.supplementedAt).toBeDefined();
    // The intake checks the supplement (and so does not stop half-way when the run ends).
    await drain();
  });

  it('speaks English when chosen: texts, amounts, rules and the autosave status', async () => {
    const { id, token } = await aDraft(AMIRA, LEIPZIG.id, call.id, 'Language café', {
      summary: 'A weekly language café for newly arrived families.',
      financePlan: {
        material: [{ id: 'rent', description: 'Room rent', amountCents: 1_234_500 }],
        ownContributionCents: 10_000,
      },
    });
    const page = await newPage(browser);
    await openForm(page, id, AMIRA);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit application' }).waitFor();
    const steps = page.getByRole('navigation', { name: 'Steps of the application' });
    await page.getByText('Step 1 of 7').waitFor();
    await page.getByLabel(/^Summary/).fill('A weekly language café for newly arrived families in Grünau.');
    await savedAtStatus(page, 'en');
    await expectNoAxeViolations(page);
    await screenshot(page, 'application-form-en-project');

    await steps.getByRole('link', { name: /^4 Cost and financing plan/ }).click();
    await page.getByText('Step 4 of 7').waitFor();
    // Amounts are written the English way, and the rules speak English.
    expect(await page.locator('#field-financePlan-material-0-amountCents').inputValue()).toBe('12,345.00');
    expect(await page.locator('#field-financePlan-ownContributionCents').inputValue()).toBe('100.00');
    await page
      .getByText(
        'The own contribution (€100.00) is too low: this call requires at least 5% of the total costs (€12,345.00), that is at least €617.25.',
      )
      .waitFor();
    const overview = page.getByRole('complementary', { name: 'Finance overview' });
    expect(await overview.getByTestId('total-costs').textContent()).toBe('€12,345.00');
    // An amount typed the English way is read the English way.
    await page.locator('#field-financePlan-ownContributionCents').fill('1,000.50');
    await eventually(async () => (await stored(id, token)).financePlan?.ownContributionCents).toBe(100_050);
    expect(await page.getByText(/The own contribution .* is too low/).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'application-form-en-finance');

    await steps.getByRole('link', { name: /^6 Declarations/ }).click();
    await page.getByText('Step 6 of 7').waitFor();
    expect(await description(page, '#field-declarations-electronicNotificationConsent')).toContain(
      'It counts as notified on the day after it is first retrieved (section 41 (2a) of the German Administrative Procedure Act)',
    );
    await expectNoAxeViolations(page);

    await steps.getByRole('link', { name: /^7 Summary/ }).click();
    await page.getByText('Step 7 of 7').waitFor();
    await page
      .getByRole('region', { name: 'Still open before submitting' })
      .getByText('Missing entries')
      .waitFor();
    const main = plain(await page.getByRole('main').textContent());
    // Nothing of the portal's German is left (what the applicant typed is theirs).
    expect(main).not.toMatch(
      /Schritt|Speicher|Weiter|Zurück|Eigenanteil|Kosten|Bitte|Erklärung|Zusammenfassung|Ändern/,
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'application-form-en-summary');
  });

  it('is filled in, documented and submitted with the keyboard alone, ending on the status page with the receipt', async () => {
    const title = `Sprachcafé Bautzen ${randomUUID().slice(0, 6)}`;
    const { id, token } = await aDraft(JONAS, LAUSITZ.id, call.id, title);
    const page = await newPage(browser);
    const { keyboard } = page;
    const idempotencyKeys: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/applications/${id}/submit`)) {
        idempotencyKeys.push(request.headers()['idempotency-key'] ?? '');
      }
    });

    await page.goto(`/applications/${id}/edit`);
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await tabTo(page, /^E-Mail-Adresse/);
    await keyboard.type(JONAS);
    await tabTo(page, /^Passwort/);
    await keyboard.type(DEMO_PASSWORD);
    await keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Schritte des Antrags' }).waitFor();

    // 1 Projekt
    await tabTo(page, /^Kurzbeschreibung/);
    await keyboard.type('Sprachcafé mit Kinderbetreuung für neu zugewanderte Familien in Bautzen.');
    await tabTo(page, 'Weiter: Zielgruppen & Region');
    await keyboard.press('Enter');

    // 2 Zielgruppen & Region: boxes with Space, the region by typing its name into the list.
    await page.getByText('Schritt 2 von 7').waitFor();
    await tabTo(page, 'Neuzugewanderte');
    await keyboard.press('Space');
    await tabTo(page, 'Eltern');
    await keyboard.press('Space');
    await tabTo(page, /^Region/);
    await keyboard.type('Landkreis Bautzen');
    await tabTo(page, 'Weiter: Zeitraum');
    await keyboard.press('Enter');

    // 3 Zeitraum
    await page.getByText('Schritt 3 von 7').waitFor();
    const start = dayEqualsMonth(call.projectPeriod.earliestStart);
    const end = dayEqualsMonth(call.projectPeriod.latestEnd);
    await tabTo(page, /^Projektbeginn/);
    await keyboard.type(start.typed);
    await tabTo(page, /^Projektende/);
    await keyboard.type(end.typed);
    await tabTo(page, 'Weiter: Kosten- und Finanzierungsplan');
    await keyboard.press('Enter');

    // 4 Kosten- und Finanzierungsplan: 20 % of a 4,800 € position for 10 months, rent, the flat rate.
    await page.getByText('Schritt 4 von 7').waitFor();
    await tabTo(page, 'Stelle hinzufügen');
    await keyboard.press('Enter');
    await page.waitForFunction("document.activeElement?.id === 'field-financePlan-staff-0-role'");
    await keyboard.type('Projektleitung');
    await keyboard.press('Tab');
    await keyboard.type('E9');
    await keyboard.press('Tab');
    await keyboard.type('20');
    await keyboard.press('Tab');
    await keyboard.type('10');
    await keyboard.press('Tab');
    await keyboard.type('4.800,00');
    await tabTo(page, 'Sachausgabe hinzufügen');
    await keyboard.press('Enter');
    await page.waitForFunction("document.activeElement?.id === 'field-financePlan-material-0-description'");
    await keyboard.type('Raummiete');
    await keyboard.press('Tab');
    await keyboard.type('1.200,00');
    await tabTo(page, /^Verwaltungskostenpauschale/);
    await keyboard.press('Space');
    await tabTo(page, /^Eigenanteil \(Euro\)/);
    await keyboard.type('600');
    await tabTo(page, /^Beantragter Zuschuss/);
    await keyboard.type('11.280');
    const overview = page.getByRole('complementary', { name: 'Finanzübersicht' });
    await overview.getByText('Der Finanzplan erfüllt die Regeln dieses Aufrufs.').waitFor();
    expect(plain(await overview.getByTestId('total-costs').textContent())).toBe('11.880,00 €');
    await tabTo(page, 'Weiter: Unterlagen');
    await keyboard.press('Enter');

    // 5 Unterlagen: each mandatory document chosen with Space and uploaded with Enter.
    await page.getByText('Schritt 5 von 7').waitFor();
    // The file chooser a keyboard user opens with Space is answered here (listening from now on, so the
    // browser never shows its own dialog instead).
    let nextFile: { name: string; mimeType: string; buffer: Buffer } | undefined;
    page.on('filechooser', (chooser) => {
      if (nextFile) void chooser.setFiles(nextFile);
    });
    for (const document of call.requiredDocuments.filter((d) => d.mandatory)) {
      await tabTo(page, `Datei für „${document.label.de}“ auswählen`, 60);
      nextFile = {
        name: `${document.id}.pdf`,
        mimeType: 'application/pdf',
        buffer: await aPdf(`${document.label.de} – Bildungswerk Lausitz gGmbH`),
      };
      await keyboard.press('Space');
      await page.waitForFunction(
        `document.getElementById('document-${document.id}-file')?.files?.length === 1`,
      );
      await keyboard.press('Tab');
      expect(await focusedName(page)).toMatch(/^Hochladen/);
      await keyboard.press('Enter');
      await page
        .getByRole('listitem', { name: new RegExp(`^${document.label.de}`) })
        .getByText('Geprüft und angenommen')
        .waitFor();
    }
    await expectNoAxeViolations(page);
    await screenshot(page, 'application-form-5-documents-uploaded');
    await tabTo(page, 'Weiter: Erklärungen', 60);
    await keyboard.press('Enter');

    // 6 Erklärungen: boxes with Space; the first answer of each question ("Nein") with Space.
    await page.getByText('Schritt 6 von 7').waitFor();
    await tabTo(page, /^Das Projekt hat noch nicht begonnen/);
    await keyboard.press('Space');
    await tabTo(page, /^Ich habe zur Kenntnis genommen/);
    await keyboard.press('Space');
    await tabTo(page, 'Nein');
    await keyboard.press('Space');
    await tabTo(page, 'Nein');
    await keyboard.press('Space');
    await tabTo(page, /^Ich willige ein/);
    await keyboard.press('Space');
    await tabTo(page, 'Weiter: Zusammenfassung');
    await keyboard.press('Enter');

    // 7 Zusammenfassung: nothing open; submit with Enter.
    await page.getByText('Schritt 7 von 7').waitFor();
    await page.getByText('Alle Angaben sind vollständig. Sie können den Antrag jetzt einreichen.').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'application-form-7-summary-complete');
    await tabTo(page, 'Antrag einreichen', 80);
    await keyboard.press('Enter');

    await page.waitForURL((url) => url.pathname === `/applications/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(idempotencyKeys).toHaveLength(1);
    expect(idempotencyKeys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const submitted = await stored(id, token);
    expect(submitted).toMatchObject({
      targetGroups: ['neuzugewanderte', 'eltern'],
      region: 'bautzen',
      projectPeriod: { start: start.iso, end: end.iso },
      financePlan: {
        ownContributionCents: 60_000,
        requestedGrantCents: 1_128_000,
        claimsAdminFlatRate: true,
      },
      declarations: {
        notStartedYet: true,
        subsidyFactsAcknowledged: true,
        deMinimisReceived: false,
        inputTaxDeduction: 'none',
        electronicNotificationConsent: true,
      },
    });
    expect(submitted.status).not.toBe('DRAFT');
    await screenshot(page, 'application-status-after-submit');

    // The intake confirms receipt by email to the person who submitted.
    await eventually(async () =>
      (await sentEmails()).some(
        (mail) =>
          mail.destination.to.includes(JONAS) &&
          mail.subject.includes(`Eingangsbestätigung`) &&
          mail.subject.includes(title),
      ),
    ).toBe(true);
  });
});
