import { createHash, randomUUID } from 'node:crypto';
import type { AuditEntry } from '../audit/auditEvents.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { DurableWriter } from '../db/durableWrites.js';
import type { Translate } from '../i18n/catalogue.js';
import { effectiveAnswers } from '../questionnaire/visibility.js';
import type { PdfRenderPool, PdfRenderReservation } from '../report/renderPool.js';
import type { ReportBranding } from '../report/reportBranding.js';
import type { ReportModel } from '../report/reportModelTypes.js';
import { ANONYMOUS_SCOPE, formatReportNumber, type IssuedReportRepository, type IssuedReportRow, type NewNumber } from '../repositories/issuedReportRepository.js';
import type { AssessmentService, AssessmentState } from './assessmentService.js';
import type { IssueMeta, ReportService, ReportSource } from './reportService.js';

/**
 * Issuing: freezing an assessment's report as it stands into a record that never changes. The
 * exact PDF bytes, their SHA-256, the answers it was built on, the questionnaire version, who
 * issued it and when, under a report number printed on every page (RP-2026-000042 rev 1).
 *
 * Numbers count per scope (a firm, or all anonymous self-assessments together) and year, without
 * gaps: a number is claimed in the same durable transaction that stores its report (see
 * `claimNumber`), and the PDF is rendered before that transaction, with the number expected to be
 * free. When another issue took it meanwhile, the report is rendered again with the next one.
 * Issuing the same assessment again keeps its number and takes the next revision; issuing with
 * nothing changed gives the last issue back and stores nothing (a double click makes one report).
 */

/** How an issue refers to itself on every page and in the register's lists. */
export function issuedReportId(reportNumber: string, revision: number): string {
  return `${reportNumber} rev ${revision}`;
}

/** Who issues: a signed-in user, or the holder of an anonymous assessment's resume link (no user). */
export type Issuer = Pick<AuditEntry, 'actor' | 'ip'>;

export type IssueOutcome =
  /** A new issue (a new number, or a new revision of the assessment's number) is stored. */
  | { outcome: 'issued'; issue: IssuedReportRow }
  /** Nothing the report is built from changed since the assessment's last issue: that one, unchanged. */
  | { outcome: 'unchanged'; issue: IssuedReportRow }
  /** An anonymous assessment has been issued as often as it may be. */
  | { outcome: 'limit'; limit: number };

/** Tries at a free number (each after a render) before giving up: only many issues of one firm at the same moment use more than one. */
export const NUMBER_TRIES = 5;

/** Every number tried was taken by other issues first: try again in a moment (HTTP 503). */
export class IssueContendedError extends Error {
  override readonly name = 'IssueContendedError';
  readonly status = 503;
  readonly retryAfterSeconds = 5;
  constructor() {
    super(`No report number could be claimed in ${NUMBER_TRIES} tries`);
  }
}

export interface IssuingDependencies {
  reports: ReportService;
  assessments: AssessmentService;
  issuedReports: IssuedReportRepository;
  durably: DurableWriter;
  auditLog: AuditLog;
  /** Renders a second or later try, once the reservation the request held has been used. */
  pool: PdfRenderPool;
  /** The client's name of a firm's assessment, as the firm's client list has it now. */
  clientNameOf: (organisationId: string, clientId: string) => Promise<string | undefined>;
  t: Translate;
  /** Where readers check an issued PDF: printed into its metadata. */
  verifyUrl: string;
  /** Issues an anonymous assessment may have, so a stranger cannot grow the storage without bound. */
  anonymousIssueLimit: number;
  clock?: () => Date;
}

/** SHA-256 as lower-case hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** An issue's model for fingerprinting: no number and no date, so only what the report says counts. */
const NEUTRAL_ISSUE: IssueMeta = { reportId: '', issuedAt: new Date(0), verifyUrl: '' };

/**
 * What the report is built from, as one SHA-256: the model of the report without its number and
 * date (every string it prints: answers, ratings, the assessor's judgement, the action plan, the
 * firm's name), and the firm's logo, which is drawn but not part of the model.
 */
export function contentFingerprint(source: ReportSource): string {
  const logo = source.branding?.logo ? sha256Hex(source.branding.logo.png) : '';
  return sha256Hex(`${JSON.stringify(source.model(NEUTRAL_ISSUE))}\nlogo:${logo}`);
}

/** The first render in the place the request reserved; any further one (another number) in the pool. */
function rendererFor(pool: PdfRenderPool, reservation: PdfRenderReservation | undefined): (model: ReportModel, branding?: ReportBranding) => Promise<Buffer> {
  let first = reservation;
  return (model, branding) => {
    const place = first;
    first = undefined;
    return place ? place.render(model, branding) : pool.render(model, branding);
  };
}

/** The number and revision an issue is about to take, and the number claim it needs (a first issue only). */
interface NumberPlan {
  reportNumber: string;
  revision: number;
  claim?: NewNumber;
}

type StoreResult = IssueOutcome | { outcome: 'stale' };

export function createIssuingService(deps: IssuingDependencies) {
  const { issuedReports, t } = deps;
  const clock = deps.clock ?? (() => new Date());

  const scopeOf = (state: AssessmentState) => state.assessment.organisationId ?? ANONYMOUS_SCOPE;
  const isAnonymous = (state: AssessmentState) => state.assessment.organisationId === undefined;
  const overLimit = (state: AssessmentState, issues: readonly IssuedReportRow[]) => isAnonymous(state) && issues.length >= deps.anonymousIssueLimit;

  async function planNumber(state: AssessmentState, latest: IssuedReportRow | undefined, issuedAt: Date): Promise<NumberPlan> {
    if (latest) return { reportNumber: latest.report_number, revision: latest.revision + 1 };
    const year = issuedAt.getUTCFullYear();
    const sequence = await issuedReports.peekNextSequence(scopeOf(state), year);
    return { reportNumber: formatReportNumber(year, sequence), revision: 1, claim: { kind: 'new', year, sequence } };
  }

  async function registerRow(state: AssessmentState, plan: NumberPlan, issuer: Issuer, details: { fingerprint: string; pdf: Buffer; issuedAt: Date }): Promise<IssuedReportRow> {
    const { organisationId, clientId } = state.assessment;
    const company = state.answers[state.questionnaire.roles.companyName]?.value;
    return {
      id: randomUUID(),
      scope: scopeOf(state),
      organisation_id: organisationId ?? null,
      assessment_id: state.assessment.id,
      client_id: clientId ?? null,
      client_name: organisationId && clientId ? ((await deps.clientNameOf(organisationId, clientId)) ?? null) : null,
      company_name: typeof company === 'string' && company.trim() ? company.trim() : t('report.company.unnamed'),
      report_number: plan.reportNumber,
      revision: plan.revision,
      questionnaire_version: state.questionnaire.version,
      language: 'en',
      overall_band: deps.assessments.results(state).overallBand,
      pdf_sha256: sha256Hex(details.pdf),
      pdf_size: details.pdf.length,
      content_fingerprint: details.fingerprint,
      issued_by_user_id: issuer.actor.userId,
      issued_by_name: issuer.actor.name ?? t('issuing.issuer.anonymous'),
      issued_at: details.issuedAt.toISOString(),
    };
  }

  /**
   * Stores one issue in one durable transaction, after looking again at the assessment's issues
   * with the other issuing transactions of this assessment held off: the same content stored
   * meanwhile is that issue (a double click); another revision stored meanwhile, or the number
   * taken by another assessment, makes this render stale.
   */
  function store(state: AssessmentState, expectedLatest: IssuedReportRow | undefined, plan: NumberPlan, row: IssuedReportRow, pdf: Buffer, issuer: Issuer): Promise<StoreResult> {
    return deps.durably(async (trx): Promise<StoreResult> => {
      await issuedReports.lockIssuesOf(trx, state.assessment.id);
      const issues = await issuedReports.issuesOfAssessment(state.assessment.id, trx);
      const latest = issues[0];
      if (latest && latest.content_fingerprint === row.content_fingerprint) return { outcome: 'unchanged', issue: latest };
      if (latest?.id !== expectedLatest?.id) return { outcome: 'stale' };
      if (overLimit(state, issues)) return { outcome: 'limit', limit: deps.anonymousIssueLimit };
      if (plan.claim && !(await issuedReports.claimNumber(trx, row.scope, plan.claim))) return { outcome: 'stale' };
      await issuedReports.insert(trx, { row, pdf, answersJson: JSON.stringify(effectiveAnswers(state.questionnaire, state.answers)) });
      await deps.auditLog.recordWithin(trx, {
        event: 'report.issued',
        organisationId: row.organisation_id,
        actor: issuer.actor,
        ip: issuer.ip,
        subject: issuedReportId(row.report_number, row.revision),
        detail: { reportId: row.id, assessmentId: row.assessment_id, sha256: row.pdf_sha256, companyName: row.company_name.slice(0, 200) },
      });
      return { outcome: 'issued', issue: row };
    });
  }

  return {
    /**
     * Issues the report of an assessment whose results are ready. `reservation`: the render
     * place the request holds (the first render uses it). Throws the render pool's refusals,
     * and IssueContendedError when every number tried was taken first.
     */
    async issue(state: AssessmentState, issuer: Issuer, reservation?: PdfRenderReservation): Promise<IssueOutcome> {
      const source = await deps.reports.sourceOf(state);
      const fingerprint = contentFingerprint(source);
      const render = rendererFor(deps.pool, reservation);
      try {
        for (let attempt = 1; attempt <= NUMBER_TRIES; attempt++) {
          const issues = await issuedReports.issuesOfAssessment(state.assessment.id);
          const latest = issues[0];
          if (latest && latest.content_fingerprint === fingerprint) return { outcome: 'unchanged', issue: latest };
          if (overLimit(state, issues)) return { outcome: 'limit', limit: deps.anonymousIssueLimit };
          const issuedAt = clock();
          const plan = await planNumber(state, latest, issuedAt);
          const model = source.model({ reportId: issuedReportId(plan.reportNumber, plan.revision), issuedAt, verifyUrl: deps.verifyUrl });
          const pdf = await render(model, source.branding);
          const row = await registerRow(state, plan, issuer, { fingerprint, pdf, issuedAt });
          const stored = await store(state, latest, plan, row, pdf, issuer);
          if (stored.outcome !== 'stale') return stored;
        }
      } finally {
        // A reservation never rendered in (a first look found nothing to issue) goes back now.
        reservation?.release();
      }
      throw new IssueContendedError();
    },

    /** The assessment's issues, newest first. */
    issuesOf(state: AssessmentState): Promise<IssuedReportRow[]> {
      return issuedReports.issuesOfAssessment(state.assessment.id);
    },

    /** Whether issuing now would make a new revision: what the report is built from changed since `issue`. */
    async changedSince(state: AssessmentState, issue: IssuedReportRow): Promise<boolean> {
      return contentFingerprint(await deps.reports.sourceOf(state)) !== issue.content_fingerprint;
    },

    /** One of this assessment's issues; undefined for any other id (another assessment's issue among them). */
    async issueOf(state: AssessmentState, issueId: string): Promise<IssuedReportRow | undefined> {
      const issue = await issuedReports.byId(issueId);
      return issue?.assessment_id === state.assessment.id ? issue : undefined;
    },

    /**
     * The exact bytes issued, the download recorded in the audit log first (a download the log
     * cannot record does not happen); undefined once the content has been disposed of.
     */
    async download(issue: IssuedReportRow, downloader: Issuer): Promise<Buffer | undefined> {
      const pdf = await issuedReports.pdfOf(issue.id);
      if (!pdf) return undefined;
      await deps.auditLog.record({
        event: 'report.downloaded',
        organisationId: issue.organisation_id,
        actor: downloader.actor,
        ip: downloader.ip,
        subject: issuedReportId(issue.report_number, issue.revision),
        detail: { reportId: issue.id, sha256: issue.pdf_sha256 },
      });
      return pdf;
    },
  };
}

export type IssuingService = ReturnType<typeof createIssuingService>;
