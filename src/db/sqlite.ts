import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase } from 'kysely';
import type { Database } from './database.js';
import { reachabilityCheck } from './reachability.js';
import type { DatabaseSchema } from './schema.js';

export const SQLITE_FILE_NAME = 'riskplan.sqlite';

export function sqliteFilePath(dataDir: string, fileName = SQLITE_FILE_NAME): string {
  return path.join(dataDir, fileName);
}

/** Distinct SQL texts kept prepared; the app's are a few dozen, so this only bounds a surprise. */
const MAX_PREPARED_STATEMENTS = 500;

/**
 * kysely's SQLite driver prepares each statement again at every execution, and on the small
 * indexed reads a page makes SQLite's parse and plan cost as much as the query. Statements are
 * kept by SQL text and reused (safe: better-sqlite3 runs each one to completion synchronously).
 */
function reusingPreparedStatements(connection: SQLite.Database): SqliteDatabase {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    prepare(sqlText) {
      let statement = prepared.get(sqlText);
      if (!statement) {
        if (prepared.size >= MAX_PREPARED_STATEMENTS) prepared.clear();
        statement = connection.prepare(sqlText);
        prepared.set(sqlText, statement);
      }
      return statement;
    },
    close() {
      prepared.clear();
      connection.close();
    },
  };
}

/**
 * After SQLITE_FULL, SQLITE_IOERR or SQLITE_BUSY inside a transaction, SQLite may already have
 * rolled the transaction back itself. Kysely then sends ROLLBACK anyway, which fails with "cannot
 * rollback - no transaction is active" and replaces the real error: the log said "cannot rollback"
 * where it should say SQLITE_FULL. This driver skips a rollback when there is nothing to roll back.
 */
class SqliteDriverKeepingTheRealError extends SqliteDriver {
  constructor(private readonly connection: SQLite.Database) {
    super({ database: reusingPreparedStatements(connection) });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.connection.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

class SqliteDialectKeepingTheRealError extends SqliteDialect {
  constructor(private readonly connection: SQLite.Database) {
    super({ database: connection });
  }

  override createDriver(): Driver {
    return new SqliteDriverKeepingTheRealError(this.connection);
  }
}

/** The embedded store: one SQLite file in DATA_DIR. Several processes may share it (WAL, busy timeout). */
export function openSqlite(dataDir: string, fileName = SQLITE_FILE_NAME): Database {
  mkdirSync(dataDir, { recursive: true });
  const connection = new SQLite(sqliteFilePath(dataDir, fileName));
  // WAL lets readers run while a save commits; busy_timeout makes a second process wait, not fail.
  connection.pragma('journal_mode = WAL');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('foreign_keys = ON');
  connection.pragma('synchronous = NORMAL');
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialectKeepingTheRealError(connection) });
  return {
    db,
    kind: 'sqlite',
    raw: { kind: 'sqlite', connection },
    isReachable: reachabilityCheck(db),
    close: () => db.destroy(),
  };
}
