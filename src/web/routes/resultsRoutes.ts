import { Router } from 'express';
import type { Translate } from '../../i18n/catalogue.js';
import { noticeFrom, RESULTS_NOTICES } from '../../presenters/judgementPages.js';
import { explainResults, topActionsOf } from '../../presenters/resultsPresenter.js';
import { heatMapCells } from '../../scoring/bands.js';
import type { AssessmentService } from '../../services/assessmentService.js';
import { baseOf, stateOf } from './assessmentContext.js';

export const TOP_ACTIONS = 5;

export function resultsRoutes(service: AssessmentService, t: Translate): Router {
  const router = Router();

  router.get('/results', (req, res) => {
    const state = stateOf(res);
    if (!state.readyForResults) {
      res.redirect(303, `${baseOf(res)}?incomplete=1`);
      return;
    }
    const register = service.results(state);
    res.render('pages/results', {
      state,
      register,
      heatMap: heatMapCells(register),
      topActions: topActionsOf(register, state.questionnaire.version, t, TOP_ACTIONS),
      explanation: explainResults(state.questionnaire, register, t, TOP_ACTIONS),
      notice: noticeFrom(req.query.done, RESULTS_NOTICES),
    });
  });

  return router;
}
