import { messageKeys } from '../../questionnaire/messageKeys.js';
import { messagesThatApply, stepsThatApply, type OnePagePlan, type PlanRole } from '../../questionnaire/plans.js';
import type { ReportBlock, ReportSection, ReportSubsection, TableCell } from '../reportModelTypes.js';
import { bandLabel, heading, joinList, levelLabel, paragraph, rating, refOf, scenarioTitle, textOf, typed, type Context } from './context.js';
import { emergencyNumbersBlock } from './emergencyNumbers.js';
import { plansByDependency, type PlannedScenario } from './planSelection.js';

/**
 * The one-page contingency plans of questionnaire 2.0, each in the same shape: why it is
 * included, what starts it, the first hour, day and week, who does what, who tells whom, the
 * recovery target from the impact analysis, and the emergency numbers.
 */

/** A role's name and phone (people) or details (organisations) as the business gave them. */
function contactOf(c: Context, role: PlanRole): string | undefined {
  const source = c.questionnaire.roles[role];
  if (typeof source === 'string') {
    const detail = textOf(c.answers, source);
    return detail ? typed(detail) : undefined;
  }
  const name = textOf(c.answers, source.name);
  const phone = textOf(c.answers, source.phone);
  if (name && phone) return c.t('report.value.nameAndPhone', { name: typed(name), phone: typed(phone) });
  if (name) return c.t('report.value.phoneNotGiven', { name: typed(name) });
  return phone ? typed(phone) : undefined;
}

function duration(c: Context, value: string): string {
  const activity = c.questionnaire.impactAnalysis?.activities[0];
  return activity ? c.t(messageKeys.optionLabel(c.v, activity.tolerableOutage, value)) : value;
}

function includedBecause(c: Context, planned: PlannedScenario): string {
  const reasons: string[] = [];
  const s = planned.score;
  if (planned.ratedSerious) reasons.push(c.t('report.plan2.because.rated', { band: bandLabel(c, s.residualBand) }));
  for (const activity of s.stoppedActivities) {
    reasons.push(
      c.t('report.plan2.because.stops', {
        activity: typed(activity.name),
        outage: duration(c, activity.outage),
        tolerable: duration(c, activity.tolerableOutage),
      }),
    );
  }
  return c.t('report.plan2.because', { reasons: joinList(c.t, reasons) });
}

function recoveryTarget(c: Context, planned: PlannedScenario): string {
  const targets = planned.score.stoppedActivities
    .filter((a) => a.recoveryTarget !== undefined)
    .map((a) => c.t('report.plan2.target.activity', { activity: typed(a.name), target: duration(c, a.recoveryTarget ?? '') }));
  return targets.length > 0 ? joinList(c.t, targets) : c.t('report.plan2.target.none');
}

function planPage(c: Context, planned: PlannedScenario, plan: OnePagePlan): ReportSubsection {
  const { t, answers } = c;
  const s = planned.score;
  const steps = (keys: readonly string[]): ReportBlock => ({ type: 'steps', items: keys.map((key) => t(key)) });
  const roleRows: TableCell[][] = plan.roles.map((role) => [
    { text: t(`report.role.${role}`), strong: true },
    { text: contactOf(c, role) ?? t('report.value.notGiven') },
    { text: t(`${c.v}.plan.duty.${role}`) },
  ]);
  const tellRows: TableCell[][] = messagesThatApply(plan.tells, answers).map((message) => [
    { text: t(`report.role.${message.who}`), strong: true },
    { text: t(message.whomKey) },
  ]);
  const blocks: ReportBlock[] = [
    {
      type: 'rating',
      label: t('report.plans.ratingLabel'),
      value: rating(c, s.residualBand, s.residualScore),
      band: s.residualBand,
      compact: true,
      text: t('report.plans.rating', {
        likelihood: levelLabel(c, 'likelihood', s.residualLikelihood),
        impact: levelLabel(c, 'impact', s.residualImpact),
      }),
    },
    paragraph(includedBecause(c, planned), 'muted'),
    { type: 'callout', text: t(plan.trigger), tone: 'info' },
    heading(t('report.plans.firstHour')),
    steps(stepsThatApply(plan.firstHour, answers)),
    heading(t('report.plans.firstDay')),
    steps(stepsThatApply(plan.firstDay, answers)),
    heading(t('report.plans.firstWeek')),
    steps(stepsThatApply(plan.firstWeek, answers)),
    heading(t('report.plan2.whoDoesWhat')),
    {
      type: 'table',
      columns: [
        { header: t('report.plans.contacts.col.role'), width: 0.2 },
        { header: t('report.plans.contacts.col.contact'), width: 0.34 },
        { header: t('report.plans.contacts.col.duty'), width: 0.46 },
      ],
      rows: roleRows,
    },
    heading(t('report.plan2.whoTellsWhom')),
    {
      type: 'table',
      columns: [
        { header: t('report.plans.communications.col.who'), width: 0.2 },
        { header: t('report.plans.communications.col.whom'), width: 0.8 },
      ],
      rows: tellRows,
    },
    paragraph(t('report.plan2.recovery', { target: recoveryTarget(c, planned) })),
  ];
  const numbers = emergencyNumbersBlock(c);
  if (numbers) blocks.push(heading(t('report.plan2.emergency')), numbers);
  return {
    id: `plan-${s.scenarioId}`,
    title: t('report.plans.planTitle', { ref: refOf(c, s.scenarioId), scenario: scenarioTitle(c, s.scenarioId) }),
    newPage: true,
    blocks,
  };
}

export function onePagePlansSection(c: Context, plans: Readonly<Record<string, OnePagePlan>>): ReportSection {
  const { t } = c;
  const planned = plansByDependency(c.register).filter((p) => plans[p.score.scenarioId] !== undefined);
  const listed = joinList(t, planned.map((p) => `${refOf(c, p.score.scenarioId)} ${scenarioTitle(c, p.score.scenarioId)}`));
  const blocks: ReportBlock[] = [
    paragraph(planned.length > 0 ? t('report.plan2.intro', { scenarios: listed }) : t('report.plan2.intro.none')),
  ];
  if (planned.length > 0) blocks.push(paragraph(t('report.plan2.exercise'), 'muted'));
  return {
    id: 'plans',
    title: t('report.plans.title'),
    blocks,
    subsections: planned.map((p) => planPage(c, p, plans[p.score.scenarioId] as OnePagePlan)),
  };
}
