import type { Request, RequestHandler, Response } from 'express';
import { updateInPlace } from '../../repositories/sessionStore.js';
import type { UserRole } from '../../services/accountFields.js';
import type { AccountService, SignedInUser } from '../../services/accountService.js';
import { endSession } from './sessions.js';

export type { SignedInUser };

/** How long a signed-in session lasts. */
export interface SignedInSessionSettings {
  /** Ends after this long without a request (SESSION_IDLE_MINUTES). */
  idleTimeoutMs: number;
  /** Ends this long after sign-in, however active (SESSION_ABSOLUTE_HOURS). */
  absoluteTimeoutMs: number;
}

/**
 * The activity time is written at most this often, not on every request: a session row is
 * written about once a minute per active user. A third of the idle timeout when that is shorter,
 * so an active user is never signed out between two writes.
 */
const ACTIVITY_WRITE_INTERVAL_MS = 60_000;

export const SIGN_IN_PATH = '/sign-in';

/** Where a signed-out visitor is sent: the same answer for every path, so it confirms nothing. */
function signInRedirect(req: Request): string {
  const returnTo = req.method === 'GET' || req.method === 'HEAD' ? req.originalUrl : undefined;
  return returnTo && isLocalPath(returnTo) ? `${SIGN_IN_PATH}?next=${encodeURIComponent(returnTo)}` : SIGN_IN_PATH;
}

/**
 * A path on this site: one leading "/" and not "//" or "/\" (which browsers read as another
 * host), no control characters, at most 2000 characters. Anything else is not used as a return path.
 */
export function isLocalPath(value: unknown): value is string {
  // eslint-disable-next-line no-control-regex
  return typeof value === 'string' && value.length <= 2000 && /^\/(?![/\\])/.test(value) && !/[\u0000-\u001f\u007f\\]/.test(value);
}

/**
 * For a session with a signed-in user: loads the user with their organisation (one query), ends
 * the session when the user is disabled or gone or the session is past its idle or absolute
 * timeout, and sets `res.locals.user`. For an anonymous session it does nothing and reads nothing.
 */
export function loadCurrentUser(accounts: AccountService, settings: SignedInSessionSettings, clock: () => number = Date.now): RequestHandler {
  const activityWriteIntervalMs = Math.min(ACTIVITY_WRITE_INTERVAL_MS, Math.floor(settings.idleTimeoutMs / 3));
  return async (req, res, next) => {
    const session = req.session as (typeof req.session) | undefined;
    const userId = session?.userId;
    if (!session || !userId) {
      next();
      return;
    }
    const now = clock();
    const signedInAt = session.signedInAt ?? 0;
    const lastActiveAt = session.lastActiveAt ?? signedInAt;
    const timedOut = now - lastActiveAt >= settings.idleTimeoutMs || now - signedInAt >= settings.absoluteTimeoutMs;
    const found = timedOut ? undefined : await accounts.sessionUser(userId);
    if (!found || found.disabled) {
      await endSession(req, res);
      next();
      return;
    }
    if (now - lastActiveAt >= activityWriteIntervalMs) {
      session.lastActiveAt = now;
      updateInPlace(session);
    }
    res.locals.user = found.user;
    next();
  };
}

/** The signed-in user of this request, if there is one (set by loadCurrentUser). */
export function signedInUser(res: Response): SignedInUser | undefined {
  return res.locals.user as SignedInUser | undefined;
}

/** The signed-in user, for a handler that runs after requireSignedIn (without one, a wiring mistake). */
export function checkedUser(res: Response): SignedInUser {
  const user = signedInUser(res);
  if (!user) throw new Error('this route runs after requireSignedIn');
  return user;
}

/** Signed out: 303 to the sign-in page, which returns here afterwards. */
export const requireSignedIn: RequestHandler = (req, res, next) => {
  if (signedInUser(res)) {
    next();
    return;
  }
  res.redirect(303, signInRedirect(req));
};

/**
 * Signed in with one of `roles`, or no further. Signed out: the sign-in redirect. Signed in with
 * another role: the same 404 page as an unknown id, so the route does not confirm it exists.
 */
export function requireRole(...roles: readonly UserRole[]): RequestHandler {
  return (req, res, next) => {
    const user = signedInUser(res);
    if (!user) {
      res.redirect(303, signInRedirect(req));
      return;
    }
    if (!roles.includes(user.role)) {
      res.status(404).render('pages/error', { status: 404 });
      return;
    }
    next();
  };
}
