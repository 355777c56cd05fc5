import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { purgeExpiredData } from '../../src/services/retention.js';
import { auditLines, download, issueLinksOf, memberOf } from '../support/archive.js';
import { csrfTokenFrom, formBody, locationOf } from '../support/forms.js';
import { seedIssuedReport } from '../support/issued.js';
import { useAppsWithSettings, useFreshApp } from '../support/lifecycle.js';
import { OTHER_FIRM, tableRows } from '../support/practice.js';
import { newAgent, startAssessment } from '../support/walk.js';

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;
const yearsAgo = (years: number) => new Date(Date.now() - years * YEAR_MS);

async function contentsOf(database: Database, reportId: string): Promise<number> {
  return (await database.db.selectFrom('issued_report_contents').select('report_id').where('report_id', '=', reportId).execute()).length;
}

/** The disposal page's two parts: the due reports, and those kept by a legal hold. */
function sectionsOf(html: string): { due: string; held: string } {
  const cut = html.indexOf('Kept: legal hold');
  return cut < 0 ? { due: html, held: '' } : { due: html.slice(0, cut), held: html.slice(cut) };
}

/** Places a hold straight in the store (the archive's form is tested in archive.test.ts). */
async function holdDirectly(database: Database, scope: string, reportNumber: string): Promise<void> {
  await database.db
    .insertInto('legal_holds')
    .values({ id: crypto.randomUUID(), scope, report_number: reportNumber, reason: 'Litigation', placed_by_user_id: null, placed_by_name: 'Lela', placed_at: new Date().toISOString(), released_by_user_id: null, released_by_name: null, released_at: null })
    .execute();
}

describe('retention of issued reports', () => {
  const running = useFreshApp();

  it('lists reports past 7 years as due, keeps those under a legal hold apart, and the database refuses their disposal', async () => {
    const { app, database } = running();
    const admin = await memberOf(app, database, 'tamar@crp.example', 'admin', undefined, 'Tamar Admin');
    const org = admin.user.organisationId;
    const old = await seedIssuedReport(database, { organisationId: org, clientName: 'Kartli Logistics', issuedAt: yearsAgo(8) });
    const held = await seedIssuedReport(database, { organisationId: org, clientName: 'Şəki İpək MMC', issuedAt: yearsAgo(7.5) });
    const recent = await seedIssuedReport(database, { organisationId: org, clientName: 'Tiflis Code', issuedAt: yearsAgo(6.9) });
    const stranger = await memberOf(app, database, 'aysel@bag.example', 'admin', OTHER_FIRM);
    const theirs = await seedIssuedReport(database, { organisationId: stranger.user.organisationId, clientName: 'Absheron Foods', issuedAt: yearsAgo(9) });
    await holdDirectly(database, org, held.report_number);

    const page = await admin.agent.get('/archive/disposal').expect(200);
    expect(page.text).toContain('Issued reports are kept for 7 years.');
    const { due, held: kept } = sectionsOf(page.text);
    expect(issueLinksOf(due)).toEqual([old.id]);
    expect(issueLinksOf(kept)).toEqual([held.id]);
    expect(page.text).not.toContain(recent.id);
    expect(page.text).not.toContain(theirs.id);
    expect(page.text).toContain(`<input type="hidden" name="id" value="${old.id}">`);
    expect(page.text).not.toContain(`name="id" value="${held.id}"`);
    expect(page.text).toContain('Dispose of this report');
    expect((await admin.agent.get('/archive').expect(200)).text).toContain('href="/archive/disposal"');

    // The database itself: no disposal under a hold, no content deleted without a disposal.
    await expect(
      database.db.insertInto('report_disposals').values({ report_id: held.id, disposed_at: new Date().toISOString(), disposed_by_user_id: null, disposed_by_name: 'Raw SQL' }).execute(),
    ).rejects.toThrow(/legal hold/);
    await expect(database.db.deleteFrom('issued_report_contents').where('report_id', '=', held.id).execute()).rejects.toThrow(/disposal is recorded/);
    expect(await contentsOf(database, held.id)).toBe(1);
  });

  it('disposes of the confirmed reports, each re-checked, with an audit line each; a download then says when and by whom', async () => {
    const { app, database } = running();
    const admin = await memberOf(app, database, 'tamar@crp.example', 'admin', undefined, 'Tamar Admin');
    const compliance = await memberOf(app, database, 'lela@crp.example', 'compliance');
    const org = admin.user.organisationId;
    const first = await seedIssuedReport(database, { organisationId: org, clientName: 'Kartli Logistics', issuedAt: yearsAgo(9) });
    const second = await seedIssuedReport(database, { organisationId: org, clientName: 'Kartli Logistics', reportNumber: first.report_number, revision: 2, issuedAt: yearsAgo(8) });
    const heldSince = await seedIssuedReport(database, { organisationId: org, clientName: 'Tiflis Code', issuedAt: yearsAgo(8) });
    const recent = await seedIssuedReport(database, { organisationId: org, clientName: 'Tiflis Code', issuedAt: yearsAgo(1) });
    const stranger = await memberOf(app, database, 'aysel@bag.example', 'admin', OTHER_FIRM);
    const theirs = await seedIssuedReport(database, { organisationId: stranger.user.organisationId, clientName: 'Absheron Foods', issuedAt: yearsAgo(9) });

    const page = await admin.agent.get('/archive/disposal').expect(200);
    expect(issueLinksOf(page.text)).toEqual([first.id, second.id, heldSince.id]);
    expect(page.text).toContain('Dispose of these 3 reports');
    // A hold placed after the page was shown keeps its report; ids not due or not the firm's are refused too.
    await holdDirectly(database, org, heldSince.report_number);
    const confirmed = await admin.agent
      .post('/archive/disposal')
      .type('form')
      .send(formBody({ _csrf: csrfTokenFrom(page.text), id: [first.id, second.id, heldSince.id, recent.id, theirs.id] }))
      .expect(303);
    expect(locationOf(confirmed)).toBe('/archive/disposal?disposed=2&skipped=3');
    const after = await admin.agent.get(locationOf(confirmed)).expect(200);
    expect(after.text).toContain('2 reports disposed of.');
    expect(after.text).toContain('3 of the reports you confirmed were not disposed of');
    expect(after.text).toContain('No report is due for disposal.');
    expect(issueLinksOf(sectionsOf(after.text).held)).toEqual([heldSince.id]);

    for (const issue of [first, second]) expect(await contentsOf(database, issue.id)).toBe(0);
    for (const issue of [heldSince, recent, theirs]) expect(await contentsOf(database, issue.id)).toBe(1);
    // The register keeps every record; the disposal says who and when.
    expect((await database.db.selectFrom('issued_reports').select('id').execute()).length).toBe(5);
    const disposals = await database.db.selectFrom('report_disposals').selectAll().orderBy('report_id').execute();
    expect(disposals.map((row) => row.report_id).sort()).toEqual([first.id, second.id].sort());
    expect(disposals.every((row) => row.disposed_by_user_id === admin.user.id && row.disposed_by_name === 'Tamar Admin')).toBe(true);
    const lines = await auditLines(database, 'report.disposed');
    expect(lines.map((line) => line.subject).sort()).toEqual([`${first.report_number} rev 1`, `${first.report_number} rev 2`]);
    expect(lines.every((line) => line.organisation_id === org && line.actor_user_id === admin.user.id && line.ip)).toBe(true);
    expect(JSON.parse(lines.find((line) => line.subject?.endsWith('rev 1'))?.detail ?? '{}')).toEqual({ reportId: first.id, issuedAt: first.issued_at, sha256: first.pdf_sha256, retentionYears: 7 });

    // What the compliance user sees afterwards.
    const gone = await download(compliance.agent, `/archive/reports/${first.id}/report.pdf`).expect(410);
    expect((gone.body as Buffer).toString()).toMatch(new RegExp(`${first.report_number} rev 1 was disposed of on \\d{1,2} \\w+ \\d{4} by Tamar Admin`));
    const list = await compliance.agent.get(`/archive?number=${first.report_number}`).expect(200);
    expect(tableRows(list.text).every((row) => row.includes('Disposed of'))).toBe(true);
    await download(compliance.agent, `/archive/reports/${recent.id}/report.pdf`).expect(200);

    // Confirming again disposes of nothing more.
    const again = await admin.agent.post('/archive/disposal').type('form').send(formBody({ _csrf: csrfTokenFrom(after.text), id: [first.id] })).expect(303);
    expect(locationOf(again)).toBe('/archive/disposal?disposed=0&skipped=1');
    expect(await auditLines(database, 'report.disposed')).toHaveLength(2);
    // Compliance users do not dispose.
    await compliance.agent.post('/archive/disposal').type('form').send(formBody({ _csrf: csrfTokenFrom(list.text), id: [recent.id] })).expect(404);
  });

  it('disposes of anonymous self-assessments’ issued reports past the period in the clean-up, audited with no organisation, and keeps held and recent ones', async () => {
    const { app, database } = running();
    // An abandoned anonymous assessment that issued a report: the clean-up deletes the assessment; its issued report stays (no foreign key).
    const agent = newAgent(app);
    await startAssessment(agent);
    const { id: assessmentId } = await database.db.selectFrom('assessments').select('id').executeTakeFirstOrThrow();
    const survivor = await seedIssuedReport(database, { organisationId: null, assessmentId, companyName: 'Abandoned Freight LLC', issuedAt: yearsAgo(1) });
    await database.db.updateTable('assessments').set({ updated_at: yearsAgo(1).toISOString() }).where('id', '=', assessmentId).execute();
    const due = await seedIssuedReport(database, { organisationId: null, companyName: 'Old Freight LLC', issuedAt: yearsAgo(8) });
    const held = await seedIssuedReport(database, { organisationId: null, companyName: 'Held Freight LLC', issuedAt: yearsAgo(8) });
    await holdDirectly(database, 'anonymous', held.report_number);
    const admin = await memberOf(app, database, 'tamar@crp.example', 'admin');
    const firms = await seedIssuedReport(database, { organisationId: admin.user.organisationId, clientName: 'Kartli Logistics', issuedAt: yearsAgo(8) });

    const counts = await purgeExpiredData(database.db, { abandonedAssessmentDays: 30 });
    expect(counts).toMatchObject({ abandonedAssessments: 1, disposedAnonymousReports: 1 });
    expect(await database.db.selectFrom('assessments').select('id').where('id', '=', assessmentId).execute()).toEqual([]);
    expect(await contentsOf(database, survivor.id)).toBe(1);
    expect(await contentsOf(database, due.id)).toBe(0);
    expect(await contentsOf(database, held.id)).toBe(1);
    // A firm's report waits for its admin.
    expect(await contentsOf(database, firms.id)).toBe(1);

    const disposal = await database.db.selectFrom('report_disposals').selectAll().executeTakeFirstOrThrow();
    expect(disposal).toMatchObject({ report_id: due.id, disposed_by_user_id: null, disposed_by_name: 'Automatic clean-up (anonymous self-assessment past its retention period)' });
    const lines = await auditLines(database, 'report.disposed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ organisation_id: null, actor_user_id: null, actor_name: disposal.disposed_by_name, ip: null, subject: `${due.report_number} rev 1` });
    // Once is enough.
    expect((await purgeExpiredData(database.db, { abandonedAssessmentDays: 30 })).disposedAnonymousReports).toBe(0);
  });
});

describe('the retention period setting', () => {
  const startApp = useAppsWithSettings();

  it('lists reports as due after ISSUED_REPORT_RETENTION_YEARS, and the clean-up uses the same period', async () => {
    const { app, database } = await startApp({ issuedReportRetentionYears: 2 });
    const admin = await memberOf(app, database, 'tamar@crp.example', 'admin');
    const three = await seedIssuedReport(database, { organisationId: admin.user.organisationId, clientName: 'Kartli Logistics', issuedAt: yearsAgo(3) });
    await seedIssuedReport(database, { organisationId: admin.user.organisationId, clientName: 'Kartli Logistics', issuedAt: yearsAgo(1) });
    const page = await admin.agent.get('/archive/disposal').expect(200);
    expect(page.text).toContain('Issued reports are kept for 2 years.');
    expect(issueLinksOf(page.text)).toEqual([three.id]);
    const anonymous = await seedIssuedReport(database, { organisationId: null, issuedAt: yearsAgo(3) });
    expect((await purgeExpiredData(database.db, { abandonedAssessmentDays: 30, issuedReportRetentionYears: 2 })).disposedAnonymousReports).toBe(1);
    expect(await contentsOf(database, anonymous.id)).toBe(0);
  });
});
