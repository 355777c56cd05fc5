import { Router, type Response } from 'express';
import type { Translate } from '../../i18n/catalogue.js';
import type { RiskRegister } from '../../scoring/types.js';
import type { ActionPlanService } from '../../services/actionPlanService.js';
import type { AssessmentService, AssessmentState } from '../../services/assessmentService.js';
import { readActionPlanForm, typedActionPlanValues, type ActionPlanFormAction } from '../forms/actionPlanForm.js';
import type { FieldError, FormValues } from '../forms/sectionForm.js';
import { storageFailureOrThrow } from '../errorHandler.js';
import { actionPlanPage, formatCalendarDate } from '../../presenters/actionPlanPage.js';
import { baseOf, editorsOnly, stateOf } from './assessmentContext.js';


/** The action plan: an owner, a due date and a status for each recommended action. */
export function actionPlanRoutes(assessments: AssessmentService, actionPlans: ActionPlanService, t: Translate): Router {
  const router = Router();

  /** The assessment and its register, or undefined after answering as the results page does. */
  function readyState(res: Response): { state: AssessmentState; register: RiskRegister } | undefined {
    const state = stateOf(res);
    if (!state.readyForResults) {
      res.redirect(303, `${baseOf(res)}?incomplete=1`);
      return undefined;
    }
    return { state, register: assessments.results(state) };
  }

  function formActionsOf(state: AssessmentState, register: RiskRegister): ActionPlanFormAction[] {
    const defaults = actionPlans.defaultsOf(state, register.actions);
    return register.actions.map((action) => {
      const fallback = defaults.get(action.recommendationId);
      return { actionId: action.recommendationId, defaultOwner: fallback?.owner ?? '', defaultDueDate: fallback?.dueDate ?? '' };
    });
  }

  async function render(res: Response, state: AssessmentState, register: RiskRegister, page: { status?: number; notice?: 'saved' | 'not_saved'; typed?: FormValues; errors?: FieldError[] }) {
    const view = actionPlanPage(
      {
        version: state.questionnaire.version,
        actions: register.actions,
        entries: await actionPlans.actionPlanFor(state, register),
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
    const ready = readyState(res);
    if (!ready) return;
    await render(res, ready.state, ready.register, req.query.saved === '1' ? { notice: 'saved' } : {});
  });

  router.post('/actions', editorsOnly, async (req, res) => {
    const ready = readyState(res);
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
