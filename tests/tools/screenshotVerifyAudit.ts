/** Not a test: screenshots of the verify page (empty, match, no match, error) and the audit page, with axe's findings (npx tsx tests/tools/screenshotVerifyAudit.ts OUTDIR). */
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Page } from 'playwright-core';
import { createBrandingRepository } from '../../src/repositories/brandingRepository.js';
import { createUserDirectly, TEST_PASSWORD } from '../support/accounts.js';
import { seedIssuedReport } from '../support/issued.js';
import { makeDataDir, removeDataDir, startApp } from '../support/testApp.js';

const out = process.argv[2] ?? '/tmp/shots';
const running = await startApp(makeDataDir());
const admin = await createUserDirectly(running.database, { organisationName: 'Caucasus Risk Partners', email: 'nino@crp.example', role: 'admin', displayName: 'Nino Beridze' });
await createUserDirectly(running.database, { organisationName: 'Caucasus Risk Partners', email: 'tamar@crp.example', role: 'compliance', displayName: 'Tamar Lomidze' });
await createBrandingRepository(running.database.db).saveFirmName(admin.organisationId, 'CRP Consulting', new Date().toISOString());
const issue = await seedIssuedReport(running.database, { organisationId: admin.organisationId, clientName: 'Kartli Logistics', revision: 2 });
const original = `${out}/original.pdf`;
const altered = `${out}/altered.pdf`;
writeFileSync(original, issue.pdf);
const changed = Buffer.from(issue.pdf);
const at = Math.floor(changed.length / 2);
changed[at] = (changed[at] ?? 0) ^ 1;
writeFileSync(altered, changed);
writeFileSync(`${out}/not-a-pdf.pdf`, '<html>not a pdf</html>');

const server = running.app.listen(0, '127.0.0.1');
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  process.stdout.write(`${name}: ${found.length === 0 ? 'no axe violations' : found.join('; ')}\n`);
}

const newPage = async (width = 1100) => (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
const visitor = await newPage();
await visitor.goto(`${base}/`);
await visitor.click('footer >> text=Verify a report');
await shot(visitor, 'verify-empty');
await visitor.setInputFiles('#pdf', original);
await visitor.click('form[action="/verify"] button[type=submit]');
await shot(visitor, 'verify-match');
await visitor.setInputFiles('#pdf', altered);
await visitor.click('form[action="/verify"] button[type=submit]');
await shot(visitor, 'verify-no-match');
await visitor.fill('#sha256', 'not-a-hash');
await visitor.click('form[action="/verify"] button[type=submit]');
await shot(visitor, 'verify-error-hash');
await visitor.setInputFiles('#pdf', `${out}/not-a-pdf.pdf`);
await visitor.fill('#sha256', '');
await visitor.click('form[action="/verify"] button[type=submit]');
await shot(visitor, 'verify-error-type');
await visitor.fill('#sha256', issue.pdf_sha256.toUpperCase());
await visitor.click('form[action="/verify"] button[type=submit]');

const page = await newPage();
await page.goto(`${base}/sign-in`);
await page.fill('#email', 'tamar@crp.example');
await page.fill('#password', TEST_PASSWORD);
await page.click('button[type=submit]');
await page.click('a[href="/audit"]');
await shot(page, 'audit');
await page.goto(`${base}/audit?event=nonsense&from=2026-02-30`);
await shot(page, 'audit-error');
await page.goto(`${base}/audit?event=report.verified`);
await shot(page, 'audit-filtered');
const phone = await newPage(380);
await phone.goto(`${base}/sign-in`);
await phone.fill('#email', 'nino@crp.example');
await phone.fill('#password', TEST_PASSWORD);
await phone.click('button[type=submit]');
await phone.goto(`${base}/audit`);
await shot(phone, 'audit-phone');
await browser.close();
server.close();
await running.stop();
removeDataDir(running.dataDir);
