import { composeApp } from './composeApp.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DatabaseStartError, migrateToLatest, openDatabase, requireCurrentSchema } from './db/database.js';
import { createHttpServer } from './httpServer.js';
import { createLogger, type Logger } from './logger.js';
import { logProcessEvents } from './processEvents.js';
import { drainAndStop } from './shutdown.js';

async function start(config: Config, logger: Logger): Promise<void> {
  const database = await openDatabase(config.database, {
    onIdleConnectionError: (error) => logger.warn({ err: error }, 'a pooled database connection broke; it will be replaced'),
  });
  try {
    // Without migrating at start the app only reads which migrations ran: it may run as a role
    // that cannot change the schema (deploy/README.md), and `npm run migrate` does the rest.
    await (config.migrateOnStart ? migrateToLatest(database.db) : requireCurrentSchema(database.db));
  } catch (error) {
    await database.close();
    throw error;
  }
  const { app, draining, close: closeApp } = composeApp(database, {
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
    signInThrottling: config.signInThrottling,
    anonymousIssuesPerAssessment: config.anonymousIssuesPerAssessment,
    signedInSessions: config.signedInSessions,
    abandonedAssessmentDays: config.abandonedAssessmentDays,
    purgeIntervalMs: config.purgeIntervalMs,
    issuedReportRetentionYears: config.issuedReportRetentionYears,
    shareLinkDays: config.shareLinkDays,
  });

  const server = createHttpServer(
    (req, res) => {
      draining.track(req, res);
      app(req, res);
    },
    config.http,
    logger,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const store = config.database.kind === 'postgres' ? { database: 'postgres' } : { database: 'sqlite', dataDir: config.dataDir };
  logger.info({ port: config.port, host: config.host, ...store }, `RiskPlan listening on http://localhost:${config.port}`);

  // SIGTERM: /healthz says not ready, new requests get a 503, requests received finish; then exit.
  // A second signal (SIGINT after SIGTERM, or the same one again, which is not caught) stops it at once.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal while draining: stopping at once');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    drainAndStop({ server, draining, graceMs: config.shutdownGraceMs, closeApp, closeDatabase: () => database.close(), logger })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        return 1;
      })
      .then((code) => process.exit(code), () => process.exit(1));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

function main(): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    // No logger yet (its level is part of the configuration): stderr is the only honest channel.
    process.stderr.write(`RiskPlan could not start: ${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  logProcessEvents(logger);
  start(config, logger).catch((error: unknown) => {
    // A known cause is one line an operator can act on; anything else goes to the log with its stack.
    const known = error instanceof DatabaseStartError;
    if (!known) logger.fatal({ err: error }, 'RiskPlan could not start');
    process.stderr.write(`RiskPlan could not start: ${known ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

main();
