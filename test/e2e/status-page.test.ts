import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berlinDate } from '../../shared/domain/berlin-time.ts';
import { formatDate, formatDateTime } from '../../web/src/format.ts';
import { aCall } from '../support/calls.ts';
import { givenDecidedApplication } from '../support/decisions.ts';
import {
  api,
  drain,
  givenAssignments,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenUser,
  type TestUser,
} from '../support/local-stack.ts';
import { aPdf, plain, signInAndOpen } from './support/applicant.ts';
import {
  expectNoAxeViolations,
  focusedName,
  focusedText,
  launchBrowser,
  newPage,
  screenshot,
  tabTo,
} from './support/browser.ts';

interface View {
  status: string;
  reference?: string;
  notification?: { notifiedOn: string; appealPeriodEndsAt: string };
  nachforderung?: { dueAt: string };
}

/** The Berlin calendar day `days` after today in Berlin, as YYYY-MM-DD. */
const berlinDayAhead = (days: number) =>
  new Date(Date.parse(`${berlinDate(new Date())}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('the status page of an application', () => {
  let browser: Browser;
  let applicant: TestUser;
  let reviewers: { content: TestUser; financial: TestUser };
  let approver: TestUser;
  let orgId: string;
  const call = aCall({ title: { de: 'Miteinander im Quartier', en: 'Together in the neighbourhood' } });

  beforeAll(async () => {
    await givenCall(call);
    let content: TestUser;
    let financial: TestUser;
    [applicant, content, financial, approver] = await Promise.all([
      givenUser(['applicant'], 'status-applicant'),
      givenUser(['reviewer'], 'status-content'),
      givenUser(['reviewer'], 'status-financial'),
      givenUser(['approver'], 'status-approver'),
    ]);
    reviewers = { content, financial };
    orgId = await givenOrganisation([applicant]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const read = async (id: string) =>
    (await api<View>('GET', `/api/applications/${id}`, { token: applicant.token })).body;
  const statusText = (page: Page) => page.getByTestId('application-status').textContent();
  /** A section of the page by its heading (sections with a heading are regions). */
  const section = (page: Page, heading: string) => page.getByRole('region', { name: heading, exact: true });

  /** Submitted through the API and past the intake: IN_REVIEW, with our reviewers assigned and declared. */
  async function givenInReview(title: string) {
    const draft = await givenCompleteDraft(applicant, orgId, call.id, title);
    const submitted = await api('POST', `/api/applications/${draft.id}/submit`, {
      token: applicant.token,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(submitted.status, submitted.text).toBe(202);
    await drain();
    await givenAssignments({ id: draft.id, callId: call.id }, reviewers);
    expect((await read(draft.id)).status).toBe('IN_REVIEW');
    return draft.id;
  }

  it('Nachforderung round trip: the missing items with their due date, supplied and resubmitted, back in review', async () => {
    const id = await givenInReview('Nachbarschaftscafé Plagwitz');
    const dueDate = berlinDayAhead(14);
    const requested = await api('POST', `/api/review/applications/${id}/missing-documents`, {
      token: reviewers.content.token,
      body: {
        items: [
          { text: 'Bitte reichen Sie den unterschriebenen Kooperationsvertrag mit der Grundschule nach.' },
        ],
        dueDate,
        note: 'Ohne den Vertrag ist die Zielgruppe nicht erreichbar.',
      },
    });
    expect(requested.status, requested.text).toBe(200);
    await drain();
    const incomplete = await read(id);
    expect(incomplete.status).toBe('INCOMPLETE');

    const page = await newPage(browser);
    await signInAndOpen(page, `/applications/${id}`, applicant.email);
    await expect.poll(() => statusText(page)).toBe('Unterlagen nachgefordert');
    expect(await page.title()).toBe('Nachbarschaftscafé Plagwitz – foerderflow');
    expect(plain(await page.locator('.facts').first().textContent())).toContain(
      `Aktenzeichen${incomplete.reference}`,
    );
    const nachforderung = section(page, 'Nachforderung');
    const text = plain(await nachforderung.textContent());
    // Due at the end of that day in Berlin.
    expect(text).toContain(
      `Bitte ergänzen Sie Folgendes bis ${plain(formatDateTime(incomplete.nachforderung?.dueAt ?? '', 'de'))}:`,
    );
    expect(text).toContain(`${formatDate(dueDate, 'de')} um 23:59 Uhr`);
    expect(text).toContain(
      'Bitte reichen Sie den unterschriebenen Kooperationsvertrag mit der Grundschule nach.',
    );
    expect(text).toContain('Ohne den Vertrag ist die Zielgruppe nicht erreichbar.');
    expect(
      await nachforderung
        .getByRole('link', { name: 'Antrag ergänzen und erneut einreichen' })
        .getAttribute('href'),
    ).toBe(`/applications/${id}/edit`);
    // The timeline says so too, in Berlin time.
    const timeline = page.getByRole('list').filter({ has: page.locator('time') });
    expect(plain(await timeline.textContent())).toContain('Angaben oder Unterlagen nachgefordert');
    await expectNoAxeViolations(page);
    await screenshot(page, 'status-nachforderung');

    // The applicant supplies the contract right here, as a further document…
    await page.getByLabel('Datei für „Weitere Unterlagen“ auswählen').setInputFiles({
      name: 'Kooperationsvertrag Grundschule.pdf',
      mimeType: 'application/pdf',
      buffer: await aPdf('Kooperationsvertrag mit der 74. Grundschule Leipzig'),
    });
    await page.getByRole('button', { name: 'Hochladen (Weitere Unterlagen)' }).click();
    await page.getByText('Geprüft und angenommen', { exact: true }).waitFor();

    // …and resubmits (the form's summary step does this; here through the API, as the page links there).
    const resubmitted = await api('POST', `/api/applications/${id}/submit`, {
      token: applicant.token,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(resubmitted.status, resubmitted.text).toBe(202);
    await page.reload();
    // The intake runs again; the page follows it without a reload, into review.
    await expect.poll(() => statusText(page), { timeout: 30_000 }).toBe('In Prüfung');
    expect(await section(page, 'Nachforderung').count()).toBe(0);
    expect(plain(await timeline.textContent())).toContain('Fehlendes nachgereicht');
    expect((await read(id)).status).toBe('IN_REVIEW');
    // Documents can no longer be changed once it is back in review.
    expect(await page.getByRole('button', { name: /^Hochladen/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'status-in-review');
  });

  it('Bescheid: warned first, the download notifies (NOTIFIED, the period shown), then an objection, and how it ended', async () => {
    const decided = await givenDecidedApplication(applicant, orgId, call.id, reviewers, approver, {
      title: 'Sprachpaten für Familien',
    });
    const page = await newPage(browser, { timezoneId: 'America/New_York' });
    await signInAndOpen(page, `/applications/${decided.id}`, applicant.email);
    await expect.poll(() => statusText(page)).toBe('Bewilligt – der Bescheid liegt für Sie bereit');
    const decision = plain(await section(page, 'Entscheidung').textContent());
    expect(decision).toContain('Bewilligt');
    expect(decision).toContain('Bewilligte Zuwendung14.402,00 €');
    expect(decision).toContain('Festbetragsfinanzierung');

    const letters = section(page, 'Bescheide');
    const download = letters.getByRole('button', { name: /^Bescheid herunterladen \(Zuwendungsbescheid\)/ });
    // Before the first download: what it means, tied to the button.
    const warningId = (await download.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${warningId}"]`).textContent()).toContain(
      'Mit dem ersten Abruf durch ein Mitglied Ihrer Organisation gilt der Bescheid als bekannt gegeben, und zwar am Tag nach dem Abruf',
    );
    expect(await page.locator(`[id="${warningId}"]`).textContent()).toContain(
      'Ab dann läuft die Widerspruchsfrist von einem Monat.',
    );
    expect(await section(page, 'Widerspruch').count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'status-approved');

    // The download opens the short-lived link in a new tab right away.
    const letterPath = `${decided.id}/${decided.letterId}.pdf`;
    // (Headless Chromium downloads the PDF, and the tab closes itself once it has.)
    const [served] = await Promise.all([
      page.context().waitForEvent('response', (response) => response.url().includes(letterPath)),
      download.click(),
    ]);
    // The presigned link, opened in the new tab, serves the PDF.
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('application/pdf');
    // In another tab: the portal stays where it was.
    expect(new URL(page.url()).pathname).toBe(`/applications/${decided.id}`);
    await expect.poll(() => statusText(page)).toBe('Bescheid bekannt gegeben');

    const notified = await read(decided.id);
    expect(notified.status).toBe('NOTIFIED');
    const { notifiedOn, appealPeriodEndsAt } = notified.notification ?? {
      notifiedOn: '',
      appealPeriodEndsAt: '',
    };
    // Notified the day after the retrieval (Berlin calendar), the period ends a month later at 23:59 Berlin time.
    expect(notifiedOn).toBe(berlinDayAhead(1));
    const lettersText = plain(await letters.textContent());
    expect(lettersText).toContain(`Bekannt gegeben am ${formatDate(notifiedOn, 'de')}.`);
    expect(lettersText).toContain(
      `Die Widerspruchsfrist endet am ${plain(formatDateTime(appealPeriodEndsAt, 'de'))}.`,
    );
    expect(lettersText).toContain('23:59 Uhr');
    expect(lettersText).toContain('zuerst abgerufen am');
    // A fallback link, should the tab have been blocked.
    expect(
      await letters.getByRole('link', { name: /^Falls sich der Bescheid nicht geöffnet hat/ }).count(),
    ).toBe(1);

    // The objection form, with the deadline.
    const objection = section(page, 'Widerspruch');
    expect(plain(await objection.textContent())).toContain(
      `können Sie bis ${plain(formatDateTime(appealPeriodEndsAt, 'de'))} Widerspruch einlegen`,
    );
    const reason = page.getByLabel(/^Begründung des Widerspruchs/);
    await reason.fill('zu kurz');
    await page.getByRole('button', { name: 'Widerspruch einlegen' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Bitte geben Sie mindestens 10 Zeichen ein.');
    expect(await focusedText(page)).toContain('Bitte korrigieren Sie Folgendes:');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    await screenshot(page, 'status-notified-objection-form');

    await reason.fill(
      'Die Kürzung der Sachausgaben ist nicht begründet; die Miete ist durch das beigefügte Angebot belegt.',
    );
    await page.getByRole('button', { name: 'Widerspruch einlegen' }).click();
    await expect.poll(() => statusText(page)).toBe('Widerspruch eingelegt');
    // Focus on the status, which says what changed.
    expect(await focusedText(page)).toBe('Stand');
    expect((await read(decided.id)).status).toBe('APPEALED');
    const lodged = plain(await section(page, 'Widerspruch').textContent());
    expect(lodged).toContain('Die Kürzung der Sachausgaben ist nicht begründet');
    expect(lodged).toContain('Über den Widerspruch ist noch nicht entschieden.');
    expect(await page.getByRole('button', { name: 'Widerspruch einlegen' }).count()).toBe(0);
    // Under objection, neither withdrawal nor renunciation is offered here.
    expect(await page.getByRole('button', { name: /verzichten|zurücknehmen/ }).count()).toBe(0);
    expect(
      plain(
        await page
          .getByRole('list')
          .filter({ has: page.locator('time') })
          .textContent(),
      ),
    ).toContain('Widerspruch eingelegt');

    // The funding body dismisses it: the page says how it ended, and the Widerspruchsbescheid is there.
    const dismissed = await api('POST', `/api/review/applications/${decided.id}/objection-decision`, {
      token: approver.token,
      body: { outcome: 'dismissed', reasons: 'Die Kürzung entspricht den Nebenbestimmungen des Aufrufs.' },
    });
    expect(dismissed.status, dismissed.text).toBe(200);
    await drain();
    await page.reload();
    await expect.poll(() => statusText(page)).toBe('Bestandskräftig entschieden');
    expect(plain(await section(page, 'Widerspruch').textContent())).toMatch(
      /Der Widerspruch wurde am .* zurückgewiesen \(Widerspruchsbescheid\)\./,
    );
    expect(await letters.getByRole('heading', { level: 3, name: 'Widerspruchsbescheid' }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'status-objection-dismissed');
  });

  it('withdraws an application in review by keyboard alone, after a confirmation that says what it means', async () => {
    const id = await givenInReview('Lernwerkstatt Grünau');
    const page = await newPage(browser);
    await signInAndOpen(page, `/applications/${id}`, applicant.email);
    await expect.poll(() => statusText(page)).toBe('In Prüfung');

    await tabTo(page, 'Antrag zurücknehmen …', 80);
    await page.keyboard.press('Enter');
    // The confirmation takes the focus and says what follows.
    expect(await focusedText(page)).toBe('Wollen Sie den Antrag wirklich zurücknehmen?');
    expect(plain(await section(page, 'Antrag zurücknehmen').textContent())).toContain(
      'Mit der Rücknahme endet das Verfahren endgültig.',
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'status-withdraw-confirmation');

    // Confirming without a reason is refused at the field.
    await tabTo(page, 'Ja, Antrag zurücknehmen');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Bitte füllen Sie dieses Feld aus.');
    await tabTo(page, /^Grund/);
    expect(await focusedName(page)).toMatch(/^Grund/);
    await page.keyboard.type('Die Räume stehen nicht mehr zur Verfügung.');
    await tabTo(page, 'Ja, Antrag zurücknehmen');
    await page.keyboard.press('Enter');

    await expect.poll(() => statusText(page)).toBe('Zurückgenommen');
    expect(await focusedText(page)).toBe('Stand');
    expect((await read(id)).status).toBe('WITHDRAWN');
    const recorded = plain(await section(page, 'Antrag zurücknehmen').textContent());
    expect(recorded).toContain('Zurückgenommen am');
    expect(recorded).toContain('Die Räume stehen nicht mehr zur Verfügung.');
    expect(await page.getByRole('button', { name: 'Antrag zurücknehmen …' }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('in English: an approved grant renounced (Verzicht), with the amount, and no German left', async () => {
    const decided = await givenDecidedApplication(applicant, orgId, call.id, reviewers, approver, {
      title: 'Homework club Connewitz',
    });
    const page = await newPage(browser, { locale: 'en-GB' });
    await signInAndOpen(page, `/applications/${decided.id}`, applicant.email, 'en');
    await expect.poll(() => statusText(page)).toBe('Approved – the decision letter is ready for you');
    expect(plain(await section(page, 'Decision').textContent())).toContain('Grant awarded€14,402.00');
    expect(plain(await section(page, 'Decision letters').textContent())).toContain(
      'when a member of your organisation retrieves the letter for the first time, it counts as notified on the day after',
    );

    await page.getByRole('button', { name: 'Renounce the grant …' }).click();
    expect(await focusedText(page)).toBe('Do you really want to renounce the grant?');
    expect(plain(await section(page, 'Renounce the grant').textContent())).toContain(
      'By renouncing you give up the grant of €14,402.00 for good',
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'status-renounce-en');

    // Cancelling returns to where it started.
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await focusedText(page)).toBe('Renounce the grant …');
    await page.getByRole('button', { name: 'Renounce the grant …' }).click();
    await page.getByLabel(/^Reason/).fill('The project partner has withdrawn.');
    await page.getByRole('button', { name: 'Yes, renounce the grant' }).click();

    await expect.poll(() => statusText(page)).toBe('Grant renounced');
    expect((await read(decided.id)).status).toBe('WITHDRAWN');
    const main = plain(await page.getByRole('main').textContent());
    expect(main).toContain('The procedure has ended.');
    expect(main).toContain('Withdrawn on');
    // Nothing German left, except names of German letters given with their translation.
    const withoutLetterNames = main.replace(/\((Zuwendungsbescheid|Ablehnungsbescheid)\)/g, '');
    expect(withoutLetterNames).not.toMatch(
      /Antrag|Bescheid|Unterlagen|Verlauf|Stand|bewilligt|zurück|Widerspruch|verzichtet|Uhr\b/,
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'status-renounced-en');
  });
});
