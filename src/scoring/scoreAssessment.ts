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
import { effectiveAnswers, relevantSections, shownQuestions } from '../questionnaire/visibility.js';
import { bandFor, bandRank, priorityFor, timeframeFor, worstBand } from './bands.js';
import { firmActionsOf, noJudgement, ratedBandOf, withOverride, withRewording, type AssessmentJudgement } from './judgement.js';
import { activitiesStoppedBy } from './impactAnalysis.js';
import { creditOf, measureReduction } from './measures.js';
import type {
  FindOutAction,
  Level,
  RecommendedAction,
  RiskRegister,
  ScenarioScore,
  ScoreDriver,
  StoppedActivity,
} from './types.js';

/**
 * Questionnaire 1.0 only: controls lower a factor by at most this many steps in total, however
 * many are in place. Questionnaire 2.0 grades measures instead (see `measures.ts`).
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
  assumedWorst?: boolean;
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

/**
 * What a "don't know" answer to an exposure or dependency question sets: for each scenario
 * factor the question can raise, the highest level any of its options sets. Not knowing is
 * never scored as safer than the worst answer the business could have given.
 */
function worstCaseEffects(question: Question): Effect[] {
  const worst = new Map<string, Effect>();
  for (const option of question.options ?? []) {
    for (const effect of option.effects ?? []) {
      if (!('sets' in effect)) continue;
      const key = `${effect.scenario}/${effect.sets}`;
      const known = worst.get(key);
      if (known === undefined || ('sets' in known && known.level < effect.level)) worst.set(key, effect);
    }
  }
  return [...worst.values()];
}

function effectsOfOption(question: Question, option: AnswerOption): ChosenEffect[] {
  if (option.dontKnow) {
    return worstCaseEffects(question).map((effect) => ({
      questionId: question.id,
      optionValue: option.value,
      effect,
      assumedWorst: true,
    }));
  }
  return (option.effects ?? []).map((effect) => ({ questionId: question.id, optionValue: option.value, effect }));
}

/** Every effect of every chosen option, in questionnaire order. */
function chosenEffects(questionnaire: Questionnaire, answers: Answers): ChosenEffect[] {
  return questionnaire.sections.flatMap((section) =>
    section.questions.flatMap((question) =>
      chosenOptions(question, answers).flatMap((option) => effectsOfOption(question, option)),
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
    ...(chosen.assumedWorst ? { assumedWorst: true } : {}),
  };
}

/**
 * The level before measures: the highest level that any chosen option sets, else the
 * scenario's base level; for impact, at least the impact analysis's floor when the scenario
 * would stop a critical activity. Only the answers that decided the level are kept as drivers.
 */
function inherentLevel(factor: RiskFactor, base: Level, effects: readonly ChosenEffect[], floor: ScoreDriver | undefined) {
  const setters = effects
    .filter(({ effect }) => 'sets' in effect && effect.sets === factor)
    .map(toDriver);
  // A level set by an answer replaces the base, even when it is lower: the base only stands in
  // for a question nobody asked.
  const set = setters.length === 0 ? base : toLevel(Math.max(...setters.map((driver) => driver.amount)));
  if (floor !== undefined && floor.amount > set) return { level: toLevel(floor.amount), drivers: [floor] };
  return { level: set, drivers: setters.filter((driver) => driver.amount === set) };
}

/** Questionnaire 1.0: steps that the controls in place remove, capped at `maxControlSteps`. */
function controlReduction(factor: RiskFactor, effects: readonly ChosenEffect[]) {
  const drivers = effects
    .filter(({ effect }) => 'reduces' in effect && effect.reduces === factor)
    .map(toDriver);
  const total = drivers.reduce((sum, driver) => sum + driver.amount, 0);
  return { steps: Math.min(total, maxControlSteps), drivers };
}

/** What the scoring of one scenario needs to know about the assessment as a whole. */
interface ScoringContext {
  effects: readonly ChosenEffect[];
  answers: Answers;
  /** Measure questions the business was shown. */
  shownMeasures: readonly Question[];
  questionnaire: Questionnaire;
}

function scoreFactor(
  factor: RiskFactor,
  scenario: Scenario,
  context: ScoringContext,
  floor: ScoreDriver | undefined,
): FactorScore {
  const own = context.effects.filter(({ effect }) => effect.scenario === scenario.id);
  const base = factor === 'likelihood' ? scenario.baseLikelihood : scenario.baseImpact;
  const inherent = inherentLevel(factor, base, own, floor);
  const controls = controlReduction(factor, own);
  const measures = measureReduction(scenario, factor, context.shownMeasures, context.answers);
  return {
    level: inherent.level,
    // A residual level of 1 is the floor: no risk that applies is ever scored as nothing.
    residual: toLevel(inherent.level - controls.steps - measures.levels),
    drivers: [...inherent.drivers, ...controls.drivers, ...measures.drivers],
  };
}

function scenarioApplies(scenario: Scenario, answers: Answers): boolean {
  return scenario.appliesIf === undefined || conditionHolds(scenario.appliesIf, answers);
}

/** The impact floor set by the critical activities the scenario would stop, as a driver. */
function stopDriver(questionnaire: Questionnaire, stopped: readonly StoppedActivity[]): ScoreDriver | undefined {
  const analysis = questionnaire.impactAnalysis;
  const first = stopped[0];
  if (analysis === undefined || first === undefined) return undefined;
  const activity = analysis.activities[first.index];
  return {
    questionId: activity?.tolerableOutage ?? '',
    optionValue: first.tolerableOutage,
    factor: 'impact',
    kind: 'stops_activity',
    amount: analysis.stopImpact,
  };
}

function scoreScenario(scenario: Scenario, context: ScoringContext): ScenarioScore {
  const stoppedActivities = activitiesStoppedBy(scenario, context.questionnaire.impactAnalysis, context.answers);
  const likelihood = scoreFactor('likelihood', scenario, context, undefined);
  const impact = scoreFactor('impact', scenario, context, stopDriver(context.questionnaire, stoppedActivities));
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
    stoppedActivities,
  };
}

/**
 * Worst band that counts first (the assessor's where they overrode the calculation), then worst
 * residual score, then worst inherent score, then questionnaire order. Without overrides the band
 * follows the residual score, so this is the calculated order.
 */
function byRatingThenInherent(order: readonly string[]) {
  return (a: ScenarioScore, b: ScenarioScore): number =>
    bandRank(ratedBandOf(b)) - bandRank(ratedBandOf(a)) ||
    b.residualScore - a.residualScore ||
    b.inherentScore - a.inherentScore ||
    order.indexOf(a.scenarioId) - order.indexOf(b.scenarioId);
}

/**
 * Whether an action that puts measures in place is needed: some measure it addresses is shown
 * and partly or not in place. A measure answered "don't know" gets a find-out action instead,
 * so that no action asks for a measure the business may already have.
 */
function measuresMissing(recommendation: Recommendation, context: ScoringContext): boolean {
  if (recommendation.addresses === undefined) return true;
  return context.shownMeasures
    .filter((question) => recommendation.addresses?.includes(question.id))
    .some((question) => ['partial', 'none'].includes(creditOf(question, context.answers).credit));
}

function recommendAction(
  recommendation: Recommendation,
  context: ScoringContext,
  scoresById: ReadonlyMap<string, ScenarioScore>,
): RecommendedAction | undefined {
  const { answers } = context;
  if (recommendation.recommendIf !== undefined && !conditionHolds(recommendation.recommendIf, answers)) {
    return undefined;
  }
  if (!measuresMissing(recommendation, context)) return undefined;
  const treats = recommendation.treats.filter((id) => scoresById.has(id));
  if (treats.length === 0) return undefined;
  const treated = treats.flatMap((id) => scoresById.get(id) ?? []);
  // The assessor's rating of a treated scenario counts; the calculation's stays beside it.
  const band = worstBand(treated.map(ratedBandOf));
  const calculatedBand = worstBand(treated.map((score) => score.residualBand));
  return {
    recommendationId: recommendation.id,
    pillar: recommendation.pillar,
    treats,
    band,
    priority: priorityFor(band),
    timeframe: timeframeFor(band),
    ...(calculatedBand === band
      ? {}
      : { calculated: { band: calculatedBand, priority: priorityFor(calculatedBand), timeframe: timeframeFor(calculatedBand) } }),
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

function recommendedActions(context: ScoringContext, scenarios: readonly ScenarioScore[]): RecommendedAction[] {
  const { questionnaire } = context;
  const scoresById = new Map(scenarios.map((score) => [score.scenarioId, score]));
  const order = questionnaire.recommendations.map((r) => r.id);
  return questionnaire.recommendations
    .map((recommendation) => recommendAction(recommendation, context, scoresById))
    .filter((action): action is RecommendedAction => action !== undefined)
    .sort(byPriorityThenWorstTreated(order, scoresById));
}

/** Whether the answer given to a question is "don't know" (an exposure or a measure). */
function isDontKnow(question: Question, answers: Answers): boolean {
  return chosenOptions(question, answers).some((option) => option.dontKnow === true || option.credit === 'unknown');
}

/** One find-out action per "don't know" answer, naming the scenarios whose rating assumed the worst. */
function findOutActions(shown: readonly Question[], answers: Answers, scenarios: readonly ScenarioScore[]): FindOutAction[] {
  return shown
    .filter((question) => isDontKnow(question, answers))
    .map((question) => ({
      questionId: question.id,
      affects: scenarios
        .filter((s) => s.drivers.some((d) => d.questionId === question.id && (d.assumedWorst || d.credit === 'unknown')))
        .map((s) => s.scenarioId),
    }));
}

/**
 * Turns an assessment's answers into its risk register. Pure: the same questionnaire, answers and
 * judgement always give the same register. Only answers to questions the business was shown count.
 * The assessor's judgement (src/scoring/judgement.ts) is laid over the calculation, never in its
 * place: overrides are attached to their scenarios and count for the order, the overall band and
 * the actions' priorities; rewordings are attached to their actions; the firm's own actions are
 * listed (only when a judgement is given, so a register scored from answers alone is unchanged).
 */
export function scoreAssessment(questionnaire: Questionnaire, answers: Answers, judgement?: AssessmentJudgement): RiskRegister {
  const { overrides, rewordings, firmActions } = judgement ?? noJudgement;
  const overridesById = new Map(overrides.map((override) => [override.scenarioId, override]));
  const rewordingsById = new Map(rewordings.map((rewording) => [rewording.actionId, rewording]));
  const counted = effectiveAnswers(questionnaire, answers);
  const shown = relevantSections(questionnaire, counted).flatMap((section) => shownQuestions(section, counted));
  const context: ScoringContext = {
    effects: chosenEffects(questionnaire, counted),
    answers: counted,
    shownMeasures: shown.filter((question) => question.measure !== undefined),
    questionnaire,
  };
  const applicable = questionnaire.scenarios.filter((s) => scenarioApplies(s, counted));
  const scenarios = applicable
    .map((scenario) => withOverride(scoreScenario(scenario, context), overridesById))
    .sort(byRatingThenInherent(questionnaire.scenarios.map((s) => s.id)));
  const overallBand = worstBand(scenarios.map(ratedBandOf));
  const calculatedOverallBand = worstBand(scenarios.map((s) => s.residualBand));
  return {
    questionnaireVersion: questionnaire.version,
    scenarios,
    notApplicable: questionnaire.scenarios
      .filter((s) => !applicable.includes(s))
      .map((s) => s.id),
    actions: recommendedActions(context, scenarios).map((action) => withRewording(action, rewordingsById)),
    findOut: findOutActions(shown, counted, scenarios),
    overallBand,
    ...(calculatedOverallBand === overallBand ? {} : { calculatedOverallBand }),
    ...(judgement ? { firmActions: firmActionsOf(firmActions, new Set(scenarios.map((s) => s.scenarioId))) } : {}),
  };
}
