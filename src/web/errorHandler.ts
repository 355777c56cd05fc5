import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { loggableUrl, type Logger } from '../logger.js';

/** Status codes from body-parser, csrf-sync, path decoding and our own routes all arrive here. */
function statusOf(error: unknown): number {
  if (typeof error === 'object' && error !== null) {
    const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
    const code = typeof status === 'number' ? status : typeof statusCode === 'number' ? statusCode : 500;
    if (code >= 400 && code < 600) return code;
  }
  return 500;
}

/** Seconds a client should wait before trying again, when the error says (a 503 or 429). */
function retryAfterOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { retryAfterSeconds } = error as { retryAfterSeconds?: unknown };
  return typeof retryAfterSeconds === 'number' && retryAfterSeconds > 0 ? Math.ceil(retryAfterSeconds) : undefined;
}

const KNOWN_PAGES = new Set([400, 403, 404, 413, 500, 503]);

export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).render('pages/error', { status: 404, incidentId: undefined });
};

/**
 * One place where errors end: a friendly page and an incident id that finds the log entry.
 * No stack, message or internal detail reaches the user, in any mode.
 */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const status = statusOf(error);
    const incidentId = randomUUID();
    const entry = { incidentId, status, method: req.method, path: loggableUrl(req.path), err: error };
    if (status >= 500) logger.error(entry, 'request failed');
    else logger.warn(entry, 'request refused');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const page = KNOWN_PAGES.has(status) ? status : status >= 500 ? 500 : 400;
    res.setHeader('Cache-Control', 'no-store');
    const retryAfter = retryAfterOf(error);
    if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
    res.status(status).render('pages/error', { status: page, incidentId }, (renderError: Error | null, html?: string) => {
      if (renderError) {
        logger.error({ incidentId, err: renderError }, 'error page failed to render');
        res.type('text/plain').send(`Something went wrong. Incident ${incidentId}`);
        return;
      }
      res.send(html);
    });
  };
}
