import { checkboxes, freeText, option, radio } from '../questionBuilders.js';
import type { CriticalActivityQuestions, ImpactAnalysis, Section } from '../types.js';
import { hasAtLeastActivities } from './profileConditions.js';

/**
 * The business impact analysis (ISO 22301's vocabulary): one short section per critical
 * activity, as many as the profile says there are (at most five). For each: how long it can
 * stop before the harm is serious (maximum tolerable outage), how soon it must be running again
 * (recovery time target, shorter than the outage), what it needs, and its workaround.
 */

/** The duration scale, shortest first. */
export const durationsV2 = ['hour_1', 'hours_4', 'day_1', 'days_3', 'week_1', 'weeks_2', 'month_1'] as const;

/** What an activity can need; each scenario says which of these it takes away (see scenarios.ts). */
export const resourcesV2 = ['staff_on_site', 'it_systems', 'suppliers', 'premises', 'power', 'transport'] as const;

export const maxCriticalActivities = 5;

export function activityQuestionIds(n: number): CriticalActivityQuestions {
  return {
    name: `activity_${n}_name`,
    tolerableOutage: `activity_${n}_outage`,
    recoveryTarget: `activity_${n}_recovery`,
    needs: `activity_${n}_needs`,
    workaround: `activity_${n}_workaround`,
  };
}

function activitySection(n: number): Section {
  const ids = activityQuestionIds(n);
  // An outage of one hour leaves no shorter target, and a target of a month no longer outage.
  const outageChoices = durationsV2.slice(1).map((d) => option(d));
  const targetChoices = durationsV2.slice(0, -1).map((d) => option(d));
  return {
    id: `activity_${n}`,
    kind: 'impact',
    ...(n > 1 ? { showIf: hasAtLeastActivities(n) } : {}),
    questions: [
      freeText(ids.name, 'text', { required: true, hasHint: true }),
      radio(ids.tolerableOutage, outageChoices),
      radio(ids.recoveryTarget, targetChoices, { shorterThan: ids.tolerableOutage }),
      checkboxes(ids.needs, resourcesV2.map((r) => option(r))),
      radio(ids.workaround, [option('tested'), option('untested'), option('none')]),
    ],
  };
}

export const impactAnalysisSections: readonly Section[] = Array.from({ length: maxCriticalActivities }, (_, i) =>
  activitySection(i + 1),
);

export const impactAnalysisV2: ImpactAnalysis = {
  durations: durationsV2,
  activities: Array.from({ length: maxCriticalActivities }, (_, i) => activityQuestionIds(i + 1)),
  // Only a workaround that has been tried keeps the activity going: an untested one is hope.
  workaroundsThatWork: ['tested'],
  // "Major" on the impact scale.
  stopImpact: 4,
};
