import { Router, type Response } from 'express';
import type { AuditLog } from '../../audit/auditLog.js';
import type { Translate } from '../../i18n/catalogue.js';
import { sharePageView, type SharePageInput } from '../../presenters/sharePage.js';
import type { IssuedShareLink, ShareLinkService } from '../../services/shareLinkService.js';
import { recordAssessmentEvent } from '../assessmentAudit.js';
import { storageFailureOrThrow } from '../errorHandler.js';
import { readShareLinkForm } from '../forms/shareLinkForm.js';
import { checkedUser } from '../middleware/currentUser.js';
import { baseOf, editorsOnly, mayChange, stateOf } from './assessmentContext.js';
import { sharedAssessmentBase } from './sharedAssessment.js';

export interface ShareRouteOptions {
  /** Where clients reach the app (PUBLIC_URL): share links are built on it, never on the Host header. */
  publicUrl: URL;
  /** The lifetime the form offers (SHARE_LINK_DAYS). */
  defaultDays: number;
  /** Links made and withdrawn are recorded in the firm's audit log. */
  auditLog: AuditLog;
}

/** The link handed to the client: the shared results page on the configured public address. */
export function shareUrl(publicUrl: URL, token: string): string {
  return new URL(`${sharedAssessmentBase(token).slice(1)}/results`, publicUrl).href;
}

/**
 * The share page of a firm's assessment (`<base>/share`): create a read-only link for the client,
 * see the links made, withdraw one. Mounted on the firm's base only, after firmAssessment: only
 * the firm's editors reach it; a compliance user, like anyone else, gets the same 404.
 */
export function shareRoutes(shareLinks: ShareLinkService, t: Translate, options: ShareRouteOptions): Router {
  const router = Router();

  // Every page of the assessment passes here first: the results page offers sharing to editors.
  router.use((_req, res, next) => {
    if (mayChange(res)) res.locals.shareHref = `${baseOf(res)}/share`;
    next();
  });
  router.use('/share', editorsOnly);

  async function renderSharePage(res: Response, status: number, page: Partial<SharePageInput> = {}): Promise<void> {
    const state = stateOf(res);
    const company = state.answers.company_name?.value;
    const links = await shareLinks.list(checkedUser(res), state.assessment.id);
    const view = sharePageView(
      {
        base: baseOf(res),
        company: typeof company === 'string' ? company : '',
        readyForResults: state.readyForResults,
        links,
        values: { days: String(options.defaultDays) },
        errors: [],
        ...page,
      },
      t,
    );
    res.status(status).render('pages/sharing/share', { page: view });
  }

  router.get('/share', async (req, res) => {
    await renderSharePage(res, 200, { withdrawn: req.query.withdrawn === '1' });
  });

  router.post('/share', async (req, res) => {
    const state = stateOf(res);
    // The page says why there is no form; a post from an older tab gets the same page.
    if (!state.readyForResults) {
      await renderSharePage(res, 409);
      return;
    }
    const form = await readShareLinkForm(req, t);
    if (!form.ok) {
      await renderSharePage(res, 400, { values: form.values, errors: form.errors });
      return;
    }
    const assessment = { id: state.assessment.id, organisationId: state.assessment.organisationId, readyForResults: state.readyForResults };
    let issued: IssuedShareLink;
    try {
      issued = await shareLinks.create(checkedUser(res), assessment, form.data.days);
      // Inside the try: a link the log cannot record is not handed out (the page says "not saved").
      await recordAssessmentEvent(options.auditLog, req, res, 'assessment.shared', { days: form.data.days });
    } catch (error) {
      const refused = storageFailureOrThrow(error, req, res);
      await renderSharePage(res, refused.status, { values: { days: String(form.data.days) }, notSaved: true });
      return;
    }
    // Shown once, on this answer (no redirect): the secret is stored nowhere a later page could read it.
    await renderSharePage(res, 201, { created: { url: shareUrl(options.publicUrl, issued.token), expiresAt: issued.expiresAt } });
  });

  router.post('/share/:linkId/withdraw', async (req, res) => {
    const outcome = await shareLinks.withdraw(checkedUser(res), stateOf(res).assessment.id, String(req.params.linkId));
    if (outcome === 'not_found') {
      res.status(404).render('pages/error', { status: 404 });
      return;
    }
    if (outcome === 'withdrawn') await recordAssessmentEvent(options.auditLog, req, res, 'share.withdrawn', { linkId: String(req.params.linkId) });
    // Withdrawn now, or already (a second click): either way it opens nothing.
    res.redirect(303, `${baseOf(res)}/share?withdrawn=1`);
  });

  return router;
}
