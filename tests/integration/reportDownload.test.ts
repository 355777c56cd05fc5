import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useFreshApp } from '../support/lifecycle.js';
import { downloadPdf, everyExposureProfile, newAgent, startAssessment, walkAllSections } from '../support/walk.js';

const company = 'შპს კავკასია · Qafqaz Ərzaq MMC';

function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

describe('downloading the report', () => {
  const app = useFreshApp();

  it('sends a PDF of the assessment with a safe file name, no-store, and the same bytes twice', async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    await walkAllSections(agent, { ...everyExposureProfile, company_name: company });

    const first = await downloadPdf(agent);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['cache-control']).toBe('no-store');
    const disposition = String(first.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''/);
    expect(disposition).toContain(encodeURIComponent('Qafqaz'));
    const pdf = first.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = pdfText(pdf);
    expect(text).toContain('Qafqaz Ərzaq MMC');
    expect(text).toContain('შპს კავკასია');
    const results = await agent.get('/assessment/results').expect(200);
    expect(results.text).toContain(company);

    const second = await downloadPdf(agent);
    expect(Buffer.compare(second.body as Buffer, pdf)).toBe(0);
  });

  it('offers a printable HTML version of the same report', async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    await walkAllSections(agent, { ...everyExposureProfile, company_name: company });
    const page = await agent.get('/assessment/report').expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain(company);
    expect(page.text).toContain('/static/css/print.css');
    expect(page.text).not.toContain('<script');
  });

  it('sends people with an unfinished assessment back to their task list', async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    const pdf = await agent.get('/assessment/report.pdf');
    expect(pdf.status).toBe(303);
    expect(pdf.headers.location).toBe('/assessment?incomplete=1');
    const print = await agent.get('/assessment/report');
    expect(print.status).toBe(303);
  });
});
