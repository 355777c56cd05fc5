import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { asStorageUnavailable, type StorageUnavailableError } from '../db/storageErrors.js';
import { loggableUrl, type Logger } from '../logger.js';

/** Status codes from body-parser, the form-token check, path decoding and our own routes all arrive here. */
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

/** Set on `res.locals` once a request's storage failure is in the log. */
const STORAGE_FAILURE_LOGGED = 'storageFailureLogged';

const KNOWN_PAGES = new Set([400, 403, 404, 413, 429, 500, 503]);

/**
 * For a route that shows its form again when the database refuses a write: the storage error,
 * logged once with the store's code and with Retry-After set on the response; any other error is
 * thrown on to the error handler.
 */
export function storageFailureOrThrow(error: unknown, req: Request, res: Response): StorageUnavailableError {
  const storageError = asStorageUnavailable(error);
  if (!storageError) throw error;
  req.log.error({ method: req.method, path: loggableUrl(req.baseUrl + req.path), storageCode: storageError.storageCode, err: storageError }, 'not saved: the database cannot be written right now');
  res.locals[STORAGE_FAILURE_LOGGED] = true;
  res.setHeader('Retry-After', String(storageError.retryAfterSeconds));
  return storageError;
}

export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).render('pages/error', { status: 404, incidentId: undefined });
};

/**
 * One place where errors end: a friendly page and an incident id that finds the log entry.
 * No stack, message or internal detail reaches the user, in any mode.
 */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (thrown: unknown, req, res, _next) => {
    // A full disk, a read-only database or a lost connection, from any route or the session
    // store, is an honest "could not save or load, try again" (503), never a 500 or a false 403/404.
    const storageError = asStorageUnavailable(thrown);
    const error = storageError ?? thrown;
    const status = statusOf(error);
    const incidentId = randomUUID();
    const entry = { incidentId, status, method: req.method, path: loggableUrl(req.path), ...(storageError ? { storageCode: storageError.storageCode } : {}), err: error };
    // A route that answered "not saved" has logged the cause; the session write after it fails
    // for the same reason and would only repeat it.
    if (storageError && res.locals[STORAGE_FAILURE_LOGGED] === true) logger.debug(entry, 'the database cannot be used right now (logged)');
    else if (storageError) logger.error(entry, 'request failed: the database cannot be used right now');
    else if (status >= 500) logger.error(entry, 'request failed');
    else logger.warn(entry, 'request refused');
    if (res.headersSent) {
      // Cut a response still being sent, so the client sees it failed; one already complete (a
      // session write that failed after the page was sent) is left to arrive whole.
      if (!res.writableEnded) res.destroy();
      return;
    }
    const page = KNOWN_PAGES.has(status) ? status : status >= 500 ? 500 : 400;
    res.setHeader('Cache-Control', 'no-store');
    const retryAfter = retryAfterOf(error);
    if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
    // The "too many attempts" page says how long to wait, in whole minutes.
    const retryAfterMinutes = retryAfter === undefined ? undefined : Math.ceil(retryAfter / 60);
    res.status(status).render('pages/error', { status: page, incidentId, retryAfterMinutes, ...(storageError ? { reason: 'storage' } : {}) }, (renderError: Error | null, html?: string) => {
      if (renderError) {
        logger.error({ incidentId, err: renderError }, 'error page failed to render');
        res.type('text/plain').send(`Something went wrong. Incident ${incidentId}`);
        return;
      }
      res.send(html);
    });
  };
}
