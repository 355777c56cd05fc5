import type { ReportModel } from '../reportModelTypes.js';
import { renderReportPdf } from './document.js';

/** A small model that touches every block type: rendered once to warm a fresh worker up (tests use it as any model). */
export const warmUpModel: ReportModel = {
  lang: 'en',
  companyName: 'Warm-up',
  issuedAtIso: '2000-01-01T00:00:00.000Z',
  documentInfo: { title: 'Warm-up', author: 'RiskPlan', subject: 'Warm-up', keywords: 'warm-up', creator: 'RiskPlan' },
  header: { left: 'Warm-up ə ğ ı ş ქ Ж', right: '1 January 2000' },
  footer: { left: 'Warm-up', pageTemplate: '{page}/{pages}' },
  labels: { contents: 'Contents', cover: 'Cover' },
  cover: { kicker: 'W', title: 'Warm-up', company: 'Warm-up', facts: [{ label: 'a', value: 'b' }], rating: { label: 'r', value: 'Low', band: 'low' }, notice: 'n' },
  sections: [
    {
      id: 'warm-up',
      title: 'Warm-up',
      blocks: [
        { type: 'paragraph', text: 'Paragraph', style: 'body' },
        { type: 'heading', text: 'Heading' },
        { type: 'list', ordered: true, items: ['one'] },
        { type: 'steps', items: ['step'] },
        { type: 'table', columns: [{ header: 'h', width: 1 }], rows: [[{ text: 'cell', sub: 'sub', band: 'high' }]] },
        { type: 'rating', label: 'r', value: 'High', band: 'high', text: 't', compact: true },
        { type: 'callout', text: 'callout', tone: 'info' },
        { type: 'entries', items: [{ term: 'term', details: [{ label: 'a', text: 'b' }] }] },
        {
          type: 'checklist',
          headers: { done: 'd', action: 'a', priority: 'p', owner: 'o', due: 'u' },
          groups: [{ title: 'g', items: [{ text: 't', detail: 'd', priority: 'p', band: 'medium' }] }],
        },
        {
          type: 'heatMap',
          description: 'd',
          likelihoodAxis: 'L',
          impactAxis: 'I',
          rows: [{ label: '1', cells: [{ band: 'low', score: 1, refs: 'R1', description: 'd' }] }],
          columnLabels: ['1'],
          legend: [{ band: 'low', label: 'Low' }],
          key: 'k',
        },
      ],
      subsections: [{ id: 'sub', title: 'Sub', newPage: false, blocks: [] }],
    },
  ],
};

/** Parses the fonts and runs every draw function once, so that the first real render is quick. */
export async function warmUpPdfRenderer(): Promise<void> {
  await renderReportPdf(warmUpModel);
}
