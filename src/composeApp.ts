import type { Express } from 'express';
import { createApp } from './app.js';
import type { Database } from './db/database.js';
import { writeProbeCheck } from './db/writeProbe.js';
import { createTranslator } from './i18n/catalogue.js';
import type { Logger } from './logger.js';
import { createPdfRenderPool, type RenderWorkerSource, type RestartBackoff } from './report/renderPool.js';
import { createActionPlanRepository } from './repositories/actionPlanRepository.js';
import { createAssessmentRepository } from './repositories/assessmentRepository.js';
import { createJudgementRepository } from './repositories/judgementRepository.js';
import { DatabaseSessionStore } from './repositories/sessionStore.js';
import type { DueDays } from './services/actionPlan.js';
import { createActionPlanService } from './services/actionPlanService.js';
import { createAssessmentService } from './services/assessmentService.js';
import { createJudgementService } from './services/judgementService.js';
import { createReportService } from './services/reportService.js';
import { createExportService } from './services/exportService.js';
import { createBrandingRepository } from './repositories/brandingRepository.js';
import { firmBrandingOf } from './services/firmBranding.js';
import { DEFAULT_ISSUED_REPORT_RETENTION_YEARS, purgeExpiredData, schedulePurge } from './services/retention.js';
import { createArchiveRepository } from './repositories/archiveRepository.js';
import { createLegalHoldRepository } from './repositories/legalHoldRepository.js';
import { createLegalHoldService } from './services/legalHoldService.js';
import { createReportDisposal } from './services/reportDisposal.js';
import { createAccountRepository } from './repositories/accountRepository.js';
import { createClientRepository } from './repositories/clientRepository.js';
import { createPracticeRepository } from './repositories/practiceRepository.js';
import { createPracticeService } from './services/practiceService.js';
import { createAuditLog } from './audit/auditLog.js';
import { createDurableWriter } from './db/durableWrites.js';
import { createAuditRepository } from './repositories/auditRepository.js';
import { createIssuedReportRepository } from './repositories/issuedReportRepository.js';
import { createVerificationRepository } from './repositories/verificationRepository.js';
import { createVerificationService } from './services/verificationService.js';
import { createAnswerHistoryRepository } from './repositories/answerHistoryRepository.js';
import { createIssuingService } from './services/issuingService.js';
import { DEFAULT_ANONYMOUS_ISSUES_PER_ASSESSMENT } from './config.js';
import { createShareLinkRepository } from './repositories/shareLinkRepository.js';
import { createShareLinkService } from './services/shareLinkService.js';
import { createReassessmentRepository } from './repositories/reassessmentRepository.js';
import { createReassessmentService } from './services/reassessmentService.js';
import { createComparisonService } from './services/comparisonService.js';
import { createAccountService, INVITATION_DAYS } from './services/accountService.js';
import type { SignedInSessionSettings } from './web/middleware/currentUser.js';
import { createSignInThrottle, type SignInThrottleSettings } from './web/middleware/signInThrottle.js';
import { createThrottles, type ThrottleSettings } from './web/middleware/throttles.js';
import { createDraining, type Draining } from './web/draining.js';

export interface AppSettings {
  logger: Logger;
  sessionSecret: string;
  secureCookies: boolean;
  trustProxy: number;
  /** Where users reach the app: links handed out are built on it. */
  publicUrl: URL;
  version: string;
  pdfWorkers: number;
  pdfTimeoutMs: number;
  /** Days from the assessment date to an action's default due date, by priority 1 to 4. */
  actionDueDays: DueDays;
  /** Shows the version and each readiness check on /healthz to a caller that sends it. */
  healthDetailsToken?: string | undefined;
  /** Per-address limits on creating assessments and on resume attempts. */
  throttling: ThrottleSettings;
  /** Failed sign-ins allowed per account and per client address. */
  signInThrottling: SignInThrottleSettings;
  /** Issues one anonymous assessment may have in all (DEFAULT_ANONYMOUS_ISSUES_PER_ASSESSMENT when not given). */
  anonymousIssuesPerAssessment?: number;
  /** Idle and absolute timeouts of a signed-in session. */
  signedInSessions: SignedInSessionSettings;
  /** Days without a change after which the clean-up deletes an assessment. */
  abandonedAssessmentDays: number;
  /** How often the clean-up runs. */
  purgeIntervalMs: number;
  /** Years an issued report is kept before it is due for disposal (ISSUED_REPORT_RETENTION_YEARS; 7 when not given). */
  issuedReportRetentionYears?: number;
  /** The lifetime the share page offers for a client's read-only link (SHARE_LINK_DAYS). */
  shareLinkDays: number;
  /** Tests only: a stand-in render worker (one that fails its warm-up or holds its work) and its retry timing. */
  pdfWorker?: RenderWorkerSource;
  pdfRestartBackoff?: RestartBackoff;
}

/** /healthz proves a write at most this often; between probes it repeats the last answer. */
const WRITE_PROBE_CACHE_MS = 2000;

export interface ComposedApp {
  app: Express;
  /** Started by server.ts on SIGTERM: /healthz says not ready, new requests get a 503, requests received finish. */
  draining: Draining;
  /** Stops what the app started (PDF workers, the scheduled clean-up); the database stays open. Call it once requests have drained. */
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
  const judgementRepository = createJudgementRepository(database.db);
  const assessmentService = createAssessmentService(createAssessmentRepository(database.db), undefined, judgementRepository);
  const t = createTranslator('en');
  const draining = createDraining();
  const actionPlanRepository = createActionPlanRepository(database.db);
  const actionPlanService = createActionPlanService(actionPlanRepository, { dueDays: settings.actionDueDays, t });
  const practiceRepository = createPracticeRepository(database.db);
  const brandingRepository = createBrandingRepository(database.db);
  const reportService = createReportService(assessmentService, actionPlanService, t, firmBrandingOf(brandingRepository));
  // Issued reports and the audit log commit durably (synchronous=FULL on SQLite).
  const durably = createDurableWriter(database.db, database.raw);
  const auditRepository = createAuditRepository(database.db);
  const auditLog = createAuditLog(auditRepository, durably);
  const issuedReports = createIssuedReportRepository(database.db);
  const clientRepository = createClientRepository(database.db);
  const issuingService = createIssuingService({
    reports: reportService,
    assessments: assessmentService,
    issuedReports,
    durably,
    auditLog,
    pool: pdfRenderPool,
    clientNameOf: async (organisationId, clientId) => (await clientRepository.find(organisationId, clientId))?.name,
    t,
    verifyUrl: new URL('verify', settings.publicUrl).href,
    anonymousIssueLimit: settings.anonymousIssuesPerAssessment ?? DEFAULT_ANONYMOUS_ISSUES_PER_ASSESSMENT,
  });
  // The archive of issued reports: legal holds, and disposal once the retention period ended.
  const issuedReportRetentionYears = settings.issuedReportRetentionYears ?? DEFAULT_ISSUED_REPORT_RETENTION_YEARS;
  const archive = createArchiveRepository(database.db, issuedReports);
  const legalHolds = createLegalHoldService({ holds: createLegalHoldRepository(database.db), durably, auditLog });
  const reportDisposal = createReportDisposal({ archive, durably, auditLog, retentionYears: issuedReportRetentionYears, automaticName: t('archive.disposal.automaticName') });
  const retention = { abandonedAssessmentDays: settings.abandonedAssessmentDays, issuedReportRetentionYears };
  const scheduledPurge = schedulePurge(() => purgeExpiredData(database.db, retention, { durably }), settings.purgeIntervalMs, settings.logger);
  const app = createApp({
    logger: settings.logger,
    assessmentService,
    reportService,
    brandingRepository,
    exportService: createExportService(assessmentService, actionPlanService, reportService, t),
    actionPlanService,
    judgementService: createJudgementService(judgementRepository, { t }),
    pdfRenderPool,
    sessionStore,
    sessionSecret: settings.sessionSecret,
    secureCookies: settings.secureCookies,
    trustProxy: settings.trustProxy,
    publicUrl: settings.publicUrl,
    version: settings.version,
    healthDetailsToken: settings.healthDetailsToken,
    readinessChecks: [
      {
        // A write, not a read: a full disk or a read-only database still answers reads.
        name: 'database',
        isReady: writeProbeCheck(database.db, {
          cacheMs: WRITE_PROBE_CACHE_MS,
          onChange: (writable, error) => {
            if (writable) settings.logger.info('the database takes writes again');
            else settings.logger.warn({ err: error }, 'the database cannot be written: /healthz says not ready');
          },
        }),
      },
      { name: 'pdf', isReady: () => pdfRenderPool.isReady() },
      draining.readinessCheck,
    ],
    throttles: createThrottles(database.raw, settings.throttling, settings.logger),
    practiceService: createPracticeService({ clients: clientRepository, practice: practiceRepository, assessments: assessmentService }),
    reassessmentService: createReassessmentService({ repository: createReassessmentRepository(database.db), assessments: assessmentService, actionPlans: actionPlanRepository }),
    comparisonService: createComparisonService({ assessments: assessmentService, actionPlans: actionPlanService, practice: practiceRepository }),
    accountService: createAccountService(createAccountRepository(database.db), { invitationDays: INVITATION_DAYS }),
    signInThrottle: createSignInThrottle(database.raw, settings.signInThrottling, settings.logger),
    signedInSessions: settings.signedInSessions,
    abandonedAssessmentDays: settings.abandonedAssessmentDays,
    shareLinkService: createShareLinkService(createShareLinkRepository(database.db)),
    shareLinkDays: settings.shareLinkDays,
    refuseWhileDraining: draining.refuseNewRequests,
    durably,
    auditLog,
    auditRepository,
    issuedReports,
    verification: createVerificationService(createVerificationRepository(database.db)),
    answerHistory: createAnswerHistoryRepository(database.db),
    issuingService,
    archive,
    legalHolds,
    reportDisposal,
  });
  return {
    app,
    draining,
    close: async () => {
      await scheduledPurge.stop();
      await pdfRenderPool.close();
    },
  };
}
