import { meansTheSame, questionIndex } from '../questionnaire/answerCarryOver.js';
import type { Answers, AnswerValue, Question, Questionnaire, StoredAnswer } from '../questionnaire/types.js';
import { effectiveAnswers } from '../questionnaire/visibility.js';
import { bandRank } from '../scoring/bands.js';
import type { Band, RiskRegister } from '../scoring/types.js';
import type { ActionPlanEntry } from './actionPlan.js';

/**
 * What changed between two assessments of one client, as plain data: answers, ratings and the
 * action plan. Pure: the two assessments may be on different questionnaire versions.
 */

/** One assessment's side of a comparison. */
export interface ComparedSide {
  questionnaire: Questionnaire;
  answers: Answers;
}

/** How one side saw a question: absent when its questionnaire version does not ask it. */
export interface AnswerSide {
  question: Question;
  /** Absent when the question was not answered (or not asked of this business). */
  answer?: StoredAnswer;
}

export interface AnswerChange {
  questionId: string;
  earlier?: AnswerSide;
  later?: AnswerSide;
  /** Both versions ask it, but not in the same terms (see meansTheSame). */
  questionChanged: boolean;
}

function sameValue(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  // Checkbox answers are sets: the order they were ticked in is not a change.
  const normal = (value: AnswerValue | undefined) => (Array.isArray(value) ? JSON.stringify([...value].sort()) : JSON.stringify(value ?? null));
  return normal(a) === normal(b);
}

function sameAnswer(a: StoredAnswer | undefined, b: StoredAnswer | undefined): boolean {
  return sameValue(a?.value, b?.value) && (a?.note ?? '') === (b?.note ?? '');
}

function sideOf(question: Question | undefined, answer: StoredAnswer | undefined): AnswerSide | undefined {
  return question === undefined ? undefined : { question, ...(answer ? { answer } : {}) };
}

/**
 * Answers (or notes) that differ, in the later questionnaire's order, then questions only the
 * earlier version asked. Only answers that counted are compared; a question nobody answered on
 * either side is not a change.
 */
export function answerChanges(earlier: ComparedSide, later: ComparedSide): AnswerChange[] {
  const earlierAnswers = effectiveAnswers(earlier.questionnaire, earlier.answers);
  const laterAnswers = effectiveAnswers(later.questionnaire, later.answers);
  const earlierQuestions = questionIndex(earlier.questionnaire);
  const laterQuestions = questionIndex(later.questionnaire);
  const ids = [...laterQuestions.keys(), ...[...earlierQuestions.keys()].filter((id) => !laterQuestions.has(id))];
  return ids.flatMap((questionId): AnswerChange[] => {
    const before = earlierAnswers[questionId];
    const after = laterAnswers[questionId];
    if ((before === undefined && after === undefined) || sameAnswer(before, after)) return [];
    const earlierQuestion = earlierQuestions.get(questionId)?.question;
    const laterQuestion = laterQuestions.get(questionId)?.question;
    const earlierSide = sideOf(earlierQuestion, before);
    const laterSide = sideOf(laterQuestion, after);
    return [
      {
        questionId,
        ...(earlierSide ? { earlier: earlierSide } : {}),
        ...(laterSide ? { later: laterSide } : {}),
        questionChanged: earlierQuestion !== undefined && laterQuestion !== undefined && !meansTheSame(earlierQuestion, laterQuestion),
      },
    ];
  });
}

/** A scenario's rating on one side, or why it has none. */
export type Rating = { band: Band } | { none: 'not_applicable' | 'not_in_version' };

export interface RatingMove {
  earlier: Rating;
  later: Rating;
  /** Bands moved: negative is lower (better), positive higher (worse); 0 when unchanged or not rated on a side. */
  steps: number;
}

export interface ScenarioMove extends RatingMove {
  scenarioId: string;
}

function ratingIn(register: RiskRegister, questionnaire: Questionnaire, scenarioId: string): Rating {
  const score = register.scenarios.find((scenario) => scenario.scenarioId === scenarioId);
  if (score) return { band: score.residualBand };
  return { none: questionnaire.scenarios.some((scenario) => scenario.id === scenarioId) ? 'not_applicable' : 'not_in_version' };
}

function moveOf(earlier: Rating, later: Rating): RatingMove {
  const steps = 'band' in earlier && 'band' in later ? bandRank(later.band) - bandRank(earlier.band) : 0;
  return { earlier, later, steps };
}

/**
 * The overall rating and each scenario's, earlier against later: the later assessment's scenarios
 * in its order (worst first), then scenarios only the earlier one rated.
 */
export function ratingChanges(
  earlier: { questionnaire: Questionnaire; register: RiskRegister },
  later: { questionnaire: Questionnaire; register: RiskRegister },
): { overall: RatingMove; scenarios: ScenarioMove[] } {
  const ids = [
    ...later.register.scenarios.map((scenario) => scenario.scenarioId),
    ...earlier.register.scenarios.map((scenario) => scenario.scenarioId),
    ...later.register.notApplicable,
    ...earlier.register.notApplicable,
  ];
  const scenarios = [...new Set(ids)]
    .map((scenarioId) => ({ scenarioId, ...moveOf(ratingIn(earlier.register, earlier.questionnaire, scenarioId), ratingIn(later.register, later.questionnaire, scenarioId)) }))
    // A scenario that applies on neither side says nothing about the business.
    .filter((move) => 'band' in move.earlier || 'band' in move.later);
  return { overall: moveOf({ band: earlier.register.overallBand }, { band: later.register.overallBand }), scenarios };
}

export interface ActionChanges {
  /** Done in the later plan, and not done (or not in the plan) in the earlier one. */
  completed: string[];
  /** Recommended in the earlier assessment, not in the later one. */
  noLongerNeeded: string[];
}

/** What became of the action plan between the two assessments. */
export function actionChanges(
  earlier: { register: RiskRegister; plan: readonly ActionPlanEntry[] },
  later: { register: RiskRegister; plan: readonly ActionPlanEntry[] },
): ActionChanges {
  const doneBefore = new Set(earlier.plan.filter((entry) => entry.status === 'done').map((entry) => entry.actionId));
  const recommendedLater = new Set(later.register.actions.map((action) => action.recommendationId));
  return {
    completed: later.plan.filter((entry) => entry.status === 'done' && !doneBefore.has(entry.actionId)).map((entry) => entry.actionId),
    noLongerNeeded: earlier.register.actions.map((action) => action.recommendationId).filter((id) => !recommendedLater.has(id)),
  };
}
