import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import { answersOf } from '../fixtures/answerBuilder.js';
import { bakuHotel, carefulSoftwareFirm, haulierWithNoMeasures, type Persona } from '../fixtures/personas.js';
import { createUserDirectly } from '../support/accounts.js';
import { filesIn, memberOf, removeFolder, sha256Check, unzipped } from '../support/archive.js';
import { inspect, signedInPage, useAppInChromium } from '../support/browser.js';
import { issueIdFrom, issueReport } from '../support/issuing.js';
import { pageTexts, tool } from '../support/pdfTools.js';
import { addClient, FIRM, startAssessmentOf } from '../support/practice.js';
import { valuesOf } from '../support/reassessment.js';
import { walkAllSections, type Agent } from '../support/walk.js';

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Adds the client, walks an assessment of it answered as the persona, and issues its final report through the real form. */
async function issuedClient(agent: Agent, name: string, persona: Persona): Promise<{ base: string; issueId: string }> {
  const base = await startAssessmentOf(agent, await addClient(agent, { name }));
  await walkAllSections(agent, { ...valuesOf(answersOf(currentQuestionnaire, persona)), company_name: name }, base);
  return { base, issueId: issueIdFrom(await issueReport(agent, base)) };
}

/** The text of each row of the archive table on the page, white space run together. */
async function archiveRows(page: Page): Promise<string[]> {
  const rows = await page.locator('table tbody tr').allInnerTexts();
  return rows.map((row) => row.replace(/\s+/g, ' ').trim());
}

/** Fills the archive's filter form (fields left out are emptied) and applies it. */
async function filterArchive(page: Page, fields: { client?: string; from?: string; to?: string; band?: string }): Promise<void> {
  await page.fill('#client', fields.client ?? '');
  await page.fill('#from', fields.from ?? '');
  await page.fill('#to', fields.to ?? '');
  await page.selectOption('#band', fields.band ?? '');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL((url) => url.pathname === '/archive' && url.search !== '');
}

/** Clicks a link that downloads a file and saves the file into `folder`; returns its path and suggested name. */
async function downloadBy(page: Page, linkName: string, folder: string): Promise<{ file: string; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  const name = download.suggestedFilename();
  const file = path.join(folder, name);
  await download.saveAs(file);
  expect(await download.failure()).toBeNull();
  return { file, name };
}

/**
 * The same PDF with one byte changed inside a content stream in its second half (not in its
 * header, so it is still a PDF by its content and only its hash tells it apart).
 */
function withOneByteChanged(pdf: Buffer): Buffer {
  const start = pdf.indexOf('stream\n', Math.floor(pdf.length / 2));
  const end = pdf.indexOf('endstream', start);
  expect(start, 'a content stream in the second half of the PDF').toBeGreaterThan(0);
  const at = start + 'stream\n'.length + Math.floor((end - start) / 2);
  const altered = Buffer.from(pdf);
  altered[at] = (altered[at] ?? 0) ^ 0x01;
  return altered;
}

/** Uploads a file on the verify page (or pastes a SHA-256) and returns the answer panel's text. */
async function verify(page: Page, input: { file: string } | { sha256: string }): Promise<string> {
  if ('file' in input) await page.setInputFiles('#pdf', input.file);
  else await page.fill('#sha256', input.sha256);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await page.locator('.verify-result').waitFor();
  return (await page.locator('.verify-result').innerText()).replace(/\s+/g, ' ');
}

/**
 * A compliance officer preparing for an audit, in a real browser: the firm's consultant issues
 * three clients' reports (one twice), then the officer filters the archive, opens a report,
 * downloads its original bytes, exports the filtered set as a ZIP and checks it with
 * `sha256sum -c`, checks an original and an altered PDF on the public verify page, and finds
 * each of those steps in the audit log. Every page is checked with axe and saved as a screenshot.
 */
describe("a compliance officer's round in Chromium", () => {
  const served = useAppInChromium();

  it('filters the archive, downloads a report and a ZIP that sha256sum accepts, tells an original PDF from an altered one, and sees it all in the audit log', { timeout: 300_000 }, async () => {
    const { running, browser, base } = served();
    const { app, database } = running;
    const work = mkdtempSync(path.join(tmpdir(), 'riskplan-compliance-'));
    try {
      await createUserDirectly(database, { organisationName: FIRM, email: 'tamar@crp.example', role: 'admin', displayName: 'Tamar Lomidze' });
      await createUserDirectly(database, { organisationName: FIRM, email: 'lela@crp.example', role: 'compliance', displayName: 'Lela Gelashvili' });
      const nino = await memberOf(app, database, 'nino@crp.example', 'consultant', FIRM, 'Nino Beridze');

      // The consultant's work, through the real forms: three clients assessed and issued.
      const sheki = await issuedClient(nino.agent, 'Şəki İpək MMC', haulierWithNoMeasures);
      await issuedClient(nino.agent, 'Tiflis Code LLC', carefulSoftwareFirm);
      await issuedClient(nino.agent, 'Caspian Pearl Hotel', bakuHotel);

      // In the browser, the consultant changes an answer of Şəki İpək MMC and issues rev 2.
      const consultant = await signedInPage(browser, base, 'nino@crp.example');
      await consultant.goto(`${base}${sheki.base}/check`);
      await consultant.locator('a[href*="#question-sites"]').click();
      await consultant.locator('input[name=sites]:not(:checked)').last().check();
      await consultant.getByRole('button', { name: 'Save and continue' }).click();
      await consultant.waitForURL((url) => url.pathname === `${sheki.base}/check`);
      await consultant.getByRole('link', { name: 'See your results' }).click();
      await consultant.getByRole('button', { name: 'Issue the final report' }).click();
      await consultant.waitForURL((url) => url.pathname === `${sheki.base}/issued`);
      const register = await database.db.selectFrom('issued_reports').selectAll().orderBy('issued_at', 'asc').execute();
      expect(register.map((row) => [row.client_name, row.revision, row.overall_band])).toEqual([
        ['Şəki İpək MMC', 1, 'critical'],
        ['Tiflis Code LLC', 1, 'low'],
        ['Caspian Pearl Hotel', 1, 'high'],
        ['Şəki İpək MMC', 2, 'critical'],
      ]);
      const shekiRev2 = register[3];
      if (!shekiRev2) throw new Error('rev 2 of Şəki İpək MMC was not issued');
      const number = shekiRev2.report_number;
      expect(register[0]?.report_number).toBe(number);
      expect(await consultant.textContent('.notice')).toContain(`${number} rev 2 is issued`);
      await inspect(consultant, 'compliance-01-consultant-issued-rev2');
      await consultant.context().close();

      // The compliance officer opens the archive from the header.
      const officer = await signedInPage(browser, base, 'lela@crp.example');
      await officer.getByRole('link', { name: 'Archive', exact: true }).click();
      expect(await officer.textContent('h1')).toBe('Archive of issued reports');
      const everything = await archiveRows(officer);
      expect(everything).toHaveLength(4);
      expect(everything[0]).toContain(`${number} rev 2`);
      await inspect(officer, 'compliance-02-archive');

      // Filters: the client's name typed in lower case with the days of rev 1 to rev 2 (one day, unless the
      // walk crossed midnight UTC); a rating; days with no issue.
      await filterArchive(officer, { client: 'şəki', from: register[0]?.issued_at.slice(0, 10), to: shekiRev2.issued_at.slice(0, 10) });
      const shekiRows = await archiveRows(officer);
      expect(shekiRows).toHaveLength(2);
      expect(shekiRows[0]).toContain(`${number} rev 2`);
      expect(shekiRows[1]).toContain(`${number} rev 1`);
      for (const row of shekiRows) expect(row).toMatch(/Şəki İpək MMC.*Nino Beridze.*Critical/);
      await inspect(officer, 'compliance-03-archive-by-client-and-date');
      await filterArchive(officer, { band: 'low' });
      expect(await archiveRows(officer)).toEqual([expect.stringContaining('Tiflis Code LLC')]);
      await filterArchive(officer, { band: 'high' });
      expect(await archiveRows(officer)).toEqual([expect.stringContaining('Caspian Pearl Hotel')]);
      await filterArchive(officer, { to: '2020-12-31' });
      expect(await officer.locator('table').count()).toBe(0);
      expect(await officer.textContent('main')).toContain('No issued report matches these filters.');

      // One report's page, and its original bytes downloaded through the page.
      await filterArchive(officer, { client: 'şəki' });
      await officer.getByRole('link', { name: `${number} rev 2` }).click();
      expect(await officer.textContent('h1')).toBe(`${number} rev 2`);
      const facts = (await officer.locator('dl.summary-list').innerText()).replace(/\s+/g, ' ');
      for (const fact of ['Şəki İpək MMC', 'Nino Beridze', 'Critical', shekiRev2.questionnaire_version, 'English']) expect(facts).toContain(fact);
      const shownSha256 = ((await officer.textContent('code.hash--full')) ?? '').trim();
      expect(shownSha256).toBe(shekiRev2.pdf_sha256);
      await inspect(officer, 'compliance-04-report');
      const original = await downloadBy(officer, 'Download the original PDF', work);
      expect(original.name).toBe(`${number}-rev2.pdf`);
      const originalBytes = readFileSync(original.file);
      expect(sha256(originalBytes)).toBe(shownSha256);
      // The number is printed on every page, and the file's metadata names it and where to check it.
      const texts = await pageTexts(original.file);
      expect(texts.length).toBeGreaterThan(3);
      for (const text of texts) expect(text).toContain(number);
      const info = await tool('pdfinfo', [original.file]);
      expect(info).toContain(number);
      expect(info).toMatch(/verify/i);

      // The filtered set as a ZIP, checked as an auditor would: unzip, then sha256sum -c.
      await officer.getByRole('link', { name: 'Back to the archive' }).click();
      await filterArchive(officer, { client: 'şəki' });
      const zip = await downloadBy(officer, 'Download these as ZIP', work);
      expect(zip.name).toMatch(/^RiskPlan-archive-\d{4}-\d{2}-\d{2}\.zip$/);
      const folder = unzipped(readFileSync(zip.file));
      try {
        expect(filesIn(folder)).toEqual([`${number}-rev1.pdf`, `${number}-rev2.pdf`, 'SHA256SUMS', 'manifest.csv', 'manifest.json']);
        const check = sha256Check(folder);
        expect(check.status, check.stderr).toBe(0);
        expect(check.stdout.trim().split('\n').sort()).toEqual([`${number}-rev1.pdf: OK`, `${number}-rev2.pdf: OK`]);
        expect(readFileSync(path.join(folder, `${number}-rev2.pdf`)).equals(originalBytes)).toBe(true);
        const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as {
          exportedBy: string;
          organisation: string;
          filter: Record<string, string>;
          entries: { reportNumber: string; revision: number; client: string; sha256: string; file: string }[];
        };
        expect(manifest).toMatchObject({ exportedBy: 'Lela Gelashvili', organisation: FIRM, filter: { client: 'şəki' } });
        expect(manifest.entries.map((entry) => [entry.reportNumber, entry.revision, entry.client, entry.file]).sort()).toEqual([
          [number, 1, 'Şəki İpək MMC', `${number}-rev1.pdf`],
          [number, 2, 'Şəki İpək MMC', `${number}-rev2.pdf`],
        ]);
        expect(manifest.entries.find((entry) => entry.revision === 2)?.sha256).toBe(shownSha256);
        expect(readFileSync(path.join(folder, 'manifest.csv'), 'utf8')).toContain('Şəki İpək MMC');
      } finally {
        removeFolder(folder);
      }

      // Signed out, the footer's verify page: the original, the same file with one byte changed, the pasted SHA-256.
      await officer.getByRole('button', { name: 'Sign out' }).click();
      await officer.locator('.notice').waitFor();
      await officer.getByRole('link', { name: 'Verify a report' }).click();
      expect(await officer.textContent('h1')).toBe('Check a RiskPlan report');
      expect(await officer.locator('.site-header__account').count()).toBe(0);
      await inspect(officer, 'compliance-05-verify');
      const genuine = await verify(officer, { file: original.file });
      expect(genuine).toContain('This is a genuine RiskPlan issue');
      expect(genuine).toContain(`Report number ${number}`);
      expect(genuine).toContain('Revision 2');
      expect(genuine).toContain(`Issued by ${FIRM}`);
      // Nothing else: not the client, not the consultant, not the rating.
      expect(genuine).not.toContain('Şəki');
      expect(genuine).not.toContain('Nino');
      await inspect(officer, 'compliance-06-verify-genuine');

      const alteredFile = path.join(work, `${number}-rev2-altered.pdf`);
      const altered = withOneByteChanged(originalBytes);
      expect(altered.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect([...altered].filter((byte, index) => byte !== originalBytes[index])).toHaveLength(1);
      writeFileSync(alteredFile, altered);
      const notIssued = await verify(officer, { file: alteredFile });
      expect(notIssued).toContain('Not a RiskPlan issue');
      expect(notIssued).not.toContain(number);
      await inspect(officer, 'compliance-07-verify-altered');

      // Pasted as some tools print it: upper case.
      const pasted = await verify(officer, { sha256: shownSha256.toUpperCase() });
      expect(pasted).toContain('This is a genuine RiskPlan issue');
      expect(pasted).toContain(`Report number ${number}`);

      // Back in as compliance: the audit log has the download, the export and the checks.
      const auditor = await signedInPage(browser, base, 'lela@crp.example');
      await auditor.getByRole('link', { name: 'Audit log', exact: true }).click();
      expect(await auditor.textContent('h1')).toBe('Audit log');
      const audit = (await auditor.locator('table tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
      const lineOf = (event: string) => audit.filter((row) => row.includes(event));
      expect(lineOf('Issued report downloaded')).toEqual([expect.stringMatching(new RegExp(`Lela Gelashvili.*${number} rev 2`))]);
      expect(lineOf('Archive exported')).toEqual([expect.stringContaining('Lela Gelashvili')]);
      // Every particular in words: the export's filter as a sentence, no programmer's key anywhere.
      expect(lineOf('Archive exported')[0]).toMatch(/Archive export Client contains “şəki”; 2 reports$/);
      for (const line of audit) expect(line).not.toMatch(/\b[a-z]+[A-Z]\w*\b|\b[a-z]+_[a-z]\w*\b/);
      // The two matches (file and pasted hash) are recorded; the altered file matched nothing, so nothing is kept of it.
      expect(lineOf('Report checked on the verify page')).toHaveLength(2);
      for (const line of lineOf('Report checked on the verify page')) expect(line).toContain(number);
      expect(lineOf('Report issued')).toHaveLength(4);
      await inspect(auditor, 'compliance-08-audit');
      // Everything that happened to one report: its number in About.
      await auditor.fill('#about', number.toLowerCase());
      await auditor.getByRole('button', { name: 'Apply filters' }).click();
      const aboutReport = (await auditor.locator('table tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
      expect(aboutReport.length).toBeGreaterThan(0);
      for (const line of aboutReport) expect(line).toContain(number);
      expect(aboutReport.filter((line) => line.includes('Report checked on the verify page'))).toHaveLength(2);
      // On a phone: the audit log and the archive.
      await auditor.setViewportSize({ width: 390, height: 844 });
      await inspect(auditor, 'compliance-09-audit-phone');
      await auditor.getByRole('link', { name: 'Archive', exact: true }).click();
      await inspect(auditor, 'compliance-10-archive-phone');
      await auditor.context().close();
      await officer.context().close();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
