import type { Server } from 'node:http';
import { composeApp } from './composeApp.js';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseStartError, migrateToLatest, openDatabase } from './db/database.js';
import { createLogger } from './logger.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.database, {
    onIdleConnectionError: (error) => logger.warn({ err: error }, 'a pooled database connection broke; it will be replaced'),
  });
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const { app, close: closeApp } = composeApp(database, {
    logger,
    sessionSecret: config.sessionSecret,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    version: config.version,
    pdfWorkers: config.pdfWorkers,
    pdfTimeoutMs: config.pdfTimeoutMs,
    actionDueDays: config.actionDueDays,
    healthDetailsToken: config.healthToken,
    throttling: config.throttling,
    abandonedAssessmentDays: config.abandonedAssessmentDays,
    purgeIntervalMs: config.purgeIntervalMs,
  });

  const server: Server = app.listen(config.port, config.host, () => {
    const store = config.database.kind === 'postgres' ? { database: 'postgres' } : { database: 'sqlite', dataDir: config.dataDir };
    logger.info({ port: config.port, host: config.host, ...store }, `RiskPlan listening on http://localhost:${config.port}`);
  });

  // SIGTERM: stop taking connections, let requests in flight finish, then close the database.
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      void closeApp()
        .then(() => database.close())
        .then(() => {
          logger.info('database closed, bye');
          process.exit(0);
        });
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DatabaseStartError;
  // The logger may not exist yet (bad config): stderr is the only honest channel here.
  process.stderr.write(`RiskPlan could not start: ${known ? error.message : String(error)}\n`);
  if (!known && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
