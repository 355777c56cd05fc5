/** Not a test: screenshots of the archive, a report's page, the answers it was issued on and the disposal page, with axe's findings (npx tsx tests/tools/screenshotArchive.ts OUTDIR). */
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../support/accounts.js';
import { disposeDirectly, memberOf } from '../support/archive.js';
import { seedIssuedReport } from '../support/issued.js';
import { issueIdFrom, issueReport } from '../support/issuing.js';
import { addClient, startAssessmentOf } from '../support/practice.js';
import { answersFor, everyExposureProfile, postSection, walkAllSections } from '../support/walk.js';
import { makeDataDir, removeDataDir, startApp } from '../support/testApp.js';
import { screenshotSession } from '../support/screenshotTool.js';

const out = process.argv[2] ?? '/tmp/shots';
const running = await startApp(makeDataDir());
const { database } = running;
const admin = await memberOf(running.app, database, 'tamar@crp.example', 'admin', 'Caucasus Risk Partners', 'Tamar Kapanadze');
await memberOf(running.app, database, 'lela@crp.example', 'compliance', 'Caucasus Risk Partners', 'Lela Jafarova');
const nino = await memberOf(running.app, database, 'nino@crp.example', 'consultant', 'Caucasus Risk Partners', 'Nino Beridze');
const org = admin.user.organisationId;
const clients = ['Kartli Logistics', 'Şəki İpək MMC', 'Тбилиси Транс', 'Absheron Foods', 'Tiflis Code'];
const bands = ['low', 'medium', 'high', 'critical', null] as const;
const years = 365.25 * 24 * 3600 * 1000;
// Old issues first (due for disposal), then a year of recent ones.
const old = [];
for (let i = 0; i < 3; i += 1) old.push(await seedIssuedReport(database, { organisationId: org, clientName: clients[i], band: bands[i], issuedAt: new Date(Date.now() - (8 + i) * years), issuedByUserId: nino.user.id, issuedByName: 'Nino Beridze' }));
let last;
for (let i = 0; i < 24; i += 1) {
  last = await seedIssuedReport(database, {
    organisationId: org,
    clientName: clients[i % clients.length],
    band: bands[i % bands.length],
    issuedAt: new Date(Date.UTC(2026, 0, 5 + i * 13, 9, 30)),
    ...(i % 3 === 0 ? { issuedByUserId: admin.user.id, issuedByName: 'Tamar Kapanadze' } : { issuedByUserId: nino.user.id, issuedByName: 'Nino Beridze' }),
  });
}
const revised = await seedIssuedReport(database, { organisationId: org, clientName: last?.client_name ?? '', reportNumber: last?.report_number ?? '', revision: 2, band: 'medium', issuedAt: new Date(Date.UTC(2026, 10, 20, 14, 5)), issuedByUserId: nino.user.id, issuedByName: 'Nino Beridze' });
const disposed = await seedIssuedReport(database, { organisationId: org, clientName: 'Absheron Foods', band: 'high', issuedAt: new Date(Date.now() - 9.5 * years), issuedByName: 'Former Consultant' });
await disposeDirectly(database, disposed.id, 'Tamar Kapanadze');
// A real issue through the app, for the page of the answers it was issued on: one question left
// blank, a note with a line break.
const profile = { ...everyExposureProfile, company_name: 'Kartli Logistics LLC', sector: 'transport_logistics', prepared_by: '' };
const assessment = await startAssessmentOf(nino.agent, await addClient(nino.agent, { name: 'Kartli Logistics' }));
const { answers } = await walkAllSections(nino.agent, profile, assessment);
await postSection(nino.agent, 'profile', { ...answersFor('profile', answers, profile), energy_dependence__note: 'Generator at the Rustavi depot, not tested since March.\nFuel for two days.' }, 'continue', assessment);
const issued = issueIdFrom(await issueReport(nino.agent, assessment));

const { base, browser, shot, close } = await screenshotSession(running, out);

async function signedIn(email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  await page.goto(`${base}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', TEST_PASSWORD);
  await page.click('button[type=submit]');
  return page;
}

const lela = await signedIn('lela@crp.example');
await lela.goto(`${base}/archive`);
await shot(lela, 'archive-list');
// On a phone each report is a card: every value with its column's name.
await lela.setViewportSize({ width: 375, height: 800 });
await lela.goto(`${base}/archive?client=${encodeURIComponent('Şəki')}`);
await shot(lela, 'archive-list-phone');
await lela.setViewportSize({ width: 1200, height: 900 });
await lela.goto(`${base}/archive?client=${encodeURIComponent('şəki')}&number=RP_&band=purple&from=2026-02-30`);
await shot(lela, 'archive-filter-errors');
await lela.goto(`${base}/archive/reports/${revised.id}`);
await shot(lela, 'archive-report');
await lela.click('button:has-text("Place a legal hold")');
await shot(lela, 'archive-report-hold-error');
await lela.fill('#reason', 'Tax inspection 2026/114 (Revenue Service of Georgia): keep every issue for the inspector.');
await lela.click('button:has-text("Place a legal hold")');
await shot(lela, 'archive-report-held');
await lela.goto(`${base}/archive/reports/${old[1]?.id ?? ''}`);
await lela.fill('#reason', 'Insurance claim 77-A, still open.');
await lela.click('button:has-text("Place a legal hold")');
await lela.goto(`${base}/archive/reports/${disposed.id}`);
await shot(lela, 'archive-report-disposed');
await lela.goto(`${base}/archive/reports/${disposed.id}/report.pdf`);
await shot(lela, 'archive-download-disposed');
await lela.goto(`${base}/archive/reports/${issued}`);
await shot(lela, 'archive-report-issued');
await lela.click('a:has-text("Answers it was issued on")');
await shot(lela, 'archive-answers');
await lela.setViewportSize({ width: 390, height: 844 });
await shot(lela, 'archive-answers-narrow');
await lela.setViewportSize({ width: 1200, height: 900 });
await lela.goto(`${base}/archive/reports/${disposed.id}/answers`);
await shot(lela, 'archive-answers-disposed');

const tamar = await signedIn('tamar@crp.example');
await tamar.goto(`${base}/archive/disposal`);
await shot(tamar, 'archive-disposal');
await tamar.click('button.button--warning');
await shot(tamar, 'archive-disposal-done');

await close();
await running.stop();
removeDataDir(running.dataDir);
