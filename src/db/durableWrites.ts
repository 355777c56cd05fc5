import type BetterSqlite3 from 'better-sqlite3';
import type { Transaction } from 'kysely';
import type { Db, RawConnection } from './database.js';
import type { DatabaseSchema } from './schema.js';

/**
 * Runs a transaction whose commit must survive a power cut: issued reports and the audit log.
 * On SQLite the app's connection runs with synchronous=NORMAL (in WAL mode a commit may be lost
 * on power failure, never corrupted), which is right for answers a user can type again but not
 * for a record of what was issued. These transactions commit with synchronous=FULL (the WAL is
 * synced at every commit). On PostgreSQL a commit is durable already (synchronous_commit on).
 */
export type DurableWriter = <T>(work: (trx: Transaction<DatabaseSchema>) => Promise<T>) => Promise<T>;

export function createDurableWriter(db: Db, raw: RawConnection): DurableWriter {
  if (raw.kind === 'postgres') return (work) => db.transaction().execute(work);
  return sqliteFullSyncWriter(db, raw.connection);
}

function sqliteFullSyncWriter(db: Db, connection: BetterSqlite3.Database): DurableWriter {
  // Counted, not toggled: while any durable write is under way the connection stays FULL, so an
  // overlapping one never commits after the first has set it back. Other statements that run in
  // between are merely synced too.
  let underWay = 0;
  return async (work) => {
    if (underWay++ === 0) connection.pragma('synchronous = FULL');
    try {
      return await db.transaction().execute(work);
    } finally {
      if (--underWay === 0) connection.pragma('synchronous = NORMAL');
    }
  };
}
