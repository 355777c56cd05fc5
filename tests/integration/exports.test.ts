import { beforeEach, describe, expect, it } from 'vitest';
import { parse as parseContentDisposition } from 'content-disposition';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import { actionPlanFormFrom, formBody, locationOf } from '../support/forms.js';
import { useFreshApp } from '../support/lifecycle.js';
import { csvRecords, docxHeadings, docxParagraphs, firstMissingInOrder, pdfBookmarks, pdfText, xlsxWorkbook } from '../support/officeFiles.js';
import { testStore } from '../support/testApp.js';
import { binary, downloadPdf, everyExposureProfile, newAgent, startAssessment, walkAllSections, type Agent } from '../support/walk.js';

/*
 * The exports as a consultant gets them: walk an assessment to its results, set owners and a due
 * date on the action plan page, then download the action plan as XLSX and CSV and the report as
 * DOCX, and read each back as the program that opens it would.
 */

const company = 'შპს კავკასია · Qafqaz Ərzaq MMC';
const georgianOwner = 'ნინო ბერიძე';
const azerbaijaniOwner = 'Rəşad Məmmədov (ə ğ ı ş)';
const formulaOwner = '=HYPERLINK("http://x","y")';
const ACTIONS_PAGE = '/assessment/actions';

/** Every measure answered "not in place", so that many actions are recommended. */
const noMeasures: Record<string, string> = Object.fromEntries(
  currentQuestionnaire.sections
    .flatMap((section) => section.questions)
    .flatMap((question) => {
      const none = question.type === 'radio' && question.measure !== undefined ? question.options?.find((option) => option.credit === 'none') : undefined;
      return none ? [[question.id, none.value]] : [];
    }),
);
const profile = { ...everyExposureProfile, ...noMeasures, company_name: company };

const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8; header=present',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function download(agent: Agent, path: string) {
  return agent.get(path).buffer(true).parse(binary);
}

/** '2026-03-10' plus days, as a calendar date. */
function daysAfter(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function decodeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

interface PagePlan {
  /** Action ids in the order the page lists them. */
  ids: string[];
  texts: string[];
  owners: string[];
  dueDates: string[];
}

/** The action plan as the page shows it: the actions in order, with each owner and due date. */
function planOnPage(html: string): PagePlan {
  const fields = actionPlanFormFrom(html);
  const ownerNames = Object.keys(fields).filter((name) => name.startsWith('owner-'));
  const ids = [...html.matchAll(/<input class="input[^"]*" id="owner-[^"]+" name="(owner-[^"]+)"/g)].map((m) => m[1] ?? '');
  expect(ids).toEqual(ownerNames);
  return {
    ids,
    texts: [...html.matchAll(/<span class="plan-card__text">([^<]*)<\/span>/g)].map((m) => decodeHtml(m[1] ?? '')),
    owners: ids.map((name) => decodeHtml(fields[name] ?? '')),
    dueDates: ids.map((name) => fields[name.replace(/^owner-/, 'due-')] ?? ''),
  };
}

describe(`exports of an assessment on ${testStore}`, () => {
  const app = useFreshApp();
  let agent: Agent;

  beforeEach(() => {
    agent = newAgent(app().app);
  });

  /** Walks to results, then names three owners (Georgian, Azerbaijani, a formula) and moves the first due date. */
  async function assessmentWithPlan(): Promise<{ plan: PagePlan; firstDue: string }> {
    await startAssessment(agent);
    await walkAllSections(agent, profile);
    const page = await agent.get(ACTIONS_PAGE).expect(200);
    const earliest = /min="(\d{4}-\d{2}-\d{2})"/.exec(page.text)?.[1] ?? '';
    const shown = planOnPage(page.text);
    const [first, second, third] = shown.ids.map((name) => name.replace(/^owner-/, ''));
    if (!first || !second || !third) throw new Error('expected three actions');
    const firstDue = daysAfter(earliest, 45);
    const saved = await agent
      .post(ACTIONS_PAGE)
      .type('form')
      .send(
        formBody({
          ...actionPlanFormFrom(page.text),
          [`owner-${first}`]: georgianOwner,
          [`due-${first}`]: firstDue,
          [`owner-${second}`]: azerbaijaniOwner,
          [`status-${second}`]: 'in_progress',
          [`owner-${third}`]: formulaOwner,
        }),
      );
    expect(saved.status).toBe(303);
    const plan = planOnPage((await agent.get(locationOf(saved)).expect(200)).text);
    expect(plan.owners.slice(0, 3)).toEqual([georgianOwner, azerbaijaniOwner, formulaOwner]);
    expect(plan.dueDates[0]).toBe(firstDue);
    return { plan, firstDue };
  }

  function expectAttachment(response: { status: number; headers: Record<string, string> }, extension: keyof typeof contentTypes) {
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(contentTypes[extension]);
    expect(response.headers['cache-control']).toBe('no-store');
    const header = response.headers['content-disposition'] ?? '';
    // The plain ASCII fallback, for clients that do not read filename*.
    expect(header).toMatch(new RegExp(`^attachment; filename="?RiskPlan-shps-kavkasia-Qafqaz-Erzaq-MMC-[a-z-]*\\d{4}-\\d{2}-\\d{2}\\.${extension}"?; filename\\*=UTF-8''`));
    // filename*, as a browser reads it (the parser prefers it): the company as typed.
    const words = extension === 'docx' ? '' : ' - action plan';
    expect(parseContentDisposition(header).parameters.filename).toMatch(new RegExp(`^RiskPlan - ${company}${words} - \\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
  }

  it('links to every export from the results page and the action plan page', async () => {
    await startAssessment(agent);
    await walkAllSections(agent, profile);
    for (const path of ['/assessment/results', ACTIONS_PAGE]) {
      const page = await agent.get(path).expect(200);
      expect(page.text).toContain('<a href="/assessment/actions.xlsx" download>Download the action plan (Excel)</a>');
      expect(page.text).toContain('<a href="/assessment/actions.csv" download>Download the action plan (CSV)</a>');
      expect(page.text).toContain('<a href="/assessment/report.docx" download>Download the report (Word)</a>');
    }
  });

  it('exports the action plan as XLSX: frozen header, filters, real dates, one row per action in the page order', async () => {
    const { plan, firstDue } = await assessmentWithPlan();
    const response = await download(agent, '/assessment/actions.xlsx');
    expectAttachment(response, 'xlsx');

    const workbook = await xlsxWorkbook(response.body as Buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(plan.ids.length + 1);
    const column = (header: string) => {
      const index = (sheet.getRow(1).values as unknown[]).indexOf(header);
      expect(index, header).toBeGreaterThan(0);
      return plan.ids.map((_id, row) => sheet.getRow(row + 2).getCell(index));
    };
    expect(column('Action').map((cell) => cell.value)).toEqual(plan.texts);
    expect(column('Owner').map((cell) => cell.value)).toEqual(plan.owners);
    const due = column('Due date');
    expect(due[0]?.value).toBeInstanceOf(Date);
    expect((due[0]?.value as Date).toISOString()).toBe(`${firstDue}T00:00:00.000Z`);
    expect(due.map((cell) => (cell.value as Date).toISOString().slice(0, 10))).toEqual(plan.dueDates);
    expect(due[0]?.numFmt).toMatch(/yyyy/);
    expect(column('Status')[1]?.value).toBe('In progress');
    expect(workbook.worksheets[1]?.getCell('B3').value).toBe(company);
  });

  it('exports the action plan as CSV: BOM, CRLF, one line per action, names in any script, formulas neutralised', async () => {
    const { plan, firstDue } = await assessmentWithPlan();
    const response = await download(agent, '/assessment/actions.csv');
    expectAttachment(response, 'csv');
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const records = csvRecords(text);
    expect(records).toHaveLength(plan.ids.length + 1);
    expect(records[0]).toEqual(['No.', 'Action', 'Scenarios it treats', 'Priority', 'Timeframe', 'Owner', 'Due date', 'Status']);
    const rows = records.slice(1);
    expect(rows.map((row) => row[1])).toEqual(plan.texts);
    expect(rows.map((row) => row[6])).toEqual(plan.dueDates);
    expect(rows[0]?.[6]).toBe(firstDue);
    expect(rows[0]?.[5]).toBe(georgianOwner);
    expect(rows[1]?.[5]).toBe(azerbaijaniOwner);
    expect(rows[2]?.[5]).toBe(`'${formulaOwner}`);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('exports the report as DOCX with the headings of the PDF, in order, as Word headings', async () => {
    await assessmentWithPlan();
    const response = await download(agent, '/assessment/report.docx');
    expectAttachment(response, 'docx');
    const docx = response.body as Buffer;
    const headings = await docxHeadings(docx);
    expect(headings[0]?.level).toBe(0);

    const pdf = (await downloadPdf(agent).expect(200)).body as Buffer;
    // Every Word heading is in the PDF, in the same order.
    expect(firstMissingInOrder(pdfText(pdf), headings.map((h) => h.text))).toBeUndefined();
    // The PDF's bookmarks: the sections are Word's Heading 1, in order; their subsections are among its Heading 2, in order.
    const [, ...sections] = pdfBookmarks(pdf);
    expect(headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(sections.map((s) => s.title));
    const subsections = sections.flatMap((s) => s.kids.map((kid) => kid.title));
    expect(subsections.length).toBeGreaterThan(3);
    expect(firstMissingInOrder(headings.filter((h) => h.level === 2).map((h) => h.text).join('\n'), subsections)).toBeUndefined();

    const texts = (await docxParagraphs(docx)).map((p) => p.text);
    expect(texts).toContain(company);
    expect(texts).toContain(georgianOwner);
    expect(texts).toContain(azerbaijaniOwner);
  });

  it('answers an unfinished assessment as the PDF download does, and no assessment with the same 404', async () => {
    await startAssessment(agent);
    const pdf = await agent.get('/assessment/report.pdf');
    expect(pdf.status).toBe(303);
    for (const path of ['/assessment/actions.xlsx', '/assessment/actions.csv', '/assessment/report.docx']) {
      const response = await agent.get(path);
      expect(response.status, path).toBe(pdf.status);
      expect(response.headers.location, path).toBe(pdf.headers.location);
    }

    const stranger = newAgent(app().app);
    const noPdf = await stranger.get('/assessment/report.pdf');
    expect(noPdf.status).toBe(404);
    for (const path of ['/assessment/actions.xlsx', '/assessment/actions.csv', '/assessment/report.docx']) {
      const response = await stranger.get(path);
      expect(response.status, path).toBe(404);
      expect(response.text, path).toBe(noPdf.text);
    }
  });
});
