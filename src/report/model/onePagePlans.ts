import { messagesThatApply, stepsThatApply, type OnePagePlan, type PlanRole } from '../../questionnaire/plans.js';
import type { ReportBlock, ReportSection, ReportSubsection, TableCell } from '../reportModelTypes.js';
import { heading, joinList, levelLabel, paragraph, refOf, scenarioTitle, textOf, type Context } from './context.js';
import { emergencyNumbersLine } from './emergencyNumbers.js';
import { durationLabel } from './whyThisRating.js';
import { plansByDependency, type PlannedScenario } from './planSelection.js';
import { ratedSeriousReason, ratingAfterText } from './judgement.js';
import { ratedBandOf } from '../../scoring/judgement.js';

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
    return detail ? detail : undefined;
  }
  const name = textOf(c.answers, source.name);
  const phone = textOf(c.answers, source.phone);
  if (name && phone) return c.t('report.value.nameAndPhone', { name: name, phone: phone });
  if (name) return c.t('report.value.phoneNotGiven', { name: name });
  return phone ? phone : undefined;
}

function duration(c: Context, value: string): string {
  return durationLabel(c.t, c.questionnaire, value);
}

function includedBecause(c: Context, planned: PlannedScenario): string {
  const reasons: string[] = [];
  const s = planned.score;
  if (planned.ratedSerious) reasons.push(ratedSeriousReason(c, s));
  for (const activity of s.stoppedActivities) {
    reasons.push(
      c.t('report.plan2.because.stops', {
        activity: activity.name,
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
    .map((a) => c.t('report.plan2.target.activity', { activity: a.name, target: duration(c, a.recoveryTarget ?? '') }));
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
  const tells = messagesThatApply(plan.tells, answers).map((message) =>
    t('report.plan2.tells', { who: t(`report.role.${message.who}`), whom: t(message.whomKey) }),
  );
  const blocks: ReportBlock[] = [
    paragraph(
      `${t('report.plan2.rating', {
        rating: ratingAfterText(c, s),
        likelihood: levelLabel(c, 'likelihood', s.residualLikelihood),
        impact: levelLabel(c, 'impact', s.residualImpact),
      })} ${includedBecause(c, planned)}`,
      'muted',
    ),
    { type: 'callout', text: t(plan.trigger), tone: ratedBandOf(s) === 'critical' || ratedBandOf(s) === 'high' ? 'warning' : 'info' },
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
    { type: 'list', ordered: false, items: tells },
    paragraph(`${t('report.plan2.recovery', { target: recoveryTarget(c, planned) })} ${t('report.plan2.exercise')}`),
  ];
  const numbers = emergencyNumbersLine(c);
  if (numbers) blocks.splice(2, 0, { type: 'callout', text: numbers, tone: 'info' });
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
  // Each plan says why it is included and when to exercise it, so the section needs no
  // introduction of its own and the first plan fits on the section's first page.
  const blocks: ReportBlock[] = planned.length > 0 ? [] : [paragraph(t('report.plan2.intro.none'))];
  return {
    id: 'plans',
    title: t('report.plans.title'),
    blocks,
    subsections: planned.map((p) => planPage(c, p, plans[p.score.scenarioId] as OnePagePlan)),
  };
}
