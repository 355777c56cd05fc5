import type { ActionStatus } from '../services/actionPlan.js';
import { bandForPriority, timeframeFor } from './bands.js';
import type { Band, Priority, RecommendedAction, RiskRegister, ScenarioScore, Timeframe } from './types.js';

/**
 * The assessor's own judgement on an assessment, kept beside the calculation and never in its
 * place: the wording of a recommended action, the firm's own actions, and a scenario's rating.
 *
 * What a consultant means by "rated High" is the band: an override names the band the scenario
 * should have, with a written reason. Its likelihood, impact and score stay as calculated, so the
 * heat map keeps placing it by them and every place that shows the assessor's band shows the
 * calculated one beside it. The assessor's band is the one that counts: it orders the register,
 * sets the overall rating and the priority of the actions that treat the scenario, and decides
 * whether it gets a contingency plan.
 */

/** Who recorded a judgement and when: a signed-in user's id (null for an anonymous assessment) and an ISO time. */
export interface Recorded {
  recordedBy: string | null;
  recordedAt: string;
}

/** The assessor's band for one scenario, and why. */
export interface RatingOverride extends Recorded {
  scenarioId: string;
  band: Band;
  /** At most `OVERRIDE_REASON_MAX` characters. */
  reason: string;
}

/** The assessor's wording of a recommended action, for this assessment only. */
export interface ActionRewording extends Recorded {
  /** The recommendation id. */
  actionId: string;
  /** At most `ACTION_TEXT_MAX` characters. */
  text: string;
}

/** One of the firm's own actions, as stored with its owner, due date and status. */
export interface StoredFirmAction extends Recorded {
  id: string;
  text: string;
  /** Null: the default owner (the crisis lead). */
  owner: string | null;
  /** Calendar date 'YYYY-MM-DD'; null: the default due date of its priority. */
  dueDate: string | null;
  priority: Priority;
  status: ActionStatus;
  /** Scenario ids the action treats, in the order chosen; may be empty. */
  treats: string[];
  updatedAt: string;
}

export interface AssessmentJudgement {
  overrides: readonly RatingOverride[];
  rewordings: readonly ActionRewording[];
  /** In the order they were added. */
  firmActions: readonly StoredFirmAction[];
}

export const noJudgement: AssessmentJudgement = { overrides: [], rewordings: [], firmActions: [] };

export const OVERRIDE_REASON_MAX = 1000;
export const ACTION_TEXT_MAX = 500;

/** One of the firm's own actions as the register lists it; its owner, due date and status are in the action plan. */
export interface FirmAction extends Recorded {
  firmActionId: string;
  text: string;
  priority: Priority;
  /** The band whose priority the assessor chose (priority 1 is Critical's): its colour. */
  band: Band;
  timeframe: Timeframe;
  /** Only the chosen scenarios that apply to this business. */
  treats: string[];
}

/** The band that counts for a scenario: the assessor's where they overrode the calculation. */
export function ratedBandOf(score: ScenarioScore): Band {
  return score.override?.band ?? score.residualBand;
}

/** The scenario with the assessor's override attached, when there is one. */
export function withOverride(score: ScenarioScore, overrides: ReadonlyMap<string, RatingOverride>): ScenarioScore {
  const override = overrides.get(score.scenarioId);
  return override ? { ...score, override } : score;
}

/** The recommended action with the assessor's wording attached, when there is one. */
export function withRewording(action: RecommendedAction, rewordings: ReadonlyMap<string, ActionRewording>): RecommendedAction {
  const rewording = rewordings.get(action.recommendationId);
  return rewording ? { ...action, rewording } : action;
}

/** The firm's actions as the register lists them: treating only scenarios that apply, most urgent first, then in the order added. */
export function firmActionsOf(stored: readonly StoredFirmAction[], applicable: ReadonlySet<string>): FirmAction[] {
  return stored
    .map((action) => ({
      firmActionId: action.id,
      text: action.text,
      priority: action.priority,
      band: bandForPriority(action.priority),
      timeframe: timeframeFor(bandForPriority(action.priority)),
      treats: action.treats.filter((id) => applicable.has(id)),
      recordedBy: action.recordedBy,
      recordedAt: action.recordedAt,
    }))
    .sort((a, b) => a.priority - b.priority);
}

/** One line of the action plan: a recommended action or one of the firm's own. */
export type PlanItem =
  | { kind: 'recommended'; id: string; priority: Priority; band: Band; treats: readonly string[]; action: RecommendedAction }
  | { kind: 'firm'; id: string; priority: Priority; band: Band; treats: readonly string[]; action: FirmAction };

/**
 * Every action of the register in the order of the plan: by priority, the recommended actions of
 * a priority in their own order first, then the firm's own. The one ordering that the action plan
 * page, the checklist and the report all use.
 */
export function actionsInPlanOrder(register: RiskRegister): PlanItem[] {
  const recommended: PlanItem[] = register.actions.map((action) => ({
    kind: 'recommended',
    id: action.recommendationId,
    priority: action.priority,
    band: action.band,
    treats: action.treats,
    action,
  }));
  const firm: PlanItem[] = (register.firmActions ?? []).map((action) => ({
    kind: 'firm',
    id: action.firmActionId,
    priority: action.priority,
    band: action.band,
    treats: action.treats,
    action,
  }));
  // Array.prototype.sort is stable: each kind keeps its own order within a priority.
  return [...recommended, ...firm].sort((a, b) => a.priority - b.priority);
}
