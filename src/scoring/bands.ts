import type { Band, Level, Priority, RiskRegister, Timeframe } from './types.js';

/**
 * The 5x5 matrix: score = likelihood x impact, from 1 to 25. The products that can occur are
 * 1-6, 8-10, 12, 15, 16, 20 and 25, so the bands Low 1-4, Medium 5-9, High 10-16 and
 * Critical 20-25 cover every reachable score.
 */

/** Bands from least to most serious; a band's index is its rank. */
export const bandOrder: readonly Band[] = ['low', 'medium', 'high', 'critical'];

/** Priorities, most urgent first: the scale of recommended actions and of the firm's own. */
export const priorities: readonly Priority[] = [1, 2, 3, 4];

/** The levels of either axis, lowest first. */
export const levels: readonly Level[] = [1, 2, 3, 4, 5];

const lowestScoreOf: Readonly<Record<Band, number>> = { low: 1, medium: 5, high: 10, critical: 20 };

const priorityOf: Readonly<Record<Band, Priority>> = { critical: 1, high: 2, medium: 3, low: 4 };

const timeframeOf: Readonly<Record<Band, Timeframe>> = {
  critical: 'within_7_days',
  high: 'within_30_days',
  medium: 'within_90_days',
  low: 'within_12_months',
};

export function bandFor(score: number): Band {
  if (!Number.isInteger(score) || score < 1 || score > 25) {
    throw new RangeError(`A risk score is a whole number from 1 to 25, not ${score}`);
  }
  if (score >= lowestScoreOf.critical) return 'critical';
  if (score >= lowestScoreOf.high) return 'high';
  if (score >= lowestScoreOf.medium) return 'medium';
  return 'low';
}

export function bandRank(band: Band): number {
  return bandOrder.indexOf(band);
}

/** The most serious of the bands given; low when there are none. */
export function worstBand(bands: Iterable<Band>): Band {
  let worst: Band = 'low';
  for (const band of bands) {
    if (bandRank(band) > bandRank(worst)) worst = band;
  }
  return worst;
}

export function priorityFor(band: Band): Priority {
  return priorityOf[band];
}

/** The band whose priority this is: what a firm's own action of that priority is coloured as. */
export function bandForPriority(priority: Priority): Band {
  return bandOrder.find((band) => priorityOf[band] === priority) ?? 'low';
}

export function timeframeFor(band: Band): Timeframe {
  return timeframeOf[band];
}

export interface HeatMapCell {
  likelihood: Level;
  impact: Level;
  score: number;
  band: Band;
  /** Scenarios whose residual likelihood and impact fall in this cell, in register order. */
  scenarioIds: string[];
}

/**
 * The heat map as rows of cells: likelihood 5 (top row) down to 1, impact 1 (left) to 5, as the
 * matrix is usually drawn. Scenarios are placed by their residual score.
 */
export function heatMapCells(register: RiskRegister): HeatMapCell[][] {
  const rowsTopDown = [...levels].reverse();
  return rowsTopDown.map((likelihood) =>
    levels.map((impact) => ({
      likelihood,
      impact,
      score: likelihood * impact,
      band: bandFor(likelihood * impact),
      scenarioIds: register.scenarios
        .filter((s) => s.residualLikelihood === likelihood && s.residualImpact === impact)
        .map((s) => s.scenarioId),
    })),
  );
}
