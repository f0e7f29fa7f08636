import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCall } from '../support/calls.ts';
import { givenCall } from '../support/local-stack.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './support/browser.ts';

describe('the open calls page', () => {
  let browser: Browser;
  // Closes on 31 March next year at 23:59:59 in Berlin (summer time by then, UTC+2), wherever the browser is.
  const year = new Date().getUTCFullYear() + 1;
  const call = aCall({
    title: { de: 'Nachbarschaftsprojekte im ländlichen Raum', en: 'Neighbourhood projects in rural areas' },
    closesAt: `${year}-03-31T21:59:59Z`,
    selectionMode: 'competitive',
    financingType: 'partial',
    budgetCents: 245_000_000,
    rules: {
      maxGrantCents: 1_500_000,
      maxFundingRateBps: 8_750,
      minOwnShareBps: 1_250,
      adminFlatRateBps: 1_000,
    },
    projectPeriod: { earliestStart: `${year}-04-01`, latestEnd: `${year + 1}-03-31`, maxMonths: 12 },
  });

  beforeAll(async () => {
    await givenCall(call);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows each call with its rules in plain German, deadline in Berlin time, with no axe violations', async () => {
    const page = await newPage(browser, { timezoneId: 'America/New_York' });
    await page.goto('/');

    await expect.poll(() => page.title()).toBe('Förderaufrufe – foerderflow');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    const card = page.getByRole('article', { name: 'Nachbarschaftsprojekte im ländlichen Raum' });
    await card.waitFor();
    const text = ((await card.textContent()) ?? '').replace(/\u00a0|\u202f/g, ' ');
    expect(text).toContain(`Anträge bis 31. März ${year} um 23:59 Uhr`);
    expect(text).toContain('Sie können eine Zuwendung von bis zu 15.000,00 € beantragen.');
    expect(text).toContain('Die Zuwendung deckt höchstens 87,5 % der zuwendungsfähigen Ausgaben.');
    expect(text).toContain('Ihr Eigenanteil muss mindestens 12,5 % der Gesamtausgaben betragen.');
    expect(text).toContain('Verwaltungsausgaben werden pauschal mit 10 % der direkten Ausgaben angesetzt');
    expect(text).toContain(
      `Das Projekt beginnt frühestens am 1. April ${year}, endet spätestens am 31. März ${year + 1} und dauert höchstens 12 Monate.`,
    );
    expect(text).toContain('Anteilfinanzierung');
    expect(text).toContain('Wettbewerb: Nach Ablauf der Frist werden alle Anträge bewertet');
    expect(text).toContain('Für diesen Aufruf stehen insgesamt 2.450.000,00 € bereit.');
    expect(text).toContain('eingetragener Verein (e.V.)');
    // The seeded calls are listed too.
    expect(await page.getByRole('article').count()).toBeGreaterThanOrEqual(3);

    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-de');
  });

  it('switches to English: every text, dates and amounts in English formats, and keeps the choice', async () => {
    const page = await newPage(browser, { locale: 'en-GB' });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Förderaufrufe' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calls for proposals' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const card = page.getByRole('article', { name: 'Neighbourhood projects in rural areas' });
    const text = ((await card.textContent()) ?? '').replace(/\u00a0|\u202f/g, ' ');
    expect(text).toContain(`Applications until 31 March ${year} at 23:59`);
    expect(text).toContain('You can apply for a grant of up to €15,000.00.');
    expect(text).toContain('The grant covers at most 87.5% of the eligible costs.');
    expect(text).toContain('This call has a total budget of €2,450,000.00.');
    expect(text).toContain('Competition: after the deadline');
    // No German left on the page outside the language switch (which names its language in German).
    const body = await page.locator('body').textContent();
    expect(body).not.toMatch(/Förderaufrufe|Anmelden|Registrieren|Zuwendung|Anträge/);

    await expectNoAxeViolations(page);
    await screenshot(page, 'calls-en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Calls for proposals' }).waitFor();
  });
});
