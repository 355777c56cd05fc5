import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type Express, type RequestHandler } from 'express';
import type session from 'express-session';
import { createTranslator } from './i18n/catalogue.js';
import { accessLog, type Logger } from './logger.js';
import type { PdfRenderPool } from './report/renderPool.js';
import type { ActionPlanService } from './services/actionPlanService.js';
import type { AssessmentService } from './services/assessmentService.js';
import type { JudgementService } from './services/judgementService.js';
import type { ReportService } from './services/reportService.js';
import { createErrorHandler, notFoundHandler } from './web/errorHandler.js';
import { setUpCsrf } from './web/middleware/csrf.js';
import { setUpSessions } from './web/middleware/sessions.js';
import type { Throttles } from './web/middleware/throttles.js';
import { setUpViewLocals } from './web/middleware/viewLocals.js';
import { noStoreByDefault, setUpFormParsing, setUpSecurityHeaders } from './web/middleware/webSecurity.js';
import { actionPlanRoutes } from './web/routes/actionPlanRoutes.js';
import { judgementRoutes } from './web/routes/judgementRoutes.js';
import { healthRoutes, type ReadinessCheck } from './web/routes/healthRoutes.js';
import { infoRoutes } from './web/routes/infoRoutes.js';
import { createPdfRefusalLog, pdfDownloadGate, reportRoutes } from './web/routes/reportRoutes.js';
import { resultsRoutes } from './web/routes/resultsRoutes.js';
import { startRoutes, walkRoutes } from './web/routes/walkRoutes.js';
import { SESSION_ASSESSMENT_BASE, sessionAssessment } from './web/routes/assessmentContext.js';

export interface AppDependencies {
  logger: Logger;
  assessmentService: AssessmentService;
  reportService: ReportService;
  actionPlanService: ActionPlanService;
  /** Records the assessor's overrides, rewordings and own actions. */
  judgementService: JudgementService;
  pdfRenderPool: PdfRenderPool;
  sessionStore: session.Store;
  sessionSecret: string;
  secureCookies: boolean;
  trustProxy: number;
  /** Where users reach the app (PUBLIC_URL): links we hand out are built on it, never on the Host header. */
  publicUrl: URL;
  version: string;
  /** What /healthz asks before it says ready (database, PDF workers, draining). */
  readinessChecks: readonly ReadinessCheck[];
  /** Lets operators see the version and each check on /healthz (header X-Health-Token). */
  healthDetailsToken?: string | undefined;
  /** Per-address limits on creating assessments and resume attempts, shared through the database. */
  throttles: Throttles;
  /** Days an assessment is kept after its last change; the pages that hand out a resume link say so. */
  abandonedAssessmentDays: number;
  /** Runs before sessions: turns requests away while the server drains (src/web/draining.ts). */
  refuseWhileDraining?: RequestHandler;
}

/** The project root: views and static files sit beside src (and beside dist/src once built). */
function projectRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '../..') : path.resolve(here, '..');
}

/** Builds the app from its services. Opens nothing and listens on nothing: server.ts does that. */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  const root = projectRoot();
  const t = createTranslator('en');

  app.set('trust proxy', deps.trustProxy);
  app.set('views', path.join(root, 'views'));
  app.set('view engine', 'ejs');
  // On in every mode: templates are part of the build, and re-reading them costs half the throughput.
  app.set('view cache', true);

  app.use(accessLog(deps.logger, (req) => req.url === '/healthz'));
  // View locals first: the error page needs them even when the body parser or CSRF check fails.
  setUpViewLocals(app);
  setUpSecurityHeaders(app);
  // Health and static files need no session or body: served before either is read.
  app.use(healthRoutes({ version: deps.version, checks: deps.readinessChecks, detailsToken: deps.healthDetailsToken }));
  app.use('/static', express.static(path.join(root, 'static'), { maxAge: '1h', index: false }));
  // After the static files, which say their own (express.static never replaces a Cache-Control already set).
  app.use(noStoreByDefault);
  // Turns requests away while the server drains, before they read a session or the database.
  if (deps.refuseWhileDraining) app.use(deps.refuseWhileDraining);
  // A PDF download takes a render place before its session or assessment is read: when the pool is
  // full the refusal costs almost nothing, however many arrive.
  const pdfRefusals = createPdfRefusalLog(deps.logger);
  app.get(`${SESSION_ASSESSMENT_BASE}/report.pdf`, pdfDownloadGate(deps.pdfRenderPool, pdfRefusals));

  setUpFormParsing(app);
  setUpSessions(app, { secret: deps.sessionSecret, secure: deps.secureCookies, store: deps.sessionStore });
  setUpCsrf(app, { secret: deps.sessionSecret, secure: deps.secureCookies });
  app.locals.assessmentKeptNotice = t(deps.abandonedAssessmentDays === 1 ? 'ui.resume.keptFor.one' : 'ui.resume.keptFor.other', {
    days: deps.abandonedAssessmentDays,
  });

  // After the form-token check, so a forged cross-site form cannot spend a visitor's allowance;
  // before the routes, so a refused request stores nothing.
  app.post('/assessments', deps.throttles.assessmentCreation);
  app.use('/resume', deps.throttles.resumeAttempts);

  app.use(startRoutes(deps.assessmentService, t, { publicUrl: deps.publicUrl }));
  // One set of routes for the pages of an assessment, under each base that resolves one.
  const assessmentPages = Router({ mergeParams: true });
  assessmentPages.use(walkRoutes(deps.assessmentService, t, { publicUrl: deps.publicUrl }));
  assessmentPages.use(resultsRoutes(deps.assessmentService, t));
  assessmentPages.use(actionPlanRoutes(deps.assessmentService, deps.actionPlanService, t));
  assessmentPages.use(judgementRoutes({ assessments: deps.assessmentService, actionPlans: deps.actionPlanService, judgements: deps.judgementService }, t));
  assessmentPages.use(reportRoutes(deps.reportService, pdfRefusals));
  app.use(SESSION_ASSESSMENT_BASE, sessionAssessment(deps.assessmentService), assessmentPages);
  app.use(infoRoutes(t));

  app.use(notFoundHandler);
  app.use(createErrorHandler(deps.logger));
  return app;
}
