import { ConfigError, loadConfig } from '../config.js';
import { BackupError, backupSqlite, restoreSqlite } from './sqliteBackup.js';

/**
 * `npm run backup -- <file>` and `npm run restore -- <file>` for the SQLite store in DATA_DIR.
 * PostgreSQL deployments use pg_dump and pg_restore instead (see the README).
 */
const usage = 'Usage: npm run backup -- <file> | npm run restore -- <file>';

async function main(argv: readonly string[]): Promise<void> {
  const [action, file, ...rest] = argv;
  if ((action !== 'backup' && action !== 'restore') || !file || rest.length > 0) throw new BackupError(usage);
  const config = loadConfig();
  if (config.database.kind === 'postgres') {
    throw new BackupError('DATABASE_URL is set: the data is in PostgreSQL. Use pg_dump / pg_restore (README, "Backup and restore").');
  }
  if (action === 'backup') {
    const { file: written, pages } = await backupSqlite(config.dataDir, file);
    process.stdout.write(`Backed up ${pages} pages from ${config.dataDir} to ${written}\n`);
    return;
  }
  const { replaced } = await restoreSqlite(config.dataDir, file);
  process.stdout.write(`Restored ${file} into ${config.dataDir}${replaced ? `; the previous database is kept as ${replaced}` : ''}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof BackupError || error instanceof ConfigError;
  process.stderr.write(`${known ? error.message : String(error)}\n`);
  process.exit(1);
});
