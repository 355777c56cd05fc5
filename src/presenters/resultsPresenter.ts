import type { Translate } from '../i18n/catalogue.js';
import { messageKeys } from '../questionnaire/messageKeys.js';
import type { Questionnaire } from '../questionnaire/types.js';
import { ratingReasons } from '../report/model/whyThisRating.js';
import { actionsInPlanOrder } from '../scoring/judgement.js';
import type { RiskRegister } from '../scoring/types.js';
import { actionText } from './actionWording.js';
import { overrideLines } from './judgementPages.js';

/** What the results page says about why each scenario rates as it does, and what is not known. */
export interface ReasonGroup {
  heading: string;
  items: string[];
}

export interface ScenarioExplanation {
  scenarioId: string;
  title: string;
  groups: ReasonGroup[];
}

/** One of the first actions, worded: a recommended action (in the assessor's words where they gave some) or one of the firm's own. */
export interface TopActionView {
  text: string;
  band: string;
  priorityLabel: string;
  timeframe: string;
  treats: string;
  /** "Your own action" for the firm's own. */
  tag?: string;
  /** An assessor's rating set its priority: the calculated one. */
  priorityMoved?: string;
}

export interface ResultsExplanation {
  scenarios: ScenarioExplanation[];
  /** The questions answered "don't know", worded as things to find out. */
  findOut: string[];
  /** "1 more action is …" / "N more actions are …" beyond the ones shown; undefined when none. */
  moreActions?: string;
  /** "Rated High because of the assessor's ratings; calculated Medium.", when their ratings moved the overall rating. */
  overall?: string;
  /** The assessor's rating and reason, by scenario id, for each scenario they rated. */
  judged: Readonly<Record<string, { rating: string; reason: string }>>;
}

const plural = new Intl.PluralRules('en');

/** The first `count` actions of the plan (the firm's own among them), most urgent first. */
export function topActionsOf(register: RiskRegister, version: string, t: Translate, count: number): TopActionView[] {
  return actionsInPlanOrder(register)
    .slice(0, count)
    .map((item) => {
      const calculated = item.kind === 'recommended' ? item.action.calculated : undefined;
      return {
        text: actionText(t, version, item),
        band: item.band,
        priorityLabel: t('ui.results.priority', { priority: t(`priority.${item.priority}`) }),
        timeframe: t(`timeframe.${item.action.timeframe}`),
        treats: item.treats.map((id) => t(messageKeys.scenarioTitle(version, id))).join(', '),
        ...(item.kind === 'firm' ? { tag: t('ui.judgement.firm.tag') } : {}),
        ...(calculated ? { priorityMoved: t('ui.judgement.priorityMoved', { priority: t(`priority.${calculated.priority}`) }) } : {}),
      };
    });
}

export function explainResults(questionnaire: Questionnaire, register: RiskRegister, t: Translate, shownActions: number): ResultsExplanation {
  const v = questionnaire.version;
  const more = actionsInPlanOrder(register).length - shownActions;
  const judged: Record<string, { rating: string; reason: string }> = {};
  for (const score of register.scenarios) {
    const lines = overrideLines(t, score);
    if (lines) judged[score.scenarioId] = lines;
  }
  const calculatedOverall = register.calculatedOverallBand;
  return {
    ...(more > 0 ? { moreActions: t(`ui.results.moreActions.${plural.select(more) === 'one' ? 'one' : 'other'}`, { count: more }) } : {}),
    ...(calculatedOverall
      ? { overall: t('ui.judgement.overall', { band: t(`band.${register.overallBand}`), calculated: t(`band.${calculatedOverall}`) }) }
      : {}),
    judged,
    scenarios: register.scenarios.map((score) => {
      const reasons = ratingReasons(t, questionnaire, score);
      const judgement = judged[score.scenarioId];
      const groups: ReasonGroup[] = [
        { heading: t('ui.judgement.whyHeading'), items: judgement ? [judgement.rating, judgement.reason] : [] },
        { heading: t('why.heading.raisedBy'), items: reasons.raisedBy },
        { heading: t('why.heading.stops'), items: reasons.stops },
        { heading: t('why.heading.loweredBy'), items: reasons.loweredBy },
        { heading: t('why.heading.missing'), items: reasons.missing },
        { heading: t('why.heading.unknown'), items: reasons.unknown },
      ].filter((group) => group.items.length > 0);
      return { scenarioId: score.scenarioId, title: t(messageKeys.scenarioTitle(v, score.scenarioId)), groups };
    }),
    findOut: register.findOut.map((item) => t('report.findOut.item', { question: t(messageKeys.questionText(v, item.questionId)) })),
  };
}
