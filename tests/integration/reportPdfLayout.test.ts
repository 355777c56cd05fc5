import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../src/report/pdf/document.js';
import type { ReportBlock, ReportModel } from '../../src/report/reportModelTypes.js';

/*
 * Page layout of the PDF, read back with pdftotext: which text lands on which page. Each case
 * pushes the same content down the page one filler line at a time, so that some position puts
 * it right at the foot of a page.
 */

function modelWith(blocks: ReportBlock[]): ReportModel {
  return {
    lang: 'en',
    companyName: 'Layout',
    issuedAtIso: '2026-11-28T09:30:00.000Z',
    documentInfo: { title: 'Layout', author: 'RiskPlan', subject: 'Layout', keywords: 'layout', creator: 'RiskPlan' },
    header: { left: 'Layout', right: '28 November 2026' },
    footer: { left: 'RP-LAYOUT', pageTemplate: 'Page {page} of {pages}' },
    labels: { contents: 'Contents', cover: 'Cover' },
    cover: {
      kicker: 'Report',
      title: 'Layout',
      company: 'Layout',
      facts: [{ label: 'Date', value: '28 November 2026' }],
      rating: { label: 'Overall', value: 'Low', band: 'low' },
      notice: 'Notice',
    },
    sections: [{ id: 'layout', title: 'Layout section', blocks, subsections: [] }],
  };
}

function fillers(count: number): ReportBlock[] {
  return Array.from({ length: count }, (_, i) => ({ type: 'paragraph', text: `Filler line ${i + 1}.`, style: 'body' }) as const);
}

/** The page (from 1) that holds each phrase. */
async function pagesOf(blocks: ReportBlock[], phrases: readonly string[]): Promise<number[]> {
  const pdf = await renderReportPdf(modelWith(blocks));
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').split('\f');
  return phrases.map((phrase) => pages.findIndex((page) => page.replace(/\s+/g, ' ').includes(phrase)) + 1);
}

const heatMap: ReportBlock = {
  type: 'heatMap',
  description: 'Heat map',
  likelihoodAxis: 'Likelihood axis',
  impactAxis: 'Impact axis',
  rows: [5, 4, 3, 2, 1].map((likelihood) => ({
    label: `${likelihood} likelihood`,
    cells: [1, 2, 3, 4, 5].map((impact) => ({ band: 'low', score: likelihood * impact, refs: '', description: 'cell' }) as const),
  })),
  columnLabels: ['1', '2', '3', '4', '5'],
  legend: [{ band: 'low', label: 'Low' }],
  key: 'Key to the references: a note long enough to run over two lines at the foot of the matrix, as the real key does when several scenarios share the cells.',
};

describe('keep-with-next in the report PDF', () => {
  it('given a heading before a heat map with a key, never leaves the heading alone at the foot of a page', async () => {
    for (let count = 12; count <= 30; count++) {
      const [heading, axis, key] = await pagesOf(
        [...fillers(count), { type: 'heading', text: 'Where the risks sit' }, heatMap],
        ['Where the risks sit', 'Likelihood axis', 'Key to the references'],
      );
      expect({ count, heading, axis, key }).toEqual({ count, heading: axis, axis, key: axis });
    }
  });

  it('given two headings in a row, keeps both with the first lines of the text under them', async () => {
    const text = 'The text under both headings, long enough to fill a few lines of the page. '.repeat(4);
    for (let count = 32; count <= 40; count++) {
      const [outer, inner, body] = await pagesOf(
        [...fillers(count), { type: 'heading', text: 'Outer heading' }, { type: 'heading', text: 'Inner heading' }, { type: 'paragraph', text, style: 'body' }],
        ['Outer heading', 'Inner heading', 'The text under both headings'],
      );
      expect({ count, outer, inner }).toEqual({ count, outer: body, inner: body });
    }
  });
});
