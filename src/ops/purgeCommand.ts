import { ConfigError, loadConfig } from '../config.js';
import { DatabaseStartError, migrateToLatest, openDatabase } from '../db/database.js';
import { createDurableWriter } from '../db/durableWrites.js';
import { purgeExpiredData } from '../services/retention.js';

/**
 * `npm run purge`: the clean-up the running app does every PURGE_INTERVAL_MINUTES, once, now, on
 * the store the configuration names (DATABASE_URL, else SQLite in DATA_DIR). Safe while the app
 * runs. Prints one JSON line with what it deleted.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    // The same step every start of the app takes: it refuses a schema newer than this version,
    // and brings an older one up to date so the tables the clean-up reads exist.
    await migrateToLatest(database.db);
    const retention = { abandonedAssessmentDays: config.abandonedAssessmentDays, issuedReportRetentionYears: config.issuedReportRetentionYears };
    const counts = await purgeExpiredData(database.db, retention, { durably: createDurableWriter(database.db, database.raw) });
    process.stdout.write(`${JSON.stringify({ ...counts, ...retention })}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DatabaseStartError;
  process.stderr.write(`Purge failed: ${known ? error.message : String(error)}\n`);
  process.exit(1);
});
