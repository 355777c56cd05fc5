import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type Express, type RequestHandler } from 'express';
import type session from 'express-session';
import { createTranslator } from './i18n/catalogue.js';
import { accessLog, type Logger } from './logger.js';
import type { PdfRenderPool } from './report/renderPool.js';
import type { ActionPlanService } from './services/actionPlanService.js';
import type { AccountService } from './services/accountService.js';
import type { AssessmentService } from './services/assessmentService.js';
import type { PracticeService } from './services/practiceService.js';
import type { ExportService } from './services/exportService.js';
import type { BrandingRepository } from './repositories/brandingRepository.js';
import type { ComparisonService } from './services/comparisonService.js';
import type { ReassessmentService } from './services/reassessmentService.js';
import type { JudgementService } from './services/judgementService.js';
import type { ReportService } from './services/reportService.js';
import type { AuditLog } from './audit/auditLog.js';
import type { DurableWriter } from './db/durableWrites.js';
import type { AuditRepository } from './repositories/auditRepository.js';
import type { IssuedReportRepository } from './repositories/issuedReportRepository.js';
import type { AnswerHistoryRepository } from './repositories/answerHistoryRepository.js';
import type { ArchiveRepository } from './repositories/archiveRepository.js';
import type { LegalHoldService } from './services/legalHoldService.js';
import type { ReportDisposal } from './services/reportDisposal.js';
import type { ShareLinkService } from './services/shareLinkService.js';
import type { VerificationService } from './services/verificationService.js';
import type { IssuingService } from './services/issuingService.js';
import { createErrorHandler, notFoundHandler } from './web/errorHandler.js';
import { setUpCsrf } from './web/middleware/csrf.js';
import { checkedUser, loadCurrentUser, requireRole, type SignedInSessionSettings } from './web/middleware/currentUser.js';
import { setUpSessions } from './web/middleware/sessions.js';
import type { SignInThrottle } from './web/middleware/signInThrottle.js';
import type { Throttles } from './web/middleware/throttles.js';
import { setUpViewLocals } from './web/middleware/viewLocals.js';
import { noStoreByDefault, setUpFormParsing, setUpSecurityHeaders } from './web/middleware/webSecurity.js';
import { actionPlanRoutes } from './web/routes/actionPlanRoutes.js';
import { exportRoutes } from './web/routes/exportRoutes.js';
import { historyRoutes } from './web/routes/historyRoutes.js';
import { judgementRoutes } from './web/routes/judgementRoutes.js';
import { healthRoutes, type ReadinessCheck } from './web/routes/healthRoutes.js';
import { infoRoutes } from './web/routes/infoRoutes.js';
import { issuingRoutes } from './web/routes/issuingRoutes.js';
import { invitationRoutes } from './web/routes/invitationRoutes.js';
import { createPdfRefusalLog, pdfDownloadGate, reportRoutes } from './web/routes/reportRoutes.js';
import { firmAssessment, practiceRoutes } from './web/routes/practiceRoutes.js';
import { comparisonRoutes, reassessmentRoutes } from './web/routes/reassessmentRoutes.js';
import { resultsRoutes } from './web/routes/resultsRoutes.js';
import { signInRoutes } from './web/routes/signInRoutes.js';
import { teamRoutes } from './web/routes/teamRoutes.js';
import { brandingRoutes } from './web/routes/brandingRoutes.js';
import { verifyRoutes } from './web/routes/verifyRoutes.js';
import { auditRoutes } from './web/routes/auditRoutes.js';
import { archiveRoutes } from './web/routes/archiveRoutes.js';
import { startRoutes, walkRoutes } from './web/routes/walkRoutes.js';
import { SESSION_ASSESSMENT_BASE, sessionAssessment } from './web/routes/assessmentContext.js';
import { shareRoutes } from './web/routes/shareRoutes.js';
import { onlySharedPages, SHARED_BASE, sharedAssessment } from './web/routes/sharedAssessment.js';

export interface AppDependencies {
  logger: Logger;
  assessmentService: AssessmentService;
  /** A consulting firm's clients and the lists of its assessments. */
  practiceService: PracticeService;
  /** The action plan as XLSX and CSV and the report as DOCX. */
  exportService: ExportService;
  /** The firm name and logo an organisation's admin sets for its reports. */
  brandingRepository: BrandingRepository;
  /** Re-assessments of a firm's assessments: copied answers and plan, answers to check. */
  reassessmentService: ReassessmentService;
  /** Two assessments of one client side by side. */
  comparisonService: ComparisonService;
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
  /** Organisations, users, sign-in and invitations. */
  accountService: AccountService;
  /** Failed sign-ins per account and per address, shared through the database. */
  signInThrottle: SignInThrottle;
  /** Idle and absolute timeouts of a signed-in session. */
  signedInSessions: SignedInSessionSettings;
  /** Days an assessment is kept after its last change; the pages that hand out a resume link say so. */
  abandonedAssessmentDays: number;
  /** Read-only links to a firm's assessment that a consultant gives a client. */
  shareLinkService: ShareLinkService;
  /** The lifetime the share page offers for a new link (SHARE_LINK_DAYS). */
  shareLinkDays: number;
  /** Runs before sessions: turns requests away while the server drains (src/web/draining.ts). */
  refuseWhileDraining?: RequestHandler;
  /** Runs a transaction that commits durably (synchronous=FULL on SQLite): issued reports, the audit log. */
  durably: DurableWriter;
  /** Records who did what, when and from where (append-only). */
  auditLog: AuditLog;
  /** Reads the audit log for the audit page and its CSV. */
  auditRepository: AuditRepository;
  /** The register of issued reports and their exact bytes (append-only). */
  issuedReports: IssuedReportRepository;
  /** Looks a PDF's SHA-256 up in the register for the verify page. */
  verification: VerificationService;
  /** Who changed which answer of an assessment, when, from what to what (its history page). */
  answerHistory: AnswerHistoryRepository;
  /** Issues an assessment's report: a numbered, unchangeable record of it. */
  issuingService: IssuingService;
  /** The compliance archive: the register filtered, with disposal and legal hold state. */
  archive: ArchiveRepository;
  /** Legal holds on report numbers (they stop disposal). */
  legalHolds: LegalHoldService;
  /** Disposal of issued reports past their retention period. */
  reportDisposal: ReportDisposal;
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
  const pdfGate = pdfDownloadGate(deps.pdfRenderPool, pdfRefusals);
  app.get(`${SESSION_ASSESSMENT_BASE}/report.pdf`, pdfGate);
  app.get('/assessments/:assessmentId/report.pdf', pdfGate);
  app.get(`${SHARED_BASE}/:token/report.pdf`, pdfGate);
  // Issuing renders the report too: the same gate, the same friendly 503 when the pool is full.
  app.post(`${SESSION_ASSESSMENT_BASE}/issue`, pdfGate);
  app.post('/assessments/:assessmentId/issue', pdfGate);

  // One set of routes for the pages of an assessment, under each base that resolves one.
  const assessmentPages = Router({ mergeParams: true });
  assessmentPages.use(walkRoutes(deps.assessmentService, t, { publicUrl: deps.publicUrl }));
  assessmentPages.use(resultsRoutes(deps.assessmentService, t));
  assessmentPages.use(actionPlanRoutes(deps.assessmentService, deps.actionPlanService, t));
  assessmentPages.use(judgementRoutes({ assessments: deps.assessmentService, actionPlans: deps.actionPlanService, judgements: deps.judgementService }, t));
  assessmentPages.use(reportRoutes(deps.reportService, pdfRefusals));
  assessmentPages.use(exportRoutes(deps.exportService, deps.auditLog));
  assessmentPages.use(historyRoutes(deps.answerHistory, t));
  assessmentPages.use(issuingRoutes(deps.issuingService, t, pdfRefusals));

  // A client's read-only link, before the session is read: its pages only read, so opening one
  // creates no session and writes no row, and a signed-in user's header (sign-out, team) is not
  // there. Only the shared pages pass, by GET; failed lookups are throttled per address.
  app.use(
    `${SHARED_BASE}/:token`,
    onlySharedPages,
    deps.throttles.shareLinkAttempts,
    sharedAssessment(deps.shareLinkService, deps.assessmentService, t),
    assessmentPages,
  );

  setUpFormParsing(app);
  setUpSessions(app, { secret: deps.sessionSecret, secure: deps.secureCookies, store: deps.sessionStore });
  setUpCsrf(app, { secret: deps.sessionSecret, secure: deps.secureCookies });
  // After the session and the form token (the header's sign-out form needs one); costs nothing for anonymous visitors.
  app.use(loadCurrentUser(deps.accountService, deps.signedInSessions));
  app.locals.assessmentKeptNotice = t(deps.abandonedAssessmentDays === 1 ? 'ui.resume.keptFor.one' : 'ui.resume.keptFor.other', {
    days: deps.abandonedAssessmentDays,
  });

  // After the form-token check, so a forged cross-site form cannot spend a visitor's allowance;
  // before the routes, so a refused request stores nothing.
  app.post('/assessments', deps.throttles.assessmentCreation);
  app.use('/resume', deps.throttles.resumeAttempts);
  // Anyone can issue an anonymous assessment's report, and an issue is kept: limited per address.
  app.post(`${SESSION_ASSESSMENT_BASE}/issue`, deps.throttles.anonymousIssuing);

  app.use(startRoutes(deps.assessmentService, t, { publicUrl: deps.publicUrl }));
  app.use(SESSION_ASSESSMENT_BASE, sessionAssessment(deps.assessmentService), assessmentPages);
  app.use(practiceRoutes(deps.practiceService, t));
  app.use(comparisonRoutes(deps.practiceService, deps.comparisonService, t));
  // The share and re-assessment pages live on the firm's base only: an anonymous assessment has no one to share with and no client to re-assess.
  app.use(
    '/assessments/:assessmentId',
    ...firmAssessment(deps.assessmentService, deps.practiceService),
    shareRoutes(deps.shareLinkService, t, { publicUrl: deps.publicUrl, defaultDays: deps.shareLinkDays, auditLog: deps.auditLog }),
    reassessmentRoutes(deps.reassessmentService, t),
    assessmentPages,
  );
  app.use(infoRoutes(t));
  app.use(signInRoutes(deps.accountService, deps.signInThrottle, deps.auditLog, t));
  app.use(invitationRoutes(deps.accountService, t));
  app.use(teamRoutes(deps.accountService, t, { publicUrl: deps.publicUrl, auditLog: deps.auditLog }));
  app.use(archiveRoutes({ archive: deps.archive, issuedReports: deps.issuedReports, legalHolds: deps.legalHolds, disposal: deps.reportDisposal, auditLog: deps.auditLog }, t));
  app.use(brandingRoutes({ repository: deps.brandingRepository, t, guard: requireRole('admin'), organisationIdOf: (res) => checkedUser(res).organisationId }));
  app.use(verifyRoutes({ verification: deps.verification, auditLog: deps.auditLog, t, throttle: deps.throttles.verifyAttempts }));
  app.use(auditRoutes({ auditRepository: deps.auditRepository, auditLog: deps.auditLog, accounts: deps.accountService, t }));

  app.use(notFoundHandler);
  app.use(createErrorHandler(deps.logger));
  return app;
}
