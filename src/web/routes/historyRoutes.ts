import { Router } from 'express';
import type { Translate } from '../../i18n/catalogue.js';
import { historyPageView } from '../../presenters/historyPage.js';
import type { AnswerHistoryRepository } from '../../repositories/answerHistoryRepository.js';
import { ANONYMOUS_HISTORY_LIMIT } from '../../services/assessmentService.js';
import { pageWindow } from '../../services/practiceService.js';
import { pageOf } from '../forms/listQuery.js';
import { signedInUser } from '../middleware/currentUser.js';
import { baseOf, stateOf } from './assessmentContext.js';

/**
 * `<base>/history`: every change to the assessment's answers, newest first, twenty a page. Mounted
 * with the assessment's other pages, so whoever may see the assessment may see its history (a
 * firm's every role, compliance included; an anonymous assessment's browser). A client's
 * read-only link does not open it (it is not one of SHARED_PAGES).
 */
export function historyRoutes(history: AnswerHistoryRepository, t: Translate): Router {
  const router = Router();

  router.get('/history', async (req, res) => {
    const state = stateOf(res);
    const page = pageOf(req.query.page);
    const found = await history.page(state.assessment.id, pageWindow(page));
    const company = state.answers.company_name?.value;
    const view = historyPageView(
      {
        questionnaire: state.questionnaire,
        entries: found.entries,
        total: found.total,
        page,
        base: baseOf(res),
        viewerId: signedInUser(res)?.id,
        anonymous: state.assessment.organisationId === undefined,
        anonymousLimit: ANONYMOUS_HISTORY_LIMIT,
        company: typeof company === 'string' ? company : undefined,
      },
      t,
    );
    res.render('pages/history', { page: view });
  });

  return router;
}
