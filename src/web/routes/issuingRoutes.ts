import { Router, type Response } from 'express';
import { asStorageUnavailable } from '../../db/storageErrors.js';
import type { Translate } from '../../i18n/catalogue.js';
import { issuedPageView, ISSUED_NOTICES, type IssuedPageInput } from '../../presenters/issuedPage.js';
import { noticeFrom } from '../../presenters/judgementPages.js';
import { downloadContentDisposition, issuedReportFileName } from '../../report/fileName.js';
import type { IssuingService } from '../../services/issuingService.js';
import { auditFrom } from '../auditContext.js';
import { storageFailureOrThrow } from '../errorHandler.js';
import type { RefusalLog } from '../refusalLog.js';
import { baseOf, editorsOnly, mayChange, stateOf } from './assessmentContext.js';
import { refuseOrThrow, reservationOf } from './reportRoutes.js';

function notFound(res: Response): void {
  res.status(404).render('pages/error', { status: 404 });
}

/**
 * Issuing an assessment's report and the assessment's issued reports (`<base>/issue`,
 * `<base>/issued`, `<base>/issued/<id>.pdf`), under the assessment's own bases only: an
 * anonymous browser reaches its own assessment's issues, a firm's users their firm's, and any
 * other issue id is the same 404 as an unknown page. Editors (and the holder of an anonymous
 * assessment) issue; readers see the list and download the original bytes.
 */
export function issuingRoutes(issuing: IssuingService, t: Translate, refusals: RefusalLog): Router {
  const router = Router();

  async function renderIssuedPage(res: Response, status: number, page: Partial<IssuedPageInput> = {}): Promise<void> {
    const state = stateOf(res);
    const issues = await issuing.issuesOf(state);
    const latest = issues[0];
    const changedSinceLatest = latest && state.readyForResults ? await issuing.changedSince(state, latest) : undefined;
    const company = state.answers.company_name?.value;
    const view = issuedPageView(
      {
        base: baseOf(res),
        company: typeof company === 'string' ? company : '',
        issues,
        mayIssue: mayChange(res),
        readyForResults: state.readyForResults,
        ...(changedSinceLatest === undefined ? {} : { changedSinceLatest }),
        ...page,
      },
      t,
    );
    res.status(status).render('pages/issued', { page: view });
  }

  // pdfDownloadGate, mounted in app.ts before the session is read, has reserved a render place.
  router.post('/issue', editorsOnly, async (req, res) => {
    const state = stateOf(res);
    if (!state.readyForResults) {
      res.redirect(303, `${baseOf(res)}?incomplete=1`);
      return;
    }
    let outcome: Awaited<ReturnType<IssuingService['issue']>>;
    try {
      outcome = await issuing.issue(state, auditFrom(req, res), reservationOf(res));
    } catch (error) {
      // Nothing was stored: a busy render pool is the friendly 503; a database that cannot be
      // written says "not issued, try again" on the list.
      if (!asStorageUnavailable(error)) {
        refuseOrThrow(error, res, refusals);
        return;
      }
      const refused = storageFailureOrThrow(error, req, res);
      await renderIssuedPage(res, refused.status, { notSaved: true });
      return;
    }
    if (outcome.outcome === 'limit') {
      await renderIssuedPage(res, 409, { limit: outcome.limit });
      return;
    }
    res.redirect(303, `${baseOf(res)}/issued?notice=${outcome.outcome}#issue-${outcome.issue.id}`);
  });

  router.get('/issued', async (req, res) => {
    const notice = noticeFrom(req.query.notice, ISSUED_NOTICES);
    await renderIssuedPage(res, 200, notice ? { notice } : {});
  });

  // The original bytes as issued, never a re-render; the download goes in the audit log.
  router.get('/issued/:issueId.pdf', async (req, res) => {
    const state = stateOf(res);
    const issue = await issuing.issueOf(state, String(req.params.issueId));
    const pdf = issue ? await issuing.download(issue, auditFrom(req, res)) : undefined;
    if (!issue || !pdf) {
      notFound(res);
      return;
    }
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', downloadContentDisposition(issuedReportFileName(issue.company_name, issue.report_number, issue.revision)));
    res.setHeader('Content-Length', String(pdf.length));
    res.end(pdf);
  });

  return router;
}
