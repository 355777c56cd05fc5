/** Not a test: takes screenshots of the firm's pages for a person to look at (npx tsx tests/tools/screenshotPractice.ts OUTDIR). */
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { createUserDirectly, TEST_PASSWORD } from '../support/accounts.js';
import { makeDataDir, removeDataDir, startApp } from '../support/testApp.js';

const out = process.argv[2] ?? '/tmp/shots';
const running = await startApp(makeDataDir());
await createUserDirectly(running.database, { organisationName: 'Caucasus Risk Partners', email: 'nino@crp.example', role: 'consultant', displayName: 'Nino Beridze' });
const server = running.app.listen(0, '127.0.0.1');
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
const shot = (name: string) => page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
await page.goto(`${base}/sign-in`);
await page.fill('#email', 'nino@crp.example');
await page.fill('#password', TEST_PASSWORD);
await page.click('button[type=submit]');
await page.goto(`${base}/clients`);
await shot('clients-empty');
await page.goto(`${base}/clients/new`);
await page.fill('#contactEmail', 'not-an-email');
await page.click('form[action="/clients"] button[type=submit]');
await shot('client-form-errors');
for (const [name, country] of [['Şəki İpək MMC', 'AZ'], ['შპს ქართლი ლოჯისტიკა', 'GE_AZ'], ['Tiflis Code LLC', 'GE']] as const) {
  await page.goto(`${base}/clients/new`);
  await page.fill('#name', name);
  await page.check(`input[name=country][value=${country}]`);
  await page.fill('#sector', 'Haulage');
  await page.click('form[action="/clients"] button[type=submit]');
  await page.click('text=Start an assessment');
}
await page.goto(`${base}/clients`);
await shot('clients');
await page.click('text=Tiflis Code LLC');
await shot('client');
await page.goto(`${base}/assessments?band=purple&from=2026-13-01`);
await shot('assessments-bad-filter');
await page.goto(`${base}/assessments`);
await shot('assessments');
await page.click('table a >> nth=1');
await shot('assessment-tasks');
await browser.close();
server.close();
await running.stop();
removeDataDir(running.dataDir);
