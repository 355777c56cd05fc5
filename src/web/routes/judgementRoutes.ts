import { Router, type Request, type Response } from 'express';
import type { Translate } from '../../i18n/catalogue.js';
import { dueRuleText, formatCalendarDate } from '../../presenters/actionPlanPage.js';
import { standardActionText } from '../../presenters/actionWording.js';
import { firmActionPage, ratingPage, wordingPage } from '../../presenters/judgementPages.js';
import type { StoredFirmAction } from '../../scoring/judgement.js';
import type { RecommendedAction, RiskRegister, ScenarioScore } from '../../scoring/types.js';
import type { ActionPlanService } from '../../services/actionPlanService.js';
import type { AssessmentService, AssessmentState } from '../../services/assessmentService.js';
import type { JudgementService } from '../../services/judgementService.js';
import { storageFailureOrThrow } from '../errorHandler.js';
import type { FieldError, FormValues } from '../forms/fields.js';
import { FIRM_ACTION_FIELDS, OVERRIDE_FIELDS, readFirmActionForm, readOverrideForm, readWordingForm, typedValues, WORDING_FIELDS } from '../forms/judgementForms.js';
import { baseOf, editorsOnly } from './assessmentContext.js';
import { readyResults } from './readyResults.js';

/**
 * The assessor's judgement, on the record: override a scenario's rating with a reason, reword a
 * recommended action, add, change and delete the firm's own actions. Paths are relative to the
 * assessment's base; every route is for those who may edit the assessment. A scenario, action or
 * firm action that is not in this assessment's register gets the same 404 as any unknown page.
 */

export interface JudgementRouteServices {
  assessments: AssessmentService;
  actionPlans: ActionPlanService;
  judgements: JudgementService;
}

/** What a page shows when it comes back: the status, what was typed, the errors, or that the database refused the save. */
interface PageState {
  status?: number;
  typed?: FormValues;
  errors?: FieldError[];
  notSaved?: boolean;
}

function notFound(res: Response): void {
  res.status(404).render('pages/error', { status: 404 });
}

/** The signed-in user who records a judgement; null for an anonymous assessment. */
function recorderOf(res: Response): string | null {
  const user: unknown = res.locals.user;
  const id = typeof user === 'object' && user !== null ? (user as { id?: unknown }).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

function param(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}

/** After a database refusal: the page again with what was typed and the reason, never an error page. */
function refusedPage(error: unknown, req: Request, res: Response, fields: readonly string[]): PageState {
  const refused = storageFailureOrThrow(error, req, res);
  return { status: refused.status, typed: typedValues(req, fields), notSaved: true };
}

export function judgementRoutes(services: JudgementRouteServices, t: Translate): Router {
  const { assessments, actionPlans, judgements } = services;
  const router = Router();

  /** The register and the item the path names, or undefined once the response is sent (a redirect or a 404). */
  function resolve<T>(req: Request, res: Response, find: (register: RiskRegister, state: AssessmentState) => T | undefined) {
    const ready = readyResults(res, assessments);
    if (!ready) return undefined;
    const found = find(ready.register, ready.state);
    if (found === undefined) {
      notFound(res);
      return undefined;
    }
    return { ...ready, found };
  }

  /* Rating overrides ------------------------------------------------------------------------ */

  const scenarioOf = (req: Request) => (register: RiskRegister) => register.scenarios.find((s) => s.scenarioId === param(req, 'scenarioId'));

  function renderRating(res: Response, state: AssessmentState, score: ScenarioScore, page: PageState): void {
    const view = ratingPage(state.questionnaire.version, score, score.override, page, t);
    res.status(page.status ?? 200).render('pages/judgementRating', { ...view, notSaved: page.notSaved === true });
  }

  router.get('/ratings/:scenarioId', editorsOnly, (req, res) => {
    const resolved = resolve(req, res, scenarioOf(req));
    if (resolved) renderRating(res, resolved.state, resolved.found, {});
  });

  router.post('/ratings/:scenarioId', editorsOnly, async (req, res) => {
    const resolved = resolve(req, res, scenarioOf(req));
    if (!resolved) return;
    const { state, found: score } = resolved;
    const result = await readOverrideForm(req, score.residualBand, t);
    if (!result.ok) {
      renderRating(res, state, score, { status: 400, typed: result.values, errors: result.errors });
      return;
    }
    try {
      await judgements.overrideRating(state, { scenarioId: score.scenarioId, ...result.value }, recorderOf(res));
    } catch (error) {
      renderRating(res, state, score, refusedPage(error, req, res, OVERRIDE_FIELDS));
      return;
    }
    res.redirect(303, `${baseOf(res)}/results?done=rating_saved#register`);
  });

  router.post('/ratings/:scenarioId/remove', editorsOnly, async (req, res) => {
    const resolved = resolve(req, res, scenarioOf(req));
    if (!resolved) return;
    try {
      await judgements.removeOverride(resolved.state, resolved.found.scenarioId);
    } catch (error) {
      renderRating(res, resolved.state, resolved.found, refusedPage(error, req, res, OVERRIDE_FIELDS));
      return;
    }
    res.redirect(303, `${baseOf(res)}/results?done=rating_removed#register`);
  });

  /* Wording of a recommended action --------------------------------------------------------- */

  const actionOf = (req: Request) => (register: RiskRegister) => register.actions.find((a) => a.recommendationId === param(req, 'actionId'));

  function renderWording(res: Response, state: AssessmentState, action: RecommendedAction, page: PageState): void {
    const standardText = standardActionText(t, state.questionnaire.version, action.recommendationId);
    const view = wordingPage(
      { actionId: action.recommendationId, standardText, currentText: action.rewording?.text ?? standardText, reworded: action.rewording !== undefined },
      page,
      t,
    );
    res.status(page.status ?? 200).render('pages/judgementWording', { ...view, notSaved: page.notSaved === true });
  }

  router.get('/actions/:actionId/wording', editorsOnly, (req, res) => {
    const resolved = resolve(req, res, actionOf(req));
    if (resolved) renderWording(res, resolved.state, resolved.found, {});
  });

  router.post('/actions/:actionId/wording', editorsOnly, async (req, res) => {
    const resolved = resolve(req, res, actionOf(req));
    if (!resolved) return;
    const { state, found: action } = resolved;
    const result = await readWordingForm(req, t);
    if (!result.ok) {
      renderWording(res, state, action, { status: 400, typed: result.values, errors: result.errors });
      return;
    }
    let outcome: 'saved' | 'reset';
    try {
      outcome = await judgements.reword(state, action.recommendationId, result.value, recorderOf(res));
    } catch (error) {
      renderWording(res, state, action, refusedPage(error, req, res, WORDING_FIELDS));
      return;
    }
    res.redirect(303, `${baseOf(res)}/actions?done=${outcome === 'reset' ? 'wording_reset' : 'wording_saved'}`);
  });

  router.post('/actions/:actionId/wording/reset', editorsOnly, async (req, res) => {
    const resolved = resolve(req, res, actionOf(req));
    if (!resolved) return;
    try {
      await judgements.resetWording(resolved.state, resolved.found.recommendationId);
    } catch (error) {
      renderWording(res, resolved.state, resolved.found, refusedPage(error, req, res, WORDING_FIELDS));
      return;
    }
    res.redirect(303, `${baseOf(res)}/actions?done=wording_reset`);
  });

  /* The firm's own actions ------------------------------------------------------------------ */

  const firmActionOf = (req: Request) => (_register: RiskRegister, state: AssessmentState) =>
    state.judgement.firmActions.find((action) => action.id === param(req, 'firmActionId'));
  const anyAssessment = () => true;

  function firmFormContext(state: AssessmentState, register: RiskRegister) {
    return {
      range: actionPlans.dueDateRange(state),
      scenarioIds: register.scenarios.map((s) => s.scenarioId),
      formatDate: formatCalendarDate,
      exampleDate: actionPlans.firmActionDefaults(state).exampleDueDate,
    };
  }

  function renderFirmAction(res: Response, state: AssessmentState, register: RiskRegister, stored: StoredFirmAction | undefined, page: PageState): void {
    const view = firmActionPage(
      {
        version: state.questionnaire.version,
        stored,
        scenarioIds: register.scenarios.map((s) => s.scenarioId),
        defaultOwner: actionPlans.firmActionDefaults(state).owner,
        dueRule: dueRuleText(t, actionPlans.dueDays),
        dueDateRange: actionPlans.dueDateRange(state),
      },
      page,
      t,
    );
    res.status(page.status ?? 200).render('pages/firmAction', { ...view, notSaved: page.notSaved === true });
  }

  router.get('/firm-actions/new', editorsOnly, (req, res) => {
    const resolved = resolve(req, res, anyAssessment);
    if (resolved) renderFirmAction(res, resolved.state, resolved.register, undefined, {});
  });

  router.post('/firm-actions/new', editorsOnly, async (req, res) => {
    const resolved = resolve(req, res, anyAssessment);
    if (!resolved) return;
    const { state, register } = resolved;
    const result = await readFirmActionForm(req, firmFormContext(state, register), t);
    if (!result.ok) {
      renderFirmAction(res, state, register, undefined, { status: 400, typed: result.values, errors: result.errors });
      return;
    }
    try {
      await judgements.addFirmAction(state, result.value, recorderOf(res));
    } catch (error) {
      renderFirmAction(res, state, register, undefined, refusedPage(error, req, res, FIRM_ACTION_FIELDS));
      return;
    }
    res.redirect(303, `${baseOf(res)}/actions?done=firm_added`);
  });

  router.get('/firm-actions/:firmActionId', editorsOnly, (req, res) => {
    const resolved = resolve(req, res, firmActionOf(req));
    if (resolved) renderFirmAction(res, resolved.state, resolved.register, resolved.found, {});
  });

  router.post('/firm-actions/:firmActionId', editorsOnly, async (req, res) => {
    const resolved = resolve(req, res, firmActionOf(req));
    if (!resolved) return;
    const { state, register, found } = resolved;
    const result = await readFirmActionForm(req, firmFormContext(state, register), t);
    if (!result.ok) {
      renderFirmAction(res, state, register, found, { status: 400, typed: result.values, errors: result.errors });
      return;
    }
    let updated: boolean;
    try {
      updated = await judgements.updateFirmAction(state, found.id, result.value);
    } catch (error) {
      renderFirmAction(res, state, register, found, refusedPage(error, req, res, FIRM_ACTION_FIELDS));
      return;
    }
    // Deleted in another tab since this page was read: nothing to change.
    if (!updated) {
      notFound(res);
      return;
    }
    res.redirect(303, `${baseOf(res)}/actions?done=firm_saved`);
  });

  function renderDelete(res: Response, action: StoredFirmAction, page: PageState): void {
    res.status(page.status ?? 200).render('pages/firmActionDelete', { firmActionId: action.id, text: action.text, notSaved: page.notSaved === true });
  }

  router.get('/firm-actions/:firmActionId/delete', editorsOnly, (req, res) => {
    const resolved = resolve(req, res, firmActionOf(req));
    if (resolved) renderDelete(res, resolved.found, {});
  });

  router.post('/firm-actions/:firmActionId/delete', editorsOnly, async (req, res) => {
    const resolved = resolve(req, res, firmActionOf(req));
    if (!resolved) return;
    let deleted: boolean;
    try {
      deleted = await judgements.deleteFirmAction(resolved.state, resolved.found.id);
    } catch (error) {
      renderDelete(res, resolved.found, refusedPage(error, req, res, []));
      return;
    }
    if (!deleted) {
      notFound(res);
      return;
    }
    res.redirect(303, `${baseOf(res)}/actions?done=firm_deleted`);
  });

  return router;
}
