import { isIPv6 } from 'node:net';
import type { RequestHandler } from 'express';
import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RawConnection } from '../../db/database.js';
import type { Logger } from '../../logger.js';

/** At most `attempts` in any window of `windowSeconds`, per client address. */
export interface RateLimit {
  attempts: number;
  windowSeconds: number;
}

export interface ThrottleSettings {
  /** POST /assessments: each one stores a new assessment. */
  assessmentCreation: RateLimit;
  /** Everything under /resume: opening a resume link and confirming it. */
  resumeAttempts: RateLimit;
  /** POST /verify: each one reads an upload of up to 10 MB and hashes it. */
  verifyAttempts: RateLimit;
  /** POST /assessment/issue: each one may store an issued PDF for good. DEFAULT_ANONYMOUS_ISSUING when not given. */
  anonymousIssuing?: RateLimit;
}

/** Issues of anonymous assessments per address: a few a day is what a business issuing its own report needs. */
export const DEFAULT_ANONYMOUS_ISSUING: RateLimit = { attempts: 10, windowSeconds: 3600 };

export interface Throttles {
  assessmentCreation: RequestHandler;
  resumeAttempts: RequestHandler;
  /** Opening a client's read-only link (/shared/<token>): failed lookups, under the resume attempts' limit. */
  shareLinkAttempts: RequestHandler;
  /** Checking a PDF or a SHA-256 on the verify page: every attempt counts, a match or not. */
  verifyAttempts: RequestHandler;
  /** Issuing an anonymous assessment's report: anyone can, and an issue is kept (append-only). */
  anonymousIssuing: RequestHandler;
}

/** Created by migration 0005 with the layout the library expects; the clean-up empties it. */
export const RATE_LIMIT_TABLE = 'rate_limits';

/** What the error handler turns into the "too many attempts" page with a Retry-After header. */
export class TooManyAttemptsError extends Error {
  override name = 'TooManyAttemptsError';
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super('Too many attempts from this client address');
    // A refusal, not a fault: a flood of them should log short lines, not a stack each.
    this.stack = undefined;
  }
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => group.toLowerCase().padStart(4, '0'));
}

/**
 * The key a client is counted under: its IPv4 address, or its IPv6 /64 network. One subscriber
 * usually holds a whole /64, so counting single IPv6 addresses would let one client rotate
 * through billions of them.
 */
export function clientKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const address = ip.replace(/%.*$/, '');
  const mappedIpv4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mappedIpv4?.[1]) return mappedIpv4[1];
  // An IPv6 address ending in dotted IPv4 (other than the mapped form) is rare: count it whole.
  if (!isIPv6(address) || address.includes('.')) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

/** A limiter on the app's own database under `keyPrefix`; shared by every instance on that database. */
export function limiterOn(raw: RawConnection, keyPrefix: string, limit: RateLimit): RateLimiterAbstract {
  const options = {
    keyPrefix,
    points: limit.attempts,
    duration: limit.windowSeconds,
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    // The scheduled clean-up (services/retention.ts) deletes expired rows and counts them.
    clearExpiredByTimeout: false,
    // Once a client is over the limit, this instance refuses it from memory until the window
    // ends: a flood of refused requests costs no database writes.
    inMemoryBlockOnConsumed: limit.attempts + 1,
  };
  // The app's own connection (SQLite) or pool (PostgreSQL), so every instance on the database
  // shares the counts. On SQLite the library's calls are synchronous, so they never land inside
  // one of kysely's transactions (those run start to end without yielding to another request).
  return raw.kind === 'sqlite'
    ? new RateLimiterSQLite({ ...options, storeClient: raw.connection, storeType: 'better-sqlite3' })
    : new RateLimiterPostgres({ ...options, storeClient: raw.pool, storeType: 'pool' });
}

interface ThrottleOptions {
  name: string;
  /** Gives the attempt back when the response succeeds (status below 400): only failures count. */
  countFailuresOnly?: boolean;
}

/**
 * Throttling must never take the site down: when the limiter's store fails, the request goes
 * through and the failure is logged (fail open). The store is the app's own database, so a
 * failure here usually means the request would fail anyway, with its own honest error.
 */
export function throttleStoreFailureLog(logger: Logger, name: string): (error: unknown) => void {
  return (error) => logger.warn({ err: error, throttle: name }, 'throttle store failed; request let through');
}

/** Seconds until the limiter lets this client try again, at least one. */
export function retryAfterSecondsOf(refusal: RateLimiterRes): number {
  return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
}

function throttle(limiter: RateLimiterAbstract, logger: Logger, options: ThrottleOptions): RequestHandler {
  const storeFailed = throttleStoreFailureLog(logger, options.name);
  return async (req, res, next) => {
    const key = clientKey(req.ip);
    try {
      await limiter.consume(key);
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        next(new TooManyAttemptsError(retryAfterSecondsOf(outcome)));
        return;
      }
      storeFailed(outcome);
      next();
      return;
    }
    if (options.countFailuresOnly) {
      res.on('finish', () => {
        if (res.statusCode < 400) limiter.reward(key).catch(storeFailed);
      });
    }
    next();
  };
}

/**
 * Counts only the requests that end in a 404, and only once they have: a request that works
 * writes nothing, not even a counter (a client opening a read-only link leaves no row). Before
 * the request runs, the count is read, and an address over the limit is refused.
 *
 * The price: guesses sent in parallel are all let through before the first is counted, so a
 * burst can overshoot the limit by the requests in flight. The throttle caps the load of a
 * guessing client; the 256 bits of the secret are what make guessing hopeless.
 */
function failuresAfterTheAnswer(limiter: RateLimiterAbstract, logger: Logger, name: string): RequestHandler {
  const storeFailed = throttleStoreFailureLog(logger, name);
  const countFailure = (key: string) =>
    limiter.consume(key).catch((outcome: unknown) => {
      if (!(outcome instanceof RateLimiterRes)) storeFailed(outcome);
    });
  return async (req, res, next) => {
    const key = clientKey(req.ip);
    let used: RateLimiterRes | null = null;
    try {
      used = await limiter.get(key);
    } catch (error) {
      storeFailed(error);
    }
    if (used && used.consumedPoints >= limiter.points) {
      next(new TooManyAttemptsError(retryAfterSecondsOf(used)));
      return;
    }
    res.on('finish', () => {
      if (res.statusCode === 404) void countFailure(key);
    });
    next();
  };
}

/**
 * Per-address limits on what lets one client grow the database or guess secrets, counted in the
 * app's own database so they hold across instances.
 *
 * Resume attempts count failures only: the attempt is taken before the request runs (so a burst
 * of parallel guesses cannot slip past the limit) and given back when the link worked. Someone
 * guessing links is limited; people on one office network opening their own links never are.
 * Creations and anonymous issues count every attempt: each one may store something for good
 * (an issued report is never deleted before its retention ends). Share link attempts count
 * failures after the answer (see failuresAfterTheAnswer), so that opening a link stores nothing.
 * Verifications count every attempt, before the upload is read: each one costs reading and
 * hashing up to 10 MB, and a match writes an audit line, so a genuine PDF sent in a loop is
 * limited like anything else.
 */
export function createThrottles(raw: RawConnection, settings: ThrottleSettings, logger: Logger): Throttles {
  return {
    assessmentCreation: throttle(limiterOn(raw, 'assessment_creation', settings.assessmentCreation), logger, { name: 'assessment creation' }),
    resumeAttempts: throttle(limiterOn(raw, 'resume_attempt', settings.resumeAttempts), logger, { name: 'resume attempts', countFailuresOnly: true }),
    shareLinkAttempts: failuresAfterTheAnswer(limiterOn(raw, 'share_link_attempt', settings.resumeAttempts), logger, 'share link attempts'),
    verifyAttempts: throttle(limiterOn(raw, 'verify_attempt', settings.verifyAttempts), logger, { name: 'verify attempts' }),
    anonymousIssuing: throttle(limiterOn(raw, 'anonymous_issuing', settings.anonymousIssuing ?? DEFAULT_ANONYMOUS_ISSUING), logger, { name: 'anonymous issuing' }),
  };
}
