import session from 'express-session';
import type { CompiledQuery } from 'kysely';
import type { Db } from '../db/database.js';
import { bindPlaceholders, placeholder } from './compiledQuery.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** Sessions read but not yet touched or saved, remembered for the touch that follows: bounded. */
const MAX_REMEMBERED_EXPIRIES = 10_000;

/**
 * Calls a store callback exactly once: with nothing on success, with the error on failure. The
 * callback runs outside the promise chain, so an exception thrown by whatever it calls can never
 * come back as a rejection and call it a second time.
 */
function settle<T>(work: Promise<T>, callback: ((err: unknown, value?: T) => void) | undefined): void {
  work.then(
    (value) => process.nextTick(() => callback?.(null, value)),
    (error: unknown) => process.nextTick(() => callback?.(error)),
  );
}

/**
 * express-session store on the app's own database, so sessions survive restarts and are shared
 * by every app instance on the same database. Expired rows are ignored on read and deleted by the
 * scheduled clean-up (src/services/retention.ts).
 *
 * A session's data changes only when it is created (a new id each time: see attachAssessment),
 * so concurrent requests of one session never overwrite each other's changes. The rolling
 * expiry is written at most once an hour per session rather than on every request: the
 * expiry read with the session tells the touch whether it is worth a write.
 */
export class DatabaseSessionStore extends session.Store {
  private readonly storedExpiry = new Map<string, number>();
  /** Every request with a session starts with this read: compiled once (see compiledQuery.ts). */
  private readonly sessionRead: CompiledQuery<{ data: string; expires_at: number | string }>;

  constructor(
    private readonly db: Db,
    private readonly defaultTtlMs = 30 * DAY_MS,
    private readonly touchAfterMs = HOUR_MS,
  ) {
    super();
    this.sessionRead = db.selectFrom('sessions').select(['data', 'expires_at']).where('sid', '=', placeholder('sid')).compile();
  }

  private expiryOf(data: session.SessionData): number {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires).getTime() : Date.now() + this.defaultTtlMs;
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    const read = async (): Promise<session.SessionData | null> => {
      const [row] = (await this.db.executeQuery(bindPlaceholders(this.sessionRead, { sid }))).rows;
      if (!row || Number(row.expires_at) <= Date.now()) return null;
      this.rememberExpiry(sid, Number(row.expires_at));
      return JSON.parse(row.data) as session.SessionData;
    };
    settle(read(), (error, data) => callback(error, data ?? null));
  }

  private rememberExpiry(sid: string, expiresAt: number): void {
    if (this.storedExpiry.size >= MAX_REMEMBERED_EXPIRIES) this.storedExpiry.clear();
    this.storedExpiry.set(sid, expiresAt);
  }

  override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    const row = { data: JSON.stringify(data), expires_at: this.expiryOf(data) };
    this.storedExpiry.delete(sid);
    settle(
      this.db
        .insertInto('sessions')
        .values({ sid, ...row })
        .onConflict((oc) => oc.column('sid').doUpdateSet(row))
        .execute(),
      callback,
    );
  }

  override touch(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    const expiresAt = this.expiryOf(data);
    const stored = this.storedExpiry.get(sid);
    this.storedExpiry.delete(sid);
    if (stored !== undefined && expiresAt - stored < this.touchAfterMs) {
      callback?.();
      return;
    }
    settle(this.db.updateTable('sessions').set({ expires_at: expiresAt }).where('sid', '=', sid).execute(), callback);
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.storedExpiry.delete(sid);
    settle(this.db.deleteFrom('sessions').where('sid', '=', sid).execute(), callback);
  }
}
