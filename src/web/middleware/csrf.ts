import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Express, Request, RequestHandler, Response } from 'express';

/**
 * Form tokens that need no storage. A token is an HMAC, under a key only the server holds, of
 * something only this browser holds:
 *
 * - its session id, when it has a session (an assessment is open): every page of one session
 *   carries the same token, so two tabs, a reload during a load or a prefetch can never
 *   invalidate each other's forms, and rendering a form writes nothing;
 * - otherwise a random nonce in a cookie of its own (the signed double-submit pattern), so a
 *   visitor who only looks at the start page leaves no row in the database.
 *
 * A forged post from another site has neither the session id nor the nonce (both live in
 * HttpOnly cookies), and without the key it cannot compute the token from them.
 */

export const CSRF_COOKIE = 'riskplan.csrf';
export const CSRF_FIELD = '_csrf';

/**
 * Section saves check their token in the route itself (see `isCsrfValid`), so that a refused
 * save can show the form again with everything the user typed instead of an error page.
 */
const SECTION_SAVE = /^\/(?:assessment|assessments\/[^/]+)\/sections\/[^/]+$/;
const NONCE = /^[A-Za-z0-9_-]{43}$/;
const MAX_REMEMBERED_SESSION_TOKENS = 10_000;

export interface CsrfOptions {
  /** The session secret; the token key is derived from it, so one secret is all there is to manage. */
  secret: string;
  secure: boolean;
}

export class CsrfTokenError extends Error {
  override readonly name = 'CsrfTokenError';
  readonly status = 403;
  readonly code = 'EBADCSRFTOKEN';
  constructor() {
    super('Invalid or missing form token');
  }
}

/** The session's data beyond the cookie: only a session that holds something is a binding. */
function establishedSessionId(req: Request): string | undefined {
  const { session } = req;
  if (!session) return undefined;
  return Object.keys(session).some((key) => key !== 'cookie') ? req.sessionID : undefined;
}

function nonceCookieOf(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === CSRF_COOKIE && value && NONCE.test(value)) return value;
  }
  return undefined;
}

function submittedToken(req: Request): string | undefined {
  const token = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  return typeof token === 'string' ? token : undefined;
}

function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function setUpCsrf(app: Express, options: CsrfOptions): void {
  // A key of its own, so a token can never double as a session cookie signature.
  const key = createHmac('sha256', options.secret).update('riskplan form tokens v1').digest();
  const computeToken = (kind: 'session' | 'visitor', binding: string) =>
    createHmac('sha256', key).update(`${kind}\0${binding}`).digest('base64url');
  // A session's token never changes, and every page and save of the session needs it: keep the
  // recent ones rather than compute an HMAC for each request (bounded, like the session store's cache).
  const sessionTokens = new Map<string, string>();
  const tokenFor = (kind: 'session' | 'visitor', binding: string) => {
    if (kind === 'visitor') return computeToken(kind, binding);
    let token = sessionTokens.get(binding);
    if (token === undefined) {
      if (sessionTokens.size >= MAX_REMEMBERED_SESSION_TOKENS) sessionTokens.clear();
      token = computeToken(kind, binding);
      sessionTokens.set(binding, token);
    }
    return token;
  };
  const cookieOptions: CookieOptions = { httpOnly: true, sameSite: 'lax', secure: options.secure, path: '/' };

  /** The token for the forms on this page; gives an anonymous visitor a nonce cookie if needed. */
  function tokenForPage(req: Request, res: Response): string {
    const sessionId = establishedSessionId(req);
    if (sessionId) return tokenFor('session', sessionId);
    let nonce = (res.locals.csrfNonce as string | undefined) ?? nonceCookieOf(req);
    if (!nonce) {
      nonce = randomBytes(32).toString('base64url');
      res.cookie(CSRF_COOKIE, nonce, cookieOptions);
    }
    res.locals.csrfNonce = nonce;
    return tokenFor('visitor', nonce);
  }

  /** Either binding the browser holds may vouch for a post: a tab opened before an assessment started still works. */
  function isRequestValid(req: Request): boolean {
    const given = submittedToken(req);
    if (!given) return false;
    const sessionId = establishedSessionId(req);
    const nonce = nonceCookieOf(req);
    return (sessionId !== undefined && sameToken(tokenFor('session', sessionId), given)) || (nonce !== undefined && sameToken(tokenFor('visitor', nonce), given));
  }

  const protect: RequestHandler = (req, res, next) => {
    res.locals.csrfToken = () => tokenForPage(req, res);
    res.locals.csrfValid = () => isRequestValid(req);
    const safe = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
    if (safe || (req.method === 'POST' && SECTION_SAVE.test(req.path)) || isRequestValid(req)) {
      next();
      return;
    }
    next(new CsrfTokenError());
  };
  app.use(protect);
}

/** Whether this POST carries a valid form token. Routes that skip the global check must call it. */
export function isCsrfValid(_req: Request, res: Response): boolean {
  const check = res.locals.csrfValid as (() => boolean) | undefined;
  return check !== undefined && check();
}
