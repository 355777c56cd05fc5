import type { AnswerOption, Effect, MeasureCredit, MeasureTarget, Question, RiskFactor } from '../types.js';
import { option, radio } from '../questionBuilders.js';

/** The scenario ids of questionnaire 2.0. Typed here so that a misspelt effect fails to compile. */
export const scenarioIdsV2 = [
  'cyberattack',
  'political_unrest',
  'crime',
  'road_cargo',
  'staff_safety',
  'terrorism',
  'border_disruption',
  'energy_disruption',
  'maritime_disruption',
  'geopolitical_escalation',
] as const;
export type ScenarioIdV2 = (typeof scenarioIdsV2)[number];

/** The five practical tips of the source article, in its order; pillar sections use the same ids. */
export const pillarIdsV2 = ['risk_assessment', 'contingency', 'stay_informed', 'authorities', 'cybersecurity'] as const;
export type PillarIdV2 = (typeof pillarIdsV2)[number];

type Level = 1 | 2 | 3 | 4 | 5;

/** An exposure: this answer makes the scenario this likely (1 rare .. 5 almost certain). */
export const likelihoodAt = (scenario: ScenarioIdV2, level: Level): Effect => ({ scenario, sets: 'likelihood', level });

/** A dependency: this answer makes the scenario this harmful (1 negligible .. 5 severe). */
export const impactAt = (scenario: ScenarioIdV2, level: Level): Effect => ({ scenario, sets: 'impact', level });

/** "Don't know" on an exposure question: scored as the question's worst answer, and a find-out action. */
export function dontKnow(value = 'dont_know'): AnswerOption {
  return { value, dontKnow: true };
}

/** A measure treats one scenario factor with a weight: 1 helps, 2 matters, 3 is the key measure. */
export function lowersLikelihood(scenario: ScenarioIdV2, weight: 1 | 2 | 3): MeasureTarget {
  return { scenario, factor: 'likelihood', weight };
}

export function lowersImpact(scenario: ScenarioIdV2, weight: 1 | 2 | 3): MeasureTarget {
  return { scenario, factor: 'impact', weight };
}

/** One answer to a measure question and how far it says the measure is in place. */
export function answer(value: string, credit: MeasureCredit): AnswerOption {
  return { ...option(value), credit };
}

export const inPlace = (value: string) => answer(value, 'full');
/** Partly in place, or in place but never tested: an untested fallback never earns full credit. */
export const partly = (value: string) => answer(value, 'partial');
export const notInPlace = (value: string) => answer(value, 'none');
export const unknown = (value = 'dont_know') => answer(value, 'unknown');
export const notApplicable = (value = 'not_applicable') => answer(value, 'not_applicable');

interface MeasureSettings {
  showIf?: Question['showIf'];
}

/**
 * A question that asks how far a protective measure is in place. Its targets say which scenario
 * factors it lowers; an empty list is a good practice that the action plan follows but that
 * does not change a rating (knowing what the insurance covers, reviewing risks).
 */
export function measure(
  id: string,
  targets: readonly MeasureTarget[],
  options: readonly AnswerOption[],
  settings: MeasureSettings = {},
): Question {
  return { ...radio(id, options, settings.showIf ? { showIf: settings.showIf } : {}), measure: targets };
}

export type { RiskFactor };
