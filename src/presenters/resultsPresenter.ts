import type { Translate } from '../i18n/catalogue.js';
import { messageKeys } from '../questionnaire/messageKeys.js';
import type { Questionnaire } from '../questionnaire/types.js';
import { ratingReasons } from '../report/model/whyThisRating.js';
import type { RiskRegister } from '../scoring/types.js';

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

export interface ResultsExplanation {
  scenarios: ScenarioExplanation[];
  /** The questions answered "don't know", worded as things to find out. */
  findOut: string[];
  /** "1 more action is …" / "N more actions are …" beyond the ones shown; undefined when none. */
  moreActions?: string;
}

const plural = new Intl.PluralRules('en');

export function explainResults(questionnaire: Questionnaire, register: RiskRegister, t: Translate, shownActions: number): ResultsExplanation {
  const v = questionnaire.version;
  const more = register.actions.length - shownActions;
  return {
    ...(more > 0 ? { moreActions: t(`ui.results.moreActions.${plural.select(more) === 'one' ? 'one' : 'other'}`, { count: more }) } : {}),
    scenarios: register.scenarios.map((score) => {
      const reasons = ratingReasons(t, questionnaire, score);
      const groups: ReasonGroup[] = [
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
