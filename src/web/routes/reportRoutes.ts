import { Router } from 'express';
import { PdfRenderPoolBusyError, PdfRenderTimeoutError, type PdfRenderPool } from '../../report/renderPool.js';
import { reportContentDisposition } from '../../report/fileName.js';
import type { AssessmentService } from '../../services/assessmentService.js';
import type { ReportService } from '../../services/reportService.js';
import { noStore } from '../middleware/webSecurity.js';
import { requireAssessment, stateOf } from './assessmentContext.js';

/** A render that could not finish in time, or found every worker busy, is a 503: try again. */
function asServiceUnavailable(error: unknown): unknown {
  if (error instanceof PdfRenderTimeoutError || error instanceof PdfRenderPoolBusyError) {
    return Object.assign(error, { status: 503 });
  }
  return error;
}

/** The report as PDF and as a printable page. The route only sends bytes; the pool renders them. */
export function reportRoutes(assessments: AssessmentService, reports: ReportService, pool: PdfRenderPool): Router {
  const router = Router();
  const withAssessment = requireAssessment(assessments);

  router.get('/assessment/report.pdf', noStore, withAssessment, async (_req, res) => {
    const state = stateOf(res);
    if (!state.readyForResults) {
      res.redirect(303, '/assessment?incomplete=1');
      return;
    }
    const model = await reports.model(state);
    const pdf = await pool.render(model).catch((error: unknown) => {
      throw asServiceUnavailable(error);
    });
    const company = state.answers.company_name?.value;
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', reportContentDisposition(typeof company === 'string' ? company : '', new Date(model.issuedAtIso)));
    res.setHeader('Content-Length', String(pdf.length));
    res.end(pdf);
  });

  router.get('/assessment/report', noStore, withAssessment, async (_req, res) => {
    const state = stateOf(res);
    if (!state.readyForResults) {
      res.redirect(303, '/assessment?incomplete=1');
      return;
    }
    res.render('report/print', { model: await reports.model(state) });
  });

  return router;
}
