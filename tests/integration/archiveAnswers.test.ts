import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { auditLines, disposeDirectly, download, memberOf } from '../support/archive.js';
import { seedIssuedReport } from '../support/issued.js';
import { issueIdFrom, issueReport } from '../support/issuing.js';
import { useFreshApp } from '../support/lifecycle.js';
import { csvRecords } from '../support/officeFiles.js';
import { addClient, startAssessmentOf } from '../support/practice.js';
import { answersFor, everyExposureProfile, postSection, walkAllSections, type Agent } from '../support/walk.js';
import type { Answers } from '../../src/questionnaire/types.js';

/** A firm's client whose business depends on energy (so the energy section is asked), with nobody named as preparing it. */
const PROFILE = { ...everyExposureProfile, company_name: 'Kartli Logistics LLC', sector: 'transport_logistics', energy_dependence: 'critical', prepared_by: '' };
const ENERGY_QUESTION = 'How much does your work depend on a steady supply of electricity, gas or fuel?';
const CRITICAL = 'Completely: work stops within hours without it';
const LIMITED = 'A little: mostly office work that could move elsewhere';
const PREPARED_BY_QUESTION = 'Who is filling in this assessment?';
const NOTE = 'Generator at the Rustavi depot <untested> & fuel for 2 days';

/** The h2 headings of a page, in order. */
function headingsOf(html: string): string[] {
  return [...html.matchAll(/<h2 class="heading-m"[^>]*>([^<]*)<\/h2>/g)].map((match) => match[1] ?? '');
}

/** The answer shown for a question on the answers page (the summary row's value, tags stripped). */
function answerTo(html: string, question: string): string | undefined {
  const escaped = question.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const row = new RegExp(`<dt class="summary-list__key">${escaped}</dt>\\s*<dd class="summary-list__value">([\\s\\S]*?)</dd>`).exec(html);
  return row?.[1]?.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Saves the business profile again with these answers and this note on energy dependence. */
async function saveProfile(agent: Agent, base: string, answers: Answers, overrides: Readonly<Record<string, string | string[]>>, note: string): Promise<void> {
  const saved = await postSection(agent, 'profile', { ...answersFor('profile', answers, overrides), energy_dependence__note: note }, 'continue', base);
  expect(saved.status).toBe(303);
}

async function auditCount(database: Database): Promise<number> {
  return (await database.db.selectFrom('audit_log').select('id').execute()).length;
}

describe('the answers an issued report was issued on, in the archive', () => {
  const running = useFreshApp();

  it('shows each revision’s own answers section by section, in words with notes, after the assessment changed; records downloads of the CSV, not views', async () => {
    const { app, database } = running();
    const nino = await memberOf(app, database, 'nino@crp.example', 'consultant', undefined, 'Nino Beridze');
    const lela = await memberOf(app, database, 'lela@crp.example', 'compliance', undefined, 'Lela Compliance');
    const tamar = await memberOf(app, database, 'tamar@crp.example', 'admin', undefined, 'Tamar Admin');
    const base = await startAssessmentOf(nino.agent, await addClient(nino.agent, { name: 'Kartli Logistics' }));
    const { answers } = await walkAllSections(nino.agent, PROFILE, base);
    await saveProfile(nino.agent, base, answers, PROFILE, NOTE);
    const first = issueIdFrom(await issueReport(nino.agent, base));
    // The business no longer depends on energy: the energy section is no longer asked.
    await saveProfile(nino.agent, base, answers, { ...PROFILE, energy_dependence: 'limited' }, 'Moved to the Tbilisi office');
    const second = issueIdFrom(await issueReport(nino.agent, base));
    const [rev1, rev2] = await database.db.selectFrom('issued_reports').selectAll().orderBy('revision').execute();
    expect([rev1?.id, rev2?.id]).toEqual([first, second]);
    const number = rev1?.report_number ?? '';
    expect(rev2?.report_number).toBe(number);

    // The report's page links to its answers.
    const report = await lela.agent.get(`/archive/reports/${first}`).expect(200);
    expect(report.text).toContain(`<a href="/archive/reports/${first}/answers">Answers it was issued on</a>`);

    const audited = await auditCount(database);
    const old = await lela.agent.get(`/archive/reports/${first}/answers`).expect(200);
    expect(old.text).toContain(`<h1 class="heading-xl">Answers ${number} rev 1 was issued on</h1>`);
    expect(old.text).toMatch(/Issued on \d{1,2} \w+ \d{4}, \d{2}:\d{2} UTC by Nino Beridze for Kartli Logistics, on questionnaire 2\.0\./);
    expect(old.text).toContain(`<a class="back-link" href="/archive/reports/${first}">Back to ${number} rev 1</a>`);
    // Section by section, in the questionnaire's order, the profile first and the contacts last.
    const oldSections = headingsOf(old.text);
    expect(oldSections[0]).toBe('About your business');
    expect(oldSections).toContain('Energy supply');
    expect(oldSections.at(-1)).toBe('Key contacts');
    expect(answerTo(old.text, 'What is the name of your business?')).toBe('Kartli Logistics LLC');
    // The answer in words, its note as typed (escaped), an unanswered question said to be so.
    expect(answerTo(old.text, ENERGY_QUESTION)).toBe(`${CRITICAL} Note: Generator at the Rustavi depot &lt;untested&gt; &amp; fuel for 2 days`);
    expect(answerTo(old.text, PREPARED_BY_QUESTION)).toBe('Not answered');
    expect(old.text).not.toContain(LIMITED);
    expect(old.text).not.toContain('Moved to the Tbilisi office');

    const now = await lela.agent.get(`/archive/reports/${second}/answers`).expect(200);
    expect(now.text).toContain(`Answers ${number} rev 2 was issued on`);
    expect(answerTo(now.text, ENERGY_QUESTION)).toBe(`${LIMITED} Note: Moved to the Tbilisi office`);
    expect(headingsOf(now.text)).not.toContain('Energy supply');
    expect(headingsOf(now.text)).toEqual(oldSections.filter((title) => title !== 'Energy supply'));
    // An admin of the firm sees them too. Looking is not recorded.
    await tamar.agent.get(`/archive/reports/${first}/answers`).expect(200);
    expect(await auditCount(database)).toBe(audited);

    // The CSV: one row per question listed, the words and the stored value, recorded as a download.
    expect(old.text).toContain(`href="/archive/reports/${first}/answers.csv"`);
    const csv = await download(lela.agent, `/archive/reports/${first}/answers.csv`).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename=${number}-rev1-answers.csv`);
    expect(csv.headers['cache-control']).toBe('no-store');
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, ...records] = csvRecords(text.slice(1));
    expect(header).toEqual(['Report', 'Questionnaire version', 'Section', 'Question ID', 'Question', 'Answer', 'Stored value', 'Note']);
    expect(records).toHaveLength((old.text.match(/<dt class="summary-list__key">/g) ?? []).length);
    expect(records).toContainEqual([`${number} rev 1`, '2.0', 'About your business', 'energy_dependence', ENERGY_QUESTION, CRITICAL, 'critical', NOTE]);
    expect(records).toContainEqual([`${number} rev 1`, '2.0', 'About your business', 'prepared_by', PREPARED_BY_QUESTION, '', '', '']);
    expect(records).toContainEqual([`${number} rev 1`, '2.0', 'About your business', 'countries', 'Where does your business operate?', 'Georgia; Azerbaijan', 'georgia; azerbaijan', '']);
    const downloads = await auditLines(database, 'report.answers_downloaded');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatchObject({ organisation_id: lela.user.organisationId, actor_user_id: lela.user.id, actor_name: 'Lela Compliance', subject: `${number} rev 1` });
    expect(JSON.parse(downloads[0]?.detail ?? '{}')).toEqual({ reportId: first });
    expect(await auditLines(database, 'report.downloaded')).toHaveLength(0);
    // A HEAD sends nothing and records nothing.
    await lela.agent.head(`/archive/reports/${first}/answers.csv`).expect(200);
    expect(await auditLines(database, 'report.answers_downloaded')).toHaveLength(1);
  }, 60_000);

  it('says when and by whom a disposed report was disposed of, for its answers and their CSV, and no longer links to them', async () => {
    const { app, database } = running();
    const compliance = await memberOf(app, database, 'lela@crp.example', 'compliance');
    const issue = await seedIssuedReport(database, { organisationId: compliance.user.organisationId, clientName: 'Kartli Logistics', answers: { company_name: { value: 'Kartli Logistics LLC' } } });
    await disposeDirectly(database, issue.id, 'Tamar Admin');

    for (const url of [`/archive/reports/${issue.id}/answers`, `/archive/reports/${issue.id}/answers.csv`]) {
      const gone = await compliance.agent.get(url);
      expect(gone.status, url).toBe(410);
      expect(gone.headers['content-type']).toMatch(/text\/html/);
      expect(gone.text).toMatch(new RegExp(`${issue.report_number} rev 1 was disposed of on \\d{1,2} \\w+ \\d{4} by Tamar Admin`));
      expect(gone.text).toContain('Its PDF and the answers it was issued on are no longer kept.');
      expect(gone.text).not.toContain('Kartli Logistics LLC');
    }
    const page = await compliance.agent.get(`/archive/reports/${issue.id}`).expect(200);
    expect(page.text).not.toContain(`/archive/reports/${issue.id}/answers`);
    expect(await auditLines(database, 'report.answers_downloaded')).toHaveLength(0);
  });

  it('shows the answers of a questionnaire version this RiskPlan no longer has as stored, by question id', async () => {
    const { app, database } = running();
    const compliance = await memberOf(app, database, 'lela@crp.example', 'compliance');
    const issue = await seedIssuedReport(database, {
      organisationId: compliance.user.organisationId,
      clientName: 'Kartli Logistics',
      questionnaireVersion: '0.9',
      answers: { company_name: { value: 'Kartli Logistics LLC' }, countries: { value: ['georgia', 'azerbaijan'], note: 'Both offices' } },
    });
    const page = await compliance.agent.get(`/archive/reports/${issue.id}/answers`).expect(200);
    expect(page.text).toContain('This version of RiskPlan no longer has questionnaire 0.9');
    expect(answerTo(page.text, 'company_name')).toBe('Kartli Logistics LLC');
    expect(answerTo(page.text, 'countries')).toBe('georgia; azerbaijan Note: Both offices');
  });
});
