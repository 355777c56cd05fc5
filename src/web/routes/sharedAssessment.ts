import type { RequestHandler, Response } from 'express';
import type { Translate } from '../../i18n/catalogue.js';
import { sharedByText } from '../../presenters/sharePage.js';
import { AssessmentNotFoundError, type AssessmentService, type AssessmentState } from '../../services/assessmentService.js';
import type { ShareLinkService } from '../../services/shareLinkService.js';
import { provideAssessment } from './assessmentContext.js';

/** Where a client's read-only link opens: `/shared/<token>`, a read-only base for the assessment's pages. */
export const SHARED_BASE = '/shared';

export const sharedAssessmentBase = (token: string) => `${SHARED_BASE}/${token}`;

/**
 * The only pages a read-only link opens, each by GET (or HEAD): the results, the printable report
 * and the PDF. Everything else under the base, changing routes or not, is the same 404.
 */
export const SHARED_PAGES: readonly string[] = ['/results', '/report', '/report.pdf', '/actions.xlsx', '/actions.csv', '/report.docx'];

function notFound(res: Response): void {
  res.status(404).render('pages/error', { status: 404 });
}

/**
 * Lets through only the shared pages, before the link is looked up: a path that is not one of
 * them answers the same 404 whether the token works or not, and costs no read.
 */
export const onlySharedPages: RequestHandler = (req, res, next) => {
  if ((req.method === 'GET' || req.method === 'HEAD') && SHARED_PAGES.includes(req.path)) {
    next();
    return;
  }
  notFound(res);
};

/**
 * Resolves `/shared/:token`: finds the link by its secret's hash and loads its assessment for
 * reading, with the line that says who shared it and until when. A malformed, unknown, expired or
 * withdrawn token gets the same 404 as any unknown page, so no answer tells them apart. Reads
 * only: it runs before sessions, so opening a link stores nothing.
 */
export function sharedAssessment(shareLinks: ShareLinkService, assessments: AssessmentService, t: Translate): RequestHandler {
  return async (req, res, next) => {
    const token = String(req.params.token);
    const link = await shareLinks.open(token);
    if (!link) {
      notFound(res);
      return;
    }
    let state: AssessmentState;
    try {
      state = await assessments.load(link.assessmentId);
    } catch (error) {
      if (!(error instanceof AssessmentNotFoundError)) throw error;
      notFound(res);
      return;
    }
    // Shared when ready, but the consultant may since have changed the profile so that a new
    // section needs answers: the client is told so, not sent to a task list they cannot open.
    if (!state.readyForResults) {
      res.status(409).render('pages/sharing/not-ready', { organisation: link.organisationName });
      return;
    }
    provideAssessment(res, state, sharedAssessmentBase(token), 'read');
    res.locals.sharedBy = sharedByText(link, t);
    next();
  };
}
