import { ratedBandOf } from '../../scoring/judgement.js';
import type { RiskRegister, ScenarioScore } from '../../scoring/types.js';

/**
 * Which scenarios get a one-page plan (questionnaire 2.0 on): every scenario rated High or
 * Critical, and every scenario that would stop a critical activity for longer than it can stop,
 * whatever its rating: a business plans for what it depends on, not only for what scores high.
 * The rating is the one that counts: the assessor's where they rated the scenario differently.
 */
export interface PlannedScenario {
  score: ScenarioScore;
  ratedSerious: boolean;
  stopsActivities: boolean;
}

export function plansByDependency(register: RiskRegister): PlannedScenario[] {
  return register.scenarios
    .map((score) => ({
      score,
      ratedSerious: ratedBandOf(score) === 'high' || ratedBandOf(score) === 'critical',
      stopsActivities: score.stoppedActivities.length > 0,
    }))
    .filter((planned) => planned.ratedSerious || planned.stopsActivities);
}
