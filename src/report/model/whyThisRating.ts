import type { Translate } from '../../i18n/catalogue.js';
import { messageKeys } from '../../questionnaire/messageKeys.js';
import type { Questionnaire } from '../../questionnaire/types.js';
import type { ScenarioScore, ScoreDriver } from '../../scoring/types.js';

/**
 * Why a scenario rates as it does, in words: the answers that raised it, the measures that
 * lowered it, the measures that are missing or unknown, and the critical activities it would
 * stop. Shared by the results page and the report so that both give the same reasons.
 */
export interface RatingReasons {
  raisedBy: string[];
  loweredBy: string[];
  missing: string[];
  unknown: string[];
  stops: string[];
}

function answerLabel(t: Translate, questionnaire: Questionnaire, driver: ScoreDriver): string {
  const v = questionnaire.version;
  const question = questionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === driver.questionId);
  const answer = question?.options ? t(messageKeys.optionLabel(v, driver.questionId, driver.optionValue)) : driver.optionValue;
  return t('why.answer', { question: t(messageKeys.questionText(v, driver.questionId)), answer });
}

/** Every measure treats a scenario through one or two factors: name each measure once. */
function uniqueByQuestion(drivers: readonly ScoreDriver[]): ScoreDriver[] {
  const seen = new Set<string>();
  return drivers.filter((d) => (seen.has(d.questionId) ? false : (seen.add(d.questionId), true)));
}

export function ratingReasons(t: Translate, questionnaire: Questionnaire, score: ScenarioScore): RatingReasons {
  const durations = (value: string) => t(messageKeys.optionLabel(questionnaire.version, 'activity_1_outage', value));
  const measures = uniqueByQuestion(score.drivers.filter((d) => d.kind === 'measure' || d.kind === 'reduces'));
  const label = (d: ScoreDriver) => answerLabel(t, questionnaire, d);
  return {
    raisedBy: score.drivers
      .filter((d) => d.kind === 'sets')
      .map((d) =>
        t(d.assumedWorst ? 'why.raisedAssumed' : 'why.raised', {
          factor: t(`why.factor.${d.factor}`),
          level: t(`${d.factor}.${d.amount}`),
          answer: label(d),
        }),
      ),
    loweredBy: measures.filter((d) => d.kind === 'reduces' || d.credit === 'full' || d.credit === 'partial').map(label),
    missing: measures.filter((d) => d.credit === 'none').map(label),
    unknown: measures.filter((d) => d.credit === 'unknown').map(label),
    stops: score.stoppedActivities.map((a) =>
      t('why.stops', { activity: a.name, outage: durations(a.outage), tolerable: durations(a.tolerableOutage) }),
    ),
  };
}
