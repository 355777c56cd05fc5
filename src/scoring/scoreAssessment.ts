import { conditionHolds } from '../questionnaire/conditions.js';
import type {
  AnswerOption,
  Answers,
  AnswerValue,
  Effect,
  Question,
  Questionnaire,
  Recommendation,
  RiskFactor,
  Scenario,
} from '../questionnaire/types.js';
import { effectiveAnswers } from '../questionnaire/visibility.js';
import { bandFor, priorityFor, timeframeFor, worstBand } from './bands.js';
import type { Level, RecommendedAction, RiskRegister, ScenarioScore, ScoreDriver } from './types.js';

/**
 * Controls lower a factor by at most this many steps in total, however many are in place.
 * Controls make an event less likely or less harmful; they do not remove the exposure that
 * causes it. Without a cap, a long list of ticked controls could take an Almost certain,
 * Severe risk down to Rare and Negligible and drop it off the plan: the business would then
 * have no contingency for a threat it still faces. Two steps keeps a 5x5 risk at 3x3 (Medium).
 */
export const maxControlSteps = 2;

/** One effect of an option that the business chose, with the answer that carried it. */
interface ChosenEffect {
  questionId: string;
  optionValue: string;
  effect: Effect;
}

interface FactorScore {
  level: Level;
  residual: Level;
  drivers: ScoreDriver[];
}

function asList(value: AnswerValue): readonly string[] {
  return Array.isArray(value) ? value : [value];
}

function toLevel(n: number): Level {
  return Math.min(5, Math.max(1, Math.round(n))) as Level;
}

/** The options chosen for one question: the radio value, or each checked checkbox. */
function chosenOptions(question: Question, answers: Answers): AnswerOption[] {
  const answer = answers[question.id];
  if (answer === undefined || question.options === undefined) return [];
  const values = asList(answer.value);
  return question.options.filter((option) => values.includes(option.value));
}

/** Every effect of every chosen option, in questionnaire order. */
function chosenEffects(questionnaire: Questionnaire, answers: Answers): ChosenEffect[] {
  return questionnaire.sections.flatMap((section) =>
    section.questions.flatMap((question) =>
      chosenOptions(question, answers).flatMap((option) =>
        (option.effects ?? []).map((effect) => ({
          questionId: question.id,
          optionValue: option.value,
          effect,
        })),
      ),
    ),
  );
}

function toDriver(chosen: ChosenEffect): ScoreDriver {
  const { effect } = chosen;
  const isSet = 'sets' in effect;
  return {
    questionId: chosen.questionId,
    optionValue: chosen.optionValue,
    factor: isSet ? effect.sets : effect.reduces,
    kind: isSet ? 'sets' : 'reduces',
    amount: isSet ? effect.level : effect.by,
  };
}

/**
 * The level before controls: the highest level that any chosen option sets, else the
 * scenario's base level. Only the answers that decided the level are kept as drivers.
 */
function inherentLevel(factor: RiskFactor, base: Level, effects: readonly ChosenEffect[]) {
  const setters = effects
    .filter(({ effect }) => 'sets' in effect && effect.sets === factor)
    .map(toDriver);
  if (setters.length === 0) return { level: base, drivers: [] };
  const level = toLevel(Math.max(...setters.map((driver) => driver.amount)));
  return { level, drivers: setters.filter((driver) => driver.amount === level) };
}

/** Steps that the controls in place remove from one factor, capped at `maxControlSteps`. */
function controlReduction(factor: RiskFactor, effects: readonly ChosenEffect[]) {
  const drivers = effects
    .filter(({ effect }) => 'reduces' in effect && effect.reduces === factor)
    .map(toDriver);
  const total = drivers.reduce((sum, driver) => sum + driver.amount, 0);
  return { steps: Math.min(total, maxControlSteps), drivers };
}

function scoreFactor(factor: RiskFactor, base: Level, effects: readonly ChosenEffect[]): FactorScore {
  const inherent = inherentLevel(factor, base, effects);
  const reduction = controlReduction(factor, effects);
  return {
    level: inherent.level,
    // A residual level of 1 is the floor: no risk that applies is ever scored as nothing.
    residual: toLevel(inherent.level - reduction.steps),
    drivers: [...inherent.drivers, ...reduction.drivers],
  };
}

function scenarioApplies(scenario: Scenario, answers: Answers): boolean {
  return scenario.appliesIf === undefined || conditionHolds(scenario.appliesIf, answers);
}

function scoreScenario(scenario: Scenario, effects: readonly ChosenEffect[]): ScenarioScore {
  const own = effects.filter(({ effect }) => effect.scenario === scenario.id);
  const likelihood = scoreFactor('likelihood', scenario.baseLikelihood, own);
  const impact = scoreFactor('impact', scenario.baseImpact, own);
  const inherentScore = likelihood.level * impact.level;
  const residualScore = likelihood.residual * impact.residual;
  return {
    scenarioId: scenario.id,
    likelihood: likelihood.level,
    impact: impact.level,
    inherentScore,
    inherentBand: bandFor(inherentScore),
    residualLikelihood: likelihood.residual,
    residualImpact: impact.residual,
    residualScore,
    residualBand: bandFor(residualScore),
    drivers: [...likelihood.drivers, ...impact.drivers],
  };
}

/** Worst residual score first, then worst inherent score, then questionnaire order. */
function byResidualThenInherent(order: readonly string[]) {
  return (a: ScenarioScore, b: ScenarioScore): number =>
    b.residualScore - a.residualScore ||
    b.inherentScore - a.inherentScore ||
    order.indexOf(a.scenarioId) - order.indexOf(b.scenarioId);
}

function recommendAction(
  recommendation: Recommendation,
  answers: Answers,
  scoresById: ReadonlyMap<string, ScenarioScore>,
): RecommendedAction | undefined {
  if (recommendation.recommendIf !== undefined && !conditionHolds(recommendation.recommendIf, answers)) {
    return undefined;
  }
  const treats = recommendation.treats.filter((id) => scoresById.has(id));
  if (treats.length === 0) return undefined;
  const band = worstBand(treats.map((id) => scoresById.get(id)?.residualBand ?? 'low'));
  return {
    recommendationId: recommendation.id,
    pillar: recommendation.pillar,
    treats,
    band,
    priority: priorityFor(band),
    timeframe: timeframeFor(band),
  };
}

function worstTreatedScore(action: RecommendedAction, scoresById: ReadonlyMap<string, ScenarioScore>) {
  return Math.max(...action.treats.map((id) => scoresById.get(id)?.residualScore ?? 0));
}

/** Most urgent first, then the one treating the worst residual score, then questionnaire order. */
function byPriorityThenWorstTreated(
  order: readonly string[],
  scoresById: ReadonlyMap<string, ScenarioScore>,
) {
  return (a: RecommendedAction, b: RecommendedAction): number =>
    a.priority - b.priority ||
    worstTreatedScore(b, scoresById) - worstTreatedScore(a, scoresById) ||
    order.indexOf(a.recommendationId) - order.indexOf(b.recommendationId);
}

function recommendedActions(
  questionnaire: Questionnaire,
  answers: Answers,
  scenarios: readonly ScenarioScore[],
): RecommendedAction[] {
  const scoresById = new Map(scenarios.map((score) => [score.scenarioId, score]));
  const order = questionnaire.recommendations.map((r) => r.id);
  return questionnaire.recommendations
    .map((recommendation) => recommendAction(recommendation, answers, scoresById))
    .filter((action): action is RecommendedAction => action !== undefined)
    .sort(byPriorityThenWorstTreated(order, scoresById));
}

/**
 * Turns an assessment's answers into its risk register. Pure: the same questionnaire and answers
 * always give the same register. Only answers to questions the business was shown count.
 */
export function scoreAssessment(questionnaire: Questionnaire, answers: Answers): RiskRegister {
  const counted = effectiveAnswers(questionnaire, answers);
  const effects = chosenEffects(questionnaire, counted);
  const applicable = questionnaire.scenarios.filter((s) => scenarioApplies(s, counted));
  const scenarios = applicable
    .map((scenario) => scoreScenario(scenario, effects))
    .sort(byResidualThenInherent(questionnaire.scenarios.map((s) => s.id)));
  return {
    questionnaireVersion: questionnaire.version,
    scenarios,
    notApplicable: questionnaire.scenarios
      .filter((s) => !applicable.includes(s))
      .map((s) => s.id),
    actions: recommendedActions(questionnaire, counted, scenarios),
    overallBand: worstBand(scenarios.map((s) => s.residualBand)),
  };
}

