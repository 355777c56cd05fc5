import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { formatDate } from '../../src/report/model/context.js';
import { createBrandingRepository } from '../../src/repositories/brandingRepository.js';
import type { ThrottleSettings } from '../../src/web/middleware/throttles.js';
import { createUserDirectly } from '../support/accounts.js';
import { csrfTokenFrom, formBody } from '../support/forms.js';
import { seedIssuedReport } from '../support/issued.js';
import { useAppsWithSettings } from '../support/lifecycle.js';
import { memoryLog } from '../support/memoryLog.js';
import { FIRM, OTHER_FIRM, signedInAs } from '../support/practice.js';
import { rowCounts } from '../support/rowCounts.js';
import { testStore, type RunningApp } from '../support/testApp.js';
import { newAgent, type Agent } from '../support/walk.js';

const VISITOR_IP = '203.0.113.9';
const NOT_ISSUED = 'Not a RiskPlan issue';
const GENUINE = 'This is a genuine RiskPlan issue';

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A browser at one client address (the app trusts one proxy in these tests). */
function visitorAt(running: RunningApp, address = VISITOR_IP): Agent {
  return newAgent(running.app).set('X-Forwarded-For', address);
}

/** Uploads a file on the verify page as a browser does (multipart, with the page's form token). */
async function uploadPdf(agent: Agent, bytes: Buffer, fileName = 'report.pdf', contentType = 'application/pdf') {
  const page = await agent.get('/verify').expect(200);
  return agent.post('/verify').field('_csrf', csrfTokenFrom(page.text)).attach('pdf', bytes, { filename: fileName, contentType });
}

/** Pastes a SHA-256 on the verify page (multipart, as the page's form posts it, with no file chosen). */
async function pasteSha256(agent: Agent, value: string) {
  const page = await agent.get('/verify').expect(200);
  return agent.post('/verify').field('_csrf', csrfTokenFrom(page.text)).field('sha256', value).attach('pdf', Buffer.alloc(0), '');
}

/** The text of the answer panel, tags stripped. */
function resultText(html: string): string {
  const panel = /<div class="panel verify-result[^"]*"[^>]*>([\s\S]*?)<\/div>\s*<h2/.exec(html)?.[1] ?? '';
  return panel.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The error summary's links: [href, text]. */
function errorLinks(html: string): [string, string][] {
  const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((match) => [match[1] ?? '', match[2] ?? '']);
}

async function auditRows(database: Database) {
  return database.db.selectFrom('audit_log').selectAll().orderBy('at').execute();
}

/** A firm with a firm name set for its reports, and one issued report of it. */
async function firmWithIssue(database: Database) {
  const admin = await createUserDirectly(database, { organisationName: FIRM, email: 'admin@crp.example', role: 'admin', displayName: 'Tamar Admin' });
  await createBrandingRepository(database.db).saveFirmName(admin.organisationId, 'CRP Consulting', new Date().toISOString());
  const issue = await seedIssuedReport(database, {
    organisationId: admin.organisationId,
    clientName: 'Kartli Logistics',
    companyName: 'Kartli Logistics LLC',
    issuedByName: 'Nino Beridze',
    revision: 1,
    issuedAt: new Date('2026-11-20T10:15:00Z'),
  });
  return { admin, issue };
}

describe(`verifying a PDF (${testStore})`, () => {
  const startApp = useAppsWithSettings();
  const started = (options: Parameters<typeof startApp>[0] = {}) => startApp({ trustProxy: 1, ...options });

  it('shows an original PDF as genuine with its number, revision, date and firm, and nothing else; records the check in the firm’s log', async () => {
    const running = await started();
    const { admin, issue } = await firmWithIssue(running.database);
    const visitor = visitorAt(running);

    const page = await visitor.get('/verify').expect(200);
    expect(page.text).toContain('Check a RiskPlan report');
    expect(page.text).toMatch(/<form method="post" action="\/verify" enctype="multipart\/form-data" novalidate>/);

    const answer = await uploadPdf(visitor, issue.pdf);
    expect(answer.status).toBe(200);
    const text = resultText(answer.text);
    expect(text).toContain(GENUINE);
    expect(text).toContain(`Report number ${issue.report_number}`);
    expect(text).toContain('Revision 1');
    expect(text).toContain(`Issued on ${formatDate(new Date('2026-11-20T10:15:00Z'))}`);
    expect(text).toContain('Issued by CRP Consulting');
    // Nothing of the report's content or its people: not the client, not the issuer, not the rating.
    for (const absent of ['Kartli', 'Nino', 'High', 'high', 'disposed']) expect(answer.text, absent).not.toContain(absent);
    // The hash of the checker's own file, which they hold anyway: it ties a printout of the answer to the file.
    expect(text).toContain(`SHA-256 of what you checked: ${issue.pdf_sha256}`);

    const rows = await auditRows(running.database);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      event: 'report.verified',
      organisation_id: admin.organisationId,
      actor_user_id: null,
      actor_name: null,
      ip: VISITOR_IP,
      subject: issue.report_number,
    });
    expect(JSON.parse(rows[0]?.detail ?? '{}')).toEqual({ revision: 1, method: 'file' });
  });

  it('says "not a RiskPlan issue" for the same PDF with one byte changed, stores nothing for it, and logs neither its bytes nor its hash', async () => {
    const log = memoryLog();
    const running = await started({ logger: log.logger });
    const { issue } = await firmWithIssue(running.database);
    const visitor = visitorAt(running);
    const altered = Buffer.from(issue.pdf);
    // One byte of the page's content stream, far from the header: still a PDF by its content.
    const at = Math.floor(altered.length / 2);
    altered[at] = (altered[at] ?? 0) ^ 0x01;

    // The first check from an address starts its throttling counter: the one row it may add.
    const first = await uploadPdf(visitor, altered);
    expect(first.status).toBe(200);
    expect(resultText(first.text)).toContain(NOT_ISSUED);
    expect(resultText(first.text)).toContain('changed, even by one byte');
    expect(resultText(first.text)).toContain('a draft that was never issued');
    expect(resultText(first.text)).not.toContain(GENUINE);
    // The answer names what was checked, so a printout of it is tied to the file.
    expect(resultText(first.text)).toContain(`SHA-256 of what you checked: ${sha256(altered)}`);

    const before = await rowCounts(running.database.db);
    const again = await uploadPdf(visitor, altered);
    expect(resultText(again.text)).toContain(NOT_ISSUED);
    const pasted = await pasteSha256(visitor, sha256(altered));
    expect(resultText(pasted.text)).toContain(NOT_ISSUED);
    expect(await rowCounts(running.database.db)).toEqual(before);
    expect(before.audit_log).toBe(0);
    expect(before.sessions).toBe(0);

    const logged = log.text();
    expect(logged).toContain('verify: no issued report matches');
    expect(logged).not.toContain(sha256(altered));
    expect(logged).not.toContain(altered.subarray(0, 16).toString('latin1'));
    expect(logged).not.toContain('report.pdf');
  });

  it('matches a pasted SHA-256, in lower or upper case and with spaces around it, and refuses a malformed one with the form again', async () => {
    const running = await started();
    const { issue } = await firmWithIssue(running.database);
    const visitor = visitorAt(running);

    for (const typed of [issue.pdf_sha256, `  ${issue.pdf_sha256.toUpperCase()} \n`]) {
      const answer = await pasteSha256(visitor, typed);
      expect(answer.status).toBe(200);
      expect(resultText(answer.text)).toContain(GENUINE);
      expect(resultText(answer.text)).toContain(issue.report_number);
    }
    const recorded = await auditRows(running.database);
    expect(recorded.map((row) => JSON.parse(row.detail ?? '{}') as { method: string }).map((detail) => detail.method)).toEqual(['sha256', 'sha256']);

    // An ordinary form post (no file field at all) is read the same way.
    const page = await visitor.get('/verify').expect(200);
    const plain = await visitor.post('/verify').type('form').send(formBody({ _csrf: csrfTokenFrom(page.text), sha256: issue.pdf_sha256 }));
    expect(resultText(plain.text)).toContain(GENUINE);

    for (const typed of [issue.pdf_sha256.slice(1), `${issue.pdf_sha256}0`, `${issue.pdf_sha256.slice(1)}g`, 'sha256:abc', 'x'.repeat(300)]) {
      const refused = await pasteSha256(visitor, typed);
      expect(refused.status, typed).toBe(400);
      expect(errorLinks(refused.text)).toEqual([['#sha256', 'Enter the SHA-256 fingerprint as 64 characters, 0 to 9 and a to f']]);
      expect(refused.text).toContain('<p class="error-message" id="sha256-error">');
      expect(refused.text).toMatch(/<title>Error: Check a RiskPlan report/);
      if (typed.length < 100) expect(refused.text).toContain(`value="${typed}"`);
    }
  });

  it('refuses a file that is not a PDF whatever its name, an empty file, an oversize one, none at all, and both at once: the form again, never a 500', async () => {
    const running = await started();
    const { issue } = await firmWithIssue(running.database);
    const visitor = visitorAt(running);

    const renamed = await uploadPdf(visitor, Buffer.from('<html><body>Not a report</body></html>'), 'report.pdf', 'application/pdf');
    expect(renamed.status).toBe(400);
    expect(errorLinks(renamed.text)).toEqual([['#pdf', 'The file must be a PDF. This file is not one, whatever its name says']]);

    const png = await uploadPdf(visitor, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'report.pdf');
    expect(errorLinks(png.text)).toEqual([['#pdf', 'The file must be a PDF. This file is not one, whatever its name says']]);

    const empty = await uploadPdf(visitor, Buffer.alloc(0), 'report.pdf');
    expect(empty.status).toBe(400);
    expect(errorLinks(empty.text)).toEqual([['#pdf', 'The selected file is empty']]);

    const oversize = Buffer.concat([issue.pdf, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await uploadPdf(visitor, oversize);
    expect(tooLarge.status).toBe(413);
    expect(errorLinks(tooLarge.text)).toEqual([['#pdf', 'The file must be 10 MB or smaller']]);

    const page = await visitor.get('/verify').expect(200);
    const nothing = await visitor.post('/verify').field('_csrf', csrfTokenFrom(page.text)).field('sha256', '  ');
    expect(nothing.status).toBe(400);
    expect(errorLinks(nothing.text)).toEqual([['#pdf', 'Choose a PDF file or paste its SHA-256 fingerprint']]);

    const both = await visitor.post('/verify').field('_csrf', csrfTokenFrom(page.text)).field('sha256', issue.pdf_sha256).attach('pdf', issue.pdf, 'report.pdf');
    expect(both.status).toBe(400);
    expect(errorLinks(both.text)).toEqual([['#pdf', 'Choose a PDF file or paste a fingerprint, not both']]);

    const twoFiles = await visitor.post('/verify').field('_csrf', csrfTokenFrom(page.text)).attach('pdf', issue.pdf, 'a.pdf').attach('pdf', issue.pdf, 'b.pdf');
    expect(twoFiles.status).toBe(400);
    expect(errorLinks(twoFiles.text)).toEqual([['#pdf', 'Choose one PDF file only']]);

    const otherField = await visitor.post('/verify').field('_csrf', csrfTokenFrom(page.text)).attach('logo', issue.pdf, 'a.pdf');
    expect(otherField.status).toBe(400);

    // No form token: refused as every other forged post is, after the body was read and dropped.
    const forged = await newAgent(running.app).post('/verify').attach('pdf', issue.pdf, 'report.pdf');
    expect(forged.status).toBe(403);

    for (const response of [renamed, png, empty, tooLarge, nothing, both, twoFiles, otherField]) {
      expect(response.text).not.toMatch(/at .*\.(ts|js):\d+|MulterError|LIMIT_/);
      expect(response.text).toContain('name="pdf" type="file"');
    }
    expect(await auditRows(running.database)).toHaveLength(0);
  }, 30_000);

  it('says a self-assessment was made without a consultant firm, without naming its company, and records the check with no organisation', async () => {
    const running = await started();
    const issue = await seedIssuedReport(running.database, { organisationId: null, companyName: 'Ganja Textiles LLC', issuedByName: 'Holder of the resume link' });
    const answer = await uploadPdf(visitorAt(running), issue.pdf);
    const text = resultText(answer.text);
    expect(text).toContain(GENUINE);
    expect(text).toContain('Issued by A self-assessment, made without a consultant firm');
    expect(answer.text).not.toContain('Ganja');
    const rows = await auditRows(running.database);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event: 'report.verified', organisation_id: null, subject: issue.report_number, ip: VISITOR_IP });
  });

  it('still verifies a report whose content was disposed of, saying only that the record exists', async () => {
    const running = await started();
    const { admin, issue } = await firmWithIssue(running.database);
    await running.database.db.transaction().execute(async (trx) => {
      await trx.insertInto('report_disposals').values({ report_id: issue.id, disposed_at: new Date().toISOString(), disposed_by_user_id: admin.id, disposed_by_name: 'Tamar Admin' }).execute();
      await trx.deleteFrom('issued_report_contents').where('report_id', '=', issue.id).execute();
    });
    const answer = await uploadPdf(visitorAt(running), issue.pdf);
    const text = resultText(answer.text);
    expect(text).toContain(GENUINE);
    expect(text).toContain(issue.report_number);
    expect(text).toContain('Its content was disposed of at the end of its retention period. Only the record that it was issued remains.');
    expect(answer.text).not.toContain('Tamar');
  });

  it('records a signed-in checker by name, in the issuing firm’s log even when they belong to another firm', async () => {
    const running = await started();
    const { admin, issue } = await firmWithIssue(running.database);
    const other = await signedInAs(running.app, running.database, 'auditor@bag.example', 'compliance', OTHER_FIRM, 'Leyla Mammadova');
    const answer = await pasteSha256(other, issue.pdf_sha256);
    expect(resultText(answer.text)).toContain(GENUINE);
    const rows = await auditRows(running.database);
    const verified = rows.filter((row) => row.event === 'report.verified');
    expect(verified).toHaveLength(1);
    expect(verified[0]).toMatchObject({ organisation_id: admin.organisationId, actor_name: 'Leyla Mammadova', subject: issue.report_number });
    expect(verified[0]?.actor_user_id).not.toBeNull();
  });

  it('lets a visitor check without a session row, and throttles checks per address with the usual 429 page', async () => {
    const limits: ThrottleSettings = {
      assessmentCreation: { attempts: 100, windowSeconds: 3600 },
      resumeAttempts: { attempts: 100, windowSeconds: 3600 },
      verifyAttempts: { attempts: 3, windowSeconds: 900 },
    };
    const running = await started({ throttling: limits });
    const { issue } = await firmWithIssue(running.database);
    const visitor = visitorAt(running);
    const page = await visitor.get('/verify').expect(200);
    expect(String(page.headers['set-cookie'])).toMatch(/riskplan\.csrf=/);
    expect(String(page.headers['set-cookie'])).not.toMatch(/riskplan\.sid=/);

    for (let i = 0; i < 3; i += 1) expect((await uploadPdf(visitor, issue.pdf)).status).toBe(200);
    const refused = await uploadPdf(visitor, issue.pdf);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
    expect(refused.text).toContain('Too many attempts from your network. Try again in 15 minutes.');
    // Malformed input counts too: the limit is on checks, not on matches.
    expect((await pasteSha256(visitor, 'nonsense')).status).toBe(429);
    // Another address is not affected.
    expect((await pasteSha256(visitorAt(running, '198.51.100.4'), issue.pdf_sha256)).status).toBe(200);

    const counts = await rowCounts(running.database.db);
    expect(counts.sessions).toBe(0);
    expect(counts.audit_log).toBe(4);
  });
});
