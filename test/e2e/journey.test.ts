import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationView } from '../../shared/api/schemas/application.schema.ts';
import type { CallView } from '../../shared/api/schemas/call.schema.ts';
import { api, sentEmails, signIn } from '../support/local-stack.ts';
import { aPdf, plain } from './support/applicant.ts';
import { emailedCode, mainText } from './support/applicants.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  screenshot,
  throttleUploads,
} from './support/browser.ts';
import { demoSmallProjectsCall } from './support/demo.ts';

/**
 * The whole applicant journey in one flow, as a new association would go through it: register, sign in,
 * create the organisation, apply in the demo small-projects call, fill every step, upload the mandatory
 * documents, declare, submit, see the reference, get the receipt. The single pages and their edge cases
 * are tested in their own files; this one shows that they join up.
 */
describe('the whole applicant journey', () => {
  let browser: Browser;
  let call: CallView;
  beforeAll(async () => {
    browser = await launchBrowser();
    call = await demoSmallProjectsCall();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers, creates the organisation, applies, uploads, submits and receives the Eingangsbestätigung', async () => {
    const page = await newPage(browser);
    const email = `verein-${randomUUID().slice(0, 8)}@example.org`;
    const password = 'Journey-Passwort-2026';
    const organisationName = `Brückenbauer Chemnitz e.V. ${randomUUID().slice(0, 4)}`;
    const title = `Sprachcafé am Sonnenberg ${randomUUID().slice(0, 6)}`;

    // 1. Register, confirm with the emailed code, sign in.
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Förderaufrufe' }).waitFor();
    await page.getByRole('link', { name: 'Registrieren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrieren' }).waitFor();
    await page.getByLabel(/^E-Mail-Adresse/).fill(email);
    await page.getByLabel(/^Passwort \(Pflichtfeld\)$/).fill(password);
    await page.getByLabel(/^Passwort wiederholen/).fill(password);
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Konto bestätigen' }).waitFor();
    await page.getByLabel(/^Bestätigungscode/).fill(await emailedCode(email));
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    expect(await page.getByLabel(/^E-Mail-Adresse/).inputValue()).toBe(email);
    await page.getByLabel(/^Passwort/).fill(password);
    await page.getByRole('main').getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText(`Angemeldet als ${email}`).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Förderaufrufe' }).waitFor();
    await screenshot(page, 'journey-1-signed-in');

    // 2. "Antrag stellen" on the demo call: no organisation yet, so create it first, with a complete profile.
    await page
      .getByRole('article', { name: call.title.de, exact: true })
      .getByRole('link', { name: 'Antrag stellen' })
      .click();
    await page.waitForURL(`**/applications/new?call=${call.id}`);
    await page.getByText(/^Sie gehören noch keiner Organisation an\./).waitFor();
    await page.getByRole('link', { name: 'Organisation anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meine Organisationen' }).waitFor();
    await page.getByLabel(/^Name laut Register/).fill(organisationName);
    await page.getByLabel(/^Rechtsform/).selectOption({ label: 'eingetragener Verein (e.V.)' });
    await page.getByLabel(/^Registergericht/).fill('Amtsgericht Chemnitz');
    await page.getByLabel(/^Registernummer/).fill('VR 4711');
    await page.getByLabel(/^Straße und Hausnummer/).fill('Zietenstraße 12');
    await page.getByLabel(/^Postleitzahl/).fill('09130');
    await page.getByLabel(/^Ort/).fill('Chemnitz');
    await page.getByLabel(/^Ist die Organisation vom Finanzamt/).selectOption({ label: 'Ja, anerkannt' });
    await page.getByLabel(/^Datum des letzten Freistellungsbescheids/).fill('2025-03-14');
    await page.getByLabel(/^IBAN/).fill('DE89 3704 0044 0532 0130 00');
    await page.getByLabel(/^BIC/).fill('COBADEFFXXX');
    const representative = page.getByRole('group', { name: 'Vertretungsberechtigte Person' });
    await representative.getByLabel(/^Name/).fill('Mehmet Yılmaz');
    await representative.getByLabel(/^Funktion/).fill('Vorsitzender');
    await page.getByLabel(/^E-Mail-Adresse für Rückfragen/).fill(email);
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-2-organisation');
    await page.getByRole('button', { name: 'Organisation anlegen' }).click();

    // Back at the application start, with the new organisation chosen.
    await page.waitForURL(`**/applications/new?call=${call.id}`);
    const organisation = page.getByLabel(/^Für welche Organisation/);
    await organisation.waitFor();
    expect(await organisation.locator('option:checked').textContent()).toBe(
      `${organisationName} (eingetragener Verein (e.V.))`,
    );
    const token = await signIn(email, password);
    const organisations = await api<{ items: { legalName: string; profileGaps: unknown[] }[] }>(
      'GET',
      '/api/organisations',
      { token },
    );
    expect(organisations.body.items).toEqual([
      expect.objectContaining({ legalName: organisationName, profileGaps: [] }),
    ]);
    await page.getByLabel(/^Titel des Projekts/).fill(title);
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-3-apply');
    await page.getByRole('button', { name: 'Antrag beginnen' }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}\/edit$/);
    const id = /\/applications\/([0-9a-f-]{36})\/edit$/.exec(page.url())?.[1] ?? '';
    await page.getByRole('heading', { level: 1, name: 'Antrag bearbeiten' }).waitFor();

    // 3. Every step of the form.
    const summaryText = 'Ein wöchentliches Sprachcafé mit Kinderbetreuung für neu zugewanderte Familien.';
    await page.getByText('Schritt 1 von 7').waitFor();
    await page.locator('#field-summary').fill(summaryText);
    await page.getByRole('button', { name: 'Weiter: Zielgruppen & Region' }).click();

    await page.getByText('Schritt 2 von 7').waitFor();
    await page.getByLabel('Neuzugewanderte').check();
    await page.getByLabel('Eltern').check();
    await page.getByLabel(/^Region/).selectOption({ label: 'Chemnitz (Kreisfreie Stadt)' });
    await page.getByRole('button', { name: 'Weiter: Zeitraum' }).click();

    await page.getByText('Schritt 3 von 7').waitFor();
    await page.getByLabel(/^Projektbeginn/).fill(call.projectPeriod.earliestStart);
    await page.getByLabel(/^Projektende/).fill(call.projectPeriod.latestEnd);
    await page.getByText('Das Projekt dauert 12 Monate.').waitFor();
    await page.getByRole('button', { name: 'Weiter: Kosten- und Finanzierungsplan' }).click();

    await page.getByText('Schritt 4 von 7').waitFor();
    await page.getByRole('button', { name: 'Stelle hinzufügen' }).click();
    await page.locator('#field-financePlan-staff-0-role').fill('Projektleitung');
    await page.locator('#field-financePlan-staff-0-payGrade').selectOption('E9');
    await page.locator('#field-financePlan-staff-0-hoursShareBps').fill('20');
    await page.locator('#field-financePlan-staff-0-months').fill('12');
    await page.locator('#field-financePlan-staff-0-monthlyFullTimeCents').fill('4.800,00');
    await page.getByRole('button', { name: 'Sachausgabe hinzufügen' }).click();
    await page.locator('#field-financePlan-material-0-description').fill('Raummiete Stadtteiltreff');
    await page.locator('#field-financePlan-material-0-amountCents').fill('1.200,00');
    await page.getByLabel(/^Verwaltungskostenpauschale von 10\s%/).check();
    await page.locator('#field-financePlan-ownContributionCents').fill('700,00');
    await page.locator('#field-financePlan-requestedGrantCents').fill('13.292,00');
    const overview = page.getByRole('complementary', { name: 'Finanzübersicht' });
    await overview.getByText('Der Finanzplan erfüllt die Regeln dieses Aufrufs.').waitFor();
    expect(plain(await overview.getByTestId('total-costs').textContent())).toBe('13.992,00 €');
    await screenshot(page, 'journey-4-finance');
    await page.getByRole('button', { name: 'Weiter: Unterlagen' }).click();

    // 4. The mandatory documents: the first on a slow line, so its progress shows; each gets its verdict.
    await page.getByText('Schritt 5 von 7').waitFor();
    const mandatory = call.requiredDocuments.filter((d) => d.mandatory);
    expect(mandatory.length).toBeGreaterThan(0);
    await page.getByText(`0 von ${mandatory.length} Pflichtunterlagen hochgeladen und geprüft.`).waitFor();
    for (const [index, document] of mandatory.entries()) {
      const label = document.label.de;
      const fileName = `${document.id}.pdf`;
      const row = page.getByRole('listitem').filter({
        has: page.getByRole('heading', { level: 3, name: new RegExp(`^${label}`) }),
      });
      const slow = index === 0;
      const unthrottle = slow ? await throttleUploads(page, 256 * 1024) : undefined;
      await page.getByLabel(`Datei für „${label}“ auswählen`).setInputFiles({
        name: fileName,
        mimeType: 'application/pdf',
        buffer: await aPdf(`${label} – ${organisationName}`, slow ? 800_000 : 0),
      });
      await row.getByRole('button', { name: `Hochladen (${label})` }).click();
      if (unthrottle) {
        await page.getByRole('progressbar', { name: `Hochladen von „${fileName}“` }).waitFor();
        // It moves: a value between the ends, shown as a percentage too.
        await page.waitForFunction(
          "(() => { const bar = document.querySelector('progress'); return bar !== null && bar.value > 5 && bar.value < 95; })()",
        );
        expect(await row.textContent()).toMatch(/\d+ %/);
        await screenshot(page, 'journey-5-upload-progress');
        await unthrottle();
      }
      await row.getByText('Geprüft und angenommen').waitFor();
      await row.getByText(fileName, { exact: true }).waitFor();
    }
    await page
      .getByText(`${mandatory.length} von ${mandatory.length} Pflichtunterlagen hochgeladen und geprüft.`)
      .waitFor();
    await screenshot(page, 'journey-5-documents');
    await page.getByRole('button', { name: 'Weiter: Erklärungen' }).click();

    // 5. The declarations, with the consent to electronic notification.
    await page.getByText('Schritt 6 von 7').waitFor();
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
    await page.getByRole('button', { name: 'Weiter: Zusammenfassung' }).click();

    // 6. The summary: nothing open, everything entered listed; submit.
    await page.getByText('Schritt 7 von 7').waitFor();
    await page.getByText('Alle Angaben sind vollständig. Sie können den Antrag jetzt einreichen.').waitFor();
    const summary = await mainText(page);
    expect(summary).toContain(summaryText);
    expect(summary).toContain('Projektleitung (E9, 20 %, 12 Monate): 11.520,00 €');
    expect(summary).toContain('Chemnitz (Kreisfreie Stadt)');
    await screenshot(page, 'journey-6-summary');
    await page.getByRole('button', { name: 'Antrag einreichen' }).click();

    // 7. The status page: submitted, then the intake gives the reference and starts the review.
    await page.waitForURL((url) => url.pathname === `/applications/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const status = page.getByTestId('application-status');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toBe('In Prüfung');
    const stored = (await api<ApplicationView>('GET', `/api/applications/${id}`, { token })).body;
    expect(stored).toMatchObject({
      status: 'IN_REVIEW',
      title,
      callId: call.id,
      declarations: { electronicNotificationConsent: true },
    });
    const reference = stored.reference ?? '';
    expect(reference).toMatch(new RegExp(`^${call.referencePrefix}-`));
    const facts = plain(await page.locator('.facts').first().textContent());
    expect(facts).toContain(`Aktenzeichen${reference}`);
    expect(facts).toContain(`Förderaufruf${call.title.de}`);
    expect(facts).toContain('Eingereicht am');
    await expectNoAxeViolations(page);
    await screenshot(page, 'journey-7-status');

    // 8. The Eingangsbestätigung reaches the person who submitted, with the reference and the documents.
    const subject = `Eingangsbestätigung ${reference}: ${title} / Receipt of your application`;
    await expect
      .poll(async () => (await sentEmails()).filter((mail) => mail.subject === subject).length, {
        timeout: 30_000,
      })
      .toBe(1);
    const receipt = (await sentEmails()).find((mail) => mail.subject === subject);
    expect(receipt?.destination.to).toEqual([email]);
    const body = receipt?.body.text ?? '';
    expect(body).toContain(`Aktenzeichen: ${reference}`);
    expect(body).toContain(`Ihr Antrag „${title}" im Förderaufruf „${call.title.de}" ist am`);
    for (const document of mandatory) expect(body).toContain(`- ${document.id}.pdf (${document.label.de}, `);
  }, 240_000);
});
