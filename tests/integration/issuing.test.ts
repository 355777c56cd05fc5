import { createHash, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { RunningApp } from '../support/testApp.js';
import { makeDataDir, testStore } from '../support/testApp.js';
import { useAppsWithSettings } from '../support/lifecycle.js';
import { downloadIssued, issueIdFrom, issueReport, renameCompany } from '../support/issuing.js';
import { pageTexts, preflightVerdict, tool } from '../support/pdfTools.js';
import { addClient, FIRM, OTHER_FIRM, signedInAs, startAssessmentOf } from '../support/practice.js';
import { downloadPdf, everyExposureProfile, newAgent, startAssessment, walkAllSections, type Agent } from '../support/walk.js';
import { pathOf } from '../support/forms.js';
import type { GatedRenderWorkerData } from '../fixtures/renderWorkers/gatedRenderWorker.js';

const NUMBER = /^RP-(\d{4})-(\d{6})$/;
const gatedWorker = new URL('../fixtures/renderWorkers/gatedRenderWorker.ts', import.meta.url);

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function issuesOf(running: RunningApp, assessmentId?: string) {
  let query = running.database.db.selectFrom('issued_reports').selectAll().orderBy('issued_at', 'asc');
  if (assessmentId) query = query.where('assessment_id', '=', assessmentId);
  return query.execute();
}

async function storedPdf(running: RunningApp, issueId: string): Promise<Buffer> {
  const row = await running.database.db.selectFrom('issued_report_contents').select('pdf').where('report_id', '=', issueId).executeTakeFirstOrThrow();
  return Buffer.from(row.pdf);
}

async function auditEvents(running: RunningApp) {
  return running.database.db.selectFrom('audit_log').selectAll().orderBy('at', 'asc').execute();
}

/** Writes a PDF where the poppler tools and Preflight can read it. */
function pdfFile(running: RunningApp, name: string, pdf: Buffer): string {
  const file = path.join(running.dataDir, name);
  writeFileSync(file, pdf);
  return file;
}

/** An anonymous browser whose assessment has its results ready. */
async function anonymousWithResults(running: RunningApp, profile = everyExposureProfile) {
  const agent = newAgent(running.app);
  await startAssessment(agent);
  const { answers } = await walkAllSections(agent, profile);
  return { agent, answers };
}

/** A consultant of FIRM with a client assessment whose results are ready; returns its base. */
async function firmAssessmentReady(agent: Agent, clientName: string): Promise<string> {
  const base = await startAssessmentOf(agent, await addClient(agent, { name: clientName }));
  await walkAllSections(agent, { ...everyExposureProfile, company_name: clientName }, base);
  return base;
}

describe(`issuing the final report (${testStore})`, () => {
  const startApp = useAppsWithSettings();

  /**
   * An app whose renders wait until `release()` (tests/fixtures/renderWorkers/gatedRenderWorker.ts):
   * requests sent together all look at the register before any of them can store, the hardest
   * case for numbering and for a double click.
   */
  async function appWithHeldRenders(pdfWorkers: number) {
    const dataDir = makeDataDir();
    const renderGate = path.join(dataDir, 'renders-may-finish');
    const gates: GatedRenderWorkerData = { renderGate };
    const running = await startApp({ pdfWorkers, pdfWorker: { url: gatedWorker, data: gates } }, dataDir);
    return { running, release: () => writeFileSync(renderGate, '') };
  }

  it('an anonymous user issues: a number RP-<year>-<6 digits> on every page, the exact bytes stored and downloaded, metadata to verify it, PDF/A-1b, audited', async () => {
    const running = await startApp();
    const { agent } = await anonymousWithResults(running);

    const results = await agent.get('/assessment/results').expect(200);
    expect(results.text).toContain('Issue the final report');
    expect(results.text).toContain('action="/assessment/issue"');
    expect(results.text).toContain('href="/assessment/issued"');

    const before = Date.now();
    const issued = await issueReport(agent);
    expect(issued.status).toBe(303);
    expect(pathOf(String(issued.headers.location))).toBe('/assessment/issued');
    const issueId = issueIdFrom(issued);

    const [row] = await issuesOf(running);
    expect(row).toBeDefined();
    if (!row) return;
    expect(row.id).toBe(issueId);
    const [, year, sequence] = NUMBER.exec(row.report_number) ?? [];
    expect(Number(year)).toBe(new Date(row.issued_at).getUTCFullYear());
    expect(sequence).toBe('000001');
    expect(row).toMatchObject({ scope: 'anonymous', organisation_id: null, revision: 1, language: 'en', company_name: 'Kartli Logistics LLC', questionnaire_version: '2.0' });
    expect(row.issued_by_user_id).toBeNull();
    expect(row.issued_by_name).toBe('The holder of the resume link (no account)');
    expect(new Date(row.issued_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const reportId = `${row.report_number} rev 1`;

    // The answers as they stood, with the report.
    const contents = await running.database.db.selectFrom('issued_report_contents').select('answers_json').where('report_id', '=', issueId).executeTakeFirstOrThrow();
    expect(JSON.parse(contents.answers_json)).toMatchObject({ company_name: { value: 'Kartli Logistics LLC' } });

    const list = await agent.get(String(issued.headers.location)).expect(200);
    expect(list.text).toContain(`${reportId} is issued.`);
    expect(list.text).toContain(row.pdf_sha256);
    expect(list.text).toContain(`href="/assessment/issued/${issueId}.pdf"`);
    expect(list.text).toContain(`Nothing has changed since ${reportId} was issued.`);

    const download = await downloadIssued(agent, issueId);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['cache-control']).toBe('no-store');
    expect(String(download.headers['content-disposition'])).toContain(`RiskPlan-Kartli-Logistics-LLC-${row.report_number}-rev-1.pdf`);
    const pdf = download.body as Buffer;
    expect(Buffer.compare(pdf, await storedPdf(running, issueId))).toBe(0);
    expect(sha256(pdf)).toBe(row.pdf_sha256);
    expect(pdf.length).toBe(row.pdf_size);

    const file = pdfFile(running, 'issued.pdf', pdf);
    const pages = await pageTexts(file);
    expect(pages.length).toBeGreaterThan(5);
    for (const [index, text] of pages.entries()) expect(text, `page ${index + 1}`).toContain(reportId);
    expect(pages[0]).toContain('Date of issue');
    expect(pages.join(' ')).not.toMatch(/draft/i);
    const info = await tool('pdfinfo', [file]);
    expect(info).toMatch(new RegExp(`Subject: .*\\(report ${reportId}\\)\\. Verify this report at http://riskplan\\.test/verify`));
    expect(info).toMatch(new RegExp(`Keywords: .*${reportId}`));
    expect(await preflightVerdict(file)).toContain('is a valid PDF/A-1b file');

    const events = await auditEvents(running);
    expect(events.map((event) => [event.event, event.subject, event.organisation_id])).toEqual([
      ['report.issued', reportId, null],
      ['report.downloaded', reportId, null],
    ]);
    expect(JSON.parse(events[0]?.detail ?? '{}')).toMatchObject({ reportId: issueId, sha256: row.pdf_sha256 });
  });

  it('a draft download says on every page that it is not an issued report', async () => {
    const running = await startApp();
    const { agent } = await anonymousWithResults(running);
    const draft = await downloadPdf(agent).expect(200);
    const file = pdfFile(running, 'draft.pdf', draft.body as Buffer);
    const pages = await pageTexts(file);
    for (const [index, text] of pages.entries()) expect(text, `page ${index + 1}`).toMatch(/DRAFT-[0-9A-F]{8}-\d+ \(not issued\) · Questionnaire 2\.0/);
    expect(pages[0]).toMatch(/Report ID DRAFT-[0-9A-F]{8}-\d+ \(draft: not an issued report\)/);
    const info = await tool('pdfinfo', [file]);
    expect(info, info).toMatch(/Subject: +Draft .*not an issued report/);
  });

  it('issuing again with nothing changed gives the same issue; after a change, rev 2 under the same number, rev 1 kept byte for byte', async () => {
    const running = await startApp();
    const { agent, answers } = await anonymousWithResults(running);
    const first = issueIdFrom(await issueReport(agent));
    const rev1 = (await downloadIssued(agent, first).expect(200)).body as Buffer;

    const again = await issueReport(agent);
    expect(again.status).toBe(303);
    expect(issueIdFrom(again)).toBe(first);
    expect(String(again.headers.location)).toContain('notice=unchanged');
    expect((await agent.get(String(again.headers.location)).expect(200)).text).toContain('so no new issue was made');
    expect(await issuesOf(running)).toHaveLength(1);

    await renameCompany(agent, answers, 'Kartli Logistics Group LLC');
    const before = await agent.get('/assessment/issued').expect(200);
    expect(before.text).toContain('The report has changed since');
    const second = issueIdFrom(await issueReport(agent));
    expect(second).not.toBe(first);

    const [one, two] = await issuesOf(running);
    expect(two?.report_number).toBe(one?.report_number);
    expect([one?.revision, two?.revision]).toEqual([1, 2]);
    expect(two?.company_name).toBe('Kartli Logistics Group LLC');
    expect(Buffer.compare(await storedPdf(running, first), rev1)).toBe(0);
    expect(sha256(rev1)).toBe(one?.pdf_sha256);

    const rev2 = (await downloadIssued(agent, second).expect(200)).body as Buffer;
    const pages = await pageTexts(pdfFile(running, 'rev2.pdf', rev2));
    for (const text of pages) expect(text).toContain(`${two?.report_number} rev 2`);

    // Newest first.
    const list = (await agent.get('/assessment/issued').expect(200)).text;
    expect(list.indexOf(`${two?.report_number} rev 2`)).toBeLessThan(list.indexOf(`${one?.report_number} rev 1`));
  });

  it('a double click (two issues posted at once, both rendered before either is stored) makes one report', async () => {
    const { running, release } = await appWithHeldRenders(1);
    const { agent } = await anonymousWithResults(running);
    const results = await agent.get('/assessment/results').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(results.text)?.[1] ?? '';
    const post = () => agent.post('/assessment/issue').type('form').send({ _csrf: token });
    const both = Promise.all([post(), post()]);
    await sleep(1_500);
    release();
    const [a, b] = await both;
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(issueIdFrom(a)).toBe(issueIdFrom(b));
    expect(await issuesOf(running)).toHaveLength(1);
    expect((await auditEvents(running)).filter((event) => event.event === 'report.issued')).toHaveLength(1);
  });

  it("numbers a firm's issues of different assessments issued at the same moment 1..N, none missing, none twice", async () => {
    // Room for five renders at once (two workers, a queue of four); each of the five first renders
    // with number 1, and all but one must render again with a later number.
    const { running, release } = await appWithHeldRenders(2);
    const consultant = await signedInAs(running.app, running.database, 'nino@crp.example', 'consultant', FIRM, 'Nino Beridze');
    const clients = ['Kartli Logistics', 'Batumi Port Services', 'Ganja Textiles', 'Rustavi Steel', 'Sheki Silk'];
    const bases: string[] = [];
    for (const client of clients) bases.push(await firmAssessmentReady(consultant, client));
    // Another firm's issues count on their own.
    const other = await signedInAs(running.app, running.database, 'aysel@bag.example', 'consultant', OTHER_FIRM, 'Aysel Quliyeva');
    const otherBase = await firmAssessmentReady(other, 'Absheron Foods');

    const tokens = await Promise.all(bases.map(async (base) => /name="_csrf" value="([^"]+)"/.exec((await consultant.get(`${base}/results`).expect(200)).text)?.[1] ?? ''));
    const posted = Promise.all(bases.map((base, index) => consultant.post(`${base}/issue`).type('form').send({ _csrf: tokens[index] ?? '' })));
    await sleep(2_000);
    expect(await issuesOf(running)).toHaveLength(0);
    release();
    const responses = await posted;
    expect(responses.map((response) => response.status)).toEqual(bases.map(() => 303));
    expect((await issueReport(other, otherBase)).status).toBe(303);

    const issues = await issuesOf(running);
    const firmIssues = issues.filter((issue) => issue.client_name !== 'Absheron Foods');
    const sequences = firmIssues.map((issue) => Number(NUMBER.exec(issue.report_number)?.[2])).sort((a, b) => a - b);
    expect(sequences).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(firmIssues.map((issue) => issue.assessment_id)).size).toBe(5);
    expect(firmIssues.every((issue) => issue.revision === 1 && issue.issued_by_name === 'Nino Beridze')).toBe(true);
    expect(firmIssues.map((issue) => issue.client_name).sort()).toEqual([...clients].sort());
    const otherIssue = issues.find((issue) => issue.client_name === 'Absheron Foods');
    expect(NUMBER.exec(otherIssue?.report_number ?? '')?.[2]).toBe('000001');
    // Each issue's PDF prints its own number.
    for (const issue of firmIssues) {
      const pages = await pageTexts(pdfFile(running, `${issue.id}.pdf`, await storedPdf(running, issue.id)));
      for (const text of pages) expect(text).toContain(`${issue.report_number} rev 1`);
    }
    const issuedEvents = (await auditEvents(running)).filter((event) => event.event === 'report.issued');
    expect(issuedEvents).toHaveLength(6);
    expect(issuedEvents.filter((event) => event.actor_name === 'Nino Beridze').every((event) => event.organisation_id === firmIssues[0]?.organisation_id)).toBe(true);
  });

  it("another anonymous visitor, another firm and a read-only link get the same 404 for an issue that is not theirs", async () => {
    const running = await startApp();
    const { agent } = await anonymousWithResults(running);
    const issueId = issueIdFrom(await issueReport(agent));
    const notFound = (await newAgent(running.app).get('/no/such/page').expect(404)).text;

    const stranger = newAgent(running.app);
    await startAssessment(stranger);
    const theirs = await stranger.get(`/assessment/issued/${issueId}.pdf`);
    expect(theirs.status).toBe(404);
    expect(theirs.text).toBe(notFound);
    expect((await stranger.get('/assessment/issued').expect(200)).text).not.toContain(issueId);
    // No assessment in this browser at all.
    expect((await newAgent(running.app).get(`/assessment/issued/${issueId}.pdf`)).status).toBe(404);

    const consultant = await signedInAs(running.app, running.database, 'nino@crp.example', 'consultant', FIRM);
    const firmBase = await firmAssessmentReady(consultant, 'Kartli Logistics');
    const firmIssue = issueIdFrom(await issueReport(consultant, firmBase));
    const otherFirm = await signedInAs(running.app, running.database, 'aysel@bag.example', 'admin', OTHER_FIRM);
    // An assessment id that does not exist: the same page, header and all.
    const notFoundSignedIn = (await otherFirm.get(`/assessments/${randomUUID()}/issued`).expect(404)).text;
    for (const url of [`${firmBase}/issued`, `${firmBase}/issued/${firmIssue}.pdf`]) {
      const response = await otherFirm.get(url);
      expect(response.status, url).toBe(404);
      expect(response.text).toBe(notFoundSignedIn);
    }
    // The firm's assessment base does not serve the anonymous issue either.
    expect((await consultant.get(`${firmBase}/issued/${issueId}.pdf`)).status).toBe(404);
    expect((await stranger.get(`/shared/anything/issued/${firmIssue}.pdf`)).status).toBe(404);
    expect((await auditEvents(running)).filter((event) => event.event === 'report.downloaded')).toHaveLength(0);
  });

  it('a compliance user cannot issue (404, nothing stored) but sees the issues and downloads the original bytes', async () => {
    const running = await startApp();
    const consultant = await signedInAs(running.app, running.database, 'nino@crp.example', 'consultant', FIRM, 'Nino Beridze');
    const base = await firmAssessmentReady(consultant, 'Kartli Logistics');
    const compliance = await signedInAs(running.app, running.database, 'lela@crp.example', 'compliance', FIRM, 'Lela Kapanadze');

    const results = await compliance.get(`${base}/results`).expect(200);
    expect(results.text).not.toContain(`action="${base}/issue"`);
    expect(results.text).toContain(`href="${base}/issued"`);
    const refused = await compliance.post(`${base}/issue`).type('form').send({ _csrf: /name="_csrf" value="([^"]+)"/.exec(results.text)?.[1] ?? '' });
    expect(refused.status).toBe(404);
    expect(await issuesOf(running)).toHaveLength(0);

    const issueId = issueIdFrom(await issueReport(consultant, base));
    const list = await compliance.get(`${base}/issued`).expect(200);
    expect(list.text).toContain('Nino Beridze');
    expect(list.text).not.toContain(`action="${base}/issue"`);
    const pdf = (await downloadIssued(compliance, issueId, base).expect(200)).body as Buffer;
    expect(Buffer.compare(pdf, await storedPdf(running, issueId))).toBe(0);
    const downloaded = (await auditEvents(running)).find((event) => event.event === 'report.downloaded');
    expect(downloaded).toMatchObject({ actor_name: 'Lela Kapanadze' });
    expect(downloaded?.organisation_id).toBe((await issuesOf(running))[0]?.organisation_id);
  });

  it('sends an unfinished assessment back to its task list and stores nothing', async () => {
    const running = await startApp();
    const agent = newAgent(running.app);
    await startAssessment(agent);
    const page = await agent.get('/').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const response = await agent.post('/assessment/issue').type('form').send({ _csrf: token });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/assessment?incomplete=1');
    expect(await issuesOf(running)).toHaveLength(0);
    // And without the form token, nothing either.
    expect((await agent.post('/assessment/issue').type('form').send({})).status).toBe(403);
  });

  it('limits anonymous issues per address (429) and per assessment (a clear message, nothing stored)', async () => {
    const throttled = await startApp({ throttling: { assessmentCreation: { attempts: 1000, windowSeconds: 3600 }, resumeAttempts: { attempts: 1000, windowSeconds: 3600 }, anonymousIssuing: { attempts: 2, windowSeconds: 3600 }, verifyAttempts: { attempts: 1000, windowSeconds: 3600 } } });
    const { agent } = await anonymousWithResults(throttled);
    expect((await issueReport(agent)).status).toBe(303);
    expect((await issueReport(agent)).status).toBe(303);
    const third = await issueReport(agent);
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBeDefined();

    const capped = await startApp({ anonymousIssuesPerAssessment: 2 });
    const holder = await anonymousWithResults(capped);
    expect((await issueReport(holder.agent)).status).toBe(303);
    await renameCompany(holder.agent, holder.answers, 'Kartli Logistics Group LLC');
    expect((await issueReport(holder.agent)).status).toBe(303);
    await renameCompany(holder.agent, holder.answers, 'Kartli Logistics Holding LLC');
    const refused = await issueReport(holder.agent);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('This assessment has been issued 2 times, the most an assessment without an account can be.');
    expect(refused.text).not.toContain('action="/assessment/issue"');
    expect(await issuesOf(capped)).toHaveLength(2);
    // Firms have no such cap.
    const consultant = await signedInAs(capped.app, capped.database, 'nino@crp.example', 'consultant', FIRM);
    const base = await firmAssessmentReady(consultant, 'Kartli Logistics');
    expect((await issueReport(consultant, base)).status).toBe(303);
  });

  it('with the render pool full, answers the same friendly 503 as a download and stores nothing', async () => {
    const { running, release } = await appWithHeldRenders(1);
    const { agent } = await anonymousWithResults(running);
    const results = await agent.get('/assessment/results').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(results.text)?.[1] ?? '';
    const held = [downloadPdf(agent), downloadPdf(agent), downloadPdf(agent)].map((request) => request.then((response) => response));
    await sleep(1_500);
    const refused = await agent.post('/assessment/issue').type('form').send({ _csrf: token });
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.text).toContain('The service is busy');
    expect(await issuesOf(running)).toHaveLength(0);
    release();
    expect((await Promise.all(held)).map((response) => response.status)).toEqual([200, 200, 200]);
    expect((await agent.post('/assessment/issue').type('form').send({ _csrf: token })).status).toBe(303);
  });
});
