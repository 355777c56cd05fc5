export type Level = 1 | 2 | 3 | 4 | 5;
export type Band = 'low' | 'medium' | 'high' | 'critical';
export type Priority = 1 | 2 | 3 | 4;
export type Timeframe = 'within_7_days' | 'within_30_days' | 'within_90_days' | 'within_12_months';

/** Why a scenario scored as it did: the answer and the effect it had. */
export interface ScoreDriver {
  questionId: string;
  optionValue: string;
  factor: 'likelihood' | 'impact';
  /** For exposure/dependency: the level set. For controls: the steps removed. */
  kind: 'sets' | 'reduces';
  amount: number;
}

export interface ScenarioScore {
  scenarioId: string;
  likelihood: Level;
  impact: Level;
  inherentScore: number;
  inherentBand: Band;
  residualLikelihood: Level;
  residualImpact: Level;
  residualScore: number;
  residualBand: Band;
  drivers: ScoreDriver[];
}

export interface RecommendedAction {
  recommendationId: string;
  pillar: string;
  /** Only the treated scenarios that apply to this business. */
  treats: string[];
  /** Worst residual band among the treated scenarios. */
  band: Band;
  priority: Priority;
  timeframe: Timeframe;
}

export interface RiskRegister {
  questionnaireVersion: string;
  /** Applicable scenarios, worst residual score first. */
  scenarios: ScenarioScore[];
  /** Scenarios that do not apply to this business (their `appliesIf` does not hold). */
  notApplicable: string[];
  /** Recommended actions, most urgent first. */
  actions: RecommendedAction[];
  /** The worst residual band of any scenario (low when none apply). */
  overallBand: Band;
}
