import { ConfigError, loadConfig } from '../config.js';
import { DatabaseStartError, migrateToLatest, openDatabase } from '../db/database.js';

/**
 * `npm run migrate` (in the image: `node dist/src/ops/migrateCommand.js`): brings the schema of
 * the store the configuration names (DATABASE_URL, else SQLite in DATA_DIR) up to date, and stops.
 * In production on PostgreSQL it runs with the schema owner's DATABASE_URL, and the app, with
 * MIGRATE_ON_START=false, as a role that cannot change the schema (deploy/README.md).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    process.stdout.write('The database schema is up to date.\n');
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DatabaseStartError;
  process.stderr.write(`Migration failed: ${known ? error.message : String(error)}\n`);
  process.exit(1);
});
