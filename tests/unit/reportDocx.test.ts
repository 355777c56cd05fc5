import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/catalogue.js';
import type { Answers } from '../../src/questionnaire/types.js';
import { questionnaireV1 } from '../../src/questionnaire/v1/index.js';
import { renderReportDocx } from '../../src/report/docx/reportDocx.js';
import { buildReportModel, type ReportModel } from '../../src/report/reportModel.js';
import { reportOutline } from '../../src/report/reportOutline.js';
import { scoreAssessment } from '../../src/scoring/scoreAssessment.js';
import { personaReport } from '../fixtures/personaReport.js';
import { bakuHotel, haulierWhoDoesNotKnow, haulierWithEveryMeasure, haulierWithNoMeasures, tbilisiSoftwareFirm } from '../fixtures/personas.js';
import { docxHeadings, docxPart, docxParagraphs } from '../support/officeFiles.js';

const issuedAt = new Date('2026-12-02T10:00:00Z');

function v2Model(persona: typeof bakuHotel, company?: string): ReportModel {
  const spec = company === undefined ? persona : { ...persona, answers: { ...persona.answers, company_name: company } };
  return personaReport(spec, { reportId: 'RP-DOCX-1', issuedAt, preparedBy: 'Leyla Həsənova', ownerOf: (_a, i) => (i === 0 ? 'ნინო ბერიძე' : 'Rəşad Məmmədov') }).model;
}

function v1Model(): ReportModel {
  const answers: Answers = {
    company_name: { value: 'Şəki Ğıda MMC' },
    countries: { value: ['georgia', 'azerbaijan'] },
    cross_border: { value: 'yes' },
    energy_dependence: { value: 'critical' },
    crisis_lead_name: { value: 'Nino Beridze' },
  };
  const register = scoreAssessment(questionnaireV1, answers);
  const meta = { reportId: 'RP-DOCX-V1', issuedAt, preparedBy: 'Nino Beridze' };
  return buildReportModel({ questionnaire: questionnaireV1, answers, register, translate: createTranslator('en'), meta });
}

describe('renderReportDocx', () => {
  it.each([
    ['a hotel in Baku', () => v2Model(bakuHotel)],
    ['a haulier with no measures', () => v2Model(haulierWithNoMeasures)],
    ['a haulier with every measure', () => v2Model(haulierWithEveryMeasure)],
    ['a haulier who does not know', () => v2Model(haulierWhoDoesNotKnow)],
    ['a software firm in Tbilisi', () => v2Model(tbilisiSoftwareFirm)],
    ['a questionnaire 1.0 assessment', v1Model],
  ])('given the report of %s, gives Word headings with the outline the PDF follows, in order', async (_name, model) => {
    const report = model();
    const headings = await docxHeadings(await renderReportDocx(report));
    expect(headings).toEqual(reportOutline(report));
    expect(headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(report.sections.map((s) => s.title));
  });

  it('given owners and due dates in the action plan, prints them in the checklist table', async () => {
    const report = v2Model(bakuHotel);
    const texts = (await docxParagraphs(await renderReportDocx(report))).map((p) => p.text);
    expect(texts).toContain('ნინო ბერიძე');
    expect(texts).toContain('Rəşad Məmmədov');
    const checklist = report.sections.flatMap((s) => s.blocks).find((b) => b.type === 'checklist');
    const firstDue = checklist?.type === 'checklist' ? checklist.groups[0]?.items[0]?.due : undefined;
    expect(firstDue).toBeTruthy();
    expect(texts).toContain(firstDue);
  });

  it('given characters XML cannot hold in what was typed, drops them and keeps the rest', async () => {
    const docx = await renderReportDocx(v2Model(bakuHotel, 'Acme\u0001\u0007 Ltd\u000b'));
    const xml = await docxPart(docx, 'word/document.xml');
    for (const control of ['\u0001', '\u0007', '\u000b']) expect(xml).not.toContain(control);
    expect((await docxParagraphs(docx)).map((p) => p.text)).toContain('Acme Ltd');
  });

  it('carries the document metadata, a running header and page X of Y in the footer', async () => {
    const report = v2Model(bakuHotel);
    const docx = await renderReportDocx(report);
    expect(await docxPart(docx, 'docProps/core.xml')).toContain(`<dc:title>${report.documentInfo.title}</dc:title>`);
    const header = await docxPart(docx, 'word/header1.xml');
    expect(header).toContain(report.header.left);
    const footers = (await Promise.all([1, 2].map((n) => docxPart(docx, `word/footer${n}.xml`)))).join('');
    expect(footers).toMatch(/PAGE/);
    expect(footers).toMatch(/NUMPAGES/);
    expect(footers).toContain(report.footer.left);
  });
});
