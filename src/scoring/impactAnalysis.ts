import type { Answers, AnswerValue, ImpactAnalysis, Scenario } from '../questionnaire/types.js';
import type { StoppedActivity } from './types.js';

function textOf(value: AnswerValue | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

function listOf(value: AnswerValue | undefined): readonly string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The critical activities that a scenario would stop for longer than they can stop: an activity
 * needs something the scenario takes away, the scenario is assumed to last longer than the
 * activity's tolerable outage, and no working workaround keeps it going. An activity without a
 * name, or without a tolerable outage, is not judged.
 */
export function activitiesStoppedBy(
  scenario: Scenario,
  analysis: ImpactAnalysis | undefined,
  answers: Answers,
): StoppedActivity[] {
  if (analysis === undefined || scenario.disrupts === undefined) return [];
  const rank = (duration: string) => analysis.durations.indexOf(duration);
  const stopped: StoppedActivity[] = [];
  analysis.activities.forEach((activity, index) => {
    const name = textOf(answers[activity.name]?.value);
    const tolerableOutage = textOf(answers[activity.tolerableOutage]?.value);
    if (name === '' || rank(tolerableOutage) < 0) return;
    if (analysis.workaroundsThatWork.includes(textOf(answers[activity.workaround]?.value))) return;
    const needs = listOf(answers[activity.needs]?.value);
    const longest = scenario.disrupts
      ?.filter((d) => needs.includes(d.resource) && rank(d.outage) > rank(tolerableOutage))
      .sort((a, b) => rank(b.outage) - rank(a.outage))[0];
    if (longest === undefined) return;
    const recoveryTarget = textOf(answers[activity.recoveryTarget]?.value);
    stopped.push({
      index,
      name,
      tolerableOutage,
      outage: longest.outage,
      ...(recoveryTarget ? { recoveryTarget } : {}),
    });
  });
  return stopped;
}
