import type { Express } from 'express';
import { createApp } from './app.js';
import type { Database } from './db/database.js';
import { createTranslator } from './i18n/catalogue.js';
import type { Logger } from './logger.js';
import { createPdfRenderPool, type RenderWorkerSource, type RestartBackoff } from './report/renderPool.js';
import { createActionPlanRepository } from './repositories/actionPlanRepository.js';
import { createAssessmentRepository } from './repositories/assessmentRepository.js';
import { DatabaseSessionStore } from './repositories/sessionStore.js';
import type { DueDays } from './services/actionPlan.js';
import { createActionPlanService } from './services/actionPlanService.js';
import { createAssessmentService } from './services/assessmentService.js';
import { createReportService } from './services/reportService.js';

export interface AppSettings {
  logger: Logger;
  sessionSecret: string;
  secureCookies: boolean;
  trustProxy: number;
  version: string;
  pdfWorkers: number;
  pdfTimeoutMs: number;
  /** Days from the assessment date to an action's default due date, by priority 1 to 4. */
  actionDueDays: DueDays;
  /** Shows the version and each readiness check on /healthz to a caller that sends it. */
  healthDetailsToken?: string | undefined;
  /** Tests only: a stand-in render worker (one that fails its warm-up or holds its work) and its retry timing. */
  pdfWorker?: RenderWorkerSource;
  pdfRestartBackoff?: RestartBackoff;
}

export interface ComposedApp {
  app: Express;
  /** Stops what the app started (PDF workers, session pruning); the database stays open. */
  close: () => Promise<void>;
}

/** Wires repositories, services and workers on an open database into the app. Used by server.ts and the tests alike. */
export function composeApp(database: Database, settings: AppSettings): ComposedApp {
  const sessionStore = new DatabaseSessionStore(database.db);
  const pdfRenderPool = createPdfRenderPool({
    size: settings.pdfWorkers,
    timeoutMs: settings.pdfTimeoutMs,
    logger: settings.logger,
    ...(settings.pdfWorker ? { worker: settings.pdfWorker } : {}),
    ...(settings.pdfRestartBackoff ? { restartBackoff: settings.pdfRestartBackoff } : {}),
  });
  const assessmentService = createAssessmentService(createAssessmentRepository(database.db));
  const t = createTranslator('en');
  const actionPlanService = createActionPlanService(createActionPlanRepository(database.db), { dueDays: settings.actionDueDays, t });
  const app = createApp({
    logger: settings.logger,
    assessmentService,
    reportService: createReportService(assessmentService, actionPlanService, t),
    actionPlanService,
    pdfRenderPool,
    sessionStore,
    sessionSecret: settings.sessionSecret,
    secureCookies: settings.secureCookies,
    trustProxy: settings.trustProxy,
    version: settings.version,
    healthDetailsToken: settings.healthDetailsToken,
    readinessChecks: [
      { name: 'database', isReady: () => database.isReachable() },
      { name: 'pdf', isReady: () => pdfRenderPool.isReady() },
    ],
  });
  return {
    app,
    close: async () => {
      sessionStore.close();
      await pdfRenderPool.close();
    },
  };
}
