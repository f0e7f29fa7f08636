import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenApplicant, signInTo } from './support/applicants.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './support/browser.ts';
import { givenStaffMember, signInAsStaff } from './support/staff.ts';

/** The back office's frame: who gets in, where staff land, and which sections each role sees. */
describe('the back office', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('takes a reviewer from signing in to the back office, with the sections of their role only', async () => {
    const reviewer = await givenStaffMember(['reviewer'], 'pruefer');
    const page = await newPage(browser);
    await signInAsStaff(page, reviewer);

    await page.getByRole('heading', { level: 1, name: 'Sachbearbeitung' }).waitFor();
    const sections = page.getByRole('navigation', { name: 'Bereiche der Sachbearbeitung' });
    expect(await sections.getByRole('link').allTextContents()).toEqual(['Sachbearbeitung', 'Arbeitsvorrat']);
    // Staff see the back office in the main navigation, not the applicants' pages.
    const main = page.getByRole('navigation', { name: 'Hauptnavigation' });
    expect(await main.getByRole('link').allTextContents()).toEqual(['Förderaufrufe', 'Sachbearbeitung']);
    expect(await page.locator('main').textContent()).toContain('Ihre Rollen: Prüfung');
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('shows an admin who is also an approver every section, in English when chosen', async () => {
    const chief = await givenStaffMember(['approver', 'admin'], 'leitung');
    const page = await newPage(browser);
    await signInAsStaff(page, chief);
    await page.getByRole('button', { name: 'English' }).click();

    await page.getByRole('heading', { level: 1, name: 'Back office' }).waitFor();
    const sections = page.getByRole('navigation', { name: 'Back-office sections' });
    expect(await sections.getByRole('link').allTextContents()).toEqual([
      'Back office',
      'Work queue',
      'Decisions',
      'Manage calls',
      'Staff',
    ]);
    expect(await page.locator('main').textContent()).toContain('Your roles: Approval, Administration');
    await expectNoAxeViolations(page);
    await screenshot(page, 'backoffice-home');
    await page.close();
  });

  it('tells an applicant in words that the back office is not theirs', async () => {
    const applicant = await givenApplicant('antragsteller');
    const page = await newPage(browser);
    await signInTo(page, '/backoffice', applicant);

    await page.getByRole('heading', { level: 1, name: 'Kein Zugang zur Sachbearbeitung' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(
      'Ihr Konto hat keine Rolle in der Sachbearbeitung',
    );
    // No section navigation and no back-office link for an applicant.
    expect(await page.getByRole('navigation', { name: 'Bereiche der Sachbearbeitung' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Sachbearbeitung' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.close();
  });
});
