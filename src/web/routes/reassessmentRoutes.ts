import { Router, type Response } from 'express';
import type { Translate } from '../../i18n/catalogue.js';
import { COMPARE_FIELDS, comparisonPageView, type CompareField, type ComparePageInput } from '../../presenters/comparisonPage.js';
import { answersToCheckView, reassessmentPanelView, type PageContext } from '../../presenters/reassessmentPages.js';
import type { ComparisonService } from '../../services/comparisonService.js';
import type { PracticeService } from '../../services/practiceService.js';
import type { ReassessmentService } from '../../services/reassessmentService.js';
import type { FieldError } from '../forms/fields.js';
import { requireRole, requireSignedIn, signedInUser, type SignedInUser } from '../middleware/currentUser.js';
import { baseOf, editorsOnly, stateOf, type AssessmentAccess } from './assessmentContext.js';

function notFound(res: Response): void {
  res.status(404).render('pages/error', { status: 404 });
}

function userOf(res: Response): SignedInUser {
  const user = signedInUser(res);
  if (!user) throw new Error('re-assessment routes run after requireSignedIn');
  return user;
}

function pageOf(res: Response): PageContext {
  return { state: stateOf(res), base: baseOf(res), access: res.locals.assessmentAccess as AssessmentAccess };
}

/**
 * Re-assessing a firm's assessment. Mounted under `/assessments/:assessmentId` after the
 * middleware that resolves it for the signed-in user (firmAssessment), before the assessment's
 * pages: the task list is theirs, this only adds what it says about re-assessing.
 */
export function reassessmentRoutes(reassessments: ReassessmentService, t: Translate): Router {
  const router = Router();

  router.get('/', async (_req, res, next) => {
    const page = pageOf(res);
    res.locals.reassessment = reassessmentPanelView(page, await reassessments.overview(page.state), t);
    next();
  });

  router.post('/reassessment', editorsOnly, async (_req, res) => {
    const assessmentId = await reassessments.start(userOf(res), stateOf(res));
    if (assessmentId === undefined) {
      notFound(res);
      return;
    }
    res.redirect(303, `/assessments/${assessmentId}`);
  });

  router.get('/answers-to-check', async (_req, res) => {
    const page = pageOf(res);
    const check = await reassessments.answersToCheck(page.state);
    if (!check) {
      notFound(res);
      return;
    }
    res.render('pages/answersToCheck', { page: answersToCheckView(page, check, t) });
  });

  return router;
}

/** The ids the compare form sent: each given once, as text; anything else counts as not chosen. */
function chosenIds(query: Record<string, unknown>): Partial<Record<CompareField, string>> {
  return Object.fromEntries(
    COMPARE_FIELDS.flatMap((field) => {
      const value = query[field];
      return typeof value === 'string' && value.trim() !== '' ? [[field, value.trim()]] : [];
    }),
  );
}

/** Two assessments of one of the firm's clients, side by side. Every role of the firm may look. */
export function comparisonRoutes(practice: PracticeService, comparison: ComparisonService, t: Translate): Router {
  const router = Router();

  router.get('/clients/:clientId/compare', requireSignedIn, requireRole('admin', 'consultant', 'compliance'), async (req, res) => {
    const user = userOf(res);
    const client = await practice.findClient(user, String(req.params.clientId));
    if (!client) {
      notFound(res);
      return;
    }
    const query = req.query as Record<string, unknown>;
    const chosen = chosenIds(query);
    const choices = await comparison.choices(user, client.id);
    const render = (status: number, input: Omit<ComparePageInput, 'client' | 'choices' | 'chosen'>) =>
      res.status(status).render('pages/practice/compare', { page: comparisonPageView({ client, choices, chosen, ...input }, t) });

    // Opened without a choice (the client page's link): just the form.
    if (COMPARE_FIELDS.every((field) => query[field] === undefined)) {
      render(200, { errors: [] });
      return;
    }
    const errors: FieldError[] = COMPARE_FIELDS.filter((field) => chosen[field] === undefined).map((field) => ({ field, href: field, message: t(`compare.error.${field}`) }));
    if (errors.length === 0 && chosen.earlier === chosen.later) errors.push({ field: 'later', href: 'later', message: t('compare.error.same') });
    if (errors.length > 0) {
      render(400, { errors });
      return;
    }
    const compared = await comparison.compare(user, client.id, chosen.earlier ?? '', chosen.later ?? '');
    if (!compared) {
      // Another firm's assessment, another client's, or no assessment at all: the same 404.
      notFound(res);
      return;
    }
    render(200, { errors: [], comparison: compared });
  });

  return router;
}
