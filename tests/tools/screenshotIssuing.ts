/** Not a test: screenshots of issuing (results section, issued list) with axe's findings, and the issued PDF (npx tsx tests/tools/screenshotIssuing.ts OUTDIR). */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../support/accounts.js';
import { addClient, signedInAs, startAssessmentOf } from '../support/practice.js';
import { renameCompany } from '../support/issuing.js';
import { createUserDirectly } from '../support/accounts.js';
import { screenshotSession } from '../support/screenshotTool.js';
import { makeDataDir, removeDataDir, startApp } from '../support/testApp.js';
import { everyExposureProfile, walkAllSections } from '../support/walk.js';

const out = process.argv[2] ?? '/tmp/shots';
const running = await startApp(makeDataDir());
const consultant = await signedInAs(running.app, running.database, 'nino@crp.example', 'consultant', 'Caucasus Risk Partners', 'Nino Beridze');
await createUserDirectly(running.database, { organisationName: 'Caucasus Risk Partners', email: 'lela@crp.example', role: 'compliance', displayName: 'Lela Kapanadze' });
const assessment = await startAssessmentOf(consultant, await addClient(consultant, { name: 'Kartli Logistics' }));
const { answers } = await walkAllSections(consultant, everyExposureProfile, assessment);
const { base, browser, shot, close } = await screenshotSession(running, out);

async function signedIn(email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
  await page.goto(`${base}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', TEST_PASSWORD);
  await page.click('button[type=submit]');
  return page;
}

const page = await signedIn('nino@crp.example');
await page.goto(`${base}${assessment}/results`);
await page.locator('#issue-report-title').scrollIntoViewIfNeeded();
await shot(page, 'results-issue-section');
await page.click('form.issue-form button');
await shot(page, 'issued-first');
// Issuing again from the results page with nothing changed.
await page.goto(`${base}${assessment}/results`);
await page.click('form.issue-form button');
await shot(page, 'issued-unchanged');
await renameCompany(consultant, answers, 'Kartli Logistics Group LLC', assessment);
await page.goto(`${base}${assessment}/issued`);
await shot(page, 'issued-changed');
await page.click('form.issue-form button');
await shot(page, 'issued-rev2');
const mobile = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
await mobile.context().addCookies(await page.context().cookies());
await mobile.goto(`${base}${assessment}/issued`);
await shot(mobile, 'issued-narrow');

const compliance = await signedIn('lela@crp.example');
await compliance.goto(`${base}${assessment}/results`);
await shot(compliance, 'results-compliance');
await compliance.goto(`${base}${assessment}/issued`);
await shot(compliance, 'issued-compliance');

const issues = await running.database.db.selectFrom('issued_reports').select(['id', 'revision']).orderBy('revision', 'asc').execute();
for (const issue of issues) {
  const row = await running.database.db.selectFrom('issued_report_contents').select('pdf').where('report_id', '=', issue.id).executeTakeFirstOrThrow();
  writeFileSync(`${out}/issued-rev${issue.revision}.pdf`, Buffer.from(row.pdf));
}
await close();
await running.stop();
removeDataDir(running.dataDir);
