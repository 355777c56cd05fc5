import type { MeasureCredit, RiskFactor } from '../questionnaire/types.js';
import type { ActionRewording, FirmAction, RatingOverride } from './judgement.js';

export type Level = 1 | 2 | 3 | 4 | 5;
export type Band = 'low' | 'medium' | 'high' | 'critical';
export type Priority = 1 | 2 | 3 | 4;
export type Timeframe = 'within_7_days' | 'within_30_days' | 'within_90_days' | 'within_12_months';

/**
 * Why a scenario scored as it did: one answer and the effect it had.
 * - `sets`: an exposure or dependency answer set the factor's level (`amount`);
 * - `reduces`: a questionnaire 1.0 control removed `amount` steps (capped in total);
 * - `measure`: a questionnaire 2.0 measure question; `credit` says how far it is in place and
 *   `amount` is the share of the scenario factor's measure weight it holds (0 to 1);
 * - `stops_activity`: the scenario would stop a critical activity for longer than it can stop,
 *   which sets the impact to `amount`.
 */
export interface ScoreDriver {
  questionId: string;
  optionValue: string;
  factor: RiskFactor;
  kind: 'sets' | 'reduces' | 'measure' | 'stops_activity';
  amount: number;
  credit?: MeasureCredit;
  /** The answer was "don't know", and the level set is the worst the question allows. */
  assumedWorst?: boolean;
}

/** A critical activity that a scenario would stop for longer than its tolerable outage. */
export interface StoppedActivity {
  /** Position in the impact analysis, from 0. */
  index: number;
  /** The activity's name as the business wrote it. */
  name: string;
  /** Duration value (on the impact analysis scale) the activity can stop for. */
  tolerableOutage: string;
  /** Duration value the scenario is assumed to last. */
  outage: string;
  /** Duration value of the recovery time target, when given. */
  recoveryTarget?: string;
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
  /** Critical activities this scenario would stop for longer than they can stop. */
  stoppedActivities: StoppedActivity[];
  /**
   * The assessor's own rating, when they overrode the calculation. The calculated values above
   * stay as they are: wherever the override is shown, the calculated band is shown beside it.
   * The band that counts is `ratedBandOf(score)` (src/scoring/judgement.ts).
   */
  override?: RatingOverride;
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
  /** The assessor's wording of this action for this assessment; the standard text stays in the catalogue. */
  rewording?: ActionRewording;
  /**
   * What the calculation alone gives, present only when an assessor's rating of a treated
   * scenario moved the band (and so the priority and timeframe) above.
   */
  calculated?: { band: Band; priority: Priority; timeframe: Timeframe };
}

/** A "don't know" answer: the business should find out and answer it, and its rating assumes the worst. */
export interface FindOutAction {
  questionId: string;
  /** Scenarios whose rating assumed the worst because of this answer. */
  affects: string[];
}

export interface RiskRegister {
  questionnaireVersion: string;
  /** Applicable scenarios, worst residual score first. */
  scenarios: ScenarioScore[];
  /** Scenarios that do not apply to this business (their `appliesIf` does not hold). */
  notApplicable: string[];
  /** Recommended actions, most urgent first. */
  actions: RecommendedAction[];
  /** One per "don't know" answer that the scoring counted, in questionnaire order. */
  findOut: FindOutAction[];
  /**
   * The worst band of any scenario (low when none apply): the assessor's rating where they
   * overrode the calculation, the calculated residual band elsewhere.
   */
  overallBand: Band;
  /** The worst calculated residual band, present only when the assessor's ratings make `overallBand` differ from it. */
  calculatedOverallBand?: Band;
  /** The firm's own actions, most urgent first (absent when the register was scored without a judgement). */
  firmActions?: FirmAction[];
}
