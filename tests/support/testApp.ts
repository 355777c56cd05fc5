import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import pg from 'pg';
import { pino } from 'pino';
import { inject } from 'vitest';
import { composeApp, type AppSettings } from '../../src/composeApp.js';
import { DEFAULT_SHARE_LINK_DAYS } from '../../src/config.js';
import { migrateToLatest, openDatabase, type Database, type DatabaseSettings } from '../../src/db/database.js';
import { DEFAULT_DUE_DAYS } from '../../src/services/actionPlan.js';
import type { SignInThrottleSettings } from '../../src/web/middleware/signInThrottle.js';
import type { ThrottleSettings } from '../../src/web/middleware/throttles.js';
import { databaseUrl, freshDatabaseName, psql } from './postgresCluster.js';

/** Shows the version and each readiness check on /healthz in tests (header X-Health-Token). */
export const TEST_HEALTH_TOKEN = 'test-health-token-0123456789';

/** Resume links in tests are built on this address, whatever Host a request sends. */
export const TEST_PUBLIC_URL = new URL('http://riskplan.test/');

export interface RunningApp {
  app: Express;
  database: Database;
  dataDir: string;
  /** Closes the database; the data folder stays so a test can start the app again on it. */
  stop(): Promise<void>;
}

/**
 * The store the integration suite runs on: SQLite by default, PostgreSQL with
 * RISKPLAN_TEST_STORE=postgres (vitest's globalSetup then starts a throwaway cluster).
 */
export const testStore: 'sqlite' | 'postgres' = (() => {
  const chosen = process.env.RISKPLAN_TEST_STORE ?? 'sqlite';
  if (chosen !== 'sqlite' && chosen !== 'postgres') throw new Error(`RISKPLAN_TEST_STORE must be sqlite or postgres, not ${chosen}`);
  return chosen;
})();

/** On PostgreSQL each data folder names its own database in this file, so a restart finds it again. */
const DATABASE_NAME_FILE = 'postgres-database';

export interface PostgresTools {
  adminUrl: string;
  binDir: string;
}

export function postgresTools(): PostgresTools {
  if (testStore !== 'postgres') throw new Error('postgresTools() is only available with RISKPLAN_TEST_STORE=postgres');
  return { adminUrl: inject('postgresAdminUrl'), binDir: inject('postgresBinDir') };
}

export function makeDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'riskplan-test-'));
}

/** Removes the data folder and, on PostgreSQL, drops its database (synchronously, for afterEach). */
export function removeDataDir(dataDir: string): void {
  const nameFile = path.join(dataDir, DATABASE_NAME_FILE);
  if (testStore === 'postgres' && existsSync(nameFile)) {
    const { adminUrl, binDir } = postgresTools();
    const name = readFileSync(nameFile, 'utf8').trim();
    psql(binDir, adminUrl, `drop database if exists "${name}" with (force)`);
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/** Creates an empty database on the test cluster and returns its URL. */
export async function createTestDatabase(name = freshDatabaseName()): Promise<string> {
  const { adminUrl } = postgresTools();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(adminUrl, name);
}

/** The PostgreSQL URL of the database that belongs to this data folder, created on first use. */
export async function postgresUrlFor(dataDir: string): Promise<string> {
  const nameFile = path.join(dataDir, DATABASE_NAME_FILE);
  if (existsSync(nameFile)) return databaseUrl(postgresTools().adminUrl, readFileSync(nameFile, 'utf8').trim());
  const name = freshDatabaseName();
  const url = await createTestDatabase(name);
  writeFileSync(nameFile, name);
  return url;
}

/** What `openDatabase` gets for this data folder on the chosen store. */
export async function databaseSettingsFor(dataDir: string): Promise<DatabaseSettings> {
  return testStore === 'postgres'
    ? { kind: 'postgres', url: await postgresUrlFor(dataDir), poolMax: 5, statementTimeoutMs: 10_000 }
    : { kind: 'sqlite', dataDir };
}

/** The environment that makes `src/server.ts` use this data folder's store. */
export async function serverEnvironmentFor(dataDir: string): Promise<Record<string, string>> {
  const settings = await databaseSettingsFor(dataDir);
  return settings.kind === 'postgres' ? { DATA_DIR: dataDir, DATABASE_URL: settings.url } : { DATA_DIR: dataDir };
}

/** Settings a test replaces: a logger to read, trust proxy, throttling limits, the clean-up, a stand-in PDF worker. */
export type StartAppOptions = Partial<AppSettings>;

const LIMITS_NO_TEST_REACHES: ThrottleSettings = {
  assessmentCreation: { attempts: 100_000, windowSeconds: 3600 },
  resumeAttempts: { attempts: 100_000, windowSeconds: 3600 },
  verifyAttempts: { attempts: 100_000, windowSeconds: 3600 },
  anonymousIssuing: { attempts: 100_000, windowSeconds: 3600 },
};

const SIGN_IN_LIMITS_NO_TEST_REACHES: SignInThrottleSettings = {
  perAccount: { attempts: 100_000, windowSeconds: 3600 },
  perAddress: { attempts: 100_000, windowSeconds: 3600 },
};

/**
 * The real app as server.ts builds it, without listening, on the chosen store: a SQLite file in
 * `dataDir`, or a fresh PostgreSQL database that belongs to `dataDir`. Starting it twice on one
 * folder gives two instances on one database. `overrides` replace settings (a logger to read,
 * a stand-in PDF worker).
 */
export async function startApp(dataDir: string, overrides: StartAppOptions = {}): Promise<RunningApp> {
  const database = await openDatabase(await databaseSettingsFor(dataDir));
  await migrateToLatest(database.db);
  return composeTestApp(database, dataDir, overrides);
}

/** The app on a database opened and migrated elsewhere (as another role, say), with the test settings. */
export function composeTestApp(database: Database, dataDir: string, overrides: StartAppOptions = {}): RunningApp {
  const { app, close } = composeApp(database, {
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    sessionSecret: 'test-secret-that-is-at-least-32-characters-long',
    secureCookies: false,
    trustProxy: 0,
    publicUrl: TEST_PUBLIC_URL,
    version: 'test',
    pdfWorkers: 1,
    pdfTimeoutMs: 30_000,
    actionDueDays: DEFAULT_DUE_DAYS,
    healthDetailsToken: TEST_HEALTH_TOKEN,
    throttling: LIMITS_NO_TEST_REACHES,
    signInThrottling: SIGN_IN_LIMITS_NO_TEST_REACHES,
    // The defaults (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS); timeout tests make them short.
    signedInSessions: { idleTimeoutMs: 30 * 60_000, absoluteTimeoutMs: 12 * 3_600_000 },
    abandonedAssessmentDays: 30,
    purgeIntervalMs: 3_600_000,
    shareLinkDays: DEFAULT_SHARE_LINK_DAYS,
    ...overrides,
  });
  return {
    app,
    database,
    dataDir,
    async stop() {
      await close();
      await database.close();
    },
  };
}
