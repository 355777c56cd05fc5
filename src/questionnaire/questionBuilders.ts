import type { AnswerOption, Condition, Effect, Question } from './types.js';

/** Builders shared by every questionnaire version: they only shape data and carry no meaning. */

export function option(value: string, ...effects: Effect[]): AnswerOption {
  return effects.length === 0 ? { value } : { value, effects };
}

/** A "none of these" or "don't know" checkbox that cannot be combined with the others. */
export function exclusiveOption(value: string, ...effects: Effect[]): AnswerOption {
  return { ...option(value, ...effects), exclusive: true };
}

interface ChoiceSettings {
  required?: boolean;
  allowNote?: boolean;
  hasHint?: boolean;
  showIf?: Condition;
  shorterThan?: string;
}

/**
 * Choice questions are required by default: every one offers an honest way out ("don't know",
 * "not applicable" or "none"), so a complete section says something about each topic.
 */
function choice(
  id: string,
  type: 'radio' | 'checkboxes',
  options: readonly AnswerOption[],
  settings: ChoiceSettings,
): Question {
  const { required = true, allowNote = true, hasHint = true, showIf, shorterThan } = settings;
  return {
    id,
    type,
    required,
    options,
    allowNote,
    hasHint,
    ...(showIf ? { showIf } : {}),
    ...(shorterThan ? { shorterThan } : {}),
  };
}

export function radio(id: string, options: readonly AnswerOption[], settings: ChoiceSettings = {}): Question {
  return choice(id, 'radio', options, settings);
}

export function checkboxes(id: string, options: readonly AnswerOption[], settings: ChoiceSettings = {}): Question {
  return choice(id, 'checkboxes', options, settings);
}

interface FreeTextSettings {
  required?: boolean;
  allowNote?: boolean;
  hasHint?: boolean;
  showIf?: Condition;
}

/** Free-text limits: one line for names, numbers and addresses; a paragraph for lists. */
export const shortTextMaxLength = 200;
export const longTextMaxLength = 2000;

export function freeText(
  id: string,
  type: 'text' | 'tel' | 'email' | 'textarea',
  settings: FreeTextSettings = {},
): Question {
  const { required = false, allowNote = false, hasHint = false, showIf } = settings;
  const maxLength = type === 'textarea' ? longTextMaxLength : shortTextMaxLength;
  return { id, type, required, maxLength, allowNote, hasHint, ...(showIf ? { showIf } : {}) };
}
