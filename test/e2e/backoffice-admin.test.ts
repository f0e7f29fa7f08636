import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminCallView } from '../../shared/api/schemas/call.schema.ts';
import { berlinWallClock } from '../../web/src/features/backoffice/admin/call-form-model.ts';
import { aCall } from '../support/calls.ts';
import { givenDecidedApplication } from '../support/decisions.ts';
import {
  api,
  givenCall,
  givenDraft,
  givenOrganisation,
  givenUser,
  type TestUser,
} from '../support/local-stack.ts';
import { mainText } from './support/applicants.ts';
import { expectNoAxeViolations, focusedText, launchBrowser, newPage, screenshot } from './support/browser.ts';
import { givenStaffMember, signInAsStaff } from './support/staff.ts';

const DAY = 86_400_000;

/** A Berlin wall-clock time `days` from now, minutes only, as a datetime-local input takes it. */
const berlinInput = (days: number) =>
  berlinWallClock(new Date(Date.now() + days * DAY).toISOString()).slice(0, 16);

async function adminCall(admin: TestUser, callId: string): Promise<AdminCallView> {
  const response = await api<AdminCallView>('GET', `/api/admin/calls/${callId}`, { token: admin.token });
  if (response.status !== 200) throw new Error(`call not readable: ${response.status} ${response.text}`);
  return response.body;
}

/** The error shown at a field, and whether the control is marked invalid and described by it. */
async function fieldError(page: Page, controlId: string) {
  const control = page.locator(`[id="${controlId}"]`);
  const describedBy = ((await control.getAttribute('aria-describedby')) ?? '').split(' ');
  const errorId = `${controlId}-error`;
  return {
    text: (await page.locator(`[id="${errorId}"]`).textContent())?.trim(),
    invalid: await control.getAttribute('aria-invalid'),
    describedByError: describedBy.includes(errorId),
  };
}

describe('the admins’ back office: calls and budgets', () => {
  let browser: Browser;
  let admin: TestUser;
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await givenStaffMember(['admin'], 'verwaltung');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a competitive call with a rubric and required documents: errors at their fields with the input kept, criteria added, reordered and removed by keyboard; the call is then open in the portal', async () => {
    const page = await newPage(browser);
    await signInAsStaff(page, admin, '/backoffice/admin/calls');
    await page.getByRole('heading', { level: 1, name: 'Förderaufrufe verwalten' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Offen/ }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-calls');

    await page.getByRole('link', { name: 'Neuen Förderaufruf anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Förderaufruf anlegen' }).waitFor();
    const suffix = Date.now().toString(36);
    const callId = `e2e-wettbewerb-${suffix}`;
    const title = `Einzelprojekte Teilhabe ${suffix}`;
    await page.getByLabel(/^Kennung/).fill(callId);
    await page.getByLabel(/^Titel \(Deutsch\)/).fill(title);
    await page.getByLabel(/^Titel \(Englisch\)/).fill(`Single projects participation ${suffix}`);
    await page.getByLabel(/^Beschreibung \(Deutsch\)/).fill('Projekte, die Teilhabe vor Ort stärken.');
    await page.getByLabel(/^Beschreibung \(Englisch\)/).fill('Projects that strengthen local participation.');
    await page.getByLabel(/^Förderbereich/).selectOption('B');
    await page.getByLabel(/^Präfix der Aktenzeichen/).fill('IM-2027-B');
    await page.getByLabel('Wettbewerb', { exact: true }).check();
    await page.getByLabel(/^Finanzierungsart/).selectOption('deficit');
    await page.getByLabel(/^Anträge ab/).fill(berlinInput(-1));
    await page.getByLabel(/^Einreichungsfrist/).fill(berlinInput(45));
    await page.getByLabel(/^Frühester Projektbeginn/).fill('2027-04-01');
    await page.getByLabel(/^Spätestes Projektende/).fill('2028-03-31');
    await page.getByLabel(/^Höchstdauer/).fill('12');
    await page.getByLabel(/^Budget des Aufrufs/).fill('2.450.000');
    await page.getByLabel(/^Höchstbetrag einer Zuwendung/).fill('140.000');
    // A funding rate of 120 % cannot be read as a share.
    await page.getByLabel(/^Förderquote/).fill('120');
    await page.getByLabel(/^Eigenanteil/).fill('5');
    await page.getByLabel(/^Verwaltungskostenpauschale/).fill('10');
    await page.getByLabel('eingetragener Verein (e.V.)').check();
    await page.getByLabel('gemeinnützige GmbH (gGmbH)').check();
    await page.getByRole('button', { name: 'Förderaufruf anlegen' }).click();

    // The summary takes the focus and names both problems; each is at its field.
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte korrigieren Sie Folgendes:' });
    await summary.waitFor();
    expect(
      await page
        .locator('.error-summary')
        .evaluate((summary) => summary === summary.ownerDocument.activeElement),
    ).toBe(true);
    expect(await fieldError(page, 'call-rules-maxFundingRateBps')).toEqual({
      text: 'Der Anteil muss zwischen 0 und 100 Prozent liegen.',
      invalid: 'true',
      describedByError: true,
    });
    expect(await summary.textContent()).toContain(
      'Ein Aufruf im Wettbewerb braucht mindestens ein Bewertungskriterium, nach dem gereiht wird.',
    );
    // Nothing typed is lost.
    expect(await page.getByLabel(/^Titel \(Deutsch\)/).inputValue()).toBe(title);
    expect(await page.getByLabel(/^Budget des Aufrufs/).inputValue()).toBe('2.450.000');
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-call-errors');

    await page.getByLabel(/^Förderquote/).fill('95');
    // The rubric by keyboard: add three criteria, move the third to the top, remove the (now) third.
    const addCriterion = page.getByRole('button', { name: 'Kriterium hinzufügen' });
    const criteria: [string, string, string][] = [
      ['Relevanz für das ZIK II', 'Relevance to ZIK II', '3'],
      ['Erreichbarkeit der Zielgruppe', 'Reach of the target group', '2'],
      ['Nachhaltigkeit', 'Sustainability', '1'],
    ];
    for (const [de, en, weight] of criteria) {
      await addCriterion.focus();
      await page.keyboard.press('Enter');
      // The new criterion's first field has the focus.
      await page.keyboard.type(de);
      await page.keyboard.press('Tab');
      await page.keyboard.type(en);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(weight);
    }
    await page.getByRole('button', { name: 'Nach oben (Nachhaltigkeit)' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // The moved criterion is first now; the focus stays with it (on its other button at the top).
    expect(await focusedText(page)).toBe('Nach unten (Nachhaltigkeit)');
    await page.getByRole('button', { name: 'Entfernen (Erreichbarkeit der Zielgruppe)' }).focus();
    await page.keyboard.press('Enter');
    const rubricLabels = await page
      .getByRole('group', { name: 'Bewertungsschema' })
      .getByLabel(/^Bezeichnung \(Deutsch\)/)
      .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
    expect(rubricLabels).toEqual(['Nachhaltigkeit', 'Relevanz für das ZIK II']);

    const addDocument = page.getByRole('button', { name: 'Unterlage hinzufügen' });
    await addDocument.click();
    const first = page.getByRole('group', { name: 'Unterlage 1' });
    await first.getByLabel(/^Bezeichnung \(Deutsch\)/).fill('Satzung');
    await first.getByLabel(/^Bezeichnung \(Englisch\)/).fill('Statutes');
    await addDocument.click();
    const second = page.getByRole('group', { name: 'Unterlage 2' });
    await second.getByLabel(/^Bezeichnung \(Deutsch\)/).fill('Kooperationsvereinbarung');
    await second.getByLabel(/^Bezeichnung \(Englisch\)/).fill('Cooperation agreement');
    await second.getByLabel('Pflichtunterlage').uncheck();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Förderaufruf anlegen' }).click();

    await page.getByRole('heading', { level: 1, name: `Förderaufruf bearbeiten: ${title}` }).waitFor();
    await page.locator('main').getByText('Der Förderaufruf ist angelegt.').waitFor();
    const stored = await adminCall(admin, callId);
    expect(stored).toMatchObject({
      phase: 'open',
      strand: 'B',
      selectionMode: 'competitive',
      financingType: 'deficit',
      budgetCents: 245_000_000,
      rules: {
        maxGrantCents: 14_000_000,
        maxFundingRateBps: 9_500,
        minOwnShareBps: 500,
        adminFlatRateBps: 1_000,
      },
      eligibleLegalForms: ['eingetragener-verein', 'ggmbh'],
      rubric: [
        { id: 'nachhaltigkeit', weight: 1, label: { de: 'Nachhaltigkeit', en: 'Sustainability' } },
        {
          id: 'relevanz-fuer-das-zik-ii',
          weight: 3,
          label: { de: 'Relevanz für das ZIK II', en: 'Relevance to ZIK II' },
        },
      ],
      requiredDocuments: [
        { id: 'satzung', mandatory: true, label: { de: 'Satzung', en: 'Statutes' } },
        { id: 'kooperationsvereinbarung', mandatory: false },
      ],
    });

    // Its period has begun: applicants see it among the open calls.
    const portal = await newPage(browser);
    await portal.goto('/');
    const card = portal.getByRole('article', { name: title });
    await card.waitFor();
    expect(await card.textContent()).toContain('Offen');
    await portal.close();
    await page.close();
  });

  it('edits a call; when someone saved meanwhile, keeps the typed values, says what they changed and applies only the own changes', async () => {
    const call = await givenCall(
      aCall({ title: { de: 'Kleinprojekte Nachbarschaft', en: 'Small neighbourhood projects' } }),
    );
    const page = await newPage(browser);
    await signInAsStaff(page, admin, `/backoffice/admin/calls/${call.id}`);
    await page
      .getByRole('heading', { level: 1, name: 'Förderaufruf bearbeiten: Kleinprojekte Nachbarschaft' })
      .waitFor();
    expect(await mainText(page)).toContain('Version 1');

    await page.getByLabel(/^Titel \(Englisch\)/).fill('Small projects in the neighbourhood');
    await page.getByLabel(/^Höchstbetrag einer Zuwendung/).fill('20.000');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect.poll(() => mainText(page)).toContain('Version 2');
    expect((await adminCall(admin, call.id)).rules.maxGrantCents).toBe(2_000_000);
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-call-edit');

    // Someone else saves a new description while this page still shows version 2.
    const other = await api('PATCH', `/api/admin/calls/${call.id}`, {
      token: admin.token,
      headers: { 'if-match': '"2"' },
      body: { summary: { de: 'Neue Beschreibung der Kollegin.', en: 'The colleague’s new description.' } },
    });
    expect(other.status).toBe(200);
    await page.getByLabel(/^Budget des Aufrufs/).fill('150.000');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();

    const conflict = page
      .getByRole('alert')
      .filter({ hasText: 'Jemand hat diesen Förderaufruf inzwischen geändert' });
    await conflict.waitFor();
    const conflictText = await conflict.textContent();
    expect(conflictText).toContain('Beschreibung');
    expect(conflictText).toContain('Neue Beschreibung der Kollegin.');
    expect(await page.getByLabel(/^Budget des Aufrufs/).inputValue()).toBe('150.000');
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-call-conflict');

    await conflict
      .getByRole('button', { name: 'Meine Änderungen auf die neue Fassung anwenden und speichern' })
      .click();
    await expect.poll(() => mainText(page)).toContain('Version 4');
    const saved = await adminCall(admin, call.id);
    expect(saved.budgetCents).toBe(15_000_000);
    expect(saved.summary.de).toBe('Neue Beschreibung der Kollegin.');
    expect(saved.title.en).toBe('Small projects in the neighbourhood');
    await page.close();
  });

  it('shows the frozen terms of a call with applications as such and refuses an earlier deadline at its field', async () => {
    const call = await givenCall(aCall());
    const member = await givenUser(['applicant'], 'antrag');
    await givenDraft(member, await givenOrganisation([member]), call.id);
    const page = await newPage(browser);
    await signInAsStaff(page, admin, `/backoffice/admin/calls/${call.id}`);
    await page.getByText('Für diesen Aufruf gibt es bereits einen Antrag.', { exact: false }).waitFor();
    // The rules are shown, not offered as fields; title, deadline and budget stay editable.
    expect(await page.getByLabel(/^Förderquote/).count()).toBe(0);
    expect(await mainText(page)).toContain('Förderquote (höchstens)95 % festgeschrieben');
    await page.getByLabel(/^Einreichungsfrist/).fill(berlinInput(5));
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    expect((await fieldError(page, 'call-closesAt')).text).toBe(
      'Die Frist kann nur verlängert werden; es gibt bereits Anträge.',
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-call-locked');

    await page.getByLabel(/^Einreichungsfrist/).fill(berlinInput(60));
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect.poll(() => mainText(page)).toContain('Version 2');
    expect(Date.parse((await adminCall(admin, call.id)).closesAt)).toBeGreaterThan(Date.parse(call.closesAt));
    await page.close();
  });

  it('shows a call’s budget as a chart and the same figures as a table, and its applications per status', async () => {
    const call = await givenCall(aCall({ budgetCents: 10_000_000 }));
    const member = await givenUser(['applicant'], 'antrag');
    const orgId = await givenOrganisation([member]);
    const reviewers = {
      content: await givenUser(['reviewer'], 'inhalt'),
      financial: await givenUser(['reviewer'], 'finanzen'),
    };
    const approver = await givenUser(['approver'], 'bewilligung');
    await givenDecidedApplication(member, orgId, call.id, reviewers, approver);
    await givenDecidedApplication(member, orgId, call.id, reviewers, approver, { outcome: 'rejected' });
    await givenDraft(member, orgId, call.id, 'Noch ein Entwurf');

    const page = await newPage(browser);
    await signInAsStaff(page, admin, `/backoffice/admin/calls/${call.id}/budget`);
    await page.getByRole('heading', { level: 1, name: 'Budget: Testaufruf Kleinprojekte' }).waitFor();
    const chart = page.getByRole('img', { name: 'Budget des Aufrufs: gebunden und verfügbar' });
    expect((await chart.locator('desc').textContent())?.replace(/\u00a0/g, ' ')).toBe(
      'Von 100.000,00 € sind 14.402,00 € durch Bewilligungen gebunden, 85.598,00 € sind verfügbar.',
    );
    const figures = await page
      .locator('.budget-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.children].map((cell) => (cell.textContent ?? '').replace(/\u00a0/g, ' ').trim()),
        ),
      );
    expect(figures).toEqual([
      ['Budget', '100.000,00 €', '100 %'],
      ['Bewilligt (gebunden)', '14.402,00 €', '14,4 %'],
      ['Verfügbar', '85.598,00 €', '85,6 %'],
    ]);
    const statuses = page.getByRole('table', { name: /^Anträge nach Status/ });
    expect(await statuses.getByRole('row', { name: /^Bewilligt/ }).textContent()).toBe('Bewilligt1');
    expect(await statuses.getByRole('row', { name: /^Abgelehnt/ }).textContent()).toBe('Abgelehnt1');
    expect(await statuses.getByRole('row', { name: /^Entwurf/ }).textContent()).toBe('Entwurf1');
    expect(await statuses.getByRole('row', { name: /^Insgesamt/ }).textContent()).toBe('Insgesamt3');
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-budget');
    await page.close();
  });
});
