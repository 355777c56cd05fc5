import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { DEFAULT_MIGRATION_TABLE } from 'kysely';
import { knownMigrationNames } from '../db/migrations.js';
import { sqliteFilePath } from '../db/sqlite.js';

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Refuses a file that is not an intact RiskPlan database this version of the app can open. */
function checkRiskPlanDatabase(file: string): void {
  let connection: SQLite.Database;
  try {
    connection = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened as a SQLite database: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const integrity = connection.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`${file} is damaged (integrity check: ${String(integrity)})`);
    const hasMigrations = connection.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(DEFAULT_MIGRATION_TABLE);
    if (!hasMigrations) throw new BackupError(`${file} is not a RiskPlan database (no ${DEFAULT_MIGRATION_TABLE} table)`);
    const names = connection.prepare(`select name from ${DEFAULT_MIGRATION_TABLE}`).pluck().all() as string[];
    const unknown = names.filter((name) => !knownMigrationNames.has(name));
    if (unknown.length > 0) throw new BackupError(`${file} comes from a newer version of RiskPlan (unknown migrations: ${unknown.join(', ')})`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} cannot be read as a SQLite database: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    connection.close();
  }
}

/**
 * Copies the live database with SQLite's online backup API: a consistent snapshot that includes
 * what is still in the WAL, taken while the app keeps serving (a file copy of a live WAL
 * database can be torn or miss recent saves). Never overwrites an existing file.
 */
export async function backupSqlite(dataDir: string, destination: string): Promise<{ file: string; pages: number }> {
  const live = sqliteFilePath(dataDir);
  if (!existsSync(live)) throw new BackupError(`There is no database to back up at ${live}`);
  const file = path.resolve(destination);
  if (existsSync(file)) throw new BackupError(`${file} already exists: choose a new file name`);
  mkdirSync(path.dirname(file), { recursive: true });
  const connection = new SQLite(live, { fileMustExist: true });
  try {
    connection.pragma('busy_timeout = 5000');
    const { totalPages } = await connection.backup(file);
    checkRiskPlanDatabase(file);
    return { file, pages: totalPages };
  } finally {
    connection.close();
  }
}

/**
 * Replaces the database in DATA_DIR with a backup, through the same backup API (so the WAL and
 * the locks are respected). Stop every app instance first. The database being replaced is kept
 * beside it as `riskplan.sqlite.before-restore-<time>`.
 */
export async function restoreSqlite(dataDir: string, source: string, now = new Date()): Promise<{ replaced: string | undefined }> {
  const file = path.resolve(source);
  checkRiskPlanDatabase(file);
  const live = sqliteFilePath(dataDir);
  let replaced: string | undefined;
  if (existsSync(live)) {
    replaced = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    await backupSqlite(dataDir, replaced);
  }
  mkdirSync(dataDir, { recursive: true });
  const backup = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(live);
  } finally {
    backup.close();
  }
  checkRiskPlanDatabase(live);
  return { replaced };
}
