import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { pino } from 'pino';
import { createApp } from '../../src/app.js';
import { migrateToLatest, openSqlite, type Database } from '../../src/db/database.js';
import { createAssessmentRepository } from '../../src/repositories/assessmentRepository.js';
import { DatabaseSessionStore } from '../../src/repositories/sessionStore.js';
import { createAssessmentService } from '../../src/services/assessmentService.js';

export interface RunningApp {
  app: Express;
  database: Database;
  dataDir: string;
  /** Closes the database; the data folder stays so a test can start the app again on it. */
  stop(): Promise<void>;
}

export function makeDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'riskplan-test-'));
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

/** The real app on a real SQLite file in `dataDir`, as server.ts builds it, without listening. */
export async function startApp(dataDir: string): Promise<RunningApp> {
  const database = openSqlite(dataDir);
  await migrateToLatest(database.db);
  const sessionStore = new DatabaseSessionStore(database.db);
  const app = createApp({
    logger: pino({ level: 'silent' }),
    assessmentService: createAssessmentService(createAssessmentRepository(database.db)),
    sessionStore,
    sessionSecret: 'test-secret-that-is-at-least-32-characters-long',
    secureCookies: false,
    trustProxy: 0,
    version: 'test',
    isDatabaseReachable: () => database.isReachable(),
  });
  return {
    app,
    database,
    dataDir,
    async stop() {
      sessionStore.close();
      await database.close();
    },
  };
}
