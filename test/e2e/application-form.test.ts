import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGS, DEMO_PASSWORD } from '../../infra/local/seed.ts';
import type { ApplicationView } from '../../shared/api/schemas/application.schema.ts';
import type { CallView } from '../../shared/api/schemas/call.schema.ts';
import { api, signIn } from '../support/local-stack.ts';
import { expectNoAxeViolations, focusedName, launchBrowser, newPage, screenshot } from './support/browser.ts';

const [LEIPZIG] = DEMO_ORGS;
// Amira and Lena are both members of the Interkulturelles Netzwerk Leipzig (seed.ts).
const AMIRA = 'amira.haddad@example.org';
const LENA = 'lena.krause@example.org';

/** Text without the no-break spaces Intl puts into amounts and percentages. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** The demo strand-C call (small projects, rolling, 5 % own share, 10 % flat rate), open now. */
async function smallProjectsCall(): Promise<CallView> {
  const { body } = await api<{ items: CallView[] }>('GET', '/api/calls');
  const call = body.items.find((c) => c.strand === 'C' && c.phase === 'open');
  if (!call) throw new Error('no open strand-C demo call');
  return call;
}

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
async function openForm(page: Page, id: string, email: string) {
  await page.goto(`/applications/${id}/edit`);
  try {
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor({ timeout: 10_000 });
  } catch (e) {
    await screenshot(page, 'debug-open');
    console.log(page.url(), await page.content());
    throw e;
  }
  await page.getByLabel(/^E-Mail-Adresse/).fill(email);
  await page.getByLabel(/^Passwort/).fill(DEMO_PASSWORD);
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

async function savedAtStatus(page: Page, language: 'de' | 'en' = 'de') {
  const text = language === 'de' ? /^Gespeichert um \d\d:\d\d$/ : /^Saved at \d\d:\d\d$/;
  await page.getByTestId('save-status').getByText(text).waitFor();
}

describe('the application form', () => {
  let browser: Browser;
  let call: CallView;
  beforeAll(async () => {
    browser = await launchBrowser();
    call = await smallProjectsCall();
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
    await expect
      .poll(async () => (await stored(id, token)).financePlan?.requestedGrantCents, { timeout: 10_000 })
      .toBe(1_329_200);
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
    await expect.poll(async () => (await stored(id, token)).missing, { timeout: 10_000 }).toEqual([]);
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
    await expect.poll(async () => (await stored(id, token)).financePlan?.ownContributionCents).toBe(5000);
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
    await expect
      .poll(async () => (await stored(id, token)).financePlan?.fees)
      .toEqual([expect.objectContaining({ description: 'Sprachmittlung', amountCents: 12_000 })]);
    await savedAtStatus(page);
    await page.getByRole('link', { name: 'Förderaufrufe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Förderaufrufe' }).waitFor();
  });
});
