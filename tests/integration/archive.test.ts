import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArchiveRepository } from '../../src/repositories/archiveRepository.js';
import { createIssuedReportRepository } from '../../src/repositories/issuedReportRepository.js';
import { auditLines, disposeDirectly, download, filesIn, issueLinksOf, memberOf, removeFolder, sha256Check, unzipped } from '../support/archive.js';
import { csrfTokenFrom, formBody, locationOf, pathOf } from '../support/forms.js';
import { seedIssuedReport } from '../support/issued.js';
import { useFreshApp } from '../support/lifecycle.js';
import { OTHER_FIRM, tableRows } from '../support/practice.js';
import { newAgent } from '../support/walk.js';

const at = (iso: string) => new Date(iso);

describe('the archive of issued reports', () => {
  const running = useFreshApp();

  it('lists only the firm’s issues, newest first, and narrows them by client, number, dates, rating and issuer, alone or together', async () => {
    const { app, database } = running();
    const compliance = await memberOf(app, database, 'lela@crp.example', 'compliance', undefined, 'Lela Compliance');
    const admin = await memberOf(app, database, 'tamar@crp.example', 'admin', undefined, 'Tamar Admin');
    const nino = await memberOf(app, database, 'nino@crp.example', 'consultant', undefined, 'Nino Beridze');
    const org = compliance.user.organisationId;
    const byNino = { issuedByUserId: nino.user.id, issuedByName: 'Nino Beridze' };
    const byTamar = { issuedByUserId: admin.user.id, issuedByName: 'Tamar Admin' };
    const sheki = await seedIssuedReport(database, { organisationId: org, clientName: 'Şəki İpək MMC', band: 'high', issuedAt: at('2025-11-20T10:00:00Z'), ...byNino });
    const kartli1 = await seedIssuedReport(database, { organisationId: org, clientName: 'Kartli Logistics', band: 'critical', issuedAt: at('2026-03-10T23:59:00Z'), ...byNino });
    const kartli2 = await seedIssuedReport(database, {
      organisationId: org,
      clientName: 'Kartli Logistics',
      band: 'medium',
      issuedAt: at('2026-03-11T00:00:00Z'),
      reportNumber: kartli1.report_number,
      revision: 2,
      ...byTamar,
    });
    const tbilisi = await seedIssuedReport(database, { organisationId: org, clientName: 'Тбилиси Транс', band: 'low', issuedAt: at('2026-05-02T08:00:00Z'), ...byTamar });
    // Another firm's and an anonymous self-assessment's issues: never in this archive.
    const stranger = await memberOf(app, database, 'aysel@bag.example', 'compliance', OTHER_FIRM);
    const foreign = await seedIssuedReport(database, { organisationId: stranger.user.organisationId, clientName: 'Kartli Logistics', band: 'high', issuedAt: at('2026-03-10T12:00:00Z') });
    const anonymous = await seedIssuedReport(database, { organisationId: null, companyName: 'Kartli Logistics', issuedAt: at('2026-03-10T12:00:00Z') });

    const listed = async (query: string, status = 200) => {
      const page = await compliance.agent.get(`/archive${query}`);
      expect(page.status, query).toBe(status);
      return issueLinksOf(page.text);
    };
    expect(await listed('')).toEqual([tbilisi.id, kartli2.id, kartli1.id, sheki.id]);
    const page = await compliance.agent.get('/archive').expect(200);
    const rows = tableRows(page.text);
    expect(rows[0]).toContain(`${tbilisi.report_number} rev 1`);
    expect(rows[0]).toContain('Тбилиси Транс');
    expect(rows[0]).toContain('2 May 2026');
    expect(rows[0]).toContain('Tamar Admin');
    expect(rows[0]).toContain('Low');
    expect(rows[0]).toContain(tbilisi.pdf_sha256.slice(0, 12));
    expect(rows[0]).toContain('Kept');
    expect(page.text).toContain(`title="${tbilisi.pdf_sha256}"`);
    expect(page.text).not.toContain(foreign.id);
    expect(page.text).not.toContain(anonymous.id);

    // Client: any case, beyond ASCII, on both stores (folded as the client list folds: NFKC, Unicode lower case).
    expect(await listed(`?client=${encodeURIComponent('ŞƏKI')}`)).toEqual([sheki.id]);
    expect(await listed(`?client=${encodeURIComponent('şəki')}`)).toEqual([sheki.id]);
    expect(await listed(`?client=${encodeURIComponent('тбилиси')}`)).toEqual([tbilisi.id]);
    expect(await listed('?client=kartli')).toEqual([kartli2.id, kartli1.id]);
    expect(await listed('?client=nowhere')).toEqual([]);
    // Number: exact, or its beginning, any case.
    expect(await listed(`?number=${kartli1.report_number}`)).toEqual([kartli2.id, kartli1.id]);
    expect(await listed('?number=rp-2025')).toEqual([sheki.id]);
    // Issue dates, calendar days inclusive (UTC).
    expect(await listed('?from=2026-03-10&to=2026-03-10')).toEqual([kartli1.id]);
    expect(await listed('?from=2026-03-11')).toEqual([tbilisi.id, kartli2.id]);
    expect(await listed('?to=2025-12-31')).toEqual([sheki.id]);
    // Rating and issuer.
    expect(await listed('?band=critical')).toEqual([kartli1.id]);
    expect(await listed(`?issuer=${admin.user.id}`)).toEqual([tbilisi.id, kartli2.id]);
    // Together.
    expect(await listed(`?client=kartli&issuer=${nino.user.id}`)).toEqual([kartli1.id]);
    expect(await listed(`?client=kartli&band=medium&from=2026-03-01&to=2026-03-31&number=RP-2026&issuer=${admin.user.id}`)).toEqual([kartli2.id]);
    expect(await listed('?client=kartli&band=low')).toEqual([]);
    expect((await compliance.agent.get('/archive?client=kartli&band=low').expect(200)).text).toContain('No issued report matches these filters.');

    // Bad values are named in the error summary; the rest still filters, and the form keeps what was typed.
    const wrong = await compliance.agent.get(`/archive?client=kartli&number=${encodeURIComponent('RP_%')}&band=purple&from=2026-13-45&issuer=${stranger.user.id}`).expect(400);
    expect(wrong.text).toContain('<a href="#number">Enter a report number like RP-2026-000042');
    expect(wrong.text).toContain('<a href="#band">Select a rating from the list</a>');
    expect(wrong.text).toContain('<a href="#from">Enter a real date, for example 2026-03-31</a>');
    expect(wrong.text).toContain('<a href="#issuer">Select who issued the report from the list</a>');
    expect(wrong.text).toContain('value="RP_%"');
    expect(issueLinksOf(wrong.text)).toEqual([kartli2.id, kartli1.id]);
    // The export link carries only what was used: the ZIP holds the reports listed.
    expect(wrong.text).toContain('href="/archive/export.zip?client=kartli"');
    // The issuer filter offers the firm's issuers only.
    expect(page.text).toContain(`<option value="${nino.user.id}">Nino Beridze</option>`);
    expect(page.text).not.toContain(stranger.user.id);
  });

  it('pages twenty at a time, keeping the filter in the links', async () => {
    const { app, database } = running();
    const compliance = await memberOf(app, database, 'lela@crp.example', 'compliance');
    const org = compliance.user.organisationId;
    for (let day = 1; day <= 23; day += 1) await seedIssuedReport(database, { organisationId: org, clientName: 'Kartli Logistics', issuedAt: at(`2026-04-${String(day).padStart(2, '0')}T09:00:00Z`) });
    await seedIssuedReport(database, { organisationId: org, clientName: 'Tiflis Code', issuedAt: at('2026-04-30T09:00:00Z') });

    const first = await compliance.agent.get('/archive?client=kartli').expect(200);
    expect(first.text).toContain('Showing 1 to 20 of 23');
    expect(tableRows(first.text)).toHaveLength(20);
    const nextHref = /<a class="paging__link" href="([^"]+)" rel="next">/.exec(first.text)?.[1]?.replaceAll('&amp;', '&');
    expect(nextHref).toBe('/archive?client=kartli&page=2');
    const second = await compliance.agent.get(nextHref ?? '').expect(200);
    expect(second.text).toContain('Showing 21 to 23 of 23');
    expect(tableRows(second.text)).toHaveLength(3);
    expect(tableRows(second.text)[2]).toContain('1 April 2026');
  });

  it('shows one issue with its record, other revisions and download link, and downloads the exact bytes issued with an audit line', async () => {
    const { app, database } = running();
    const compliance = await memberOf(app, database, 'lela@crp.example', 'compliance', undefined, 'Lela Compliance');
    const org = compliance.user.organisationId;
    const first = await seedIssuedReport(database, { organisationId: org, clientName: 'Kartli Logistics', companyName: 'Kartli Logistics LLC', band: 'high', issuedAt: at('2026-03-10T09:30:00Z') });
    const second = await seedIssuedReport(database, {
      organisationId: org,
      clientName: 'Kartli Logistics',
      companyName: 'Kartli Logistics LLC',
      reportNumber: first.report_number,
      revision: 2,
      band: 'medium',
      issuedAt: at('2026-04-01T12:00:00Z'),
    });

    const page = await compliance.agent.get(`/archive/reports/${second.id}`).expect(200);
    expect(page.text).toContain(`<h1 class="heading-xl">${second.report_number} rev 2</h1>`);
    for (const text of ['Kartli Logistics LLC', '1 Apr 2026, 12:00 UTC', 'Nino Beridze', 'Medium', '2.0', 'English', second.pdf_sha256, `${second.pdf_size.toLocaleString('en-GB')} bytes`]) expect(page.text).toContain(text);
    expect(page.text).toContain(`href="/archive/reports/${first.id}"`);
    expect(page.text).toContain(`href="/archive/reports/${second.id}/report.pdf"`);
    expect(page.text).toContain(`No legal hold is in force on ${first.report_number}.`);
    // Kept ISSUED_REPORT_RETENTION_YEARS (7 by default) from the issue.
    expect(page.text).toMatch(/Kept until<\/dt>\s*<dd[^>]*>1 April 2033 \(7 years after issue\)/);

    const pdf = await download(compliance.agent, `/archive/reports/${first.id}/report.pdf`).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename=${first.report_number}-rev1.pdf`);
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(Buffer.compare(pdf.body as Buffer, first.pdf)).toBe(0);
    const downloads = await auditLines(database, 'report.downloaded');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatchObject({ organisation_id: org, actor_user_id: compliance.user.id, actor_name: 'Lela Compliance', subject: `${first.report_number} rev 1` });
    expect(JSON.parse(downloads[0]?.detail ?? '{}')).toEqual({ reportId: first.id, sha256: first.pdf_sha256 });
    expect(downloads[0]?.ip).toBeTruthy();
    // A HEAD sends nothing and records nothing.
    const head = await compliance.agent.head(`/archive/reports/${first.id}/report.pdf`).expect(200);
    expect(head.headers['content-length']).toBe(String(first.pdf.length));
    await compliance.agent.head('/archive/export.zip').expect(200);
    expect(await auditLines(database, 'report.downloaded')).toHaveLength(1);
    expect(await auditLines(database, 'archive.exported')).toHaveLength(0);

    // Disposed of: the page says when and by whom; nothing is sent and nothing is audited as downloaded.
    await disposeDirectly(database, first.id, 'Tamar Admin');
    const gone = await compliance.agent.get(`/archive/reports/${first.id}/report.pdf`).expect(410);
    expect(gone.headers['content-type']).toMatch(/text\/html/);
    expect(gone.text).toMatch(new RegExp(`${first.report_number} rev 1 was disposed of on \\d{1,2} \\w+ \\d{4} by Tamar Admin`));
    expect(await auditLines(database, 'report.downloaded')).toHaveLength(1);
    const after = await compliance.agent.get(`/archive/reports/${first.id}`).expect(200);
    expect(after.text).toContain('Disposed of on');
    expect(after.text).not.toContain(`/archive/reports/${first.id}/report.pdf`);
  });

  it('shows nothing to consultants, to other firms or for unknown ids, and sends signed-out visitors to sign in', async () => {
    const { app, database } = running();
    const compliance = await memberOf(app, database, 'lela@crp.example', 'compliance');
    const admin = await memberOf(app, database, 'tamar@crp.example', 'admin');
    const consultant = await memberOf(app, database, 'nino@crp.example', 'consultant');
    const stranger = await memberOf(app, database, 'aysel@bag.example', 'admin', OTHER_FIRM);
    const issue = await seedIssuedReport(database, { organisationId: compliance.user.organisationId, clientName: 'Kartli Logistics' });
    const theirs = await seedIssuedReport(database, { organisationId: stranger.user.organisationId, clientName: 'Absheron Foods' });
    const anonymous = await seedIssuedReport(database, { organisationId: null, companyName: 'Absheron Foods' });

    // Header link for the roles that have the archive.
    expect((await compliance.agent.get('/assessments').expect(200)).text).toContain('<a href="/archive"');
    expect((await admin.agent.get('/assessments').expect(200)).text).toContain('<a href="/archive"');
    expect((await consultant.agent.get('/assessments').expect(200)).text).not.toContain('href="/archive"');
    await admin.agent.get('/archive').expect(200);
    await admin.agent.get(`/archive/reports/${issue.id}/report.pdf`).expect(200);

    const mine = [`/archive/reports/${issue.id}`, `/archive/reports/${issue.id}/report.pdf`, `/archive/reports/${issue.id}/answers`, `/archive/reports/${issue.id}/answers.csv`];
    for (const url of ['/archive', '/archive/export.zip', '/archive/disposal', ...mine]) {
      const answer = await consultant.agent.get(url);
      expect(answer.status, url).toBe(404);
    }
    for (const url of [...mine, `/archive/reports/${anonymous.id}`, `/archive/reports/${anonymous.id}/report.pdf`, `/archive/reports/${anonymous.id}/answers`, '/archive/reports/00000000-0000-4000-8000-000000000000', '/archive/reports/x%27%20or%201=1']) {
      const answer = await stranger.agent.get(url);
      expect(answer.status, url).toBe(404);
      expect(answer.text).not.toContain('Kartli');
    }
    // Their own archive lists theirs only.
    expect(issueLinksOf((await stranger.agent.get('/archive').expect(200)).text)).toEqual([theirs.id]);
    const strangerPage = await stranger.agent.get('/archive').expect(200);
    for (const url of [`/archive/reports/${issue.id}/hold`, `/archive/reports/${issue.id}/hold/release`]) {
      const forged = await stranger.agent.post(url).type('form').send(formBody({ _csrf: csrfTokenFrom(strangerPage.text), reason: 'Ours now' }));
      expect(forged.status, url).toBe(404);
    }
    const consultantPage = await consultant.agent.get('/assessments').expect(200);
    await consultant.agent.post(`/archive/reports/${issue.id}/hold`).type('form').send(formBody({ _csrf: csrfTokenFrom(consultantPage.text), reason: 'x' })).expect(404);
    await compliance.agent.get('/archive/disposal').expect(404);
    expect(await database.db.selectFrom('legal_holds').selectAll().execute()).toEqual([]);

    const visitor = newAgent(app);
    for (const url of ['/archive', '/archive/export.zip', '/archive/disposal', ...mine]) {
      const answer = await visitor.get(url);
      expect(answer.status, url).toBe(303);
      expect(pathOf(locationOf(answer))).toBe('/sign-in');
    }
    expect(await auditLines(database, 'report.downloaded')).toHaveLength(1);
  });

  it('places a legal hold with a reason and releases it, each in the audit log, with the form’s errors shown on the page', async () => {
    const { app, database } = running();
    const compliance = await memberOf(app, database, 'lela@crp.example', 'compliance', undefined, 'Lela Compliance');
    const org = compliance.user.organisationId;
    const first = await seedIssuedReport(database, { organisationId: org, clientName: 'Kartli Logistics' });
    const second = await seedIssuedReport(database, { organisationId: org, clientName: 'Kartli Logistics', reportNumber: first.report_number, revision: 2 });
    const url = `/archive/reports/${second.id}`;
    const page = await compliance.agent.get(url).expect(200);
    const token = csrfTokenFrom(page.text);

    const empty = await compliance.agent.post(`${url}/hold`).type('form').send(formBody({ _csrf: token, reason: '   ' })).expect(400);
    expect(empty.text).toContain('<a href="#reason">Enter why the report must be kept</a>');
    const long = 'ə'.repeat(1001);
    const tooLong = await compliance.agent.post(`${url}/hold`).type('form').send(formBody({ _csrf: token, reason: long })).expect(400);
    expect(tooLong.text).toContain('<a href="#reason">Use 1000 characters or fewer</a>');
    expect(tooLong.text).toContain(`>${long}</textarea>`);
    await compliance.agent.post(`${url}/hold`).type('form').send(formBody({ reason: 'No token' })).expect(403);
    expect(await database.db.selectFrom('legal_holds').selectAll().execute()).toEqual([]);

    const reason = 'Tax audit 2026/114: keep every issue for <the inspector>';
    const placed = await compliance.agent.post(`${url}/hold`).type('form').send(formBody({ _csrf: token, reason: `  ${reason}  ` })).expect(303);
    expect(locationOf(placed)).toBe(`${url}?hold=placed#hold`);
    const held = await compliance.agent.get(`${url}?hold=placed`).expect(200);
    expect(held.text).toContain(`The legal hold is placed. No revision of ${first.report_number} will be disposed of while it is in force.`);
    expect(held.text).toContain('Tax audit 2026/114: keep every issue for &lt;the inspector&gt;');
    expect(held.text).toContain('placed by Lela Compliance');
    // Every revision of the number is held.
    for (const issue of [first, second]) expect(tableRows((await compliance.agent.get(`/archive?number=${issue.report_number}`).expect(200)).text).every((row) => row.includes('Legal hold'))).toBe(true);
    // A second placing says one is in force already.
    const again = await compliance.agent.post(`/archive/reports/${first.id}/hold`).type('form').send(formBody({ _csrf: token, reason: 'Again' })).expect(303);
    expect(locationOf(again)).toBe(`/archive/reports/${first.id}?hold=already_held#hold`);

    const released = await compliance.agent.post(`${url}/hold/release`).type('form').send(formBody({ _csrf: token })).expect(303);
    expect(locationOf(released)).toBe(`${url}?hold=released#hold`);
    const after = await compliance.agent.get(url).expect(200);
    expect(after.text).toContain(`No legal hold is in force on ${first.report_number}.`);
    expect(after.text).toMatch(/Placed .* by Lela Compliance; released .* by Lela Compliance\. Reason: Tax audit/);

    const placedLines = await auditLines(database, 'legal_hold.placed');
    expect(placedLines).toHaveLength(1);
    expect(placedLines[0]).toMatchObject({ organisation_id: org, actor_user_id: compliance.user.id, subject: first.report_number });
    expect(JSON.parse(placedLines[0]?.detail ?? '{}')).toEqual({ reason });
    const releasedLines = await auditLines(database, 'legal_hold.released');
    expect(releasedLines).toHaveLength(1);
    expect(releasedLines[0]).toMatchObject({ organisation_id: org, actor_user_id: compliance.user.id, subject: first.report_number });
  });

  it('exports the filtered reports as a ZIP that sha256sum -c accepts, with manifests that mark disposed reports, and audits the export', async () => {
    const { app, database } = running();
    const compliance = await memberOf(app, database, 'lela@crp.example', 'compliance', undefined, 'Lela Compliance');
    const org = compliance.user.organisationId;
    const kept = await seedIssuedReport(database, { organisationId: org, clientName: 'Kartli Logistics', band: 'high', issuedAt: at('2026-02-01T10:00:00Z') });
    const revised = await seedIssuedReport(database, { organisationId: org, clientName: 'Kartli Logistics', reportNumber: kept.report_number, revision: 2, band: 'medium', issuedAt: at('2026-02-03T10:00:00Z') });
    const disposed = await seedIssuedReport(database, { organisationId: org, clientName: 'Kartli Logistics', band: null, issuedAt: at('2026-01-15T10:00:00Z') });
    const hostile = await seedIssuedReport(database, { organisationId: org, clientName: '=HYPERLINK("http://evil.example","Kartli")', band: 'low', issuedAt: at('2026-02-05T10:00:00Z') });
    await seedIssuedReport(database, { organisationId: org, clientName: 'Tiflis Code', issuedAt: at('2026-02-02T10:00:00Z') });
    await disposeDirectly(database, disposed.id, 'Tamar Admin');

    const list = await compliance.agent.get('/archive?client=kartli').expect(200);
    expect(list.text).toContain('href="/archive/export.zip?client=kartli"');
    const zip = await download(compliance.agent, '/archive/export.zip?client=kartli').expect(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['content-disposition']).toMatch(/^attachment; filename=RiskPlan-archive-\d{4}-\d{2}-\d{2}\.zip$/);
    const folder = unzipped(zip.body as Buffer);
    try {
      const names = (issue: { report_number: string; revision: number }) => `${issue.report_number}-rev${issue.revision}.pdf`;
      expect(filesIn(folder)).toEqual([...[kept, revised, hostile].map(names), 'SHA256SUMS', 'manifest.csv', 'manifest.json'].sort());
      for (const issue of [kept, revised, hostile]) expect(Buffer.compare(readFileSync(path.join(folder, names(issue))), issue.pdf)).toBe(0);
      const check = sha256Check(folder);
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
      expect(check.stdout.trim().split('\n').sort()).toEqual([kept, revised, hostile].map((issue) => `${names(issue)}: OK`).sort());
      expect(readFileSync(path.join(folder, 'SHA256SUMS'), 'utf8')).toBe([kept, revised, hostile].map((issue) => `${issue.pdf_sha256}  ${names(issue)}\n`).join(''));

      const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { entries: Record<string, unknown>[]; [key: string]: unknown };
      expect(manifest).toMatchObject({ exportedBy: 'Lela Compliance', organisation: 'Caucasus Risk Partners', filter: { client: 'kartli' }, reports: 4, files: 3 });
      expect(manifest.entries.map((entry) => entry.reportNumber)).toEqual([disposed, kept, revised, hostile].map((issue) => issue.report_number));
      expect(manifest.entries[1]).toEqual({
        reportNumber: kept.report_number,
        revision: 1,
        client: 'Kartli Logistics',
        company: 'Kartli Logistics',
        issuedAt: '2026-02-01T10:00:00.000Z',
        issuedBy: 'Nino Beridze',
        rating: 'high',
        questionnaireVersion: '2.0',
        language: 'en',
        sha256: kept.pdf_sha256,
        sizeBytes: kept.pdf.length,
        file: names(kept),
        disposed: false,
        disposedAt: null,
        disposedBy: null,
      });
      expect(manifest.entries[0]).toMatchObject({ reportNumber: disposed.report_number, file: null, disposed: true, disposedBy: 'Tamar Admin', sha256: disposed.pdf_sha256, rating: null });

      const csv = readFileSync(path.join(folder, 'manifest.csv'), 'utf8');
      expect(csv.startsWith('\ufeffReport number,Revision,Client,Company,Issued at (UTC),Issued by,Overall rating,Questionnaire version,Language,SHA-256,Size (bytes),File in this ZIP,Disposed of,Disposed of at (UTC),Disposed of by\r\n')).toBe(true);
      const lines = csv.split('\r\n');
      expect(lines).toHaveLength(6);
      expect(lines[1]).toMatch(new RegExp(`^${disposed.report_number},1,Kartli Logistics,Kartli Logistics,2026-01-15T10:00:00.000Z,Nino Beridze,No rating,2.0,en,${disposed.pdf_sha256},\\d+,,Yes,.+,Tamar Admin$`));
      expect(lines[2]).toBe(`${kept.report_number},1,Kartli Logistics,Kartli Logistics,2026-02-01T10:00:00.000Z,Nino Beridze,High,2.0,en,${kept.pdf_sha256},${kept.pdf.length},${names(kept)},No,,`);
      // Formula injection neutralised: the hostile client name is text.
      expect(lines[4]).toContain(`"'=HYPERLINK(""http://evil.example"",""Kartli"")"`);
    } finally {
      removeFolder(folder);
    }

    const exports = await auditLines(database, 'archive.exported');
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({ organisation_id: org, actor_user_id: compliance.user.id });
    expect(JSON.parse(exports[0]?.detail ?? '{}')).toEqual({ client: 'kartli', count: 4 });

    // A filter with a refused value lists with its errors instead of exporting.
    const refused = await compliance.agent.get('/archive/export.zip?band=purple').expect(400);
    expect(refused.headers['content-type']).toMatch(/text\/html/);
    expect(refused.text).toContain('<a href="#band">Select a rating from the list</a>');
    expect(await auditLines(database, 'archive.exported')).toHaveLength(1);
  });

  it('streams an export of 320 reports whole, and its generator fetches each PDF only when asked for the next report', async () => {
    const { app, database } = running();
    const compliance = await memberOf(app, database, 'lela@crp.example', 'compliance');
    const org = compliance.user.organisationId;
    const seeded = [];
    for (let i = 0; i < 320; i += 1) seeded.push(await seedIssuedReport(database, { organisationId: org, clientName: `Client ${i % 7}`, issuedAt: new Date(Date.UTC(2026, 0, 1, 0, i)) }));

    // The generator: one pdfOf call per report, made only when the consumer asks for that report.
    const issued = createIssuedReportRepository(database.db);
    let fetched = 0;
    const archive = createArchiveRepository(database.db, {
      pdfOf: (id) => {
        fetched += 1;
        return issued.pdfOf(id);
      },
    });
    let taken = 0;
    for await (const item of archive.forExport(org, {})) {
      taken += 1;
      expect(fetched).toBe(taken);
      expect(item.pdf?.length).toBe(item.entry.report.pdf_size);
    }
    expect(taken).toBe(320);

    const zip = await download(compliance.agent, '/archive/export.zip').expect(200);
    const folder = unzipped(zip.body as Buffer);
    try {
      expect(filesIn(folder).filter((name) => name.endsWith('.pdf'))).toHaveLength(320);
      expect(sha256Check(folder).status).toBe(0);
      const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { reports: number; entries: { reportNumber: string }[] };
      expect(manifest.reports).toBe(320);
      expect(manifest.entries.map((entry) => entry.reportNumber)).toEqual(seeded.map((issue) => issue.report_number));
    } finally {
      removeFolder(folder);
    }
  }, 120_000);
});
