import { createAuditLog } from '../audit/auditLog.js';
import type { Db } from '../db/database.js';
import type { DurableWriter } from '../db/durableWrites.js';
import { createTranslator } from '../i18n/catalogue.js';
import type { Logger } from '../logger.js';
import { createArchiveRepository } from '../repositories/archiveRepository.js';
import { createAuditRepository } from '../repositories/auditRepository.js';
import { createIssuedReportRepository } from '../repositories/issuedReportRepository.js';
import { createReportDisposal } from './reportDisposal.js';

/** Years an issued report is kept before it is due for disposal (ISSUED_REPORT_RETENTION_YEARS). */
export const DEFAULT_ISSUED_REPORT_RETENTION_YEARS = 7;

/** How long data is kept. */
export interface RetentionPolicy {
  /** An anonymous assessment whose last change (assessments.updated_at) is older than this is deleted. A firm's assessments are its records: never. */
  abandonedAssessmentDays: number;
  /**
   * Years an issued report is kept. A firm's reports past it are listed for an admin to confirm
   * their disposal; an anonymous self-assessment's are disposed of by the clean-up itself.
   * DEFAULT_ISSUED_REPORT_RETENTION_YEARS when not given.
   */
  issuedReportRetentionYears?: number;
}

export interface PurgeOptions {
  now?: Date;
  /** Commits each disposal durably (synchronous=FULL on SQLite); a plain transaction when not given. */
  durably?: DurableWriter;
}

/** Rows deleted by one clean-up, by kind. */
export interface PurgeCounts {
  /** Each with its answers, progress, resume links and action plan (the foreign keys cascade). */
  abandonedAssessments: number;
  expiredSessions: number;
  expiredRateLimits: number;
  /** Anonymous self-assessments' issued reports past their retention whose content was disposed of (the register keeps the record). */
  disposedAnonymousReports: number;
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
 * Disposes of anonymous self-assessments' issued reports past the retention period, each in its
 * own transaction with its audit line. Their assessments may be long gone (the register has no
 * foreign key to them), and nobody can confirm for them.
 */
function disposeAnonymousReports(db: Db, policy: RetentionPolicy, options: PurgeOptions, now: Date): Promise<number> {
  const durably: DurableWriter = options.durably ?? ((work) => db.transaction().execute(work));
  const disposal = createReportDisposal({
    archive: createArchiveRepository(db, createIssuedReportRepository(db)),
    durably,
    auditLog: createAuditLog(createAuditRepository(db), durably, () => now),
    retentionYears: policy.issuedReportRetentionYears ?? DEFAULT_ISSUED_REPORT_RETENTION_YEARS,
    automaticName: createTranslator('en')('archive.disposal.automaticName'),
    clock: () => now,
  });
  return disposal.disposeDueAnonymous();
}

/**
 * Deletes what nobody can use any more: abandoned assessments with everything that belongs to
 * them, expired sessions and expired rate-limit counters, and the content of anonymous issued
 * reports past their retention. Run on a timer by the app and by `npm run purge`; safe to run on
 * several instances at once.
 */
export async function purgeExpiredData(db: Db, policy: RetentionPolicy, options: PurgeOptions = {}): Promise<PurgeCounts> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - policy.abandonedAssessmentDays * DAY_MS).toISOString();
  return {
    abandonedAssessments: await deleteAbandonedAssessments(db, cutoff),
    expiredSessions: await deleteExpiredSessions(db, now.getTime()),
    expiredRateLimits: await deleteExpiredRateLimits(db, now.getTime()),
    disposedAnonymousReports: await disposeAnonymousReports(db, policy, options, now),
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
