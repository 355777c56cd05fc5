import type { Answers, MeasureCredit, Question, RiskFactor, Scenario } from '../questionnaire/types.js';
import type { ScoreDriver } from './types.js';

/**
 * Graded measures (questionnaire 2.0 on). Each measure question treats one or more scenario
 * factors with a weight; its answer gives a share of that weight. A factor falls in proportion
 * to the share of its applicable measures that are in place, up to the scenario's maximum
 * reduction. docs/SCORING.md gives the reasons for the credits and the maxima.
 */

/** The share of a measure's weight that each answer earns. "Don't know" earns what "no" earns. */
export const creditShare: Readonly<Record<Exclude<MeasureCredit, 'not_applicable'>, number>> = {
  full: 1,
  partial: 0.5,
  none: 0,
  unknown: 0,
};

/** The credit of the answer given to a measure question; an unanswered one earns nothing. */
export function creditOf(question: Question, answers: Answers): { credit: MeasureCredit; optionValue: string } {
  const value = answers[question.id]?.value;
  const chosen = typeof value === 'string' ? question.options?.find((o) => o.value === value) : undefined;
  if (!chosen) return { credit: 'none', optionValue: '' };
  return { credit: chosen.credit ?? 'none', optionValue: chosen.value };
}

export interface MeasureReduction {
  /** Levels removed, before rounding: maximum reduction x share in place. */
  levels: number;
  drivers: ScoreDriver[];
}

/**
 * How far the measures in place lower one factor of one scenario. `shown` holds the measure
 * questions the business was asked: a hidden question is not applicable to it.
 */
export function measureReduction(
  scenario: Scenario,
  factor: RiskFactor,
  shown: readonly Question[],
  answers: Answers,
): MeasureReduction {
  const maximum = scenario.maxReduction?.[factor] ?? 0;
  let applicableWeight = 0;
  let creditedWeight = 0;
  const credited: { driver: ScoreDriver; weight: number }[] = [];
  for (const question of shown) {
    for (const target of question.measure ?? []) {
      if (target.scenario !== scenario.id || target.factor !== factor) continue;
      const { credit, optionValue } = creditOf(question, answers);
      if (credit === 'not_applicable') continue;
      const earned = target.weight * creditShare[credit];
      applicableWeight += target.weight;
      creditedWeight += earned;
      credited.push({
        driver: { questionId: question.id, optionValue, factor, kind: 'measure', amount: earned, credit },
        weight: target.weight,
      });
    }
  }
  if (applicableWeight === 0) return { levels: 0, drivers: [] };
  // A driver's amount becomes its share of the factor's applicable weight, so the report can
  // say how much each answer counted.
  const drivers = credited.map(({ driver }) => ({ ...driver, amount: driver.amount / applicableWeight }));
  return { levels: (maximum * creditedWeight) / applicableWeight, drivers };
}
