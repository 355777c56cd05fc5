import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './database.js';
import { asStorageUnavailable } from './storageErrors.js';

/** A value bigger than one SQLite page (4096 bytes) and hard to compress, so storing it needs a new page. */
const PAGE_SIZED_PADDING = randomBytes(3072).toString('base64');

/**
 * Proves the database takes writes, in one transaction: rewrites the probe row (the commit must
 * reach the disk or the server) and stores, then takes back, a row bigger than a page. The second
 * part matters because a full database still lets a row change in place; only new data fails.
 */
export async function probeWrite(db: Db, now: Date = new Date()): Promise<void> {
  const checkedAt = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('write_probe').set({ checked_at: checkedAt }).where('id', '=', 1).execute();
    await sql`savepoint write_probe_room`.execute(trx);
    await trx.insertInto('write_probe').values({ id: 2, checked_at: checkedAt, padding: PAGE_SIZED_PADDING }).execute();
    await sql`rollback to savepoint write_probe_room`.execute(trx);
  });
}

export interface WriteProbeOptions {
  /** How long one answer is reused, so a busy /healthz costs one write every this many ms. */
  cacheMs: number;
  /** Told when writing stops working (with the store's error) and when it works again. */
  onChange?: (writable: boolean, error?: unknown) => void;
  clock?: () => number;
}

/** A readiness check: true while the database takes writes. Answers from cache for `cacheMs`. */
export function writeProbeCheck(db: Db, options: WriteProbeOptions): () => Promise<boolean> {
  const clock = options.clock ?? Date.now;
  let last: { at: number; answer: Promise<boolean> } | undefined;
  let writable = true;

  const probe = async (): Promise<boolean> => {
    let error: unknown;
    try {
      await probeWrite(db);
    } catch (caught) {
      error = asStorageUnavailable(caught) ?? caught;
    }
    const nowWritable = error === undefined;
    if (nowWritable !== writable) options.onChange?.(nowWritable, error);
    writable = nowWritable;
    return nowWritable;
  };

  return () => {
    const now = clock();
    // Concurrent callers share one probe in flight as well as a recent answer.
    if (!last || now - last.at >= options.cacheMs) last = { at: now, answer: probe() };
    return last.answer;
  };
}
