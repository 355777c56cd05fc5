import { sql } from 'kysely';
import pg from 'pg';
import { postgresTools, testStore, type RunningApp } from './testApp.js';

/**
 * A real storage fault on the store under test, and its end.
 * SQLite: the app's own connection may not grow the file past its current size (`max_page_count`,
 * after a VACUUM so no free page is left): any write that needs a new page gets SQLITE_FULL,
 * exactly as on a full disk. PostgreSQL: the database turns read-only and the app's pooled
 * connections are ended, as in a failover to a standby; the pool reconnects to a database that
 * refuses every write with 25006. The fault ends the same way a failover back does.
 */
export interface StorageFault {
  code: string;
  apply(): Promise<void>;
  lift(): Promise<void>;
}

export function sqliteFull(running: RunningApp): StorageFault {
  const { db } = running.database;
  return {
    code: 'SQLITE_FULL',
    async apply() {
      await sql`vacuum`.execute(db);
      const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db);
      await sql.raw(`pragma max_page_count = ${rows[0]?.page_count ?? 0}`).execute(db);
    },
    async lift() {
      await sql.raw('pragma max_page_count = 1073741823').execute(db);
    },
  };
}

async function asAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: postgresTools().adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export function postgresReadOnly(running: RunningApp): StorageFault {
  const switchTo = async (readOnly: boolean) => {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(running.database.db);
    const name = rows[0]?.name ?? '';
    await asAdmin(async (admin) => {
      await admin.query(`alter database "${name}" set default_transaction_read_only = ${readOnly ? 'on' : 'off'}`);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
    });
    // Let the pool hear that its idle connections ended, so the next request opens a new one.
    await new Promise((resolve) => setTimeout(resolve, 300));
  };
  return { code: '25006', apply: () => switchTo(true), lift: () => switchTo(false) };
}

/** The storage fault of the store under test. */
export const faultOn = (running: RunningApp) => (testStore === 'postgres' ? postgresReadOnly(running) : sqliteFull(running));
