import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, givenOrganisation, sentEmails, type TestUser } from '../support/local-stack.ts';
import { anOrganisationProfile } from '../support/organisations.ts';
import { givenApplicant, mainText, signInTo } from './support/applicants.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './support/browser.ts';

interface Organisation {
  id: string;
  version: number;
  legalName: string;
  iban?: string;
  register?: { court?: string; number?: string };
  address?: { street?: string; postalCode?: string; city?: string };
  nonProfit?: { recognised: boolean; exemptionNoticeDate?: string };
  representative?: { name?: string; function?: string };
  contactEmail?: string;
  profileGaps: unknown[];
}

async function organisationsOf(user: TestUser): Promise<Organisation[]> {
  const response = await api<{ items: Organisation[] }>('GET', '/api/organisations', { token: user.token });
  return response.body.items;
}

async function organisation(user: TestUser, orgId: string): Promise<Organisation> {
  return (await api<Organisation>('GET', `/api/organisations/${orgId}`, { token: user.token })).body;
}

/** Tomorrow's date in Berlin, as the API's "not in the future" rule counts days. */
function berlinTomorrow(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const next = new Date(`${today}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The error shown at a field, and whether the control says it is invalid and is described by it. */
async function fieldError(page: Page, controlId: string) {
  const control = page.locator(`#${controlId}`);
  const describedBy = ((await control.getAttribute('aria-describedby')) ?? '').split(' ');
  const errorId = `${controlId}-error`;
  return {
    text: (await page.locator(`[id="${errorId}"]`).textContent())?.trim(),
    invalid: await control.getAttribute('aria-invalid'),
    describedByError: describedBy.includes(errorId),
  };
}

/** The notice under the page's heading (the live region says the same, unseen). */
function profileSaved(page: Page) {
  return page.locator('main').getByText('Das Profil ist gespeichert.', { exact: true }).waitFor();
}

/** What the page shows: header and main (not the live region's last announcement). */
async function shownText(page: Page): Promise<string> {
  return `${await page.locator('header').textContent()} ${await page.locator('main').textContent()}`;
}

describe('organisations in the portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates an organisation with its complete profile; a wrong IBAN and a future date are refused at their fields', async () => {
    const owner = await givenApplicant('inhaberin');
    const page = await newPage(browser);
    await signInTo(page, '/organisations', owner);
    await page.getByRole('heading', { level: 1, name: 'Meine Organisationen' }).waitFor();
    await page.getByText(/^Sie gehören noch keiner Organisation an\./).waitFor();

    const name = 'Kulturbrücke Chemnitz e.V.';
    await page.getByLabel(/^Name laut Register/).fill(name);
    await page.getByLabel(/^Rechtsform/).selectOption({ label: 'eingetragener Verein (e.V.)' });
    await page.getByLabel(/^Registergericht/).fill('Amtsgericht Chemnitz');
    await page.getByLabel(/^Registernummer/).fill('vr  1234');
    await page.getByLabel(/^Straße und Hausnummer/).fill('Straße der Nationen 33');
    await page.getByLabel(/^Postleitzahl/).fill('09111');
    await page.getByLabel(/^Ort/).fill('Chemnitz');
    await page.getByLabel(/^Ist die Organisation vom Finanzamt/).selectOption({ label: 'Ja, anerkannt' });
    await page.getByLabel(/^Datum des letzten Freistellungsbescheids/).fill('2025-06-30');
    // One digit of the well-known test IBAN is wrong: the checksum (ibantools, the shared schema) finds it.
    await page.getByLabel(/^IBAN/).fill('DE89 3704 0044 0532 0130 01');
    await page.getByLabel(/^BIC/).fill('cobadeffxxx');
    const representative = page.getByRole('group', { name: 'Vertretungsberechtigte Person' });
    await representative.getByLabel(/^Name/).fill('Aylin Demir');
    await representative.getByLabel(/^Funktion/).fill('Vorsitzende');
    await page.getByLabel(/^E-Mail-Adresse für Rückfragen/).fill('vorstand@kulturbruecke.example.org');
    await page.getByRole('button', { name: 'Organisation anlegen' }).click();

    const typo = 'Die IBAN enthält einen Tippfehler: Die Prüfziffern stimmen nicht.';
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(typo);
    // The summary took focus, and its only entry is the IBAN: nothing else was refused.
    expect(await page.locator(':focus').getAttribute('role')).toBe('alert');
    expect(await summary.getByRole('link').count()).toBe(1);
    const iban = await fieldError(page, 'organisation-iban');
    expect(iban.text).toContain(typo);
    expect(iban).toMatchObject({ invalid: 'true', describedByError: true });
    // The error is shown with the field itself, between its hint and its input.
    const ibanField = page.locator('.field', { has: page.locator('#organisation-iban') });
    expect(await ibanField.locator('.field__error').textContent()).toContain(typo);
    expect(await organisationsOf(owner)).toEqual([]);
    await expectNoAxeViolations(page);
    await screenshot(page, 'organisation-create-iban-error');

    // The summary's link leads to the IBAN; corrected, the organisation is created.
    await summary.getByRole('link').click();
    expect(await page.locator(':focus').getAttribute('id')).toBe('organisation-iban');
    await page.getByLabel(/^IBAN/).fill('DE89 3704 0044 0532 0130 00');
    await page.getByRole('button', { name: 'Organisation anlegen' }).click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
    await card.waitFor();
    expect(await card.textContent()).toContain('Das Profil ist vollständig.');
    expect(await page.getByLabel(/^Name laut Register/).inputValue()).toBe('');

    const [created] = await organisationsOf(owner);
    expect(created).toMatchObject({
      legalName: name,
      register: { court: 'Amtsgericht Chemnitz', number: 'VR 1234' },
      address: { street: 'Straße der Nationen 33', postalCode: '09111', city: 'Chemnitz' },
      nonProfit: { recognised: true, exemptionNoticeDate: '2025-06-30' },
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      representative: { name: 'Aylin Demir', function: 'Vorsitzende' },
      contactEmail: 'vorstand@kulturbruecke.example.org',
      profileGaps: [],
    });
    await expectNoAxeViolations(page);
    await screenshot(page, 'organisations-list');

    // Its page shows the saved profile for editing.
    await card.getByRole('link', { name }).click();
    await page.waitForURL(`**/organisations/${created?.id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await page.locator('#profile-iban').inputValue()).toBe('DE89 3704 0044 0532 0130 00');
    expect(await page.locator('#profile-register-number').inputValue()).toBe('VR 1234');
    expect(await mainText(page)).toContain('Das Profil ist vollständig.');
    await expectNoAxeViolations(page);
    await screenshot(page, 'organisation-profile');

    // A rule only the server knows today's date for: its refusal appears at the field, input kept.
    const tomorrow = berlinTomorrow();
    await page.locator('#profile-nonProfit-exemptionNoticeDate').fill(tomorrow);
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    const future = 'Das Datum des Freistellungsbescheids darf nicht in der Zukunft liegen.';
    await page.getByRole('alert').getByText(future).waitFor();
    const dateError = await fieldError(page, 'profile-nonProfit-exemptionNoticeDate');
    expect(dateError).toEqual({ text: future, invalid: 'true', describedByError: true });
    expect(await page.locator('#profile-nonProfit-exemptionNoticeDate').inputValue()).toBe(tomorrow);
    expect(await page.locator(':focus').getAttribute('role')).toBe('alert');
    await expectNoAxeViolations(page);
    await screenshot(page, 'organisation-server-field-error');

    await page.locator('#profile-nonProfit-exemptionNoticeDate').fill('2025-07-01');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await profileSaved(page);
    expect(await page.locator('#profile-nonProfit-exemptionNoticeDate-error').count()).toBe(0);
    expect((await organisation(owner, created?.id ?? '')).nonProfit).toEqual({
      recognised: true,
      exemptionNoticeDate: '2025-07-01',
    });
  });

  it('keeps what was typed when another member saved first, and lets the person choose', async () => {
    const owner = await givenApplicant('schatzmeister');
    const orgId = await givenOrganisation(
      [owner],
      undefined,
      anOrganisationProfile({ legalName: 'Nachbarschaftshilfe Plauen e.V.' }),
    );
    const page = await newPage(browser);
    await signInTo(page, `/organisations/${orgId}`, owner);
    await page.getByRole('heading', { level: 1, name: 'Nachbarschaftshilfe Plauen e.V.' }).waitFor();

    // Another member saves a new representative while this page is open.
    const { version } = await organisation(owner, orgId);
    const profile = anOrganisationProfile({ legalName: 'Nachbarschaftshilfe Plauen e.V.' });
    const other = await api('PUT', `/api/organisations/${orgId}`, {
      token: owner.token,
      body: { ...profile, representative: { name: 'Karl Neumann', function: 'Vorsitzender' } },
      headers: { 'if-match': `"${version}"` },
    });
    expect(other.status, other.text).toBe(200);

    await page.locator('#profile-address-city').fill('Markkleeberg');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    const conflict = page
      .getByRole('alert')
      .filter({ hasText: 'Jemand anderes hat das Profil inzwischen gespeichert' });
    await conflict.waitFor();
    const rows = await conflict.locator('tbody tr').allTextContents();
    expect(rows).toEqual([
      'OrtMarkkleebergLeipzig',
      'NameJohanna RichterKarl Neumann',
      'FunktionVorsitzendeVorsitzender',
    ]);
    // Nothing typed is lost.
    expect(await page.locator('#profile-address-city').inputValue()).toBe('Markkleeberg');
    await expectNoAxeViolations(page);
    await screenshot(page, 'organisation-conflict');

    await conflict.getByRole('button', { name: 'Meine Eingaben speichern' }).click();
    await profileSaved(page);
    expect(await page.getByRole('alert').count()).toBe(0);
    const saved = await organisation(owner, orgId);
    expect(saved.version).toBe(version + 2);
    expect(saved.address?.city).toBe('Markkleeberg');
    expect(saved.representative?.name).toBe('Johanna Richter');

    // Again, and this time the person takes the saved version instead.
    const third = await api('PUT', `/api/organisations/${orgId}`, {
      token: owner.token,
      body: {
        ...profile,
        address: { ...profile.address, city: 'Markkleeberg' },
        contactEmail: 'buero@plauen.example.org',
      },
      headers: { 'if-match': `"${saved.version}"` },
    });
    expect(third.status, third.text).toBe(200);
    await page.locator('#profile-address-street').fill('Bahnhofstraße 1');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Gespeicherten Stand laden' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    expect(await page.locator('#profile-address-street').inputValue()).toBe(profile.address?.street);
    expect(await page.locator('#profile-contactEmail').inputValue()).toBe('buero@plauen.example.org');
    // The next save starts from the loaded version: no conflict.
    await page.locator('#profile-representative-function').fill('Vorstandsvorsitzende');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await profileSaved(page);
    expect((await organisation(owner, orgId)).representative?.function).toBe('Vorstandsvorsitzende');
  });

  it('invites a registered user by email, who accepts and then sees the organisation', async () => {
    const [owner, invitee] = [await givenApplicant('vorsitz'), await givenApplicant('kassenwart')];
    const name = 'Interkulturelle Werkstatt Zwickau e.V.';
    const orgId = await givenOrganisation([owner], undefined, anOrganisationProfile({ legalName: name }));

    const ownerPage = await newPage(browser);
    await signInTo(ownerPage, `/organisations/${orgId}`, owner);
    const members = ownerPage.getByRole('table', { name: 'Mitglieder der Organisation' });
    await members.waitFor();
    expect(await members.locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining(`${owner.email}Inhaber/in`),
    ]);

    // Someone who is a member already cannot be invited: said at the field.
    await ownerPage.getByLabel(/^E-Mail-Adresse der Person/).fill(owner.email);
    await ownerPage.getByRole('button', { name: 'Einladung senden' }).click();
    await ownerPage
      .getByRole('alert')
      .getByText(`${owner.email} ist bereits Mitglied von ${name}.`)
      .waitFor();
    expect((await fieldError(ownerPage, 'invite-email')).text).toBe(
      `${owner.email} ist bereits Mitglied von ${name}.`,
    );

    await ownerPage.getByLabel(/^E-Mail-Adresse der Person/).fill(invitee.email.toUpperCase());
    await ownerPage.getByRole('button', { name: 'Einladung senden' }).click();
    await ownerPage
      .locator('main')
      .getByText(`Eine Einladung ist per E-Mail an ${invitee.email} unterwegs.`)
      .waitFor();
    const invitations = ownerPage.getByRole('table', { name: 'Offene Einladungen' });
    expect(await invitations.locator('tbody tr').first().textContent()).toContain(invitee.email);
    const mail = (await sentEmails()).find((m) => m.destination.to.includes(invitee.email));
    expect(mail?.subject).toBe(`Einladung zu ${name} / Invitation to join ${name}`);
    await expectNoAxeViolations(ownerPage);
    await screenshot(ownerPage, 'organisation-invited');

    // The invitee signs in and finds the invitation under "Einladungen".
    const page = await newPage(browser);
    await signInTo(page, '/organisations', invitee);
    await page.getByText(/^Sie gehören noch keiner Organisation an\./).waitFor();
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Einladungen' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Einladungen' }).waitFor();
    const invitation = page.getByRole('article', { name });
    await invitation.waitFor();
    expect(await invitation.textContent()).toContain(`Eingeladen von ${owner.email}`);
    await expectNoAxeViolations(page);
    await screenshot(page, 'invitations');

    await invitation.getByRole('button', { name: 'Annehmen' }).click();
    await page.locator('main').getByText(`Sie sind jetzt Mitglied von „${name}“.`).waitFor();
    await page.getByText('Zurzeit gibt es keine offenen Einladungen an Ihre E-Mail-Adresse.').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'invitation-accepted');

    await page.getByRole('link', { name: `Zur Organisation ${name}` }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await page.getByRole('table', { name: 'Mitglieder der Organisation' }).textContent()).toContain(
      `${invitee.email}Mitglied`,
    );
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Meine Organisationen' })
      .click();
    await page.getByRole('heading', { level: 2, name }).waitFor();
    expect((await organisationsOf(invitee)).map((o) => o.id)).toEqual([orgId]);

    // The owner sees the new member, and the invitation is no longer open.
    await ownerPage.reload();
    await members.waitFor();
    expect(await members.textContent()).toContain(invitee.email);
    expect(await invitations.count()).toBe(0);
  });

  it('shows the organisation pages in English, with what the profile still lacks', async () => {
    const owner = await givenApplicant('owner');
    const orgId = await givenOrganisation([owner], undefined, {
      legalName: 'Bürgerstiftung Görlitz',
      legalForm: 'eingetragener-verein',
    });
    const page = await newPage(browser, { locale: 'en-GB' });
    await signInTo(page, `/organisations/${orgId}`, owner);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Profile' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const text = await mainText(page);
    expect(text).toContain('These details are still needed before applying:');
    expect(text).toContain('Please add: the IBAN for the payment.');
    expect(text).toContain('Your role: Owner');
    for (const heading of ['Members', 'Invite a member']) {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    }
    // A missing detail leads to its field.
    await page.getByRole('link', { name: 'Please add: the IBAN for the payment.' }).click();
    expect(await page.locator(':focus').getAttribute('id')).toBe('profile-iban');
    expect(await page.getByLabel(/^Legal form/).inputValue()).toBe('eingetragener-verein');
    const german =
      /Mitglied|Einladung|Profil speichern|Rechtsform|Anschrift|Gemeinnützigkeit|Bitte|Meine|Abmelden/;
    expect(await shownText(page)).not.toMatch(german);
    await expectNoAxeViolations(page);
    await screenshot(page, 'organisation-en');

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'My organisations' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'My organisations' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Bürgerstiftung Görlitz' }).waitFor();
    expect(await mainText(page)).toContain('details are still missing from the profile.');
    expect(await shownText(page)).not.toMatch(german);
    await expectNoAxeViolations(page);
    await screenshot(page, 'organisations-en');

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Invitations' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor();
    await page.getByText('There are no open invitations to your email address at the moment.').waitFor();
    expect(await shownText(page)).not.toMatch(german);
    await expectNoAxeViolations(page);
  });
});
