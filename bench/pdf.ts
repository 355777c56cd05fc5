/**
 * PDF benchmark: pdfkit (the report renderer) against Chromium printing the HTML print view of
 * the same report, for a typical assessment and for the largest one validation allows.
 *
 *   npm run bench:pdf            (RUNS=40 npm run bench:pdf for more samples)
 *
 * Both sides start from the same ReportModel. pdfkit: `renderReportPdf(model)` in this process,
 * after warm-up renders. Chromium: one warm browser and page (playwright-core, Debian's
 * chromium); the print view is rendered with ejs and loaded with `page.setContent` (CSS
 * inlined), then timed twice: `page.pdf()` alone on the loaded page (Chromium's best case, used
 * for the ratio) and `setContent` + `page.pdf()` (HTML to PDF). Also the render pool the way
 * the server renders: one report at a time through one worker (latency, model copied to the
 * worker and bytes back included), and throughput with two workers.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import { chromium } from 'playwright-core';
import { createTranslator } from '../src/i18n/catalogue.js';
import { currentQuestionnaire } from '../src/questionnaire/registry.js';
import { renderReportPdf } from '../src/report/pdf/document.js';
import { buildReportModel, type ReportModel } from '../src/report/reportModel.js';
import { createPdfRenderPool } from '../src/report/renderPool.js';
import { scoreAssessment } from '../src/scoring/scoreAssessment.js';
import type { Answers } from '../src/questionnaire/types.js';
import { largestAnswers, mixedText, sampleMeta, typicalAnswers } from './reportFixtures.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.RUNS ?? 40);
const warmUpRuns = 5;
const budget = { typicalMedianMs: 50, minRatio: 5 };

interface Case {
  name: string;
  model: ReportModel;
}

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function modelFor(answers: Answers, meta = sampleMeta()): ReportModel {
  const register = scoreAssessment(currentQuestionnaire, answers);
  return buildReportModel({ questionnaire: currentQuestionnaire, answers, register, translate: createTranslator('en'), meta });
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function timeRuns(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < warmUpRuns; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function printHtml(model: ReportModel, css: string): Promise<string> {
  const html = await ejs.renderFile(path.join(root, 'views/report/print.ejs'), { model, t: createTranslator('en') });
  return html.replace('<link rel="stylesheet" href="/static/css/print.css">', `<style>${css}</style>`);
}

/** Latency through the pool as the server renders: one worker, one report at a time. */
async function poolLatency(model: ReportModel): Promise<number> {
  const pool = createPdfRenderPool({ size: 1, timeoutMs: 60_000 });
  try {
    return await timeRuns(() => pool.render(model));
  } finally {
    await pool.close();
  }
}

async function poolThroughput(model: ReportModel): Promise<number> {
  const pool = createPdfRenderPool({ size: 2, timeoutMs: 60_000 });
  try {
    await Promise.all([pool.render(model), pool.render(model)]);
    const count = Math.max(runs, 20);
    const start = performance.now();
    await Promise.all(Array.from({ length: count }, () => pool.render(model)));
    return (count * 1000) / (performance.now() - start);
  } finally {
    await pool.close();
  }
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

async function main(): Promise<void> {
  const cases: Case[] = [
    { name: 'typical', model: modelFor(typicalAnswers(currentQuestionnaire)) },
    {
      name: 'largest',
      model: modelFor(largestAnswers(currentQuestionnaire), sampleMeta({ preparedBy: mixedText(200, 1), consultantFirm: mixedText(200, 2) })),
    },
  ];
  const css = await readFile(path.join(root, 'static/css/print.css'), 'utf8');

  // pdfkit first, with no browser running next to it; then Chromium.
  const pdfkit = new Map<string, { ms: number; bytes: number; poolMs: number; poolPerSecond: number }>();
  for (const { name, model } of cases) {
    const pdf = await renderReportPdf(model);
    const ms = await timeRuns(() => renderReportPdf(model));
    pdfkit.set(name, { ms, bytes: pdf.length, poolMs: await poolLatency(model), poolPerSecond: await poolThroughput(model) });
  }

  const rows: string[][] = [];
  const results: Record<string, { pdfkit: number; chromium: number }> = {};
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const printOptions = { format: 'A4', printBackground: true, preferCSSPageSize: true } as const;
    for (const { name, model } of cases) {
      const ours = pdfkit.get(name);
      if (!ours) continue;
      await page.setContent(await printHtml(model, css));
      const chromiumPdf = await page.pdf(printOptions);
      const pdfOnlyMs = await timeRuns(() => page.pdf(printOptions));
      const fullMs = await timeRuns(async () => {
        await page.setContent(await printHtml(model, css));
        return page.pdf(printOptions);
      });
      results[name] = { pdfkit: ours.ms, chromium: pdfOnlyMs };
      rows.push([name, 'pdfkit renderReportPdf', ours.ms.toFixed(1), (1000 / ours.ms).toFixed(1), kb(ours.bytes), '']);
      rows.push([name, 'pdfkit pool, 1 worker', ours.poolMs.toFixed(1), (1000 / ours.poolMs).toFixed(1), '', '']);
      rows.push([name, 'pdfkit pool, 2 workers', '', ours.poolPerSecond.toFixed(1), '', '']);
      rows.push([name, 'Chromium page.pdf()', pdfOnlyMs.toFixed(1), (1000 / pdfOnlyMs).toFixed(1), kb(chromiumPdf.length), `${(pdfOnlyMs / ours.ms).toFixed(1)}x`]);
      rows.push([name, 'Chromium setContent+pdf', fullMs.toFixed(1), (1000 / fullMs).toFixed(1), '', `${(fullMs / ours.ms).toFixed(1)}x`]);
    }
  } finally {
    await browser.close();
  }

  const header = ['report', 'renderer', 'median ms', 'reports/s', 'size', 'pdfkit faster'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => pad(cell, widths[i] ?? 0, i >= 2)).join('  ');
  out(`PDF benchmark: ${runs} timed runs after ${warmUpRuns} warm-up runs, Node ${process.versions.node}`);
  out(line(header));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) out(line(row));

  const typical = results.typical;
  const typicalPool = pdfkit.get('typical')?.poolMs;
  if (typical) {
    const ratio = typical.chromium / typical.pdfkit;
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    out();
    out(`Budget: typical median ${typical.pdfkit.toFixed(1)} ms (< ${budget.typicalMedianMs} ms): ${verdict(typical.pdfkit < budget.typicalMedianMs)}`);
    out(`Budget: pdfkit in-process ${ratio.toFixed(1)}x faster than Chromium page.pdf() (>= ${budget.minRatio}x): ${verdict(ratio >= budget.minRatio)}`);
    if (typicalPool) {
      const poolRatio = typical.chromium / typicalPool;
      out(`        pdfkit through the pool, as the server renders: ${poolRatio.toFixed(1)}x (>= ${budget.minRatio}x): ${verdict(poolRatio >= budget.minRatio)}`);
    }
  }
}

await main();
