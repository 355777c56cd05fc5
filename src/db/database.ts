import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { DEFAULT_MIGRATION_TABLE, Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { knownMigrationNames, migrationProvider } from './migrations.js';
import type { DatabaseSchema } from './schema.js';

export type Db = Kysely<DatabaseSchema>;

export interface Database {
  db: Db;
  kind: 'sqlite';
  /** True when a trivial query succeeds. */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
}

export function openSqlite(dataDir: string, fileName = 'riskplan.sqlite'): Database {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, fileName);
  const connection = new SQLite(file);
  // WAL lets readers run while a save commits; busy_timeout makes a second process wait, not fail.
  connection.pragma('journal_mode = WAL');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('foreign_keys = ON');
  connection.pragma('synchronous = NORMAL');
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: connection }) });
  return {
    db,
    kind: 'sqlite',
    async isReachable() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}

async function appliedMigrationNames(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables();
  if (!tables.some((table) => table.name === DEFAULT_MIGRATION_TABLE)) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db);
  return rows.rows.map((row) => row.name);
}

/** Brings the schema up to date. Refuses to run against a schema newer than this app knows. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const unknown = (await appliedMigrationNames(db)).filter((name) => !knownMigrationNames.has(name));
  if (unknown.length > 0) {
    throw new DatabaseStartError(
      `The database schema is newer than this version of RiskPlan (unknown migrations: ${unknown.join(', ')}). Upgrade the app before starting it.`,
    );
  }
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : 'unknown error';
    throw new DatabaseStartError(`Database migration ${failed} failed: ${reason}`);
  }
}
