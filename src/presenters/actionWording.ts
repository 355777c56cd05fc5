import type { Translate } from '../i18n/catalogue.js';
import { messageKeys } from '../questionnaire/messageKeys.js';
import type { PlanItem } from '../scoring/judgement.js';

/**
 * The words of an action wherever it is shown (results page, action plan, report, exports): the
 * assessor's wording of a recommended action where they gave one, else its standard text; the
 * firm's own action as they wrote it.
 */
export function standardActionText(t: Translate, version: string, recommendationId: string): string {
  return t(messageKeys.recommendationText(version, recommendationId));
}

export function actionText(t: Translate, version: string, item: PlanItem): string {
  if (item.kind === 'firm') return item.action.text;
  return item.action.rewording?.text ?? standardActionText(t, version, item.id);
}
