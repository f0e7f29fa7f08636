import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCall } from '../support/calls.ts';
import {
  api,
  drain,
  givenCall,
  givenCompleteDraft,
  givenDraft,
  givenOrganisation,
  type TestUser,
} from '../support/local-stack.ts';
import { anOrganisationProfile } from '../support/organisations.ts';
import { APPLICANT_PASSWORD, givenApplicant, mainText, signInTo } from './support/applicants.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './support/browser.ts';

interface Application {
  id: string;
  orgId: string;
  callId: string;
  title: string;
  status: string;
  reference?: string;
  updatedAt: string;
}

async function applicationsOf(user: TestUser): Promise<Application[]> {
  return (await api<{ items: Application[] }>('GET', '/api/applications', { token: user.token })).body.items;
}

/** An instant as the portal shows it: Berlin time, in the language's format. */
function berlinDateTime(iso: string, language: 'de' | 'en'): string {
  const text = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
  return (language === 'de' ? `${text} Uhr` : text).replace(/\u00a0|\u202f/g, ' ');
}

/** One application's card in the list, found by its title. */
function cardOf(page: Page, title: string) {
  return page.locator('main li.card').filter({ has: page.getByRole('heading', { level: 2, name: title }) });
}

async function cardText(page: Page, title: string): Promise<string> {
  return ((await cardOf(page, title).textContent()) ?? '').replace(/\u00a0|\u202f/g, ' ');
}

describe('applying from a call and my applications', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('applies from a call: signs in, creates the organisation first, starts the draft and lands on its form', async () => {
    const call = await givenCall(
      aCall({
        title: { de: 'Begegnungsorte im Erzgebirge', en: 'Meeting places in the Ore Mountains' },
        eligibleLegalForms: ['eingetragener-verein', 'ggmbh'],
      }),
    );
    const applicant = await givenApplicant('erstantrag');
    const page = await newPage(browser);

    await page.goto('/');
    const card = page.getByRole('article', { name: 'Begegnungsorte im Erzgebirge' });
    await card.getByRole('link', { name: 'Antrag stellen' }).click();
    // Signed out: to the sign-in page and back to the call's application start.
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await page.getByLabel(/^E-Mail-Adresse/).fill(applicant.email);
    await page.getByLabel(/^Passwort/).fill(APPLICANT_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`**/applications/new?call=${call.id}`);
    await page.getByRole('heading', { level: 1, name: 'Antrag stellen' }).waitFor();
    await page.getByText(/^Sie gehören noch keiner Organisation an\./).waitFor();
    expect(await mainText(page)).toContain(
      'Sie beginnen einen Antrag im Förderaufruf „Begegnungsorte im Erzgebirge“.',
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'apply-no-organisation');

    // Create the organisation first; afterwards the portal returns to the application start.
    await page.getByRole('link', { name: 'Organisation anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meine Organisationen' }).waitFor();
    await page.getByLabel(/^Name laut Register/).fill('Elterncafé Annaberg e.V.');
    await page.getByLabel(/^Rechtsform/).selectOption({ label: 'eingetragener Verein (e.V.)' });
    await page.getByRole('button', { name: 'Organisation anlegen' }).click();
    await page.waitForURL(`**/applications/new?call=${call.id}`);
    const organisation = page.getByLabel(/^Für welche Organisation/);
    await organisation.waitFor();
    // The only organisation is chosen already.
    expect(await organisation.locator('option:checked').textContent()).toBe(
      'Elterncafé Annaberg e.V. (eingetragener Verein (e.V.))',
    );
    expect(await mainText(page)).toContain(
      'Antragsberechtigt sind: eingetragener Verein (e.V.), gemeinnützige GmbH (gGmbH).',
    );

    // The title is required (the shared CreateDraftBody schema).
    await page.getByRole('button', { name: 'Antrag beginnen' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Bitte füllen Sie dieses Feld aus.');
    await page.getByLabel(/^Titel des Projekts/).fill('Sprachcafé am Markt');
    await expectNoAxeViolations(page);
    await screenshot(page, 'apply-start');
    await page.getByRole('button', { name: 'Antrag beginnen' }).click();

    await page.waitForURL(/\/applications\/[0-9a-f-]{36}\/edit$/);
    const id = /\/applications\/([0-9a-f-]{36})\/edit$/.exec(page.url())?.[1];
    const [draft] = await applicationsOf(applicant);
    expect(draft).toMatchObject({ id, callId: call.id, title: 'Sprachcafé am Markt', status: 'DRAFT' });

    // The draft is in "Meine Anträge", linking to its form.
    await page.goto('/applications');
    await page.getByRole('heading', { level: 1, name: 'Meine Anträge' }).waitFor();
    await cardOf(page, 'Sprachcafé am Markt').waitFor();
    const text = await cardText(page, 'Sprachcafé am Markt');
    expect(text).toContain('StandEntwurf – noch nicht eingereicht');
    expect(text).toContain('OrganisationElterncafé Annaberg e.V.');
    expect(text).toContain('FörderaufrufBegegnungsorte im Erzgebirge');
    expect(text).toContain('Aktenzeichenwird nach der Einreichung vergeben');
    expect(text).toContain(`Letzte Änderung${berlinDateTime(draft?.updatedAt ?? '', 'de')}`);
    expect(await page.getByRole('link', { name: 'Sprachcafé am Markt' }).getAttribute('href')).toBe(
      `/applications/${id}/edit`,
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'my-applications-draft');
  });

  it('refuses, at the field, an organisation whose legal form the call does not admit', async () => {
    const call = await givenCall(
      aCall({
        title: { de: 'Nur für Vereine', en: 'Associations only' },
        eligibleLegalForms: ['eingetragener-verein'],
      }),
    );
    const applicant = await givenApplicant('vhs');
    await givenOrganisation(
      [applicant],
      undefined,
      anOrganisationProfile({
        legalName: 'Volkshochschule Erzgebirgskreis',
        legalForm: 'volkshochschule',
        register: undefined,
      }),
    );
    await givenOrganisation(
      [applicant],
      undefined,
      anOrganisationProfile({ legalName: 'Förderverein VHS Aue e.V.' }),
    );
    const page = await newPage(browser);
    await signInTo(page, `/applications/new?call=${call.id}`, applicant);

    const organisation = page.getByLabel(/^Für welche Organisation/);
    await organisation.selectOption({ label: 'Volkshochschule Erzgebirgskreis (Volkshochschule)' });
    await page.getByLabel(/^Titel des Projekts/).fill('Deutsch im Alltag');
    await page.getByRole('button', { name: 'Antrag beginnen' }).click();
    const refusal =
      'Organisationen mit der Rechtsform Volkshochschule können in diesem Aufruf keinen Antrag stellen. Antragsberechtigt: eingetragener Verein (e.V.).';
    await page.getByRole('alert').getByText(refusal).waitFor();
    expect(await page.locator('#new-application-orgId-error').textContent()).toBe(refusal);
    expect(await organisation.getAttribute('aria-invalid')).toBe('true');
    expect(await applicationsOf(applicant)).toEqual([]);
    await expectNoAxeViolations(page);
    await screenshot(page, 'apply-ineligible');

    await organisation.selectOption({ label: 'Förderverein VHS Aue e.V. (eingetragener Verein (e.V.))' });
    await page.getByRole('button', { name: 'Antrag beginnen' }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}\/edit$/);
    expect((await applicationsOf(applicant)).map((a) => a.title)).toEqual(['Deutsch im Alltag']);
  });

  it('lists a submitted application with its status in plain words, reference and link to its status page, also in English', async () => {
    const call = await givenCall(aCall({ title: { de: 'Sprachpatenschaften', en: 'Language mentoring' } }));
    const applicant = await givenApplicant('liste');
    const orgId = await givenOrganisation(
      [applicant],
      undefined,
      anOrganisationProfile({ legalName: 'Patenschaften Freiberg e.V.' }),
    );
    const submitted = await givenCompleteDraft(applicant, orgId, call.id, 'Lesepaten an Grundschulen');
    const submit = await api('POST', `/api/applications/${submitted.id}/submit`, { token: applicant.token });
    expect(submit.status, submit.text).toBe(202);
    await drain();
    await givenDraft(applicant, orgId, call.id, 'Hausaufgabenhilfe');
    const [latest, earlier] = await applicationsOf(applicant);
    expect(latest?.title).toBe('Hausaufgabenhilfe');
    expect(earlier?.reference).toMatch(/^IM-2027-C-/);

    const page = await newPage(browser);
    await signInTo(page, '/applications', applicant);
    await cardOf(page, 'Lesepaten an Grundschulen').waitFor();
    // The most recently changed first.
    expect(await page.locator('main li.card h2').allTextContents()).toEqual([
      'Hausaufgabenhilfe',
      'Lesepaten an Grundschulen',
    ]);
    const germanStatus: Record<string, string> = {
      SUBMITTED: 'Eingereicht',
      IN_REVIEW: 'In Prüfung',
    };
    const englishStatus: Record<string, string> = { SUBMITTED: 'Submitted', IN_REVIEW: 'Under review' };
    const status = earlier?.status ?? '';
    expect(Object.keys(germanStatus)).toContain(status);
    const text = await cardText(page, 'Lesepaten an Grundschulen');
    expect(text).toContain(`Stand${germanStatus[status]}`);
    expect(text).toContain(`Aktenzeichen${earlier?.reference}`);
    expect(text).toContain(`Letzte Änderung${berlinDateTime(earlier?.updatedAt ?? '', 'de')}`);
    // Submitted: to its status page; the draft: to its form.
    expect(await page.getByRole('link', { name: 'Lesepaten an Grundschulen' }).getAttribute('href')).toBe(
      `/applications/${submitted.id}`,
    );
    expect(await page.getByRole('link', { name: 'Hausaufgabenhilfe' }).getAttribute('href')).toBe(
      `/applications/${latest?.id}/edit`,
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'my-applications');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
    const english = await cardText(page, 'Lesepaten an Grundschulen');
    expect(english).toContain(`Status${englishStatus[status]}`);
    expect(english).toContain('Call for proposalsLanguage mentoring');
    expect(english).toContain(`Last change${berlinDateTime(earlier?.updatedAt ?? '', 'en')}`);
    expect(await cardText(page, 'Hausaufgabenhilfe')).toContain('Referencegiven after submission');
    const shown = `${await page.locator('header').textContent()} ${await page.locator('main').textContent()}`;
    expect(shown).not.toMatch(
      /Entwurf|Eingereicht|Prüfung|Aktenzeichen|Meine|Förderaufruf|Letzte Änderung|Stand/,
    );
    await expectNoAxeViolations(page);
    await screenshot(page, 'my-applications-en');

    // Starting one, in English.
    await page.goto(`/applications/new?call=${call.id}`);
    await page.getByRole('heading', { level: 1, name: 'Apply' }).waitFor();
    await page.getByLabel(/^Which organisation are you applying for\?/).waitFor();
    expect(await mainText(page)).toContain(
      'You are starting an application in the call “Language mentoring”.',
    );
    await page.getByRole('button', { name: 'Start the application' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Please fill in this field.');
    const startShown = `${await page.locator('header').textContent()} ${await page.locator('main').textContent()}`;
    expect(startShown).not.toMatch(/Antrag|Organisation anlegen|Titel|Bitte|Pflichtfeld/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'apply-start-en');
  });
});
