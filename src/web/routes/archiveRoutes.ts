import { Router, type Request, type Response } from 'express';
import type { AuditLog } from '../../audit/auditLog.js';
import type { Translate } from '../../i18n/catalogue.js';
import { ARCHIVE_PATH, archiveListView, archiveReportPath, archiveReportView, disposalView, disposedView, type HoldFormState } from '../../presenters/archivePages.js';
import { issuedAnswersView, type IssuedAnswersView } from '../../presenters/issuedAnswersPage.js';
import { issuedPdfName } from '../../report/archiveManifest.js';
import { issuedAnswersCsv } from '../../report/issuedAnswersCsv.js';
import { downloadContentDisposition } from '../../report/fileName.js';
import type { ArchiveEntry, ArchiveRepository } from '../../repositories/archiveRepository.js';
import type { IssuedReportRepository } from '../../repositories/issuedReportRepository.js';
import { PAGE_SIZE } from '../../services/practiceService.js';
import { writeArchiveZip } from '../../services/archiveZip.js';
import type { LegalHoldService } from '../../services/legalHoldService.js';
import { parseIssuedAnswers } from '../../services/issuedAnswers.js';
import { DISPOSAL_BATCH, type ReportDisposal } from '../../services/reportDisposal.js';
import { auditFrom } from '../auditContext.js';
import { storageFailureOrThrow } from '../errorHandler.js';
import { filterParams, readArchiveFilter } from '../forms/archiveQuery.js';
import { readLegalHoldForm } from '../forms/legalHoldForm.js';
import { checkedUser, requireRole } from '../middleware/currentUser.js';

export interface ArchiveRouteDependencies {
  archive: ArchiveRepository;
  issuedReports: Pick<IssuedReportRepository, 'pdfOf' | 'answersOf'>;
  legalHolds: LegalHoldService;
  disposal: ReportDisposal;
  auditLog: AuditLog;
}

/** The outcomes a redirect after a hold change may name (?hold=...). */
const HOLD_OUTCOMES = new Set(['placed', 'released', 'already_held', 'not_held']);

/** A count a redirect carries in its query (?disposed=3), or undefined. */
function countParam(value: unknown): number | undefined {
  return typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : undefined;
}

/** The ids a disposal confirmation posts (one hidden field per listed report), at most one batch, each once. */
function postedIds(value: unknown): string[] {
  const values = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item.length > 0 && item.length <= 64);
  return [...new Set(values)].slice(0, DISPOSAL_BATCH);
}

/** What a stream error says when the reader went away before the end. */
function isClientGone(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE';
}

/**
 * The compliance archive: the firm's issued reports as issued, for its compliance users and
 * admins; disposal for admins. Only the signed-in user's organisation, by its numbering scope:
 * anyone else, and any id that is not an issue of theirs, gets the same 404 (signed out: the
 * sign-in page).
 */
export function archiveRoutes(deps: ArchiveRouteDependencies, t: Translate): Router {
  const router = Router();
  router.use(ARCHIVE_PATH, requireRole('compliance', 'admin'));
  const adminsOnly = requireRole('admin');
  // A firm's reports are numbered in a scope of their own: the organisation's id.
  const scopeOf = (res: Response) => checkedUser(res).organisationId;
  const notFound = (res: Response) => res.status(404).render('pages/error', { status: 404 });

  async function readFilter(req: Request, res: Response) {
    const issuers = await deps.archive.issuers(scopeOf(res));
    return { issuers, read: readArchiveFilter(req.query, t, new Set(issuers.map((issuer) => issuer.userId))) };
  }

  /** The list; a filter with refused values still lists what the rest selects, with a 400 and the error summary. */
  async function renderList(res: Response, filter: Awaited<ReturnType<typeof readFilter>>): Promise<void> {
    const { issuers, read } = filter;
    const found = await deps.archive.list(scopeOf(res), read.query.filter, { offset: (read.query.page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const page = archiveListView(found, read, issuers, checkedUser(res).role === 'admin', t);
    res.status(read.errors.length > 0 ? 400 : 200).render('pages/archive/list', { page });
  }

  /** The issue named by the path, if it is one of the organisation's. */
  function issueOf(req: Request, res: Response): Promise<ArchiveEntry | undefined> {
    return deps.archive.entry(scopeOf(res), String(req.params.issueId));
  }

  /** The issue's content is gone (perhaps a moment ago, so its entry is read again): say when and by whom. */
  async function renderDisposed(req: Request, res: Response, entry: ArchiveEntry): Promise<void> {
    const disposed = entry.disposal ? entry : ((await issueOf(req, res)) ?? entry);
    res.status(410).render('pages/archive/disposed', { page: disposedView(disposed, t) });
  }

  /**
   * The answers the issue named by the path was issued on, for its page and its CSV; undefined
   * once the 404 or the disposed page has been sent.
   */
  async function issuedAnswersOf(req: Request, res: Response): Promise<{ entry: ArchiveEntry; page: IssuedAnswersView } | undefined> {
    const entry = await issueOf(req, res);
    if (!entry) {
      notFound(res);
      return undefined;
    }
    const json = entry.disposal ? undefined : await deps.issuedReports.answersOf(entry.report.id);
    if (json === undefined) {
      await renderDisposed(req, res, entry);
      return undefined;
    }
    return { entry, page: issuedAnswersView(entry, parseIssuedAnswers(json), t) };
  }

  async function renderReport(res: Response, entry: ArchiveEntry, form: HoldFormState, status = 200): Promise<void> {
    const target = { scope: scopeOf(res), reportNumber: entry.report.report_number };
    const [revisions, holds] = await Promise.all([deps.archive.revisions(target.scope, target.reportNumber), deps.legalHolds.holdsOn(target)]);
    res.status(status).render('pages/archive/report', { page: archiveReportView(entry, revisions, holds, form, t, deps.disposal.retentionYears) });
  }

  router.get(ARCHIVE_PATH, async (req, res) => {
    await renderList(res, await readFilter(req, res));
  });

  router.get(`${ARCHIVE_PATH}/export.zip`, async (req, res) => {
    const filter = await readFilter(req, res);
    if (filter.read.errors.length > 0) {
      await renderList(res, filter);
      return;
    }
    const user = checkedUser(res);
    const scope = scopeOf(res);
    const params = filterParams(filter.read.typed);
    const exportedAt = new Date();
    const name = `RiskPlan-archive-${exportedAt.toISOString().slice(0, 10)}.zip`;
    // A HEAD asks what a download would be: nothing is read, sent or recorded.
    if (req.method !== 'HEAD') {
      const count = await deps.archive.count(scope, filter.read.query.filter);
      // Recorded before the first byte: an export that breaks off midway still shows in the log.
      await deps.auditLog.record({ ...auditFrom(req, res), event: 'archive.exported', subject: null, detail: { ...params, count } });
    }
    // Set once nothing can fail any more but the stream: an error page is never named a ZIP.
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', downloadContentDisposition({ ascii: name, unicode: name }));
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const header = { exportedAt: exportedAt.toISOString(), exportedBy: user.displayName, organisation: user.organisationName, filter: params };
    try {
      await writeArchiveZip(deps.archive.forExport(scope, filter.read.query.filter), res, header, t);
    } catch (error) {
      if (!isClientGone(error)) throw error;
      req.log.info({ path: req.path }, 'archive export ended early: the client went away');
    }
  });

  router.get(`${ARCHIVE_PATH}/disposal`, adminsOnly, async (req, res) => {
    const list = await deps.disposal.listFor(scopeOf(res));
    const outcome = { disposed: countParam(req.query.disposed), skipped: countParam(req.query.skipped) };
    res.render('pages/archive/disposal', { page: disposalView(list, deps.disposal.retentionYears, outcome, t) });
  });

  router.post(`${ARCHIVE_PATH}/disposal`, adminsOnly, async (req, res) => {
    const user = checkedUser(res);
    const ids = postedIds((req.body as Record<string, unknown>).id);
    let disposed = 0;
    // One durable transaction per report, each re-checked inside it: a hold placed since the page
    // was shown keeps its report.
    for (const id of ids) {
      if ((await deps.disposal.dispose(scopeOf(res), id, { userId: user.id, name: user.displayName }, auditFrom(req, res))) === 'disposed') disposed += 1;
    }
    res.redirect(303, `${ARCHIVE_PATH}/disposal?disposed=${disposed}&skipped=${ids.length - disposed}`);
  });

  router.get(`${ARCHIVE_PATH}/reports/:issueId`, async (req, res) => {
    const entry = await issueOf(req, res);
    if (!entry) {
      notFound(res);
      return;
    }
    const notice = typeof req.query.hold === 'string' && HOLD_OUTCOMES.has(req.query.hold) ? req.query.hold : undefined;
    await renderReport(res, entry, notice ? { notice } : {});
  });

  router.get(`${ARCHIVE_PATH}/reports/:issueId/report.pdf`, async (req, res) => {
    const entry = await issueOf(req, res);
    if (!entry) {
      notFound(res);
      return;
    }
    const { report } = entry;
    const pdf = entry.disposal ? undefined : await deps.issuedReports.pdfOf(report.id);
    if (!pdf) {
      await renderDisposed(req, res, entry);
      return;
    }
    // Recorded before the first byte is sent (a HEAD sends none).
    if (req.method !== 'HEAD') {
      await deps.auditLog.record({ ...auditFrom(req, res), event: 'report.downloaded', subject: `${report.report_number} rev ${report.revision}`, detail: { reportId: report.id, sha256: report.pdf_sha256 } });
    }
    const name = issuedPdfName(report.report_number, report.revision);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', downloadContentDisposition({ ascii: name, unicode: name }));
    res.setHeader('Content-Length', String(pdf.length));
    res.end(pdf);
  });

  // Viewing is not recorded (no page of the archive is); downloading the CSV is, as the PDF is.
  router.get(`${ARCHIVE_PATH}/reports/:issueId/answers`, async (req, res) => {
    const found = await issuedAnswersOf(req, res);
    if (found) res.render('pages/archive/answers', { page: found.page });
  });

  router.get(`${ARCHIVE_PATH}/reports/:issueId/answers.csv`, async (req, res) => {
    const found = await issuedAnswersOf(req, res);
    if (!found) return;
    const { entry, page } = found;
    // Recorded before the first byte is sent (a HEAD sends none).
    if (req.method !== 'HEAD') {
      await deps.auditLog.record({ ...auditFrom(req, res), event: 'report.answers_downloaded', subject: page.reportId, detail: { reportId: entry.report.id } });
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
    res.setHeader('Content-Disposition', downloadContentDisposition({ ascii: page.csvName, unicode: page.csvName }));
    res.send(issuedAnswersCsv(page, t));
  });

  router.post(`${ARCHIVE_PATH}/reports/:issueId/hold`, async (req, res) => {
    const entry = await issueOf(req, res);
    if (!entry) {
      notFound(res);
      return;
    }
    const form = await readLegalHoldForm(req, t);
    if (!form.ok) {
      const typed = form.values.reason;
      await renderReport(res, entry, { reason: typeof typed === 'string' ? typed : '', errors: form.errors }, 400);
      return;
    }
    let outcome: string;
    try {
      outcome = await deps.legalHolds.place({ scope: scopeOf(res), reportNumber: entry.report.report_number }, form.data.reason, auditFrom(req, res));
    } catch (error) {
      const refused = storageFailureOrThrow(error, req, res);
      await renderReport(res, entry, { reason: form.data.reason, notSaved: true }, refused.status);
      return;
    }
    res.redirect(303, `${archiveReportPath(entry.report.id)}?hold=${outcome}#hold`);
  });

  router.post(`${ARCHIVE_PATH}/reports/:issueId/hold/release`, async (req, res) => {
    const entry = await issueOf(req, res);
    if (!entry) {
      notFound(res);
      return;
    }
    let outcome: string;
    try {
      outcome = await deps.legalHolds.release({ scope: scopeOf(res), reportNumber: entry.report.report_number }, auditFrom(req, res));
    } catch (error) {
      const refused = storageFailureOrThrow(error, req, res);
      await renderReport(res, entry, { notSaved: true }, refused.status);
      return;
    }
    res.redirect(303, `${archiveReportPath(entry.report.id)}?hold=${outcome}#hold`);
  });

  return router;
}
