import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../infra/local/local-stack.ts';
import { DynamoDbStaffDirectory } from '../../shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { aCall } from '../support/calls.ts';
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
import { plain } from './support/applicant.ts';
import { expectNoAxeViolations, launchBrowser, screenshot } from './support/browser.ts';
import { signInAsStaff } from './support/staff.ts';

/**
 * The whole journey from the back-office side (issue 9): an applicant's submitted application; the two
 * reviewers the intake assigned declare no conflict and assess it through the back office; an approver
 * approves it through the back office; the applicant sees the approval in the portal and downloads the
 * Bescheid, which makes the application NOTIFIED. The single pages and their edge cases are tested in
 * their own files; this one shows that they join up.
 *
 * A local stack of its own: who reviews is the intake's choice (the least busy reviewers in the staff
 * directory), so the directory here holds only the two reviewers made for it.
 */
describe('the journey through the back office', () => {
  let own: LocalStack;
  let dataDir: string;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'foerderflow-e2e-journey-'));
    own = await startLocalStack({ dataDir });
    browser = await launchBrowser();
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

  const mainText = async (page: Page) => plain(await page.locator('main').textContent());
  const section = (page: Page, name: string) =>
    page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });

  /** A reviewer in this stack's staff directory, whom the intake may assign. */
  async function givenReviewer(name: string): Promise<TestUser & { name: string }> {
    const user = await givenUser(['reviewer'], name.toLowerCase().replace(/[^a-z]+/g, '.'), own.info);
    await new DynamoDbStaffDirectory(documentClient(own.info), own.info.tableName).upsert({
      sub: user.sub,
      email: user.email,
      name,
      groups: ['reviewer'],
    });
    return { ...user, name };
  }

  /** The reviewer opens the application from their queue and declares that there is no conflict. */
  async function openAndDeclare(page: Page, reviewer: TestUser, title: string) {
    await signInAsStaff(page, reviewer);
    await page
      .getByRole('navigation', { name: 'Bereiche der Sachbearbeitung' })
      .getByRole('link', { name: 'Arbeitsvorrat' })
      .click();
    const queue = page.getByRole('table', { name: /^Meine offenen Zuweisungen/ });
    await queue.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByLabel(/^Nein, es besteht kein Interessenkonflikt/).check();
    await page.getByRole('button', { name: 'Erklärung abgeben' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kosten- und Finanzierungsplan' }).waitFor();
  }

  it('goes from a submitted application through two assessments and the approval to the notified Bescheid', async () => {
    const reviewers = [await givenReviewer('Paula Prüfer'), await givenReviewer('Konrad Kassen')];
    const approver = await givenStaff(['approver'], 'vogel', own.info);
    const applicant = await givenUser(['applicant'], 'verein', own.info);
    const orgId = await givenOrganisation([applicant], own.info);
    const call = await givenCall(
      aCall({ title: { de: 'Miteinander im Quartier 2027', en: 'Together in the neighbourhood 2027' } }),
      own.info,
    );
    const title = 'Nachbarschaftsküche Plauen';

    // 1. The applicant's complete application, submitted; the intake assigns the two reviewers.
    const draft = await givenCompleteDraft(applicant, orgId, call.id, title, own.info);
    const submitted = await api('POST', `/api/applications/${draft.id}/submit`, {
      token: applicant.token,
      on: own.info,
    });
    expect(submitted.status, submitted.text).toBe(202);
    await drain(own.info);
    const assigned = await api<{ status: string; assignments?: { role: string; reviewerSub: string }[] }>(
      'GET',
      `/api/review/applications/${draft.id}`,
      { token: approver.token, on: own.info },
    );
    expect(assigned.body.status).toBe('IN_REVIEW');
    const holder = (role: string) => {
      const sub = assigned.body.assignments?.find((a) => a.role === role)?.reviewerSub;
      const reviewer = reviewers.find((r) => r.sub === sub);
      if (!reviewer) throw new Error(`the ${role} role went to someone unknown: ${assigned.text}`);
      return reviewer;
    };
    const content = holder('content');
    const financial = holder('financial');
    expect(content.sub).not.toBe(financial.sub);

    // 2. The content reviewer declares and scores against the rubric.
    const first = await ownPage();
    await openAndDeclare(first, content, title);
    const contentWork = section(first, 'Ihr Gutachten');
    await contentWork
      .getByRole('group', { name: /^Konzept \(Gewicht/ })
      .getByLabel('4 Punkte')
      .check();
    await contentWork.getByLabel('Förderung empfehlen', { exact: true }).check();
    await contentWork
      .getByLabel(/^Gesamtbegründung/)
      .fill('Ein gut erreichbares Angebot mit klarem Bezug zum Handlungsfeld Begegnung.');
    await expectNoAxeViolations(first);
    await screenshot(first, 'journey-backoffice-1-content');
    await contentWork.getByRole('button', { name: 'Fachliches Gutachten abgeben' }).click();
    await first.getByText('Das zweite Gutachten steht noch aus.').waitFor();
    await first.close();

    // 3. The financial reviewer declares and checks every cost line.
    const second = await ownPage();
    await openAndDeclare(second, financial, title);
    const check = section(second, 'Ihr Gutachten');
    for (const line of [
      /^Personalausgaben: Projektleitung/,
      /^Sachausgaben: Raummiete Begegnungscafé/,
      /^Sachausgaben: Lernmaterial Deutsch/,
      /^Honorare: Honorar Sprachmittlung/,
    ]) {
      await check.getByRole('group', { name: line }).getByLabel('Ja, in voller Höhe').check();
    }
    await check.getByLabel(/^Empfohlene Zuwendung in Euro/).fill('14.402,00');
    await check.getByLabel('Förderung empfehlen', { exact: true }).check();
    await check.getByLabel(/^Gesamtbegründung/).fill('Alle Positionen plausibel und zuwendungsfähig.');
    await expectNoAxeViolations(second);
    await screenshot(second, 'journey-backoffice-2-financial');
    await check.getByRole('button', { name: 'Finanzielles Gutachten abgeben' }).click();
    await second.getByText(/^Beide Gutachten liegen vor/).waitFor();
    await expect
      .poll(() => second.getByTestId('review-status').textContent(), { timeout: 30_000 })
      .toBe('Geprüft');
    await second.close();

    // 4. The approver opens the application, follows it to the decision page and approves.
    const chief = await ownPage();
    await signInAsStaff(chief, approver, `/backoffice/applications/${draft.id}`);
    await section(chief, 'Begutachtung und Entscheidung')
      .getByRole('link', { name: 'Entscheidung treffen' })
      .click();
    await chief.getByRole('heading', { level: 1, name: `Entscheidung: ${title}` }).waitFor();
    const overview = await mainText(chief);
    expect(overview).toContain(`Begutachtung inhaltlich: ${content.name}`);
    expect(overview).toContain(`Begutachtung finanziell: ${financial.name}`);
    expect(overview).toContain('Empfohlene Zuwendung14.402,00 €');
    await chief.getByLabel('Bewilligen', { exact: true }).check();
    expect(await chief.getByLabel(/^Bewilligter Betrag in Euro/).inputValue()).toBe('14.402,00');
    await expectNoAxeViolations(chief);
    await screenshot(chief, 'journey-backoffice-3-decision');
    await chief.getByRole('button', { name: 'Über 14.402,00 € bewilligen' }).click();
    await chief.getByRole('heading', { level: 2, name: 'Bewilligt über 14.402,00 €' }).waitFor();
    expect(await mainText(chief)).toContain('Der Zuwendungsbescheid wird jetzt erstellt');
    await chief.close();
    await drain(own.info);
    const reference = (
      await api<{ reference: string }>('GET', `/api/applications/${draft.id}`, {
        token: applicant.token,
        on: own.info,
      })
    ).body.reference;
    expect(
      (await sentEmails(own.info)).some(
        (mail) =>
          mail.destination.to.includes(applicant.email) &&
          mail.subject.startsWith(`Ein Bescheid zu Ihrem Antrag ${reference}`),
      ),
    ).toBe(true);

    // 5. The applicant sees the approval in the portal and downloads the Bescheid: NOTIFIED.
    const portal = await ownPage();
    await signInAsStaff(portal, applicant, `/applications/${draft.id}`);
    const status = () => portal.getByTestId('application-status').textContent();
    await expect.poll(status).toBe('Bewilligt – der Bescheid liegt für Sie bereit');
    expect(
      plain(await portal.getByRole('region', { name: 'Entscheidung', exact: true }).textContent()),
    ).toContain('Bewilligte Zuwendung14.402,00 €');
    await expectNoAxeViolations(portal);
    await screenshot(portal, 'journey-backoffice-4-approved');
    const letters = portal.getByRole('region', { name: 'Bescheide', exact: true });
    const [served] = await Promise.all([
      portal
        .context()
        .waitForEvent('response', (response) => response.url().includes(`letters/${draft.id}/`)),
      letters.getByRole('button', { name: /^Bescheid herunterladen \(Zuwendungsbescheid\)/ }).click(),
    ]);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('application/pdf');
    await expect.poll(status).toBe('Bescheid bekannt gegeben');
    const notified = await api<{ status: string }>('GET', `/api/applications/${draft.id}`, {
      token: applicant.token,
      on: own.info,
    });
    expect(notified.body.status).toBe('NOTIFIED');
    await expectNoAxeViolations(portal);
    await screenshot(portal, 'journey-backoffice-5-notified');
    await portal.close();
  }, 240_000);
});
