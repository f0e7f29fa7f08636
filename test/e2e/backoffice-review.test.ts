import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/local-stack.ts';
import { DynamoDbStaffDirectory } from '../../shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { berlinDate } from '../../shared/domain/berlin-time.ts';
import { aCall } from '../support/calls.ts';
import { givenVerifiedDocument } from '../support/documents.ts';
import {
  api,
  documentClient,
  drain,
  givenCall,
  givenCompleteDraft,
  givenOrganisation,
  givenStaff,
  givenUser,
  sentEmails,
  type TestUser,
} from '../support/local-stack.ts';
import { parseCsv } from '../support/review-queue.ts';
import { plain } from './support/applicant.ts';
import { expectNoAxeViolations, launchBrowser, screenshot } from './support/browser.ts';
import { signInAsStaff } from './support/staff.ts';

/**
 * The reviewers' back office (features/backoffice/review/): the work queue, the declaration on conflicts
 * of interest, the application view, both assessments, the Nachforderung and the CSV export.
 *
 * A local stack of its own: who reviews is the intake's choice (the least busy reviewers in the staff
 * directory), and a declared conflict hands the role to the least busy one left. Here the directory
 * holds only the reviewers made in this file, so whoever the workflow picks is someone the test can
 * sign in as; it reads who that is from the approver's view, as the back office shows it.
 */

const DAY = 86_400_000;
/** The Berlin calendar day `days` after today in Berlin (YYYY-MM-DD). */
const berlinDayAhead = (days: number) =>
  new Date(Date.parse(`${berlinDate(new Date())}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

const RUBRIC = [
  { id: 'relevanz', weight: 3, label: { de: 'Bezug zum ZIK II', en: 'Relevance to ZIK II' } },
  { id: 'konzept', weight: 2, label: { de: 'Konzept und Methoden', en: 'Concept and methods' } },
  { id: 'netzwerk', weight: 1, label: { de: 'Vernetzung in der Region', en: 'Regional networking' } },
];

describe('the reviewers’ back office', () => {
  let own: LocalStack;
  let dataDir: string;
  let browser: Browser;
  /** Every staff member of this stack, by sub: whoever a workflow assigns is one of them. */
  const staff = new Map<string, TestUser & { name: string }>();
  let approver: TestUser;
  let member: TestUser;
  let orgId: string;
  let callId: string;

  /**
   * A reviewer in the staff directory under a person's name (givenStaff puts its name into the address,
   * which must stay one lower-case word: the portal signs in with the address in lower case).
   */
  const givenReviewer = async (name: string) => {
    const login = name.toLowerCase().replace(/[^a-z]+/g, '.');
    const user = await givenUser(['reviewer'], login, own.info);
    await new DynamoDbStaffDirectory(documentClient(own.info), own.info.tableName).upsert({
      sub: user.sub,
      email: user.email,
      name,
      groups: ['reviewer'],
    });
    staff.set(user.sub, { ...user, name });
    return user;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'foerderflow-e2e-review-'));
    own = await startLocalStack({ dataDir });
    browser = await launchBrowser();
    approver = await givenStaff(['approver'], 'ines', own.info);
    member = await givenUser(['applicant'], 'verein', own.info);
    orgId = await givenOrganisation([member], own.info);
    callId = (
      await givenCall(
        aCall({
          title: { de: 'Begegnung im Quartier 2027', en: 'Neighbourhood encounters 2027' },
          rubric: RUBRIC,
          requiredDocuments: [
            { id: 'satzung', label: { de: 'Satzung', en: 'Articles of association' }, mandatory: true },
            {
              id: 'kooperation',
              label: { de: 'Kooperationsvereinbarung', en: 'Cooperation agreement' },
              mandatory: false,
            },
          ],
        }),
        own.info,
      )
    ).id;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await own?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A page on this file's stack (own storage per context, so sessions do not leak between people). */
  async function ownPage(): Promise<Page> {
    const context = await browser.newContext({
      baseURL: own.info.apiUrl,
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    return page;
  }

  /** A complete application with its Satzung, submitted through the API and through the intake. */
  async function givenSubmitted(title: string): Promise<string> {
    const draft = await givenCompleteDraft(member, orgId, callId, title, own.info);
    await givenVerifiedDocument(member, draft.id, { type: 'satzung', fileName: 'Satzung.pdf' }, own.info);
    const submitted = await api('POST', `/api/applications/${draft.id}/submit`, {
      token: member.token,
      on: own.info,
    });
    expect(submitted.status, submitted.text).toBe(202);
    await drain(own.info);
    return draft.id;
  }

  /** Who holds each role now, as the approver's view of the application says. */
  async function reviewersOf(id: string) {
    const view = await api<{ status: string; assignments?: { role: string; reviewerSub: string }[] }>(
      'GET',
      `/api/review/applications/${id}`,
      { token: approver.token, on: own.info },
    );
    const holder = (role: string) => {
      const sub = view.body.assignments?.find((a) => a.role === role)?.reviewerSub ?? '';
      const user = staff.get(sub);
      if (!user) throw new Error(`role ${role} of ${id} is held by someone unknown: ${view.text}`);
      return user;
    };
    return { status: view.body.status, content: holder('content'), financial: holder('financial') };
  }

  const main = (page: Page) => page.locator('main');
  const mainText = async (page: Page) => plain(await main(page).textContent());
  const section = (page: Page, name: string) =>
    page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });

  /** Opens the work queue through the section navigation and waits for its lines (or the word that there are none). */
  async function openQueue(page: Page) {
    await page
      .getByRole('navigation', { name: 'Bereiche der Sachbearbeitung' })
      .getByRole('link', { name: 'Arbeitsvorrat' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Arbeitsvorrat' }).waitFor();
    await page
      .getByRole('table', { name: /^Meine offenen Zuweisungen/ })
      .or(main(page).getByText(/^Ihnen ist derzeit kein Antrag zur Prüfung zugewiesen/))
      .waitFor();
  }

  /** Declares "no conflict" on the limited view and waits for the full one. */
  async function declareNoConflict(page: Page) {
    await page.getByLabel(/^Nein, es besteht kein Interessenkonflikt/).check();
    await page.getByRole('button', { name: 'Erklärung abgeben' }).click();
    await main(page)
      .getByText('Ihre Erklärung ist gespeichert. Der Antrag ist jetzt vollständig sichtbar.')
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Kosten- und Finanzierungsplan' }).waitFor();
  }

  it('takes two reviewers from the queue through the declaration and both assessments to ASSESSED', async () => {
    await givenReviewer('Rita Richter');
    await givenReviewer('Rolf Berger');
    const title = 'Sprachcafé im Leipziger Osten';
    const id = await givenSubmitted(title);
    const { status, content, financial } = await reviewersOf(id);
    expect(status).toBe('IN_REVIEW');
    expect(content.sub).not.toBe(financial.sub);

    // The content reviewer finds it among their assignments.
    const page = await ownPage();
    await signInAsStaff(page, content);
    await openQueue(page);
    const queue = page.getByRole('table', { name: /^Meine offenen Zuweisungen/ });
    const line = plain(await queue.getByRole('row').filter({ hasText: title }).textContent());
    expect(line).toContain('Fachliche Prüfung');
    expect(line).toContain('In Prüfung');
    expect(line).toContain('IM-2027-C-');
    await expectNoAxeViolations(page);
    await screenshot(page, 'review-queue-mine');

    // Before declaring: only what identifies the application, and the declaration.
    await queue.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Erklärung zu Interessenkonflikten' }).waitFor();
    const limited = await mainText(page);
    expect(limited).toContain('Begegnung im Quartier 2027');
    expect(limited).not.toContain('Projektleitung');
    expect(limited).not.toContain('Satzung.pdf');
    // Declaring without a choice is refused at the question.
    await page.getByRole('button', { name: 'Erklärung abgeben' }).click();
    await expect
      .poll(() => page.locator(':focus').textContent())
      .toContain('Bitte wählen Sie, ob ein Interessenkonflikt besteht.');
    await expectNoAxeViolations(page);
    await screenshot(page, 'review-conflict-declaration');
    await declareNoConflict(page);

    // The whole application: finance plan, documents, timeline, assignments.
    const finance = plain(await section(page, 'Kosten- und Finanzierungsplan').textContent());
    expect(finance).toContain('Projektleitung');
    expect(finance).toContain('E9');
    expect(finance).toContain('11.520,00 €');
    expect(finance).toContain('Raummiete Begegnungscafé');
    expect(finance).toContain('Gesamtkosten15.202,00 €');
    expect(finance).toContain('Förderquote94,73 % (höchstens 95 %)');
    const timeline = plain(await section(page, 'Verlauf').textContent());
    expect(timeline).toContain('Antrag eingereicht');
    expect(timeline).toContain('Aktenzeichen vergeben');
    const assignments = plain(await section(page, 'Zuweisungen').textContent());
    expect(assignments).toContain('Fachliche PrüfungSie');
    // Reviewers see their own assignment only: who does the other one is the approvers' business.
    expect(assignments).not.toContain(financial.name);

    // A document opens from its short-lived link (a new tab; headless Chromium saves the PDF).
    const documents = section(page, 'Unterlagen');
    expect(plain(await documents.textContent())).toContain('SatzungSatzung.pdf');
    const [served] = await Promise.all([
      page.context().waitForEvent('response', (response) => response.url().includes('X-Amz-Signature')),
      documents.getByRole('button', { name: 'Satzung.pdf öffnen' }).click(),
    ]);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('application/pdf');
    await documents
      .getByRole('link', { name: /Falls sich nichts geöffnet hat: Satzung.pdf öffnen/ })
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      documents.getByRole('button', { name: 'Satzung.pdf herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Satzung.pdf');
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // The content assessment: points per criterion with the weights, the score computed while scoring.
    const work = section(page, 'Ihr Gutachten');
    const criterion = (label: string) =>
      work.getByRole('group', { name: new RegExp(`^${label} \\(Gewicht`) });
    await criterion('Bezug zum ZIK II').getByLabel('4 Punkte').check();
    await criterion('Konzept und Methoden').getByLabel('3 Punkte').check();
    await expect
      .poll(async () => plain(await work.getByTestId('weighted-score').textContent()))
      .toBe('18 von 30 Punkten (60 %)');
    expect(plain(await work.textContent())).toContain('2 von 3 Kriterien bewertet');
    await criterion('Vernetzung in der Region').getByLabel('5 Punkte').check();
    await expect
      .poll(async () => plain(await work.getByTestId('weighted-score').textContent()))
      .toBe('23 von 30 Punkten (76,66 %)');
    await work
      .getByLabel('Begründung zu „Konzept und Methoden“ (freiwillig)')
      .fill('Die Methoden sind erprobt, die Kinderbetreuung fehlt im Zeitplan.');
    await work.getByLabel('Förderung empfehlen', { exact: true }).check();
    // Too short a reason is refused at its field, in the focused summary; the points stay.
    await work.getByLabel(/^Gesamtbegründung/).fill('Gut.');
    await work.getByRole('button', { name: 'Fachliches Gutachten abgeben' }).click();
    const errorSummary = work.getByRole('alert');
    await errorSummary
      .getByRole('link', { name: 'Bitte begründen Sie Ihr Gutachten in mindestens 10 Zeichen.' })
      .waitFor();
    expect(await work.getByLabel(/^Gesamtbegründung/).getAttribute('aria-invalid')).toBe('true');
    expect(await criterion('Konzept und Methoden').getByLabel('3 Punkte').isChecked()).toBe(true);
    await work
      .getByLabel(/^Gesamtbegründung/)
      .fill('Ein gut erreichbares Angebot für Familien mit klarem Bezug zum Handlungsfeld Sprache.');
    await expectNoAxeViolations(page);
    await screenshot(page, 'review-content-assessment');
    await work.getByRole('button', { name: 'Fachliches Gutachten abgeben' }).click();
    await main(page).getByText('Das zweite Gutachten steht noch aus.').waitFor();
    await work.getByText(/^Sie haben Ihr Gutachten am .* abgegeben/).waitFor();

    // The financial reviewer: line by line, the eligible costs computed while checking.
    const second = await ownPage();
    await signInAsStaff(second, financial, `/backoffice/applications/${id}`);
    await declareNoConflict(second);
    const check = section(second, 'Ihr Gutachten');
    const costLine = (label: RegExp) => check.getByRole('group', { name: label });
    await costLine(/^Personalausgaben: Projektleitung/)
      .getByLabel('Ja, in voller Höhe')
      .check();
    const rent = costLine(/^Sachausgaben: Raummiete Begegnungscafé – beantragt 1\.200,00 €/);
    await rent.getByLabel('Teilweise').check();
    await rent.getByLabel(/^Zuwendungsfähiger Betrag in Euro/).fill('1.000,00');
    await rent.getByLabel(/^Bemerkung/).fill('Ortsübliche Miete: 100 € im Monat weniger.');
    const material = costLine(/^Sachausgaben: Lernmaterial Deutsch/);
    await material.getByLabel('Nein', { exact: true }).check();
    await material.getByLabel(/^Bemerkung/).fill('Über die Stadtbibliothek verfügbar.');
    await costLine(/^Honorare: Honorar Sprachmittlung/)
      .getByLabel('Ja, in voller Höhe')
      .check();
    // 11,520 + 1,000 + 0 + 800 € direct, plus the 10 % flat rate the plan claims.
    await expect
      .poll(async () => plain(await check.getByTestId('eligible-total').textContent()))
      .toBe('14.652,00 €');
    expect(plain(await check.textContent())).toContain('Alle Positionen sind geprüft.');
    // More than the shared rule allows is refused at the field, with the ceiling in words.
    await check.getByLabel(/^Empfohlene Zuwendung in Euro/).fill('20.000,00');
    await check.getByLabel('Förderung mit Auflagen empfehlen').check();
    await check
      .getByLabel(/^Gesamtbegründung/)
      .fill('Miete auf das ortsübliche Maß gekürzt, Lernmaterial gestrichen.');
    await check.getByRole('button', { name: 'Finanzielles Gutachten abgeben' }).click();
    await check
      .getByRole('alert')
      .getByRole('link', { name: /Empfohlen werden kann höchstens 14\.402,00 €/ })
      .waitFor();
    await check.getByLabel(/^Empfohlene Zuwendung in Euro/).fill('13.000,00');
    await expectNoAxeViolations(second);
    await screenshot(second, 'review-financial-assessment');
    await check.getByRole('button', { name: 'Finanzielles Gutachten abgeben' }).click();
    await main(second)
      .getByText(/^Beide Gutachten liegen vor/)
      .waitFor();
    // The assessment workflow writes the summary; the page reads again until the application is assessed.
    await expect
      .poll(() => second.getByTestId('review-status').textContent(), { timeout: 30_000 })
      .toBe('Geprüft');

    const assessed = await api<{
      status: string;
      assessmentSummary?: { totalScore: number; maxScore: number; eligibleCostsCents: number };
    }>('GET', `/api/review/applications/${id}`, { token: approver.token, on: own.info });
    expect(assessed.body.status).toBe('ASSESSED');
    expect(assessed.body.assessmentSummary).toMatchObject({
      totalScore: 23,
      maxScore: 30,
      eligibleCostsCents: 1_465_200,
    });

    // The approver sees both assessments and the way to the decision (a rolling call).
    const chief = await ownPage();
    await signInAsStaff(chief, approver, `/backoffice/applications/${id}`);
    const approval = section(chief, 'Begutachtung und Entscheidung');
    await approval.getByRole('link', { name: 'Entscheidung treffen' }).waitFor();
    expect(await approval.getByRole('link', { name: 'Entscheidung treffen' }).getAttribute('href')).toBe(
      `/backoffice/applications/${id}/decision`,
    );
    const summary = plain(await approval.textContent());
    expect(summary).toContain('Gewichtete Punktzahl23 von 30');
    expect(summary).toContain('Zuwendungsfähige Ausgaben14.652,00 €');
    expect(summary).toContain(`Finanzielle Prüfung: ${financial.name}`);
    expect(summary).toContain('Ortsübliche Miete: 100 € im Monat weniger.');
    await expectNoAxeViolations(chief);
    await screenshot(chief, 'review-approver-view');
    await Promise.all([page.close(), second.close(), chief.close()]);
  }, 240_000);

  it('sends a Nachforderung from the back office: the applicant is emailed and the application is INCOMPLETE', async () => {
    await givenReviewer('Ruth Lange');
    await givenReviewer('Rainer Voigt');
    const title = 'Elterncafé Grünau';
    const id = await givenSubmitted(title);
    const { content } = await reviewersOf(id);

    const page = await ownPage();
    await signInAsStaff(page, content, `/backoffice/applications/${id}`);
    await declareNoConflict(page);
    const request = section(page, 'Unterlagen nachfordern');
    await request.getByRole('button', { name: 'Nachforderung vorbereiten' }).click();
    const due = request.getByLabel(/^Frist/);
    // Proposed: the intake's 14 days.
    expect(await due.inputValue()).toBe(berlinDayAhead(14));
    await request.getByLabel(/^Kooperationsvereinbarung/).check();
    await request.getByLabel(/^Punkt 1/).fill('Bitte belegen Sie die Raummiete mit einem Angebot.');
    await request.getByRole('button', { name: 'Weiteren Punkt hinzufügen' }).click();
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toMatch(/free-1$/);
    await request.getByLabel(/^Punkt 2/).fill('Wer betreut die Kinder während des Cafés?');
    await request.getByLabel(/^Nachricht an die Antragsteller/).fill('Danach prüfen wir gern weiter.');
    // A due date the shared rule refuses is said at the field; nothing typed is lost.
    await due.fill(berlinDayAhead(3));
    await request.getByRole('button', { name: 'Nachforderung senden' }).click();
    await request
      .getByRole('alert')
      .getByRole('link', { name: 'Die Frist muss mindestens 7 Tage in der Zukunft liegen.' })
      .waitFor();
    expect(await request.getByLabel(/^Punkt 2/).inputValue()).toBe(
      'Wer betreut die Kinder während des Cafés?',
    );
    await due.fill(berlinDayAhead(14));
    const next = plain(await request.textContent());
    expect(next).toContain('Die Antragsteller erhalten eine E-Mail mit Ihren Punkten und der Frist');
    expect(next).toContain('Der Antrag hat bis zur Antwort den Status „Unterlagen nachgefordert“');
    await expectNoAxeViolations(page);
    await screenshot(page, 'review-nachforderung');
    await request.getByRole('button', { name: 'Nachforderung senden' }).click();
    await main(page)
      .getByText(/^Die Nachforderung ist gesendet/)
      .waitFor();
    await expect.poll(() => page.getByTestId('review-status').textContent()).toBe('Unterlagen nachgefordert');
    const current = plain(await section(page, 'Nachforderung').textContent());
    expect(current).toContain('Bitte reichen Sie folgende Unterlage nach: Kooperationsvereinbarung');
    expect(current).toContain('Bitte belegen Sie die Raummiete mit einem Angebot.');
    expect(current).toContain('von der Prüfung');

    // The Nachforderung workflow emails the applicant; their application is INCOMPLETE.
    await drain(own.info);
    const mails = (await sentEmails(own.info)).filter(
      (mail) => mail.destination.to.includes(member.email) && mail.subject.startsWith('Nachforderung'),
    );
    expect(mails).toHaveLength(1);
    const text = mails[0]?.body.text ?? '';
    expect(text).toContain('Kooperationsvereinbarung');
    expect(text).toContain('Bitte belegen Sie die Raummiete mit einem Angebot.');
    expect(text).toContain('Wer betreut die Kinder während des Cafés?');
    expect(text).toContain('Danach prüfen wir gern weiter.');
    const seen = await api<{ status: string; nachforderung?: { items: { path: string }[] } }>(
      'GET',
      `/api/applications/${id}`,
      { token: member.token, on: own.info },
    );
    expect(seen.body.status).toBe('INCOMPLETE');
    // The document item points at that document, so the applicants' form leads them to it.
    expect(seen.body.nachforderung?.items.map((item) => item.path)).toEqual([
      'documents.kooperation',
      '',
      '',
    ]);
    await page.close();
  }, 180_000);

  it('hands the application to another reviewer when one declares a conflict of interest', async () => {
    // Three more reviewers: with the four above, whoever is least busy takes the role.
    for (const name of ['Rosa Winkler', 'Robert Hahn', 'Renate Schulze']) await givenReviewer(name);
    const title = 'Nachbarschaftsgarten Reudnitz';
    const id = await givenSubmitted(title);
    const before = await reviewersOf(id);

    const page = await ownPage();
    await signInAsStaff(page, before.content);
    await openQueue(page);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 2, name: 'Erklärung zu Interessenkonflikten' }).waitFor();
    await page.getByLabel(/^Ja, ich bin befangen/).check();
    // What a conflict leads to is said before the button.
    expect(await mainText(page)).toContain(
      'Der Antrag geht an eine andere Gutachterin oder einen anderen Gutachter und verschwindet aus Ihrem Arbeitsvorrat.',
    );
    await page
      .getByLabel(/^Worin besteht der Interessenkonflikt/)
      .fill('Ich bin Mitglied im antragstellenden Verein.');
    await page.getByRole('button', { name: 'Erklärung abgeben' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interessenkonflikt erklärt' }).waitFor();
    expect(await mainText(page)).toContain(
      'Der Antrag wurde einer anderen Gutachterin oder einem anderen Gutachter zugewiesen und ist nicht mehr in Ihrem Arbeitsvorrat.',
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'review-conflict-declared');

    // Out of the declaring reviewer's queue, and closed to them.
    await openQueue(page);
    expect(await page.getByRole('link', { name: title }).count()).toBe(0);
    await page.goto(`/backoffice/applications/${id}`);
    await main(page)
      .getByText(/^Diesen Antrag können Sie nicht \(mehr\) öffnen/)
      .waitFor();

    // In the queue of the reviewer who took the role over.
    const after = await reviewersOf(id);
    expect(after.content.sub).not.toBe(before.content.sub);
    expect(after.content.sub).not.toBe(before.financial.sub);
    expect(after.financial.sub).toBe(before.financial.sub);
    const successor = await ownPage();
    await signInAsStaff(successor, after.content);
    await openQueue(successor);
    const row = successor.getByRole('table', { name: /^Meine offenen Zuweisungen/ }).getByRole('row', {
      name: new RegExp(title),
    });
    expect(plain(await row.textContent())).toContain('Fachliche Prüfung');
    await Promise.all([page.close(), successor.close()]);
  }, 180_000);

  it('keeps what a reviewer typed when the network fails and when the application changed meanwhile', async () => {
    const title = 'Stadtteilmütter Plagwitz';
    const id = await givenSubmitted(title);
    const { content, financial } = await reviewersOf(id);

    const page = await ownPage();
    await signInAsStaff(page, content, `/backoffice/applications/${id}`);
    await declareNoConflict(page);
    const work = section(page, 'Ihr Gutachten');
    const criterion = (label: string) =>
      work.getByRole('group', { name: new RegExp(`^${label} \\(Gewicht`) });
    await criterion('Bezug zum ZIK II').getByLabel('5 Punkte').check();
    await criterion('Konzept und Methoden').getByLabel('4 Punkte').check();
    await criterion('Vernetzung in der Region').getByLabel('2 Punkte').check();
    await work.getByLabel('Förderung mit Auflagen empfehlen').check();
    const reasons = 'Starker Zugang zu Müttern im Stadtteil; Kooperation mit der Kita fehlt noch.';
    await work.getByLabel(/^Gesamtbegründung/).fill(reasons);

    // The connection drops while sending: said in words, nothing lost.
    await page.route('**/assessments', (route) => route.abort('internetdisconnected'));
    await work.getByRole('button', { name: 'Fachliches Gutachten abgeben' }).click();
    await work
      .getByRole('alert')
      .getByText(/^Keine Verbindung zum Server\. Ihre Eingaben sind erhalten/)
      .waitFor();
    expect(await work.getByLabel(/^Gesamtbegründung/).inputValue()).toBe(reasons);
    await page.unroute('**/assessments');

    // Meanwhile the other reviewer asks the applicants for a document: the application is INCOMPLETE.
    const token = financial.token;
    expect(
      (
        await api('POST', `/api/review/applications/${id}/conflict-declaration`, {
          token,
          body: { conflict: false },
          on: own.info,
        })
      ).status,
    ).toBe(200);
    const requested = await api('POST', `/api/review/applications/${id}/missing-documents`, {
      token,
      body: {
        items: [{ text: 'Bitte reichen Sie den Kooperationsvertrag mit der Kita nach.' }],
        dueDate: berlinDayAhead(14),
      },
      on: own.info,
    });
    expect(requested.status, requested.text).toBe(200);

    // Sending again: the 409 says what changed and offers to reload; the input stays.
    await work.getByRole('button', { name: 'Fachliches Gutachten abgeben' }).click();
    const stale = work.getByRole('alert');
    await stale
      .getByText(
        'Der Antrag hat sich inzwischen geändert: Er ist jetzt „Unterlagen nachgefordert“. Ihre Eingaben sind erhalten.',
        { exact: false },
      )
      .waitFor();
    expect(await criterion('Konzept und Methoden').getByLabel('4 Punkte').isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'review-assessment-stale');
    await stale.getByRole('button', { name: 'Stand neu laden' }).click();
    await expect.poll(() => page.getByTestId('review-status').textContent()).toBe('Unterlagen nachgefordert');
    expect(plain(await work.textContent())).toContain(
      'Gutachten sind möglich, solange der Antrag in Prüfung ist. Jetzt: „Unterlagen nachgefordert“.',
    );
    expect(plain(await section(page, 'Nachforderung').textContent())).toContain(
      'Bitte reichen Sie den Kooperationsvertrag mit der Kita nach.',
    );

    // The applicants supply it; back in review, the form comes back as the reviewer left it.
    const supplemented = await api('POST', `/api/applications/${id}/submit`, {
      token: member.token,
      on: own.info,
    });
    expect(supplemented.status, supplemented.text).toBe(202);
    await drain(own.info);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Ihr Gutachten' }).waitFor();
    await expect.poll(() => page.getByTestId('review-status').textContent()).toBe('In Prüfung');
    expect(await work.getByLabel(/^Gesamtbegründung/).inputValue()).toBe(reasons);
    expect(await criterion('Bezug zum ZIK II').getByLabel('5 Punkte').isChecked()).toBe(true);
    expect(await work.getByLabel('Förderung mit Auflagen empfehlen').isChecked()).toBe(true);
    await work.getByRole('button', { name: 'Fachliches Gutachten abgeben' }).click();
    await main(page).getByText('Das zweite Gutachten steht noch aus.').waitFor();
    await page.close();
  }, 180_000);

  it('shows an approver a call’s applications in English, and exports the lines shown as CSV', async () => {
    const englishCall = (
      await givenCall(aCall({ title: { de: 'Sprachbrücken 2027', en: 'Language bridges 2027' } }), own.info)
    ).id;
    const titles = ['Lesepaten Plauen', 'Chor der Kulturen'];
    for (const title of titles) {
      const draft = await givenCompleteDraft(member, orgId, englishCall, title, own.info);
      const submitted = await api('POST', `/api/applications/${draft.id}/submit`, {
        token: member.token,
        on: own.info,
      });
      expect(submitted.status).toBe(202);
    }
    await drain(own.info);

    const page = await ownPage();
    await signInAsStaff(page, approver);
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('navigation', { name: 'Back-office sections' })
      .getByRole('link', { name: 'Work queue' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Work queue' }).waitFor();
    // An approver holds no assignments: the queue starts with the choice of a call.
    await page.getByText('Choose a call to see its applications.').waitFor();
    await page.getByLabel('Call for proposals').selectOption({ label: 'Language bridges 2027' });
    await page.getByRole('button', { name: 'Show' }).click();
    const table = page.getByRole('table', { name: /^Applications in the call “Language bridges 2027”/ });
    await table.waitFor();
    expect(plain(await table.locator('caption').textContent())).toBe(
      'Applications in the call “Language bridges 2027”, all in progress, the oldest first (2 applications)',
    );
    const counts = page.getByRole('table', {
      name: 'Applications per status in the call “Language bridges 2027”',
    });
    expect(plain(await counts.textContent())).toContain('In review2');
    const shown = await table.locator('tbody th[scope="row"]').allTextContents();
    expect(shown.sort()).toEqual([...titles].sort());
    expect(plain(await table.textContent())).toContain('In review');
    expect(await mainText(page)).not.toMatch(/Arbeitsvorrat|Anträge|Aufruf /);
    await expectNoAxeViolations(page);
    await screenshot(page, 'review-queue-en');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as a CSV file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`antraege-${englishCall}-${berlinDate(new Date())}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, ...rows] = parseCsv(csv.replace(/^\ufeff/, ''));
    expect(header?.slice(0, 5)).toEqual(['Reference', 'Title', 'Organisation', 'Call', 'Status']);
    expect(rows.map((row) => row[1]).sort()).toEqual([...titles].sort());
    expect(rows.every((row) => row[3] === englishCall && row[4] === 'IN_REVIEW')).toBe(true);
    // The download is announced to screen readers.
    await expect
      .poll(() => page.getByTestId('live-region').textContent())
      .toBe(`The file “${download.suggestedFilename()}” was downloaded.`);
    await page.close();
  }, 180_000);
});
