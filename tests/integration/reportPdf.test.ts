import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { messageKeys } from '../../src/questionnaire/messageKeys.js';
import type { Answers, StoredAnswer } from '../../src/questionnaire/types.js';
import { questionnaireV1 } from '../../src/questionnaire/v1/index.js';
import { buildReportModel, type ReportModel } from '../../src/report/reportModel.js';
import { createPdfRenderPool, PdfRenderTimeoutError, type PdfRenderPool } from '../../src/report/renderPool.js';
import { scoreAssessment } from '../../src/scoring/scoreAssessment.js';

/*
 * The PDF as users get it, checked with the real tools: poppler (pdftotext, pdffonts, pdfinfo),
 * qpdf and PDFBox Preflight. Rendering goes through the worker pool, as in the server.
 */

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const t = createTranslator('en');
const v = questionnaireV1.version;
const company = 'Şəki Ğıda · ქართლი · Каспий';
const preflightClasspath = [
  'preflight',
  'pdfbox2',
  'fontbox2',
  'xmpbox',
  'commons-logging',
  'javax.activation',
  'jaxb-api',
].map((name) => `/usr/share/java/${name}.jar`);

const contacts = {
  crisis_lead_name: 'Nino Beridze',
  crisis_lead_phone: '+995 555 12 34 56',
  deputy_name: 'Rəşad Məmmədov',
  deputy_phone: '+994 50 123 45 67',
  it_lead_name: 'Гиорги Капанадзе',
  it_lead_phone: '+995 599 98 76 54',
  insurer: 'Policy BX-2291 & co <claims>',
  bank: 'Kapital Bank, account 4471',
  key_suppliers: 'Fuel depot, Rustavi road',
  emergency_number_georgia: '+995 000 111',
  police_number_georgia: '+995 000 222',
  emergency_number_azerbaijan: '+994 000 333',
  police_number_azerbaijan: '+994 000 444',
};

/** An exposed business with few measures in place: several High and Critical scenarios. */
function exposedAnswers(extra: Record<string, string | string[]> = {}): Answers {
  const values: Record<string, string | string[]> = {
    company_name: company,
    countries: ['georgia', 'azerbaijan'],
    sector: 'energy',
    sites: 'six_or_more',
    site_locations: ['capital_city', 'near_border'],
    staff_local: 'from_250',
    staff_expatriate: 'from_5_to_19',
    cross_border: 'yes',
    energy_dependence: 'critical',
    uses_ports: 'directly',
    critical_it: 'essential',
    online_services: 'yes',
    border_frequency: 'daily',
    border_dependence: 'more_than_half',
    border_delay_tolerance: 'less_than_a_day',
    border_alternatives: 'none',
    power_cuts: 'monthly_or_more',
    backup_power: 'none',
    unrest_history: 'several_times',
    site_proximity: ['government_buildings'],
    continuity_plan: 'none',
    mfa: 'none',
    backups: 'none',
    ...contacts,
    ...extra,
  };
  const answers: Record<string, StoredAnswer> = {};
  for (const [id, value] of Object.entries(values)) answers[id] = { value };
  answers.sector = { value: 'energy', note: 'Gas distribution · ქსელი · сеть' };
  return answers;
}

function modelFor(answers: Answers): ReportModel {
  return buildReportModel({
    questionnaire: questionnaireV1,
    answers,
    register: scoreAssessment(questionnaireV1, answers),
    translate: t,
    meta: {
      reportId: 'RP-2026-0042',
      issuedAt: new Date('2026-11-28T09:30:00Z'),
      preparedBy: 'Leyla Həsənova',
      consultantFirm: 'Caucasus Continuity & Risk <Advisory>',
    },
  });
}

/** Extracted text with line breaks and wrapping undone, so that phrases can be searched. */
function normalised(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([-/–—]) /g, '$1').trim();
}

let dir: string;
let pool: PdfRenderPool;
let model: ReportModel;
let pdfPath: string;
let pdf: Buffer;

async function tool(command: string, args: string[]): Promise<string> {
  const { stdout } = await run(command, args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'riskplan-pdf-'));
  pool = createPdfRenderPool({ size: 1, timeoutMs: 20_000 });
  model = modelFor(exposedAnswers());
  pdf = await pool.render(model);
  pdfPath = path.join(dir, 'report.pdf');
  await writeFile(pdfPath, pdf);
});

afterAll(async () => {
  await pool?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the report PDF', () => {
  it('given a company typed in Azerbaijani, Georgian and Cyrillic, holds its name, the serious scenarios, the checklist and the contacts as text', async () => {
    const text = normalised(await tool('pdftotext', ['-raw', pdfPath, '-']));
    const register = scoreAssessment(questionnaireV1, exposedAnswers());
    const serious = register.scenarios.filter((s) => s.residualBand === 'high' || s.residualBand === 'critical');
    expect(serious.length).toBeGreaterThan(0);

    expect(text).toContain(company);
    for (const s of serious) expect(text).toContain(normalised(t(messageKeys.scenarioTitle(v, s.scenarioId))));
    for (const action of register.actions) expect(text).toContain(normalised(t(messageKeys.recommendationText(v, action.recommendationId))));
    for (const value of Object.values(contacts)) expect(text).toContain(normalised(value));
    expect(text).toContain('Gas distribution · ქსელი · сеть');
    expect(text).toContain('Leyla Həsənova');
  });

  it('given the same model twice, gives byte-identical files, in the pool and in another process', async () => {
    const again = await pool.render(model);
    expect(again.equals(pdf)).toBe(true);

    const modelPath = path.join(dir, 'model.json');
    const otherPath = path.join(dir, 'other.pdf');
    const scriptPath = path.join(dir, 'render.mjs');
    await writeFile(modelPath, JSON.stringify(model));
    await writeFile(
      scriptPath,
      [
        "import { readFileSync, writeFileSync } from 'node:fs';",
        'const { renderReportPdf } = await import(process.argv[2]);',
        "writeFileSync(process.argv[4], await renderReportPdf(JSON.parse(readFileSync(process.argv[3], 'utf8'))));",
      ].join('\n'),
    );
    const renderer = pathToFileURL(path.join(root, 'src/report/pdf/document.ts')).href;
    await run(process.execPath, ['--import', 'tsx', scriptPath, renderer, modelPath, otherPath], { cwd: root });
    expect((await readFile(otherPath)).equals(pdf)).toBe(true);
  });

  it('passes qpdf --check', async () => {
    const output = await tool('qpdf', ['--check', pdfPath]);
    expect(output).toContain('No syntax or stream encoding errors found');
  });

  it('embeds every font it uses, DejaVu only', async () => {
    const rows = (await tool('pdffonts', [pdfPath])).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [name = '', , , emb] = row.split(/\s+/);
      expect(name).toMatch(/^[A-Z]{6}\+DejaVuSans/);
      expect(row).toMatch(/Identity-H\s+yes\s+yes\s+yes/);
      expect(emb).not.toBe('no');
    }
  });

  it('is a valid PDF/A-1b file according to PDFBox Preflight', async () => {
    const output = await tool('java', ['-cp', preflightClasspath.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', pdfPath]);
    expect(output.trim().split('\n').at(-1)).toContain('is a valid PDF/A-1b file');
  });

  it('is tagged, titled, and has a bookmark for every section and plan', async () => {
    const info = await tool('pdfinfo', [pdfPath]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^PDF version:\s+1\.4$/m);
    expect(/^Title:\s+(.*)$/m.exec(info)?.[1]).toBe(model.documentInfo.title);
    expect(/^Author:\s+(.*)$/m.exec(info)?.[1]).toBe('Leyla Həsənova, Caucasus Continuity & Risk <Advisory>');
    expect(info).toMatch(/^CreationDate:\s+Sat Nov 28 09:30:00 2026 UTC$/m);

    const { outlines } = JSON.parse(await tool('qpdf', ['--json', '--json-key=outlines', pdfPath])) as {
      outlines: { title: string; kids: { title: string }[] }[];
    };
    const titles = outlines.flatMap((item) => [item.title, ...item.kids.map((kid) => kid.title)]);
    const expected = [model.labels.cover, ...model.sections.flatMap((s) => [s.title, ...s.subsections.map((sub) => sub.title)])];
    expect(titles).toEqual(expected.map((title) => title.replaceAll('\u200b', '')));
  });

  it('numbers every page "Page X of Y"', async () => {
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(await tool('pdfinfo', [pdfPath]))?.[1]);
    const text = await tool('pdftotext', ['-raw', pdfPath, '-']);
    for (const page of [1, Math.ceil(pages / 2), pages]) expect(text).toContain(`Page ${page} of ${pages}`);
  });

  it('given a 100,000-character unbroken answer, renders it within the time limit', async () => {
    const long = 'ə'.repeat(100_000);
    const started = performance.now();
    const bytes = await pool.render(modelFor(exposedAnswers({ key_suppliers: long })));
    expect(performance.now() - started).toBeLessThan(20_000);
    const longPath = path.join(dir, 'long.pdf');
    await writeFile(longPath, bytes);
    const text = await tool('pdftotext', ['-raw', longPath, '-']);
    expect(text.replace(/[^ə]/g, '').length).toBeGreaterThanOrEqual(100_000);
    expect(await tool('qpdf', ['--check', longPath])).toContain('No syntax or stream encoding errors found');
  });
});

describe('the PDF render pool', () => {
  it('given a render that overruns the time limit, rejects with a timeout error and keeps serving with a new worker', async () => {
    const limited = createPdfRenderPool({ size: 1, timeoutMs: 1_000 });
    try {
      const huge = structuredClone(model);
      // Far more text than any report holds: the renderer cannot finish it within the limit.
      const page = 'Şəki ქართლი Каспий '.repeat(50_000);
      for (let i = 0; i < 20; i += 1) huge.sections[0]?.blocks.unshift({ type: 'paragraph', text: page, style: 'body' });
      await expect(limited.render(huge)).rejects.toBeInstanceOf(PdfRenderTimeoutError);
      const small = await limited.render({ ...model, sections: [] });
      expect(small.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    } finally {
      await limited.close();
    }
  });

  it('given a closed pool, refuses new renders', async () => {
    const closing = createPdfRenderPool({ size: 1, timeoutMs: 5_000 });
    await closing.close();
    await expect(closing.render(model)).rejects.toThrow(/closed/);
  });
});
