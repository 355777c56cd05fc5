import type { Translate } from '../i18n/catalogue.js';
import { messageKeys } from './messageKeys.js';
import type { Question, StoredAnswer } from './types.js';

/** An answer as the user should read it back: option labels for choices, the text as typed otherwise. */
export function displayAnswer(question: Question, answer: StoredAnswer | undefined, version: string, t: Translate): string {
  if (answer === undefined) return '';
  const values = Array.isArray(answer.value) ? answer.value : [answer.value];
  if (question.type === 'radio' || question.type === 'checkboxes') {
    return values.map((value) => t(messageKeys.optionLabel(version, question.id, value))).join('; ');
  }
  return values.join(', ');
}
