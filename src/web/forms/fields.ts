import type { Question } from '../../questionnaire/types.js';

/**
 * The names, ids and shapes that a form's fields share between validation (sectionForm.ts) and
 * the presenters that print the form again. No express here: presenters stay free of the web layer.
 */

export interface FieldError {
  /** The form field (question id, or `<id>__note`). */
  field: string;
  /** The id of the element the error summary links to (the first input of the field). */
  href: string;
  message: string;
}

/** What the user typed, as typed, to put back into the form when it is shown again. */
export type FormValues = Readonly<Record<string, string | readonly string[]>>;

export const noteField = (questionId: string) => `${questionId}__note`;

/** Counts characters as the databases do (code points), not UTF-16 units. */
export const characterCount = (text: string): number => Array.from(text).length;

/** Radios and checkboxes of a form's own (not a question's): the first option's input has the field's name as its id, the others `<name>-<value>`. */
export function choiceInputId(field: string, options: readonly string[], value: string): string {
  return options[0] === value ? field : `${field}-${value}`;
}

/** Checkbox and radio inputs get ids `<question>` for the first option and `<question>-<value>` after. */
export function optionInputId(question: Question, value: string): string {
  return question.options?.[0]?.value === value ? question.id : `${question.id}-${value}`;
}
