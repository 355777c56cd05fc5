import type { Express, Request, Response } from 'express';
import session from 'express-session';

declare module 'express-session' {
  interface SessionData {
    /** The assessment this browser is working on. */
    assessmentId?: string;
    /** The signed-in user (see currentUser.ts); absent for anonymous visitors. */
    userId?: string;
    /** When the user signed in, in ms since the epoch: the absolute timeout counts from it. */
    signedInAt?: number;
    /** The signed-in user's last request, in ms, written at most once a minute: the idle timeout counts from it. */
    lastActiveAt?: number;
  }
}

export interface SessionOptions {
  secret: string;
  secure: boolean;
  store: session.Store;
}

export const SESSION_COOKIE = 'riskplan.sid';
const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

export function setUpSessions(app: Express, options: SessionOptions): void {
  app.use(
    session({
      name: SESSION_COOKIE,
      secret: options.secret,
      store: options.store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: options.secure, maxAge: THIRTY_DAYS_MS },
    }),
  );
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** What the session holds, without its cookie (express-session keeps its own id and request non-enumerable). */
function dataOf(current: session.Session): Record<string, unknown> {
  return Object.fromEntries(Object.entries(current).filter(([key]) => key !== 'cookie'));
}

/**
 * Gives the browser a new session id (no fixation) that holds what the old session held with
 * `changes` on top, and stores it before the response is written: if the store cannot write, the
 * user gets an honest error page now, not a page that looks fine and a refused form later.
 * Starting an assessment keeps a sign-in; signing in keeps the assessment.
 */
export function renewSession(req: Request, changes: Partial<session.SessionData>): Promise<void> {
  const kept = dataOf(req.session);
  return new Promise((resolve, reject) => {
    req.session.regenerate((regenerateError: unknown) => {
      if (regenerateError) return reject(asError(regenerateError));
      for (const [key, value] of Object.entries({ ...kept, ...changes })) {
        if (value !== undefined) Object.assign(req.session, { [key]: value });
      }
      return req.session.save((saveError: unknown) => {
        if (!saveError) return resolve();
        // express-session sends no cookie and saves nothing for a request without a session: the
        // browser keeps no id of a session that was never stored, and the store is not asked twice.
        (req as { session?: unknown }).session = undefined;
        return reject(asError(saveError));
      });
    });
  });
}

/**
 * Ends the session: its row is deleted, so its cookie opens nothing any more even if it was
 * copied, and the browser is told to drop the cookie. The rest of the request runs with a new,
 * empty session, which is stored only if something is put in it.
 */
export function endSession(req: Request, res: Response): Promise<void> {
  const { path, httpOnly, secure, sameSite } = req.session.cookie;
  return new Promise((resolve, reject) => {
    req.session.regenerate((error: unknown) => {
      if (error) return reject(asError(error));
      res.clearCookie(SESSION_COOKIE, { path: path ?? '/', httpOnly: httpOnly ?? true, secure: secure === true, sameSite: typeof sameSite === 'string' ? sameSite : 'lax' });
      return resolve();
    });
  });
}
