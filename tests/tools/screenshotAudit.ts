/** Not a test: screenshots of the audit log (wide, filtered by About, and on a phone), with axe's findings (npx tsx tests/tools/screenshotAudit.ts OUTDIR). */
import { AUTOMATIC_CLEAN_UP_ACTOR } from '../../src/audit/auditActors.js';
import type { AuditEntry } from '../../src/audit/auditEvents.js';
import { createAuditRepository } from '../../src/repositories/auditRepository.js';
import { TEST_PASSWORD } from '../support/accounts.js';
import { memberOf } from '../support/archive.js';
import { makeDataDir, removeDataDir, startApp } from '../support/testApp.js';
import { screenshotSession } from '../support/screenshotTool.js';

const out = process.argv[2] ?? '/tmp/shots';
const running = await startApp(makeDataDir());
const { database } = running;
const admin = await memberOf(running.app, database, 'tamar@crp.example', 'admin', 'Caucasus Risk Partners', 'Tamar Kapanadze');
const lela = await memberOf(running.app, database, 'lela@crp.example', 'compliance', 'Caucasus Risk Partners', 'Lela Jafarova');
const org = admin.user.organisationId;
const tamar = { userId: admin.user.id, name: 'Tamar Kapanadze' };
const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const reportId = '7d1f0c2e-5b8a-4e61-9f3d-2a6c8b0e4f17';
const assessmentId = '3c9e7a15-8f2b-4d60-b1e4-6a0d2c5f9e83';
// What the code records, with realistic particulars, a day apart.
const entries: Omit<AuditEntry, 'organisationId' | 'ip'>[] = [
  { event: 'user.invited', actor: tamar, subject: 'lela@crp.example', detail: { role: 'compliance' } },
  { event: 'report.issued', actor: tamar, subject: 'RP-2026-000001 rev 1', detail: { reportId, assessmentId, sha256: sha, companyName: 'Şəki İpək MMC' } },
  { event: 'assessment.shared', actor: tamar, subject: 'Şəki İpək MMC', detail: { assessmentId, days: 30 } },
  { event: 'assessment.exported', actor: { userId: null, name: null }, subject: 'Şəki İpək MMC', detail: { assessmentId, format: 'xlsx', via: 'read_only_link' } },
  { event: 'report.verified', actor: { userId: null, name: null }, subject: 'RP-2026-000001', detail: { revision: 1, method: 'file' } },
  { event: 'legal_hold.placed', actor: { userId: lela.user.id, name: 'Lela Jafarova' }, subject: 'RP-2026-000001', detail: { reason: 'Tax inspection 2026/114 (Revenue Service of Georgia)' } },
  { event: 'report.downloaded', actor: { userId: lela.user.id, name: 'Lela Jafarova' }, subject: 'RP-2026-000001 rev 1', detail: { reportId, sha256: sha } },
  { event: 'archive.exported', actor: { userId: lela.user.id, name: 'Lela Jafarova' }, subject: null, detail: { client: 'şəki', from: '2026-10-01', to: '2026-10-31', issuer: admin.user.id, count: 2 } },
  { event: 'legal_hold.released', actor: { userId: lela.user.id, name: 'Lela Jafarova' }, subject: 'RP-2026-000001', detail: { placedAt: '2026-11-06T09:00:00.000Z', reason: 'Tax inspection 2026/114 (Revenue Service of Georgia)' } },
  { event: 'user.role_changed', actor: tamar, subject: 'nino@crp.example', detail: { oldRole: 'consultant', newRole: 'admin' } },
  { event: 'signin.failed', actor: { userId: null, name: null }, subject: 'nino@crp.example', detail: { reason: 'wrong_password' } },
  { event: 'report.disposed', actor: AUTOMATIC_CLEAN_UP_ACTOR, subject: 'RP-2019-000004 rev 1', detail: { reportId, issuedAt: '2019-03-04T10:11:12.000Z', sha256: sha, retentionYears: 7 } },
];
const repository = createAuditRepository(database.db);
for (const [i, entry] of entries.entries()) await repository.append({ ...entry, organisationId: org, ip: '203.0.113.10' }, new Date(Date.UTC(2026, 10, 1 + i, 9, 0, 0)));

const { base, browser, shot, close } = await screenshotSession(running, out);
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await page.goto(`${base}/sign-in`);
await page.fill('#email', 'lela@crp.example');
await page.fill('#password', TEST_PASSWORD);
await page.click('button[type=submit]');
await page.goto(`${base}/audit`);
await shot(page, 'audit-wide');
await page.fill('#about', 'rp-2026-000001');
await page.click('button:has-text("Apply filters")');
await shot(page, 'audit-about');
await page.setViewportSize({ width: 375, height: 800 });
await page.goto(`${base}/audit?about=RP-2026-000001`);
await shot(page, 'audit-phone');

await close();
await running.stop();
removeDataDir(running.dataDir);
