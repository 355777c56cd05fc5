import { Router, type Request, type Response } from 'express';
import type { AuditLog } from '../../audit/auditLog.js';
import type { Translate } from '../../i18n/catalogue.js';
import { auditCsvHeader, auditCsvRecord, auditPageView, userNamesOf } from '../../presenters/auditPage.js';
import { csvRecord, UTF8_BOM } from '../../report/csv.js';
import { downloadContentDisposition } from '../../report/fileName.js';
import type { AuditRepository } from '../../repositories/auditRepository.js';
import type { AccountService, TeamMember } from '../../services/accountService.js';
import { pageWindow } from '../../services/practiceService.js';
import { auditFrom } from '../auditContext.js';
import { auditFilterParams, readAuditFilter, type AuditQuery } from '../forms/auditFilter.js';
import { checkedUser, requireRole } from '../middleware/currentUser.js';

export interface AuditRoutesDependencies {
  auditRepository: AuditRepository;
  auditLog: AuditLog;
  /** The organisation's users, for the "who" filter. */
  accounts: AccountService;
  t: Translate;
}

/** Resolves once the response can take more, or has closed (a client that went away never drains). */
function writable(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

/**
 * The organisation's audit log, for its admins and compliance officers only (anyone else signed
 * in gets the same 404 as an unknown page; signed out, the sign-in page): filters, twenty entries
 * a page, newest first, and the same filtered log as CSV, oldest first, streamed a batch at a
 * time so a long log never sits in memory. Exporting it is itself recorded.
 */
export function auditRoutes(deps: AuditRoutesDependencies): Router {
  const { auditRepository, auditLog, accounts, t } = deps;
  const router = Router();
  router.use(['/audit', '/audit.csv'], requireRole('admin', 'compliance'));

  async function read(req: Request, res: Response): Promise<{ query: AuditQuery; members: TeamMember[] }> {
    const members = await accounts.team(checkedUser(res));
    return { query: readAuditFilter(req.query, new Set(members.map((member) => member.id)), t), members };
  }

  async function renderPage(res: Response, query: AuditQuery, members: readonly TeamMember[]): Promise<void> {
    const found = await auditRepository.list(checkedUser(res).organisationId, query.filter, pageWindow(query.page));
    const page = auditPageView(found, query, auditFilterParams(query.filter), members, t);
    const title = t('audit.title');
    res.status(query.errors.length > 0 ? 400 : 200).render('pages/audit', { title: query.errors.length > 0 ? `${t('ui.errorTitlePrefix')} ${title}` : title, page });
  }

  router.get('/audit', async (req, res) => {
    const { query, members } = await read(req, res);
    await renderPage(res, query, members);
  });

  router.get('/audit.csv', async (req, res) => {
    const { query, members } = await read(req, res);
    // A filter that cannot be used: the page says why, rather than a file of something else.
    if (query.errors.length > 0) {
      await renderPage(res, query, members);
      return;
    }
    const { filter } = query;
    const user = checkedUser(res);
    const userName = members.find((member) => member.id === filter.actorUserId)?.displayName;
    const filtersUsed = { ...(filter.subject ? { about: filter.subject } : {}), ...(filter.event ? { event: filter.event } : {}), ...(userName ? { user: userName } : {}), ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) };
    // Recorded before the first byte: an export the log cannot record does not happen.
    await auditLog.record({ ...auditFrom(req, res), event: 'audit.exported', ...(Object.keys(filtersUsed).length > 0 ? { detail: filtersUsed } : {}) });
    const name = `RiskPlan-audit-log-${new Date().toISOString().slice(0, 10)}.csv`;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
    res.setHeader('Content-Disposition', downloadContentDisposition({ ascii: name, unicode: name }));
    const names = userNamesOf(members);
    res.write(UTF8_BOM + csvRecord(auditCsvHeader(t)));
    for await (const row of auditRepository.each(user.organisationId, filter)) {
      if (res.destroyed) return;
      if (!res.write(csvRecord(auditCsvRecord(row, t, names)))) await writable(res);
    }
    res.end();
  });

  return router;
}
