import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { messageKeys } from '../../src/questionnaire/messageKeys.js';
import { questionnaireV2 } from '../../src/questionnaire/v2/index.js';
import { createPdfRenderPool, type PdfRenderPool } from '../../src/report/renderPool.js';
import type { RiskRegister } from '../../src/scoring/types.js';
import type { BusinessSpec } from '../fixtures/answerBuilder.js';
import { personaReport } from '../fixtures/personaReport.js';
import { haulierWhoDoesNotKnow, haulierWithNoMeasures, tbilisiSoftwareFirm } from '../fixtures/personas.js';

/*
 * Questionnaire 2.0's report as users get it, read back with poppler and checked with PDFBox
 * Preflight: the action plan with owners and due dates, the find-out list, one page for each
 * plan with its reason and the emergency numbers, and the page budget of a typical report.
 */

const run = promisify(execFile);
const t = createTranslator('en');
const v = questionnaireV2.version;
const issuedAt = new Date('2026-12-02T10:00:00Z');
const preflightClasspath = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api']
  .map((name) => `/usr/share/java/${name}.jar`)
  .join(':');

let dir: string;
let pool: PdfRenderPool;

async function tool(command: string, args: string[]): Promise<string> {
  const { stdout } = await run(command, args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

interface Rendered {
  file: string;
  register: RiskRegister;
  pages: string[];
}

async function render(name: string, spec: BusinessSpec): Promise<Rendered> {
  const { register, model } = personaReport(
    { ...spec, answers: { ...spec.answers, crisis_lead_name: 'Nino Beridze', it_lead_name: 'Rəşad Məmmədov' } },
    {
      reportId: `RP-${name}`,
      issuedAt,
      preparedBy: 'Leyla Həsənova',
      ownerOf: (_action, index) => (index === 0 ? 'Tamar Gelashvili' : `Owner ${index + 1}`),
      statusOf: (index) => (index === 1 ? 'in_progress' : index === 2 ? 'done' : 'to_do'),
    },
  );
  const file = path.join(dir, `${name}.pdf`);
  await writeFile(file, await pool.render(model));
  const count = Number(/^Pages:\s+(\d+)$/m.exec(await tool('pdfinfo', [file]))?.[1]);
  const pages: string[] = [];
  for (let page = 1; page <= count; page += 1) {
    pages.push((await tool('pdftotext', ['-f', String(page), '-l', String(page), '-raw', file, '-'])).replace(/\s+/g, ' '));
  }
  return { file, register, pages };
}

let software: Rendered;
let haulier: Rendered;
let unsure: Rendered;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'riskplan-pdf2-'));
  pool = createPdfRenderPool({ size: 1, timeoutMs: 30_000 });
  software = await render('software', tbilisiSoftwareFirm);
  haulier = await render('haulier', haulierWithNoMeasures);
  unsure = await render('unsure', haulierWhoDoesNotKnow);
}, 120_000);

afterAll(async () => {
  await pool?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the 2.0 report PDF', () => {
  it('is a valid PDF/A-1b file according to PDFBox Preflight, and tagged', async () => {
    for (const { file } of [software, haulier]) {
      const output = await tool('java', ['-cp', preflightClasspath, 'org.apache.pdfbox.preflight.Validator_A1b', file]);
      expect(output.trim().split('\n').at(-1)).toContain('is a valid PDF/A-1b file');
      expect(await tool('pdfinfo', [file])).toMatch(/^Tagged:\s+yes$/m);
    }
  });

  it('given a typical business, keeps to 12 pages with the summary a manager reads on page two', () => {
    expect(software.pages.length).toBeLessThanOrEqual(12);
    const summary = software.pages[1] ?? '';
    expect(summary).toContain('Executive summary');
    expect(summary).toContain('Most urgent actions');
    expect(summary).toContain('Tamar Gelashvili');
    // Its most urgent actions are High: due 30 days after the assessment date.
    expect(software.register.actions[0]?.priority).toBe(2);
    expect(summary).toContain('1 Jan 2027');
    expect(summary).toContain('112');
  });

  it('lists at most 12 actions in the checklist, each with its owner and due date, and the rest as further measures', () => {
    const text = haulier.pages.join(' ');
    expect(haulier.register.actions.length).toBeGreaterThan(12);
    for (const action of haulier.register.actions) {
      expect(text).toContain(t(messageKeys.recommendationText(v, action.recommendationId)).replace(/\s+/g, ' ').slice(0, 40));
    }
    expect(text).toContain('Owner 12');
    expect(text).toMatch(/Owner 2 \d+ \w+ 20\d\d In progress/);
    expect(text).toMatch(/Owner 3 \d+ \w+ 20\d\d Done/);
    expect(text).toContain('Further measures');
  });

  it('gives every plan one page of its own that says why it is included and names the emergency numbers', () => {
    const planPages = haulier.pages.filter((page) => /Plan R\d+:/.test(page));
    const planned = haulier.register.scenarios.filter((s) => s.residualBand === 'high' || s.residualBand === 'critical' || s.stoppedActivities.length > 0);
    expect(planPages).toHaveLength(planned.length);
    for (const page of planPages) {
      expect(page).toContain('Included because');
      expect(page).toContain('112');
      expect(page).toContain('102 for police');
      expect(page).toContain('Nino Beridze');
      expect(page).toContain('Recovery target');
    }
    expect(haulier.pages.join(' ')).toContain('would stop “Deliver customer loads” for about 1 week');
  });

  it('given "don\'t know" answers, says how many, that the rating assumes the worst, and lists what to find out', () => {
    const text = unsure.pages.join(' ');
    expect(unsure.register.findOut.length).toBeGreaterThan(10);
    expect(text).toContain(`Answers given as "don't know": ${unsure.register.findOut.length}. The rating assumes the worst for each one.`);
    expect(text).toContain('Find out and record the answer:');
  });
});
