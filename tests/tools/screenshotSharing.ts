/** Not a test: screenshots of the share page and a shared results page, with axe's findings (npx tsx tests/tools/screenshotSharing.ts OUTDIR). */
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../support/accounts.js';
import { addClient, signedInAs, startAssessmentOf } from '../support/practice.js';
import { makeDataDir, removeDataDir, startApp } from '../support/testApp.js';
import { everyExposureProfile, walkAllSections } from '../support/walk.js';
import { serveInChromium, shotWithAxe } from './served.js';

const out = process.argv[2] ?? '/tmp/shots';
const running = await startApp(makeDataDir());
// The assessment is answered through the app's own forms (as the tests do); the pages are then looked at in Chromium.
const consultant = await signedInAs(running.app, running.database, 'nino@crp.example', 'consultant', 'Caucasus Risk Partners', 'Nino Beridze');
const assessment = await startAssessmentOf(consultant, await addClient(consultant, { name: 'Kartli Logistics' }));
await walkAllSections(consultant, everyExposureProfile, assessment);
const { server, base, browser } = await serveInChromium(running);
const shot = (page: Page, name: string) => shotWithAxe(page, out, name);

const newPage = async () => (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
const page = await newPage();
await page.goto(`${base}/sign-in`);
await page.fill('#email', 'nino@crp.example');
await page.fill('#password', TEST_PASSWORD);
await page.click('button[type=submit]');
await page.goto(`${base}${assessment}/results`);
await shot(page, 'results-with-share-button');
await page.click('text=Share read-only');
await shot(page, 'share-empty');
await page.fill('#days', '400');
await page.click('form[action$="/share"] button[type=submit]');
await shot(page, 'share-error');
await page.fill('#days', '7');
await page.click('form[action$="/share"] button[type=submit]');
const first = (await page.locator('.resume-link a').textContent()) ?? '';
await page.fill('#days', '30');
await page.click('form[action$="/share"] button[type=submit]');
await shot(page, 'share-created');
// Withdraw the first link (the list is newest first).
await page.locator('form[action$="/withdraw"] button').nth(1).click();
await shot(page, 'share-withdrawn');

const client = await newPage();
const sharedPath = new URL(first).pathname;
await client.goto(`${base}${sharedPath}`);
await shot(client, 'shared-withdrawn-404');
await page.goto(`${base}${assessment}/share`);
// A fresh link, opened by a signed-out browser.
await page.fill('#days', '30');
await page.click('form[action$="/share"] button[type=submit]');
const fresh = new URL((await page.locator('.resume-link a').textContent()) ?? '').pathname;
await client.goto(`${base}${fresh}`);
await shot(client, 'shared-results');
await client.goto(`${base}${fresh.replace(/\/results$/, '/report')}`);
await shot(client, 'shared-report');
await browser.close();
server.close();
await running.stop();
removeDataDir(running.dataDir);
