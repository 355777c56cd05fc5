import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';

/** How long data is kept. */
export interface RetentionPolicy {
  /** An anonymous assessment whose last change (assessments.updated_at) is older than this is deleted. A firm's assessments are its records: never. */
  abandonedAssessmentDays: number;
}

/** Rows deleted by one clean-up, by kind. */
export interface PurgeCounts {
  /** Each with its answers, progress, resume links and action plan (the foreign keys cascade). */
  abandonedAssessments: number;
  expiredSessions: number;
  expiredRateLimits: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Rows deleted per statement. Each statement is a short write, so on SQLite (one writer at a
 * time, synchronous driver) requests wait milliseconds between batches, not seconds for a
 * first clean-up of a database that grew for months.
 */
const BATCH_SIZE = 500;

async function deleteInBatches(deleteBatch: () => Promise<bigint>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = Number(await deleteBatch());
    total += deleted;
    if (deleted < BATCH_SIZE) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function deleteAbandonedAssessments(db: Db, cutoff: string): Promise<number> {
  return deleteInBatches(async () => {
    const result = await db
      .deleteFrom('assessments')
      // Checked again on the row itself: on PostgreSQL a save that commits while this runs
      // moves updated_at past the cutoff, and the re-check then keeps the assessment.
      .where('updated_at', '<', cutoff)
      .where('id', 'in', db.selectFrom('assessments').select('id').where('updated_at', '<', cutoff).where('organisation_id', 'is', null).limit(BATCH_SIZE))
      .executeTakeFirst();
    return result.numDeletedRows;
  });
}

function deleteExpiredSessions(db: Db, nowMs: number): Promise<number> {
  return deleteInBatches(async () => {
    const result = await db
      .deleteFrom('sessions')
      .where('sid', 'in', db.selectFrom('sessions').select('sid').where('expires_at', '<=', nowMs).limit(BATCH_SIZE))
      .executeTakeFirst();
    return result.numDeletedRows;
  });
}

/** An expired counter means nothing to the limiter (it starts a new window), so it can go. */
function deleteExpiredRateLimits(db: Db, nowMs: number): Promise<number> {
  return deleteInBatches(async () => {
    const result = await db
      .deleteFrom('rate_limits')
      .where('key', 'in', db.selectFrom('rate_limits').select('key').where('expire', '<', nowMs).limit(BATCH_SIZE))
      .executeTakeFirst();
    return result.numDeletedRows;
  });
}

/**
 * Deletes what nobody can use any more: abandoned assessments with everything that belongs to
 * them, expired sessions and expired rate-limit counters. Run on a timer by the app and by
 * `npm run purge`; safe to run on several instances at once.
 */
export async function purgeExpiredData(db: Db, policy: RetentionPolicy, now = new Date()): Promise<PurgeCounts> {
  const cutoff = new Date(now.getTime() - policy.abandonedAssessmentDays * DAY_MS).toISOString();
  return {
    abandonedAssessments: await deleteAbandonedAssessments(db, cutoff),
    expiredSessions: await deleteExpiredSessions(db, now.getTime()),
    expiredRateLimits: await deleteExpiredRateLimits(db, now.getTime()),
  };
}

export interface ScheduledPurge {
  /** Stops the timer and waits for a clean-up in progress, so the database can be closed after. */
  stop(): Promise<void>;
}

/** Runs the clean-up every `everyMs` without keeping the process alive; one run at a time. */
export function schedulePurge(purge: () => Promise<PurgeCounts>, everyMs: number, logger: Logger): ScheduledPurge {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = purge()
      .then(
        (counts) => logger.info({ purged: counts }, 'clean-up of expired data done'),
        (error: unknown) => logger.warn({ err: error }, 'clean-up of expired data failed; it runs again at the next interval'),
      )
      .finally(() => {
        running = undefined;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
