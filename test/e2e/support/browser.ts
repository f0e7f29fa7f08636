import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../../infra/constructs/app-function.ts';
import { stack } from '../../support/local-stack.ts';

/**
 * The browser for the end-to-end tests: Debian's Chromium (`apt-get install chromium`; another binary
 * with FOERDERFLOW_CHROMIUM) driven by playwright-core, against the e2e run's own local stack, whose
 * gateway serves the built portal (see global-setup.ts).
 */
const CHROMIUM = process.env.FOERDERFLOW_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium still calls Google hosts despite the flags above; only loopback resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-results', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export interface PageOptions {
  /** The browser's language (Accept-Language, navigator.language); the portal still starts in German. */
  locale?: string;
  /** The browser's time zone: dates must show Berlin time whatever it is. Default Europe/Berlin. */
  timezoneId?: string;
}

/** A page in a fresh context (own storage, so no session leaks between tests) on the portal's origin. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  // AxeBuilder needs a page from a context made with newContext(), not browser.newPage().
  const context = await browser.newContext({
    baseURL: stack().apiUrl,
    locale: options.locale ?? 'de-DE',
    timezoneId: options.timezoneId ?? 'Europe/Berlin',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  // A page error is a failed test, not a line in a log nobody reads.
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** axe-core finds nothing against WCAG 2.1 A and AA on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id} [${v.impact}] ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Slows the page's uploads to `bytesPerSecond` (Chromium's network emulation), so the progress of an
 * upload of about a megabyte can be watched; the returned function lifts the limit again.
 */
export async function throttleUploads(page: Page, bytesPerSecond: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const conditions = (uploadThroughput: number, latency: number) =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency,
      downloadThroughput: -1,
      uploadThroughput,
    });
  await conditions(bytesPerSecond, 20);
  return async () => {
    await conditions(-1, 0);
  };
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Presses Tab until the focused element's label or text matches, as a keyboard user would move to it;
 * fails if it is not reachable within `maxTabs` presses.
 */
export async function tabTo(page: Page, name: string | RegExp, maxTabs = 30): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text.trim() === name : name.test(text));
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focusedName(page))) return;
  }
  throw new Error(`could not reach ${String(name)} with ${maxTabs} presses of Tab`);
}

/** The focused element's label (for a form control) or its text. */
export async function focusedName(page: Page): Promise<string> {
  const focused = page.locator(':focus');
  if ((await focused.count()) === 0) return '';
  const id = await focused.getAttribute('id');
  const label = id ? page.locator(`label[for="${id}"]`) : undefined;
  if (label && (await label.count()) > 0) return (await label.textContent()) ?? '';
  return (await focused.getAttribute('aria-label')) ?? (await focused.textContent()) ?? '';
}

/** The text of the element that has the keyboard focus. */
export async function focusedText(page: Page): Promise<string> {
  return ((await page.locator(':focus').textContent()) ?? '').trim();
}
