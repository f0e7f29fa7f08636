import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/adapters/dynamodb/keys.ts';
import type { Call } from '../../shared/api/schemas/call.schema.ts';
import { aCall } from '../support/calls.ts';
import { givenDecidedApplication } from '../support/decisions.ts';
import {
  api,
  documentClient,
  drain,
  givenAssessedApplication,
  givenCall,
  givenOrganisation,
  givenUser,
  sentEmails,
  stack,
  type TestUser,
} from '../support/local-stack.ts';
import { plain } from './support/applicant.ts';
import { givenApplicant, mainText, signInTo } from './support/applicants.ts';
import { expectNoAxeViolations, focusedText, launchBrowser, newPage, screenshot } from './support/browser.ts';
import { signInAsStaff } from './support/staff.ts';

/** What every application here asks for (test/support/drafts.ts): 14.402,00 €. */
const REQUESTED = 1_440_200;

/** Moves a call's deadline into the past, as if it had passed (as the integration tests do). */
async function closeCall(callId: string): Promise<void> {
  const closesAt = new Date(Date.now() - 60_000).toISOString();
  await documentClient().send(
    new UpdateCommand({
      TableName: stack().tableName,
      Key: keys.call(callId),
      UpdateExpression: 'SET closesAt = :closesAt, gsi1sk = :sk',
      ExpressionAttributeValues: { ':closesAt': closesAt, ':sk': keys.callsIndex(closesAt, callId).gsi1sk },
    }),
  );
}

/** A call of its own with a title to find it by on the approvers' start page. */
async function givenNamedCall(name: string, overrides: Partial<Call> = {}): Promise<Call> {
  const suffix = randomUUID().slice(0, 6);
  return givenCall(aCall({ title: { de: `${name} ${suffix}`, en: `${name} ${suffix} (en)` }, ...overrides }));
}

async function statusOf(id: string, member: TestUser) {
  const read = await api<{ status: string; decision?: { grantedCents?: number; reasons?: string } }>(
    'GET',
    `/api/applications/${id}`,
    { token: member.token },
  );
  return read.body;
}

/** The emails the applicant got whose subject names the reference. */
async function mailsAbout(email: string, reference: string) {
  return (await sentEmails()).filter(
    (mail) => mail.destination.to.includes(email) && mail.subject.includes(reference),
  );
}

/**
 * The approvers' back office (issue 9, item 2): a competitive call decided in one batch from its
 * ranking, a rolling call's application rejected with reasons, and what an approver is told when the
 * budget ran out meanwhile (409) or when they assessed the application themselves (four-eyes, 403).
 */
describe('the approvers’ back office', () => {
  let browser: Browser;
  let reviewers: { content: TestUser; financial: TestUser };
  let approver: TestUser;
  beforeAll(async () => {
    browser = await launchBrowser();
    // Reviewers outside the staff directory: the tests assign them, the intake never does.
    const [content, financial] = await Promise.all([
      givenUser(['reviewer'], 'dec-inhalt'),
      givenUser(['reviewer'], 'dec-finanzen'),
    ]);
    reviewers = { content, financial };
    approver = await givenUser(['approver'], 'bewilligerin');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('decides a competitive call in one batch: the approver lowers one amount, waitlists and rejects below the line', {
    timeout: 180_000,
  }, async () => {
    const applicant = await givenUser(['applicant'], 'wettbewerb');
    const orgId = await givenOrganisation([applicant]);
    // Fits two approvals of the amount requested (28.804,00 €), not three.
    const call = await givenNamedCall('Wettbewerb Einzelprojekte', {
      selectionMode: 'competitive',
      budgetCents: 3_000_000,
      referencePrefix: 'IM-2027-B',
    });
    const app = {} as Record<'best' | 'second' | 'third' | 'fourth', { id: string; reference: string }>;
    for (const [name, score] of [
      ['third', 3],
      ['best', 5],
      ['fourth', 2],
      ['second', 4],
    ] as const) {
      app[name] = await givenAssessedApplication(applicant, orgId, call.id, reviewers, {
        score,
        title: `Projekt ${name}`,
      });
    }
    await closeCall(call.id);

    const page = await newPage(browser);
    await signInAsStaff(page, approver, '/backoffice/decisions');
    await page.getByRole('heading', { level: 1, name: 'Entscheidungen' }).waitFor();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: call.title.de }) });
    await card.waitFor();
    expect(plain(await card.textContent())).toContain('Wettbewerb (Rangliste)');
    expect(plain(await card.textContent())).toMatch(/Geprüft\s*4/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'backoffice-decisions-start');

    await card.getByRole('link', { name: `Rangliste und gemeinsame Entscheidung: ${call.title.de}` }).click();
    await page.getByRole('heading', { level: 1, name: `Rangliste: ${call.title.de}` }).waitFor();
    const table = page.getByRole('table', { name: /Rangliste \(4 Anträge\)/ });
    const rows = table.locator('tbody tr:not(.dec-line)');
    expect(await rows.locator('th').allTextContents()).toEqual([
      expect.stringContaining('Projekt best'),
      expect.stringContaining('Projekt second'),
      expect.stringContaining('Projekt third'),
      expect.stringContaining('Projekt fourth'),
    ]);
    // The line is drawn after the second: the budget fits two proposals.
    const line = table.locator('tbody tr.dec-line');
    expect(plain(await line.textContent())).toContain('Förderlinie');
    expect(await table.locator('tbody tr').nth(2).getAttribute('class')).toBe('dec-line');
    // Defaults from the line: approve above, the waiting list below.
    const choice = (ref: string) => page.getByLabel(`Entscheidung über ${ref}`);
    const amount = (ref: string) => page.getByLabel(`Bewilligter Betrag für ${ref}`);
    expect(await choice(app.best.reference).inputValue()).toBe('approved');
    expect(await choice(app.third.reference).inputValue()).toBe('waitlisted');
    expect(await amount(app.best.reference).inputValue()).toBe('14.402,00');
    const total = page.getByRole('status').filter({ hasText: 'Ihre Bewilligungen binden' });
    expect(plain(await total.textContent())).toContain('binden 28.804,00 € von verbleibenden 30.000,00 €');

    // Approving the third too exceeds the budget: said in the running total and refused at review.
    await choice(app.third.reference).selectOption('approved');
    expect(plain(await total.textContent())).toContain('übersteigt das Budget um 13.206,00 €');
    await page.getByRole('button', { name: 'Entscheidung prüfen' }).click();
    await page.getByRole('alert').filter({ hasText: 'übersteigen das verbleibende Budget' }).waitFor();
    await choice(app.third.reference).selectOption('waitlisted');

    // The approver grants the best one less: the rule asks for reasons at the row, live.
    await amount(app.best.reference).fill('12.000,00');
    await table.getByText('Wird weniger als beantragt bewilligt, ist das zu begründen.').waitFor();
    await amount(app.best.reference).fill('15.000,00');
    await table.getByText('Bewilligt werden kann höchstens der beantragte Betrag (14.402,00 €).').waitFor();
    await amount(app.best.reference).fill('12.000,00');
    await page
      .getByLabel(`Begründung für ${app.best.reference}`)
      .fill('Die Honorarkosten sind nur zum Teil zuwendungsfähig; bewilligt wird der förderfähige Anteil.');
    await choice(app.fourth.reference).selectOption('rejected-funds');
    expect(plain(await total.textContent())).toContain('binden 26.402,00 € von verbleibenden 30.000,00 €');
    expect(plain(await total.textContent())).toContain('2 bewilligt, 1 auf der Warteliste, 1 abgelehnt');
    await expectNoAxeViolations(page);
    await screenshot(page, 'backoffice-ranking');

    // Confirmation step, then the batch.
    await page.getByRole('button', { name: 'Entscheidung prüfen' }).click();
    const confirm = page.getByRole('heading', { level: 2, name: 'Gemeinsame Entscheidung bestätigen' });
    await confirm.waitFor();
    expect(await focusedText(page)).toBe('Gemeinsame Entscheidung bestätigen');
    expect(await mainText(page)).toContain(
      'Sie bewilligen 2 Anträge über zusammen 26.402,00 €, setzen 1 in der Reihenfolge der Rangliste auf die Warteliste und lehnen 1 ab.',
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'backoffice-ranking-confirm');
    await page.getByRole('button', { name: 'Jetzt gemeinsam entscheiden' }).click();

    await page.getByRole('heading', { level: 2, name: 'Gemeinsam entschieden' }).waitFor();
    const text = await mainText(page);
    expect(text).toContain(
      '2 Anträge bewilligt über zusammen 26.402,00 €, 1 auf der Warteliste, 1 abgelehnt.',
    );
    expect(text).toContain('Gebunden sind jetzt 26.402,00 € von 30.000,00 €; es verbleiben 3.598,00 €.');
    // The ranking now shows the decisions, read-only.
    await page.getByText(/Über diesen Aufruf wurde gemeinsam entschieden/).waitFor();
    expect(await page.getByLabel(`Entscheidung über ${app.best.reference}`).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'backoffice-ranking-decided');

    expect(await statusOf(app.best.id, applicant)).toMatchObject({
      status: 'APPROVED',
      decision: { grantedCents: 1_200_000 },
    });
    expect(await statusOf(app.second.id, applicant)).toMatchObject({
      status: 'APPROVED',
      decision: { grantedCents: REQUESTED },
    });
    expect((await statusOf(app.third.id, applicant)).status).toBe('WAITLISTED');
    expect((await statusOf(app.fourth.id, applicant)).status).toBe('REJECTED');

    // The waiting list in order, with what it needs to move up.
    await page.getByRole('link', { name: 'Zur Warteliste' }).click();
    await page.getByRole('heading', { level: 1, name: `Warteliste: ${call.title.de}` }).waitFor();
    const waiting = await mainText(page);
    expect(waiting).toContain('Platz 1:');
    expect(waiting).toContain('Projekt third');
    expect(waiting).toContain('Rückt nach, wenn 10.804,00 € mehr frei werden.');
    expect(waiting).toContain('Verzichtet eine bewilligte Organisation auf ihre Zuwendung');
    await expectNoAxeViolations(page);
    await screenshot(page, 'backoffice-waiting-list');

    // Every applicant is told: letters for the decided, the waiting-list notice for the third.
    await drain();
    for (const name of ['best', 'second', 'third', 'fourth'] as const) {
      expect((await mailsAbout(applicant.email, app[name].reference)).map((m) => m.subject)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            name === 'third' ? /steht auf der Warteliste/ : /Ein Bescheid zu Ihrem Antrag/,
          ),
        ]),
      );
    }
    await page.close();
  });

  it('rejects an application of a rolling call with reasons; the applicant sees it on the status page', {
    timeout: 120_000,
  }, async () => {
    const applicant = await givenApplicant('abgelehnt');
    const orgId = await givenOrganisation([applicant]);
    const call = await givenNamedCall('Kleinprojekte rollierend');
    const application = await givenAssessedApplication(applicant, orgId, call.id, reviewers, {
      title: 'Nähcafé am Markt',
    });

    const page = await newPage(browser);
    await signInAsStaff(page, approver, '/backoffice/decisions');
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: call.title.de }) });
    await card.getByRole('link', { name: `${application.reference}: Nähcafé am Markt` }).click();
    await page.getByRole('heading', { level: 1, name: 'Entscheidung: Nähcafé am Markt' }).waitFor();
    const text = await mainText(page);
    expect(text).toContain('Inhaltliche Begutachtung');
    expect(text).toContain('Empfohlene Zuwendung');
    expect(text).toContain('Schlüssiges Konzept, gute Erreichbarkeit der Familien.');
    expect(plain(await page.getByTestId('remaining-budget').textContent())).toBe('100.000,00 €');
    await expectNoAxeViolations(page);
    await screenshot(page, 'backoffice-decision-form');

    await page.getByLabel('Ablehnen', { exact: true }).check();
    await page.getByRole('button', { name: 'Antrag ablehnen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte korrigieren Sie Folgendes' });
    await summary.waitFor();
    expect(plain(await summary.textContent())).toContain('Bitte geben Sie mindestens 20 Zeichen ein.');
    await page.getByLabel('Ablehnungsgrund').selectOption({ label: 'Fachlich nicht ausreichend' });
    const reasons = page.getByLabel(/^Begründung/);
    expect(await reasons.inputValue()).toContain(
      'erreicht nicht die für eine Förderung erforderliche Qualität',
    );
    await reasons.press('End');
    await reasons.pressSequentially('Die Zielgruppe wird nicht erreicht.');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Antrag ablehnen' }).click();

    await page.getByRole('heading', { level: 2, name: 'Abgelehnt' }).waitFor();
    expect(await mainText(page)).toContain('Der Ablehnungsbescheid wird jetzt erstellt');
    await expectNoAxeViolations(page);
    await screenshot(page, 'backoffice-decision-rejected');
    await page.close();

    await drain();
    expect((await mailsAbout(applicant.email, application.reference)).map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining('Ein Bescheid zu Ihrem Antrag')]),
    );
    // The applicant's status page shows the rejection with the reasons as written.
    const portal = await newPage(browser);
    await signInTo(portal, `/applications/${application.id}`, applicant);
    await portal.getByRole('heading', { level: 2, name: 'Entscheidung' }).waitFor();
    const status = await mainText(portal);
    expect(status).toContain('Abgelehnt – der Bescheid liegt für Sie bereit');
    expect(status).toContain('Die Zielgruppe wird nicht erreicht.');
    await portal.close();
  });

  it('says in words when the budget ran out meanwhile (409, remaining amount, input kept) and when four-eyes refuses', {
    timeout: 150_000,
  }, async () => {
    const applicant = await givenUser(['applicant'], 'knapp');
    const orgId = await givenOrganisation([applicant]);
    // 20.000,00 €: one full approval fits, a second leaves 5.598,00 €.
    const call = await givenNamedCall('Knappes Budget', { budgetCents: 2_000_000 });
    const first = await givenAssessedApplication(applicant, orgId, call.id, reviewers, { title: 'Erstes' });
    const second = await givenAssessedApplication(applicant, orgId, call.id, reviewers, { title: 'Zweites' });

    const page = await newPage(browser);
    await signInAsStaff(page, approver, `/backoffice/applications/${second.id}/decision`);
    await page.getByRole('heading', { level: 1, name: 'Entscheidung: Zweites' }).waitFor();
    expect(plain(await page.getByTestId('remaining-budget').textContent())).toBe('20.000,00 €');
    await page.getByLabel('Bewilligen', { exact: true }).check();
    const amount = page.getByLabel(/^Bewilligter Betrag in Euro/);
    expect(await amount.inputValue()).toBe('14.402,00');
    await page
      .getByLabel(/^Weitere Nebenbestimmungen/)
      .fill('Ein Zwischenbericht ist zum 30.09.2027 vorzulegen.');

    // Meanwhile another approver approves the first application in full.
    const colleague = await givenUser(['approver'], 'kollegin');
    const taken = await api('POST', `/api/review/applications/${first.id}/decision`, {
      token: colleague.token,
      body: { outcome: 'approved', grantedCents: REQUESTED },
    });
    expect(taken.status, taken.text).toBe(200);

    await page.getByRole('button', { name: 'Über 14.402,00 € bewilligen' }).click();
    const refusal = page
      .getByRole('alert')
      .filter({ hasText: 'Das verbleibende Budget des Aufrufs reicht nicht' });
    await refusal.waitFor();
    expect(plain(await refusal.textContent())).toContain(
      'Es verbleiben 5.598,00 €, Sie wollten 14.402,00 € binden.',
    );
    expect(plain(await refusal.textContent())).toContain('Ihre Eingaben sind erhalten.');
    // Nothing typed is lost, and the page now shows what remains.
    expect(await amount.inputValue()).toBe('14.402,00');
    expect(await page.getByLabel(/^Weitere Nebenbestimmungen/).inputValue()).toBe(
      'Ein Zwischenbericht ist zum 30.09.2027 vorzulegen.',
    );
    expect(plain(await page.getByTestId('remaining-budget').textContent())).toBe('5.598,00 €');
    expect(await mainText(page)).toContain('Mehr als das verbleibende Budget (5.598,00 €).');
    expect((await statusOf(second.id, applicant)).status).toBe('ASSESSED');
    await expectNoAxeViolations(page);
    await screenshot(page, 'backoffice-decision-over-budget');

    // What remains can still be granted, with reasons for the lower amount.
    await amount.fill('5.598,00');
    await page
      .getByLabel(/^Begründung/)
      .fill('Bewilligt im Rahmen der verbleibenden Haushaltsmittel des Aufrufs.');
    await page.getByRole('button', { name: 'Über 5.598,00 € bewilligen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Bewilligt über 5.598,00 €' }).waitFor();
    expect(await mainText(page)).toContain('Der Zuwendungsbescheid wird jetzt erstellt');
    expect(await statusOf(second.id, applicant)).toMatchObject({
      status: 'APPROVED',
      decision: { grantedCents: 559_800 },
    });
    await page.close();

    // Four-eyes: an approver who assessed the application is told why they may not decide it.
    const assessor = await givenUser(['reviewer', 'approver'], 'gutachterin');
    const own = await givenAssessedApplication(
      applicant,
      orgId,
      (await givenNamedCall('Vier Augen')).id,
      { content: assessor, financial: reviewers.financial },
      { title: 'Selbst begutachtet' },
    );
    const mine = await newPage(browser);
    await signInAsStaff(mine, assessor, `/backoffice/applications/${own.id}/decision`);
    await mine.getByRole('heading', { level: 1, name: 'Entscheidung: Selbst begutachtet' }).waitFor();
    expect(await mainText(mine)).toContain('Vier-Augen-Prinzip: Sie haben diesen Antrag begutachtet');
    await mine.getByLabel('Bewilligen', { exact: true }).check();
    await mine.getByRole('button', { name: 'Über 14.402,00 € bewilligen' }).click();
    const forbidden = mine.getByRole('alert').filter({ hasText: 'Vier-Augen-Prinzip: Über einen Antrag' });
    await forbidden.waitFor();
    expect(plain(await forbidden.textContent())).toContain('entscheidet eine andere Person');
    expect(plain(await forbidden.textContent())).toContain(
      'Bitten Sie eine andere Person mit der Rolle Bewilligung',
    );
    expect((await statusOf(own.id, applicant)).status).toBe('ASSESSED');
    await expectNoAxeViolations(mine);
    await screenshot(mine, 'backoffice-decision-four-eyes');
    await mine.close();
  });
  it('remedies an objection against a rejection with a new grant, in English', {
    timeout: 120_000,
  }, async () => {
    const applicant = await givenUser(['applicant'], 'widerspruch');
    const orgId = await givenOrganisation([applicant]);
    const call = await givenNamedCall('Widerspruch');
    const colleague = await givenUser(['approver'], 'erstentscheidung');
    const rejected = await givenDecidedApplication(applicant, orgId, call.id, reviewers, colleague, {
      outcome: 'rejected',
      title: 'Theater der Begegnung',
    });
    // The applicant retrieves the Ablehnungsbescheid (NOTIFIED) and objects within the period (APPEALED).
    const retrieved = await api('GET', `/api/applications/${rejected.id}/letters/${rejected.letterId}`, {
      token: applicant.token,
    });
    expect(retrieved.status, retrieved.text).toBe(200);
    const objected = await api('POST', `/api/applications/${rejected.id}/objection`, {
      token: applicant.token,
      body: { reason: 'Die Zielgruppe wird über die Partnerschule sehr wohl erreicht.' },
    });
    expect(objected.status, objected.text).toBe(200);

    const page = await newPage(browser);
    await signInAsStaff(page, approver, '/backoffice/decisions');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Decisions' }).waitFor();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: call.title.en }) });
    await card.getByRole('link', { name: `Objection: ${rejected.reference}: Theater der Begegnung` }).click();
    await page.getByRole('heading', { level: 1, name: 'Decision: Theater der Begegnung' }).waitFor();
    const before = await mainText(page);
    expect(before).toContain('Rejected (on the merits)');
    expect(before).toContain('Die Zielgruppe wird über die Partnerschule sehr wohl erreicht.');
    expect(plain(await page.getByTestId('remaining-budget').textContent())).toBe('€100,000.00');

    await page.getByLabel('Remedy (new amount, § 72 VwGO)').check();
    const amount = page.getByLabel(/^New granted amount in euros/);
    expect(await amount.inputValue()).toBe('14,402.00');
    await amount.fill('10,000.00');
    expect(await mainText(page)).toContain("Commits another €10,000.00 of the call's budget.");
    await page.getByRole('button', { name: 'Remedy', exact: true }).click();
    // Reasons are the letter's Begründung: required, said at the field.
    await page.getByRole('alert').filter({ hasText: 'Please correct the following' }).waitFor();
    await page
      .getByLabel(/^Reasons/)
      .fill('Die Partnerschule sichert die Teilnahme zu; gefördert wird der Kern des Vorhabens.');
    await expectNoAxeViolations(page);
    await screenshot(page, 'backoffice-objection-form');
    await page.getByRole('button', { name: 'Remedy', exact: true }).click();

    await page.getByRole('heading', { level: 2, name: 'Objection remedied: approved €10,000.00' }).waitFor();
    expect(await mainText(page)).toContain('the Abhilfebescheid is being issued in the portal');
    expect(await statusOf(rejected.id, applicant)).toMatchObject({
      status: 'FINAL',
      decision: { grantedCents: 1_000_000 },
    });
    await expectNoAxeViolations(page);
    await page.close();
  });
  it('keeps the batch when its answer is lost, and sending it again decides once (same Idempotency-Key)', {
    timeout: 120_000,
  }, async () => {
    const applicant = await givenUser(['applicant'], 'verbindung');
    const orgId = await givenOrganisation([applicant]);
    const call = await givenNamedCall('Wettbewerb Verbindung', {
      selectionMode: 'competitive',
      budgetCents: 2_000_000,
      referencePrefix: 'IM-2027-D',
    });
    const only = await givenAssessedApplication(applicant, orgId, call.id, reviewers, { title: 'Einziges' });
    await closeCall(call.id);

    const page = await newPage(browser);
    await signInAsStaff(page, approver, `/backoffice/calls/${call.id}/ranking`);
    await page.getByRole('heading', { level: 1, name: `Rangliste: ${call.title.de}` }).waitFor();
    await page.getByRole('button', { name: 'Entscheidung prüfen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Gemeinsame Entscheidung bestätigen' }).waitFor();

    // The first request reaches the API, but its answer never arrives.
    const keys: string[] = [];
    await page.route('**/api/review/calls/*/decisions', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await page.getByRole('button', { name: 'Jetzt gemeinsam entscheiden' }).click();
    const lost = page.getByRole('alert').filter({ hasText: 'Keine Verbindung zum Server' });
    await lost.waitFor();
    expect(plain(await lost.textContent())).toContain('Ihre Eingaben sind erhalten.');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Jetzt gemeinsam entscheiden' }).click();
    await page.getByRole('heading', { level: 2, name: 'Gemeinsam entschieden' }).waitFor();
    expect(await mainText(page)).toContain('1 Antrag bewilligt über zusammen 14.402,00 €');
    // One intended decision, one key: the API answered the second request from the first.
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await statusOf(only.id, applicant)).toMatchObject({
      status: 'APPROVED',
      decision: { grantedCents: REQUESTED },
    });
    const budget = await api<{ committedCents: number }>('GET', `/api/admin/calls/${call.id}/budget`, {
      token: approver.token,
    });
    expect(budget.body.committedCents).toBe(REQUESTED);
    await page.close();
  });
});
