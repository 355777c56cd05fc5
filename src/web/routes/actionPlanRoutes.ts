import { Router, type Request, type Response } from 'express';
import type { Translate } from '../../i18n/catalogue.js';
import type { RiskRegister } from '../../scoring/types.js';
import type { ActionPlanService } from '../../services/actionPlanService.js';
import type { AssessmentService, AssessmentState } from '../../services/assessmentService.js';
import { readActionPlanForm, typedActionPlanValues, type ActionPlanFormAction } from '../forms/actionPlanForm.js';
import type { FieldError, FormValues } from '../forms/sectionForm.js';
import { storageFailureOrThrow } from '../errorHandler.js';
import { actionPlanPage, formatCalendarDate } from '../../presenters/actionPlanPage.js';
import { baseOf, editorsOnly } from './assessmentContext.js';
import { readyResults } from './readyResults.js';
import { ACTION_PLAN_NOTICES, noticeFrom, type ActionPlanNotice } from '../../presenters/judgementPages.js';

/** What the page says after a redirect to it: `?saved=1` from its own form, `?done=<notice>` from the judgement pages. */
function noticeOf(query: Request['query']): ActionPlanNotice | undefined {
  return query.saved === '1' ? 'saved' : noticeFrom(query.done, ACTION_PLAN_NOTICES);
}


/** The action plan: an owner, a due date and a status for each recommended action. */
export function actionPlanRoutes(assessments: AssessmentService, actionPlans: ActionPlanService, t: Translate): Router {
  const router = Router();

  function formActionsOf(state: AssessmentState, register: RiskRegister): ActionPlanFormAction[] {
    const defaults = actionPlans.defaultsOf(state, register.actions);
    return register.actions.map((action) => {
      const fallback = defaults.get(action.recommendationId);
      return { actionId: action.recommendationId, defaultOwner: fallback?.owner ?? '', defaultDueDate: fallback?.dueDate ?? '' };
    });
  }

  async function render(res: Response, state: AssessmentState, register: RiskRegister, page: { status?: number; notice?: ActionPlanNotice; typed?: FormValues; errors?: FieldError[] }) {
    const view = actionPlanPage(
      {
        version: state.questionnaire.version,
        items: await actionPlans.actionPlanFor(state, register),
        formActions: formActionsOf(state, register),
        dueDays: actionPlans.dueDays,
        dueDateRange: actionPlans.dueDateRange(state),
        ...(page.typed ? { typed: page.typed } : {}),
        ...(page.errors ? { errors: page.errors } : {}),
        ...(page.notice === 'not_saved' ? { notSaved: true } : {}),
      },
      t,
    );
    res.status(page.status ?? 200).render('pages/actionPlan', { state, ...view, notice: page.notice });
  }

  router.get('/actions', editorsOnly, async (req, res) => {
    const ready = readyResults(res, assessments);
    if (!ready) return;
    const notice = noticeOf(req.query);
    await render(res, ready.state, ready.register, notice ? { notice } : {});
  });

  router.post('/actions', editorsOnly, async (req, res) => {
    const ready = readyResults(res, assessments);
    if (!ready) return;
    const { state, register } = ready;
    const result = await readActionPlanForm(req, formActionsOf(state, register), actionPlans.dueDateRange(state), formatCalendarDate, t);
    if (!result.ok) {
      await render(res, state, register, { status: 400, typed: result.values, errors: result.errors });
      return;
    }
    try {
      await actionPlans.save(state, register, result.changes);
    } catch (error) {
      // The database refused the write: nothing was saved; show what was typed with the reason.
      const refused = storageFailureOrThrow(error, req, res);
      await render(res, state, register, { status: refused.status, typed: typedActionPlanValues(req, formActionsOf(state, register)), notice: 'not_saved' });
      return;
    }
    res.redirect(303, `${baseOf(res)}/actions?saved=1`);
  });

  return router;
}
