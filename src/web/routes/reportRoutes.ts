import { Router, type RequestHandler, type Response } from 'express';
import type { Logger } from '../../logger.js';
import {
  PdfRenderPoolBusyError,
  PdfRenderPoolClosedError,
  PdfRenderTimeoutError,
  PdfRenderUnavailableError,
  type PdfRenderPool,
  type PdfRenderReservation,
} from '../../report/renderPool.js';
import { reportContentDisposition } from '../../report/fileName.js';
import type { ReportService } from '../../services/reportService.js';
import { createRefusalLog, type RefusalLog } from '../refusalLog.js';
import { baseOf, stateOf } from './assessmentContext.js';

/** When a refused download should be tried again: long enough for the queue to drain many times. */
const RETRY_AFTER_SECONDS = 30;

/** Why a download was turned away: each is the pool protecting itself, not a fault. */
function refusalReason(error: unknown): string | undefined {
  if (error instanceof PdfRenderPoolBusyError) return 'busy';
  if (error instanceof PdfRenderUnavailableError) return 'no worker';
  if (error instanceof PdfRenderPoolClosedError) return 'shutting down';
  return undefined;
}

/** A render that could not finish in time is a 503 too, but a fault worth a logged incident. */
function withRetryAfter(error: unknown): unknown {
  if (error instanceof PdfRenderTimeoutError) return Object.assign(error, { status: 503, retryAfterSeconds: RETRY_AFTER_SECONDS });
  return error;
}

/** The friendly "busy, try again in a minute" page, answered without building anything. */
function refuse(res: Response, log: RefusalLog, reason: string): void {
  log.note(reason);
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.status(503).render('pages/error', { status: 503, incidentId: undefined });
}

/** The render place pdfDownloadGate reserved for this request. */
export function reservationOf(res: Response): PdfRenderReservation {
  return res.locals.pdfReservation as PdfRenderReservation;
}

/**
 * After a failed render: when the pool refused it (its workers stopped being able to start, or it
 * closed since the place was reserved), the same friendly 503 the gate gives, not an error page;
 * anything else is thrown on (a render that overran its time limit as a 503 incident).
 */
export function refuseOrThrow(error: unknown, res: Response, log: RefusalLog): void {
  const reason = refusalReason(error);
  if (reason === undefined) throw withRetryAfter(error);
  refuse(res, log, reason);
}

/**
 * Holds a place in the render pool before anything costly (loading the assessment, building the
 * report model) is done, and turns the download away at once when there is none. The place is
 * given back when the response ends without rendering (a redirect, a 404, an error, a client
 * that left).
 */
export function pdfDownloadGate(pool: PdfRenderPool, log: RefusalLog): RequestHandler {
  return (_req, res, next) => {
    const reservation = pool.reserve();
    if (!reservation) {
      refuse(res, log, pool.isReady() ? 'busy' : 'no worker');
      return;
    }
    res.locals.pdfReservation = reservation;
    res.once('close', () => reservation.release());
    next();
  };
}

/** One rate-limited warn line for every PDF download turned away, by the gate or by the route. */
export function createPdfRefusalLog(logger: Pick<Logger, 'warn'>): RefusalLog {
  return createRefusalLog(logger, 'PDF downloads refused: the render pool is full or cannot start');
}

/** The report as PDF and as a printable page. The route only sends bytes; the pool renders them. */
export function reportRoutes(reports: ReportService, refusals: RefusalLog): Router {
  const router = Router();

  // pdfDownloadGate, mounted in app.ts before the session is read, has reserved a render place.
  router.get('/report.pdf', async (_req, res) => {
    const state = stateOf(res);
    if (!state.readyForResults) {
      res.redirect(303, `${baseOf(res)}?incomplete=1`);
      return;
    }
    const { model, branding } = await reports.prepare(state);
    let pdf: Buffer;
    try {
      pdf = await reservationOf(res).render(model, branding);
    } catch (error) {
      refuseOrThrow(error, res, refusals);
      return;
    }
    const company = state.answers.company_name?.value;
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', reportContentDisposition(typeof company === 'string' ? company : '', new Date(model.issuedAtIso)));
    res.setHeader('Content-Length', String(pdf.length));
    res.end(pdf);
  });

  router.get('/report', async (_req, res) => {
    const state = stateOf(res);
    if (!state.readyForResults) {
      res.redirect(303, `${baseOf(res)}?incomplete=1`);
      return;
    }
    res.render('report/print', { model: await reports.model(state) });
  });

  return router;
}
