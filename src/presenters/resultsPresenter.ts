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
}

export function explainResults(questionnaire: Questionnaire, register: RiskRegister, t: Translate): ResultsExplanation {
  const v = questionnaire.version;
  return {
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
