import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { formatCalendarDate } from '../../src/presenters/actionPlanPage.js';
import { renderActionPlanCsv } from '../../src/report/actionPlanCsv.js';
import { buildActionPlanTable } from '../../src/report/actionPlanTable.js';
import { renderActionPlanXlsx } from '../../src/report/actionPlanXlsx.js';
import { renderReportDocx } from '../../src/report/docx/reportDocx.js';
import { personaReport, planItemsOf } from '../fixtures/personaReport.js';
import { bakuHotel } from '../fixtures/personas.js';

/**
 * Writes the exports of one persona (the action plan as XLSX and CSV, the report as DOCX), with
 * owners in Georgian and Azerbaijani, so that people can open them or convert them with
 * LibreOffice (`soffice --headless --convert-to pdf`). Writes to the folder given, or
 * test-output/export-samples.
 */
const out = process.argv[2] ?? path.join('test-output', 'export-samples');
mkdirSync(out, { recursive: true });
const t = createTranslator('en');
const issuedAt = new Date('2026-12-02T10:00:00Z');
const owners = ['Tamar Gelashvili', 'Rəşad Məmmədov', 'ნინო ბერიძე', 'Leyla Həsənova'];
const { register, model } = personaReport(
  { ...bakuHotel, answers: { ...bakuHotel.answers, company_name: 'Şəki Qonaq Evi — სასტუმრო LLC' } },
  {
    reportId: 'RP-SAMPLE-1',
    issuedAt,
    preparedBy: 'Leyla Həsənova',
    ownerOf: (_action, index) => owners[index % owners.length] ?? '',
    statusOf: (index) => (index === 1 ? 'in_progress' : index === 2 ? 'done' : 'to_do'),
  },
);
const table = buildActionPlanTable({
  version: register.questionnaireVersion,
  ...planItemsOf(register, (_action, index) => ({
    owner: owners[index % owners.length] ?? '',
    dueDate: `2027-0${1 + (index % 9)}-15`,
    status: index === 1 ? 'in_progress' : index === 2 ? 'done' : 'to_do',
  })),
  cover: model.cover,
  companyName: model.companyName,
  issuedAtIso: model.issuedAtIso,
  assessmentDate: '2026-11-20',
  formatDate: formatCalendarDate,
  t,
});
writeFileSync(path.join(out, 'action-plan.xlsx'), await renderActionPlanXlsx(table));
writeFileSync(path.join(out, 'action-plan.csv'), renderActionPlanCsv(table));
writeFileSync(path.join(out, 'report.docx'), await renderReportDocx(model));
process.stdout.write(`${out}: action-plan.xlsx, action-plan.csv, report.docx (${register.actions.length} actions)\n`);
