import { Router } from 'express';
import { currentQuestionnaire } from '../../questionnaire/registry.js';

/** Pages that explain the product: how we score and where the facts come from. */
export function infoRoutes(): Router {
  const router = Router();
  router.get('/how-we-score', (_req, res) => {
    res.render('pages/method', { questionnaire: currentQuestionnaire });
  });
  router.get('/sources', (_req, res) => {
    res.render('pages/sources', { questionnaire: currentQuestionnaire });
  });
  return router;
}
