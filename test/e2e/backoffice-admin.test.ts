import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminCallView } from '../../shared/api/schemas/call.schema.ts';
import { berlinWallClock } from '../../web/src/features/backoffice/admin/call-form-model.ts';
import { aCall } from '../support/calls.ts';
import { givenDecidedApplication } from '../support/decisions.ts';
import {
  api,
  drain,
  givenCall,
  givenCompleteDraft,
  givenDraft,
  givenOrganisation,
  givenUser,
  sentEmails,
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
    // In English the amounts are written the English way, and back in German the German way.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit call: Small neighbourhood projects' }).waitFor();
    expect(await page.getByLabel(/^Budget of the call/).inputValue()).toBe('100,000.00');
    expect(await page.getByLabel(/^Funding rate/).inputValue()).toBe('95');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Deutsch' }).click();
    expect(await page.getByLabel(/^Budget des Aufrufs/).inputValue()).toBe('100.000,00');

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

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Budget: Test call small projects' }).waitFor();
    const englishChart = page.getByRole('img', { name: 'Budget of the call: committed and available' });
    expect((await englishChart.locator('desc').textContent())?.replace(/\u00a0/g, ' ')).toBe(
      'Of €100,000.00, €14,402.00 is committed by approvals and €85,598.00 is available.',
    );
    expect(
      await page
        .getByRole('table', { name: /^Applications by status/ })
        .getByRole('row', { name: /^Approved/ })
        .textContent(),
    ).toBe('Approved1');
    await expectNoAxeViolations(page);
    await page.close();
  });
});

/** The temporary password from the invitation the user pool emailed (the local stack delivers it to its SES). */
async function emailedTemporaryPassword(email: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const mail = (await sentEmails()).find(
      (m) => m.destination.to.includes(email) && m.subject.includes('Ihr Konto für die Sachbearbeitung'),
    );
    const password = /vorläufigen Passwort (\S+) an;/.exec(mail?.body.text ?? '')?.[1];
    if (password) return password;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no invitation emailed to ${email}`);
}

describe('the admins’ back office: staff', () => {
  let browser: Browser;
  let admin: TestUser;
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await givenStaffMember(['admin'], 'personal');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a staff account; the person gets the email with a temporary password and sets their own at the first sign-in', async () => {
    const page = await newPage(browser);
    await signInAsStaff(page, admin, '/backoffice/admin/staff');
    await page.getByRole('heading', { level: 1, name: 'Mitarbeitende' }).waitFor();
    await page.getByRole('table', { name: 'Mitarbeitende der Sachbearbeitung' }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-staff');

    await page.getByRole('link', { name: 'Konto anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Konto für die Sachbearbeitung anlegen' }).waitFor();
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Bitte korrigieren Sie Folgendes:' }).waitFor();
    expect((await fieldError(page, 'staff-groups')).text).toBe('Bitte wählen Sie mindestens eine Rolle');
    await expectNoAxeViolations(page);

    const email = `neu-pruefung-${Date.now().toString(36)}@example.org`;
    await page.getByLabel(/^E-Mail-Adresse/).fill(email);
    await page.getByLabel(/^Name/).fill('Miriam Neumann');
    await page.getByLabel('Prüfung').check();
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mitarbeitende: Miriam Neumann' }).waitFor();
    expect(await mainText(page)).toContain(
      `Das Konto ist angelegt. An ${email} ist eine E-Mail mit dem vorläufigen Passwort unterwegs.`,
    );
    await expectNoAxeViolations(page);
    await page.close();

    // The new person signs in with the emailed password and sets their own.
    const temporary = await emailedTemporaryPassword(email);
    const person = await newPage(browser);
    await person.goto('/sign-in');
    await person.getByLabel(/^E-Mail-Adresse/).fill(email);
    await person.getByLabel(/^Passwort/).fill(temporary);
    await person.getByRole('button', { name: 'Anmelden' }).click();
    const step = person.getByRole('heading', { level: 2, name: 'Eigenes Passwort festlegen' });
    await step.waitFor();
    expect(await step.evaluate((heading) => heading === heading.ownerDocument.activeElement)).toBe(true);
    await person.getByLabel(/^Neues Passwort/).fill('kurz');
    await person.getByLabel(/^Passwort wiederholen/).fill('kurz');
    await person.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
    expect((await fieldError(person, 'sign-in-newPassword')).text).toBe(
      'Das Passwort muss mindestens 12 Zeichen lang sein.',
    );
    await expectNoAxeViolations(person);
    await screenshot(person, 'staff-first-sign-in');
    await person.getByLabel(/^Neues Passwort/).fill('Eigenes-Passwort-2026');
    await person.getByLabel(/^Passwort wiederholen/).fill('Eigenes-Passwort-2026');
    await person.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
    await person.waitForURL((url) => url.pathname === '/backoffice');
    await person.getByRole('heading', { level: 1, name: 'Sachbearbeitung' }).waitFor();
    expect(await mainText(person)).toContain('Ihre Rollen: Prüfung');
    await person.close();
  });

  it('moves a reviewer’s open assignment to another reviewer’s queue, saying in words why a person cannot take it, and deactivates the account once nothing is left', async () => {
    const member = await givenUser(['applicant'], 'antrag');
    const orgId = await givenOrganisation([member]);
    const call = await givenCall(aCall());
    const draft = await givenCompleteDraft(member, orgId, call.id, 'Theatergruppe für Jugendliche');
    expect((await api('POST', `/api/applications/${draft.id}/submit`, { token: member.token })).status).toBe(
      202,
    );
    await drain();
    // Made after the intake ran, so it chose none of them; the admin gives them the two roles.
    const absent = await givenStaffMember(['reviewer'], 'Abwesend');
    const deputy = await givenStaffMember(['reviewer'], 'Vertretung');
    const financial = await givenStaffMember(['reviewer'], 'Finanzen');
    for (const [role, reviewer] of [
      ['content', absent],
      ['financial', financial],
    ] as const) {
      const assigned = await api('POST', `/api/admin/applications/${draft.id}/reassign`, {
        token: admin.token,
        body: { role, reviewerSub: reviewer.sub },
      });
      expect(assigned.status).toBe(200);
    }

    const page = await newPage(browser);
    await signInAsStaff(page, admin, `/backoffice/admin/staff/${absent.sub}`);
    await page.getByRole('heading', { level: 1, name: 'Mitarbeitende: Abwesend' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Offene Zuweisungen (1)' }).waitFor();

    // Not while work is open: said in words.
    await page.getByRole('button', { name: 'Konto deaktivieren' }).click();
    await page.getByRole('button', { name: 'Ja, Konto deaktivieren' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'hat noch eine offene Zuweisung' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Weisen Sie sie zuerst jemand anderem zu');

    // The financial reviewer cannot take the content assessment too (two different people).
    const reassignTo = page.getByLabel(/^Neu zuweisen an/);
    await reassignTo.selectOption(financial.sub);
    await page.getByRole('button', { name: 'Zuweisen (Theatergruppe für Jugendliche)' }).click();
    await page
      .getByText(
        'Diese Person begutachtet den Antrag bereits in der anderen Rolle; fachliche und finanzielle Prüfung machen zwei verschiedene Personen.',
      )
      .waitFor();
    expect(await reassignTo.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-staff-reassign-refused');

    await reassignTo.selectOption(deputy.sub);
    await page.getByRole('button', { name: 'Zuweisen (Theatergruppe für Jugendliche)' }).click();
    await page.getByRole('heading', { level: 2, name: 'Offene Zuweisungen (0)' }).waitFor();
    expect(await mainText(page)).toContain(
      '„Theatergruppe für Jugendliche“ ist jetzt Vertretung zugewiesen.',
    );
    // It is in the deputy's queue now.
    const queue = await api<{ items: { id: string; assignment?: { role: string } }[] }>(
      'GET',
      '/api/review/applications?assignee=me',
      { token: deputy.token },
    );
    expect(queue.body.items.map((item) => [item.id, item.assignment?.role])).toEqual([[draft.id, 'content']]);

    await page.getByRole('button', { name: 'Konto deaktivieren' }).click();
    await page.getByRole('button', { name: 'Ja, Konto deaktivieren' }).click();
    await page.getByText('Das Konto ist seit', { exact: false }).waitFor();
    const list = await api<{ items: { sub: string; active: boolean }[] }>('GET', '/api/admin/staff', {
      token: admin.token,
    });
    expect(list.body.items.find((item) => item.sub === absent.sub)?.active).toBe(false);
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-staff-member');
    await page.close();
  });
});
