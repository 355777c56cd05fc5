import { Router, type Response } from 'express';
import type { AuditLog } from '../../audit/auditLog.js';
import { renderActionPlanCsv } from '../../report/actionPlanCsv.js';
import { renderActionPlanXlsx, renderReportDocx } from '../../report/officeExports.js';
import { downloadContentDisposition, downloadFileName, type DownloadContent, type DownloadExtension } from '../../report/fileName.js';
import type { AssessmentState } from '../../services/assessmentService.js';
import type { ExportService } from '../../services/exportService.js';
import { recordAssessmentEvent } from '../assessmentAudit.js';
import { baseOf, stateOf } from './assessmentContext.js';

/**
 * The exports of an assessment, for the tools clients already use: the action plan as Excel and
 * CSV, the report as Word. Mounted with the other pages of an assessment under each base (see
 * assessmentContext.ts), which has loaded the assessment; each answers an assessment whose results are not ready as
 * the PDF download does.
 *
 * They are built on the main thread, unlike the PDF: measured on this 2-core machine, a CSV takes
 * under 1 ms, an XLSX about 50 ms and a DOCX of a full report 110 to 230 ms (the docx package
 * builds its XML synchronously). Word downloads are a consultant's occasional click, not a page
 * view; should they become frequent, they belong in the render pool beside the PDF.
 */

const contentTypes: Readonly<Record<Exclude<DownloadExtension, 'pdf'>, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8; header=present',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The assessment, or undefined after sending the answer the PDF download gives when results are not ready. */
function readyState(res: Response): AssessmentState | undefined {
  const state = stateOf(res);
  if (state.readyForResults) return state;
  res.redirect(303, `${baseOf(res)}?incomplete=1`);
  return undefined;
}

function send(res: Response, bytes: Buffer, file: { company: string; issuedAtIso: string; content: DownloadContent; extension: Exclude<DownloadExtension, 'pdf'> }): void {
  const name = downloadFileName(file.company, new Date(file.issuedAtIso), file.content, file.extension);
  res.setHeader('Content-Type', contentTypes[file.extension]);
  res.setHeader('Content-Disposition', downloadContentDisposition(name));
  res.setHeader('Content-Length', String(bytes.length));
  res.end(bytes);
}

/** Every export of a firm's assessment is recorded in its audit log, before the file is sent (see recordAssessmentEvent). */
export function exportRoutes(exports: ExportService, auditLog: AuditLog): Router {
  const router = Router();

  for (const extension of ['xlsx', 'csv'] as const) {
    router.get(`/actions.${extension}`, async (req, res) => {
      const state = readyState(res);
      if (!state) return;
      const table = await exports.actionPlanTable(state);
      const bytes = extension === 'xlsx' ? await renderActionPlanXlsx(table) : renderActionPlanCsv(table);
      await recordAssessmentEvent(auditLog, req, res, 'assessment.exported', { format: extension });
      send(res, bytes, { company: table.companyName, issuedAtIso: table.issuedAtIso, content: 'actionPlan', extension });
    });
  }

  router.get('/report.docx', async (req, res) => {
    const state = readyState(res);
    if (!state) return;
    const model = await exports.reportModel(state);
    const bytes = await renderReportDocx(model);
    await recordAssessmentEvent(auditLog, req, res, 'assessment.exported', { format: 'docx' });
    send(res, bytes, { company: model.companyName, issuedAtIso: model.issuedAtIso, content: 'report', extension: 'docx' });
  });

  return router;
}
