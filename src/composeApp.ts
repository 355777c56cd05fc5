import type { Express } from 'express';
import { createApp } from './app.js';
import type { Database } from './db/database.js';
import { createTranslator } from './i18n/catalogue.js';
import type { Logger } from './logger.js';
import { createPdfRenderPool } from './report/renderPool.js';
import { createActionPlanRepository } from './repositories/actionPlanRepository.js';
import { createAssessmentRepository } from './repositories/assessmentRepository.js';
import { DatabaseSessionStore } from './repositories/sessionStore.js';
import type { DueDays } from './services/actionPlan.js';
import { createActionPlanService } from './services/actionPlanService.js';
import { createAssessmentService } from './services/assessmentService.js';
import { createReportService } from './services/reportService.js';
import { createDraining, type Draining } from './web/draining.js';

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
}

export interface ComposedApp {
  app: Express;
  /** Started by server.ts on SIGTERM: /healthz says not ready, new requests get a 503, requests received finish. */
  draining: Draining;
  /** Stops what the app started (PDF workers, session pruning); the database stays open. Call it once requests have drained. */
  close: () => Promise<void>;
}

/** Wires repositories, services and workers on an open database into the app. Used by server.ts and the tests alike. */
export function composeApp(database: Database, settings: AppSettings): ComposedApp {
  const sessionStore = new DatabaseSessionStore(database.db);
  const pdfRenderPool = createPdfRenderPool({ size: settings.pdfWorkers, timeoutMs: settings.pdfTimeoutMs });
  const assessmentService = createAssessmentService(createAssessmentRepository(database.db));
  const t = createTranslator('en');
  const draining = createDraining();
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
    readinessChecks: [{ name: 'database', isReady: () => database.isReachable() }, draining.readinessCheck],
    refuseWhileDraining: draining.refuseNewRequests,
  });
  return {
    app,
    draining,
    close: async () => {
      sessionStore.close();
      await pdfRenderPool.close();
    },
  };
}
