import type { Express, Request, RequestHandler, Response } from 'express';
import { csrfSync } from 'csrf-sync';

/**
 * Section saves check their token in the route itself (see `isCsrfValid`), so that a refused
 * save can show the form again with everything the user typed instead of an error page.
 */
const SECTION_SAVE = /^\/assessment\/sections\/[^/]+$/;

/** Synchroniser tokens kept in the (database-backed) session; every POST must carry `_csrf`. */
export function setUpCsrf(app: Express): void {
  const { csrfSynchronisedProtection, generateToken, isRequestValid } = csrfSync({
    getTokenFromRequest: (req) => {
      const token = (req.body as Record<string, unknown> | undefined)?._csrf;
      return typeof token === 'string' ? token : undefined;
    },
    errorConfig: { statusCode: 403, message: 'Invalid or missing form token', code: 'EBADCSRFTOKEN' },
    skipCsrfProtection: (req) => req.method === 'POST' && SECTION_SAVE.test(req.path),
  });
  const exposeToken: RequestHandler = (req, res, next) => {
    res.locals.csrfToken = () => generateToken(req);
    res.locals.csrfValid = () => isRequestValid(req);
    next();
  };
  app.use(csrfSynchronisedProtection);
  app.use(exposeToken);
}

/** Whether this POST carries the session's form token. Routes that skip the global check must call it. */
export function isCsrfValid(_req: Request, res: Response): boolean {
  const check = res.locals.csrfValid as (() => boolean) | undefined;
  return check !== undefined && check();
}
