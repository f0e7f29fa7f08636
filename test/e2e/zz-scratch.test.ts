import { it } from 'vitest';
import { aCall } from '../support/calls.ts';
import { givenCall, givenDraft, givenOrganisation, givenUser } from '../support/local-stack.ts';
import { aPdf, signInAndOpen } from './support/applicant.ts';
import { launchBrowser, newPage } from './support/browser.ts';

it('debug', async () => {
  const call = await givenCall(aCall({ requiredDocuments: [{ id: 'satzung', label: { de: 'Satzung', en: 'Articles' }, mandatory: true }] }));
  const u = await givenUser(['applicant'], 'dbg');
  const org = await givenOrganisation([u]);
  const d = await givenDraft(u, org, call.id, 'Debug draft');
  const browser = await launchBrowser();
  const page = await newPage(browser);
  await signInAndOpen(page, `/applications/${d.id}`, u.email);
  await page.getByText('0 von 1 Pflichtunterlagen hochgeladen und geprüft.').waitFor();
  const pdf = await aPdf('x', 1_200_000);
  console.log('size', pdf.length);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  await page.evaluate(() => {
    (window as any).seen = [];
    const t0 = performance.now();
    setInterval(() => { const p = document.querySelector('progress'); (window as any).seen.push([Math.round(performance.now() - t0), p ? p.value : null, document.querySelector('.documents-panel')?.textContent?.slice(-80)]); }, 250);
  });
  await page.getByLabel('Datei für „Satzung“ auswählen').setInputFiles({ name: 'a.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Hochladen (Satzung)' }).click();
  await page.waitForTimeout(12000);
  console.log(JSON.stringify(await page.evaluate(() => (window as any).seen.filter((_: unknown, i: number) => i % 4 === 0))));
  await browser.close();
});
