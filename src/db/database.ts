import type BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_MIGRATION_TABLE, Migrator, sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { knownMigrationNames, migrationProvider } from './migrations.js';
import { openPostgres, redactDatabaseUrl } from './postgres.js';
import { describeConnectionError, pingDatabase } from './reachability.js';
import type { DatabaseSchema } from './schema.js';
import { openSqlite } from './sqlite.js';

export { openPostgres, redactDatabaseUrl } from './postgres.js';
export { openSqlite, sqliteFilePath } from './sqlite.js';

export type Db = Kysely<DatabaseSchema>;

/** The driver's own handle under kysely, for a library that speaks to the store itself (the rate limiter). */
export type RawConnection = { kind: 'sqlite'; connection: BetterSqlite3.Database } | { kind: 'postgres'; pool: pg.Pool };

export interface Database {
  db: Db;
  /** Which store: the SQL is the same, but operations (backup, restore) differ. */
  kind: 'sqlite' | 'postgres';
  /** The same connection (SQLite) or pool (PostgreSQL) kysely uses: no second set of connections. */
  raw: RawConnection;
  /** True when a trivial query succeeds. */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
}

export type DatabaseSettings =
  | { kind: 'sqlite'; dataDir: string }
  | { kind: 'postgres'; url: string; poolMax: number; statementTimeoutMs: number };

export interface OpenDatabaseOptions {
  /** Told about broken idle connections (PostgreSQL only); the pool replaces them. */
  onIdleConnectionError?: (error: Error) => void;
}

/**
 * Opens the store the configuration names (PostgreSQL when DATABASE_URL is set, else SQLite in
 * DATA_DIR) and proves it answers, so a wrong URL or a stopped server fails the start with a
 * message that says so, not the first request.
 */
export async function openDatabase(settings: DatabaseSettings, options: OpenDatabaseOptions = {}): Promise<Database> {
  const database =
    settings.kind === 'postgres'
      ? openPostgres(settings.url, {
          poolMax: settings.poolMax,
          statementTimeoutMs: settings.statementTimeoutMs,
          ...(options.onIdleConnectionError ? { onIdleConnectionError: options.onIdleConnectionError } : {}),
        })
      : openSqlite(settings.dataDir);
  try {
    await pingDatabase(database.db);
  } catch (error) {
    await database.close().catch(() => undefined);
    const where = settings.kind === 'postgres' ? `the PostgreSQL database at ${redactDatabaseUrl(settings.url)} (DATABASE_URL)` : `the SQLite database in ${settings.dataDir} (DATA_DIR)`;
    throw new DatabaseStartError(`Cannot reach ${where}: ${describeConnectionError(error)}`, { cause: error });
  }
  return database;
}

async function appliedMigrationNames(db: Db): Promise<string[]> {
  // Kysely hides its own tables from introspection unless asked: without this the check never fired.
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === DEFAULT_MIGRATION_TABLE)) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db);
  return rows.rows.map((row) => row.name);
}

/** Refuses a schema newer than this app knows: an older app must not run on it. */
function refuseNewerSchema(applied: readonly string[]): void {
  const unknown = applied.filter((name) => !knownMigrationNames.has(name));
  if (unknown.length > 0) {
    throw new DatabaseStartError(
      `The database schema is newer than this version of RiskPlan (unknown migrations: ${unknown.join(', ')}). Upgrade the app before starting it.`,
    );
  }
}

/** Brings the schema up to date. Refuses to run against a schema newer than this app knows. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  refuseNewerSchema(await appliedMigrationNames(db));
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : 'unknown error';
    throw new DatabaseStartError(`Database migration ${failed} failed: ${reason}`);
  }
}

/**
 * For an app that does not migrate at start (MIGRATE_ON_START=false: in production on PostgreSQL
 * it runs as a role that cannot change the schema, see deploy/README.md): only reads which
 * migrations ran, and refuses to start on a schema that is older or newer than this version.
 */
export async function requireCurrentSchema(db: Db): Promise<void> {
  const applied = await appliedMigrationNames(db);
  refuseNewerSchema(applied);
  const pending = [...knownMigrationNames].filter((name) => !applied.includes(name));
  if (pending.length > 0) {
    throw new DatabaseStartError(
      `The database schema is older than this version of RiskPlan (pending migrations: ${pending.join(', ')}). Run \`npm run migrate\` as the schema's owner, then start the app.`,
    );
  }
}
