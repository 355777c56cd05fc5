import { Router } from 'express';
import type { Translate } from '../../i18n/catalogue.js';
import { methodText } from '../../presenters/methodText.js';
import { currentQuestionnaire } from '../../questionnaire/registry.js';

/** Pages that explain the product: how we score and where the facts come from. */
export function infoRoutes(t: Translate): Router {
  const router = Router();
  router.get('/how-we-score', (_req, res) => {
    res.render('pages/method', { questionnaire: currentQuestionnaire, method: methodText(currentQuestionnaire.version, t) });
  });
  router.get('/sources', (_req, res) => {
    res.render('pages/sources', { questionnaire: currentQuestionnaire });
  });
  return router;
}
