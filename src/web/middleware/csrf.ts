import type { Express, RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';

/** Synchroniser tokens kept in the (database-backed) session; every POST must carry `_csrf`. */
export function setUpCsrf(app: Express): void {
  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    getTokenFromRequest: (req) => {
      const token = (req.body as Record<string, unknown> | undefined)?._csrf;
      return typeof token === 'string' ? token : undefined;
    },
    errorConfig: { statusCode: 403, message: 'Invalid or missing form token', code: 'EBADCSRFTOKEN' },
  });
  const exposeToken: RequestHandler = (req, res, next) => {
    res.locals.csrfToken = () => generateToken(req);
    next();
  };
  app.use(csrfSynchronisedProtection);
  app.use(exposeToken);
}
