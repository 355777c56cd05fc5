import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database.js';
import { reachabilityCheck } from './reachability.js';
import type { DatabaseSchema } from './schema.js';

export const SQLITE_FILE_NAME = 'riskplan.sqlite';

export function sqliteFilePath(dataDir: string, fileName = SQLITE_FILE_NAME): string {
  return path.join(dataDir, fileName);
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
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: connection }) });
  return {
    db,
    kind: 'sqlite',
    raw: { kind: 'sqlite', connection },
    isReachable: reachabilityCheck(db),
    close: () => db.destroy(),
  };
}
