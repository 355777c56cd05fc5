import express, { type Express, type Request, type RequestHandler } from 'express';
import helmet from 'helmet';

export const FORM_LIMITS = { bodyBytes: '100kb', fields: 300 } as const;

/** The organisation's branding page, whose form uploads a logo (src/web/routes/brandingRoutes.ts). */
export const BRANDING_PATH = '/organisation/branding';

/** The page where anyone checks whether a PDF is a genuine issue (src/web/routes/verifyRoutes.ts). */
export const VERIFY_PATH = '/verify';

/**
 * Posts whose route reads a multipart/form-data body itself, with its own tight limits (multer),
 * and checks its form token once that body is read: the logo upload and the PDF to verify.
 */
export const MULTIPART_POSTS: ReadonlySet<string> = new Set([BRANDING_PATH, VERIFY_PATH]);

/**
 * Every response says how it may be cached: nothing is stored unless a route says otherwise
 * (static files do). Most pages carry a form token or an assessment; the rest are cheap to serve.
 */
export const noStoreByDefault: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

export class UnsupportedBodyError extends Error {
  override readonly name = 'UnsupportedBodyError';
  readonly status = 415;
  constructor(type: string) {
    super(`Only HTML form posts are accepted, not ${type}`);
  }
}

/** A multipart post to a route that reads it itself (MULTIPART_POSTS). */
function isOwnMultipart(req: Request): boolean {
  return req.method === 'POST' && MULTIPART_POSTS.has(req.path) && req.is('multipart/form-data') === 'multipart/form-data';
}

/**
 * Our forms post application/x-www-form-urlencoded and nothing else, but for the few multipart
 * posts whose route parses them (MULTIPART_POSTS). Any other body (JSON, multipart, text) is
 * refused with 415 before a route sees it, and a post with no body gets an empty form, so a route
 * can always read `req.body` as the fields of a form.
 */
const formBodiesOnly: RequestHandler = (req, _res, next) => {
  const hasBody = req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
  if (hasBody && !req.is('application/x-www-form-urlencoded') && !isOwnMultipart(req)) {
    next(new UnsupportedBodyError(req.headers['content-type'] ?? 'an untyped body'));
    return;
  }
  next();
};

const emptyFormWhenNoBody: RequestHandler = (req, _res, next) => {
  req.body ??= {};
  next();
};

/** Security headers: first, so every response has them, static files and /healthz included. */
export function setUpSecurityHeaders(app: Express): void {
  app.disable('x-powered-by');
  // No ETag on what routes send: every page is no-store (above), so a browser never revalidates
  // one, and hashing each 26 kB page cost about a tenth of a page load's CPU. Static files keep
  // theirs (express.static makes its own, from the file's size and date).
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
      // Resume links carry a secret in their path: no page may leak its URL to another site.
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
}

/** Form bodies, and only form bodies, for the routes mounted after this. */
export function setUpFormParsing(app: Express): void {
  app.use(formBodiesOnly);
  app.use(express.urlencoded({ extended: false, limit: FORM_LIMITS.bodyBytes, parameterLimit: FORM_LIMITS.fields }));
  app.use(emptyFormWhenNoBody);
}
