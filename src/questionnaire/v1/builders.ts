import type { Effect, RiskFactor } from '../types.js';

/** The scenario ids of questionnaire 1.0. Typed here so that a misspelt effect fails to compile. */
export const scenarioIdsV1 = [
  'cyberattack',
  'political_unrest',
  'crime',
  'terrorism',
  'border_disruption',
  'energy_disruption',
  'maritime_disruption',
  'geopolitical_escalation',
] as const;
export type ScenarioIdV1 = (typeof scenarioIdsV1)[number];

/** The five practical tips of the source article, in its order; pillar sections use the same ids. */
export const pillarIdsV1 = [
  'risk_assessment',
  'contingency',
  'stay_informed',
  'authorities',
  'cybersecurity',
] as const;
export type PillarIdV1 = (typeof pillarIdsV1)[number];

type Level = 1 | 2 | 3 | 4 | 5;

function setsLevel(scenario: ScenarioIdV1, factor: RiskFactor, level: Level): Effect {
  return { scenario, sets: factor, level };
}

function reducesBy(scenario: ScenarioIdV1, factor: RiskFactor, by: 1 | 2): Effect {
  return { scenario, reduces: factor, by };
}

/** An exposure: this answer makes the scenario this likely (1 rare .. 5 almost certain). */
export const likelihoodAt = (scenario: ScenarioIdV1, level: Level): Effect =>
  setsLevel(scenario, 'likelihood', level);

/** A dependency: this answer makes the scenario this harmful (1 negligible .. 5 severe). */
export const impactAt = (scenario: ScenarioIdV1, level: Level): Effect => setsLevel(scenario, 'impact', level);

/** A control in place that makes the scenario less likely. */
export const lowersLikelihood = (scenario: ScenarioIdV1, by: 1 | 2): Effect =>
  reducesBy(scenario, 'likelihood', by);

/** A control in place that limits the harm the scenario would do. */
export const lowersImpact = (scenario: ScenarioIdV1, by: 1 | 2): Effect => reducesBy(scenario, 'impact', by);

export {
  checkboxes,
  exclusiveOption,
  freeText,
  longTextMaxLength,
  option,
  radio,
  shortTextMaxLength,
} from '../questionBuilders.js';
