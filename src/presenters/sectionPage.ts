import type { Translate } from '../i18n/catalogue.js';
import { messageKeys } from '../questionnaire/messageKeys.js';
import type { SectionTask } from '../questionnaire/progress.js';
import type { Question, Section } from '../questionnaire/types.js';
import { noteField, optionInputId, type FieldError, type FormValues } from '../web/forms/fields.js';

/** Why the page came back with what the user typed: a stale token, a newer save, or storage that failed. */
export type SectionNotice = 'conflict' | 'expired' | 'not_saved';

export interface SectionPageInput {
  version: string;
  /** The task list, to say where this section stands among the sections the business needs. */
  tasks: readonly SectionTask[];
  section: Section;
  /** The questions the section shows for the answers so far. */
  questions: readonly Question[];
  /** What the form shows: stored answers, or what the user typed when the page comes back. */
  values: FormValues;
  errors: readonly FieldError[];
  returnTo?: 'check';
  /** The section revision the form was rendered from. */
  revision: number;
  /** Where this assessment's pages live (`/assessment`, or a signed-in user's `/assessments/<id>`). */
  assessmentBase: string;
  notice?: SectionNotice;
}

export interface LinkView {
  href: string;
  text: string;
}

/** A hint or an error message, with the id aria-describedby points to. */
export interface DescriptionView {
  id: string;
  text: string;
}

export interface OptionView {
  inputId: string;
  value: string;
  label: string;
  checked: boolean;
  /** An "or" before a "none of these" checkbox that cannot be combined with the others. */
  dividerBefore: boolean;
}

export interface NoteView {
  /** Also the textarea's name. */
  id: string;
  labelText: string;
  /** Read after the label by screen readers, so the note field says which question it is for. */
  hiddenQuestionText: string;
  value: string;
  open: boolean;
  error?: DescriptionView;
}

export interface QuestionView {
  /** The question id: the field name, and the id of its text input or first option. */
  id: string;
  kind: 'choice' | 'text' | 'textarea';
  /** The legend of a choice, or the label of a text field. */
  text: string;
  /** "(optional)" on a question that may be left empty. */
  optionalText?: string;
  hint?: DescriptionView;
  error?: DescriptionView;
  /** The hint and error ids, space separated, when there is either. */
  describedBy?: string;
  /** For a choice: 'radio' or 'checkbox'; for a text input: text, email or tel. */
  inputType: string;
  /** The class of a choice's option group: 'radios' or 'checkboxes'. */
  optionsClass: string;
  options: OptionView[];
  autocomplete?: string;
  spellcheckOff: boolean;
  /** The text field's value, as the user typed or stored it. */
  value: string;
  /** The text input's or textarea's classes. */
  cssClasses: string;
  note?: NoteView;
}

export interface SectionPageView {
  title: string;
  backLink: LinkView;
  errorSummary: LinkView[];
  notice?: string;
  /** The notice reports a problem (nothing could be saved): shown as an error summary, and the title says "Error:". */
  noticeIsProblem?: boolean;
  position: string;
  heading: string;
  intro: string;
  formAction: string;
  revision: number;
  returnTo?: 'check';
  questions: QuestionView[];
}

function chosenValues(raw: FormValues[string] | undefined): readonly string[] {
  if (raw === undefined || raw === '') return [];
  return typeof raw === 'string' ? [raw] : raw;
}

function joinClasses(classes: readonly (string | false)[]): string {
  return classes.filter(Boolean).join(' ');
}

function describe(id: string, text: string | undefined): DescriptionView | undefined {
  return text === undefined ? undefined : { id, text };
}

function questionKind(question: Question): QuestionView['kind'] {
  if (question.type === 'radio' || question.type === 'checkboxes') return 'choice';
  return question.type === 'textarea' ? 'textarea' : 'text';
}

function textFieldClasses(question: Question, hasError: boolean): string {
  const base = question.type === 'textarea' ? ['textarea'] : ['input', question.type === 'tel' && 'input--short'];
  return joinClasses([...base, hasError && 'input--error']);
}

/**
 * What a question prints that is the same for every user: its texts, its options (each in a
 * checked and an unchecked form) and its field's attributes. Worked out once per translator,
 * questionnaire version and question, and shared by every page after: the per-request part of a
 * question view is only the answers, the errors and the note.
 */
interface StaticQuestionParts {
  kind: QuestionView['kind'];
  text: string;
  optionalText?: string;
  hint?: DescriptionView;
  inputType: string;
  optionsClass: string;
  /** Each option as shown unchecked and as shown checked: a page picks one, and allocates nothing. */
  options: readonly { value: string; unchecked: OptionView; checked: OptionView }[];
  autocomplete?: string;
  spellcheckOff: boolean;
  noteId: string;
  noteLabelText: string;
}

const staticPartsCache = new WeakMap<Translate, Map<string, StaticQuestionParts>>();

function optionParts(question: Question, version: string, t: Translate): StaticQuestionParts['options'] {
  return (question.options ?? []).map((option, index) => {
    const unchecked: OptionView = Object.freeze({
      inputId: optionInputId(question, option.value),
      value: option.value,
      label: t(messageKeys.optionLabel(version, question.id, option.value)),
      checked: false,
      dividerBefore: option.exclusive === true && question.type === 'checkboxes' && index > 0,
    });
    return { value: option.value, unchecked, checked: Object.freeze({ ...unchecked, checked: true }) };
  });
}

function buildStaticParts(question: Question, version: string, t: Translate): StaticQuestionParts {
  const { id } = question;
  const hint = question.hasHint === true ? describe(`${id}-hint`, t(messageKeys.questionHint(version, id))) : undefined;
  const autocomplete = question.type === 'tel' ? 'tel' : question.type === 'email' ? 'email' : undefined;
  return {
    kind: questionKind(question),
    text: t(messageKeys.questionText(version, id)),
    inputType: question.type === 'radio' ? 'radio' : question.type === 'checkboxes' ? 'checkbox' : question.type,
    optionsClass: question.type === 'radio' ? 'radios' : 'checkboxes',
    options: optionParts(question, version, t),
    spellcheckOff: question.type === 'email',
    noteId: noteField(id),
    noteLabelText: t('ui.note.label'),
    ...(question.required ? {} : { optionalText: t('ui.optional') }),
    ...(hint ? { hint } : {}),
    ...(autocomplete ? { autocomplete } : {}),
  };
}

/** A questionnaire version's questions never change (a change is a new version), so their parts can be kept for good. */
function staticParts(question: Question, version: string, t: Translate): StaticQuestionParts {
  let byQuestion = staticPartsCache.get(t);
  if (!byQuestion) {
    byQuestion = new Map();
    staticPartsCache.set(t, byQuestion);
  }
  const key = `${version}\0${question.id}`;
  let parts = byQuestion.get(key);
  if (!parts) {
    parts = buildStaticParts(question, version, t);
    byQuestion.set(key, parts);
  }
  return parts;
}

function noteView(parts: StaticQuestionParts, values: FormValues, errorFor: ReadonlyMap<string, string>): NoteView {
  const id = parts.noteId;
  const typed = values[id];
  const value = typeof typed === 'string' ? typed : '';
  const error = errorFor.size === 0 ? undefined : describe(`${id}-error`, errorFor.get(id));
  return {
    id,
    labelText: parts.noteLabelText,
    hiddenQuestionText: parts.text,
    value,
    open: value !== '' || error !== undefined,
    ...(error ? { error } : {}),
  };
}

function questionView(question: Question, input: SectionPageInput, errorFor: ReadonlyMap<string, string>, t: Translate): QuestionView {
  const { id } = question;
  const parts = staticParts(question, input.version, t);
  const chosen = chosenValues(input.values[id]);
  const error = errorFor.size === 0 ? undefined : describe(`${id}-error`, errorFor.get(id));
  const describedBy = error ? (parts.hint ? `${parts.hint.id} ${error.id}` : error.id) : parts.hint?.id;
  return {
    id,
    kind: parts.kind,
    text: parts.text,
    inputType: parts.inputType,
    optionsClass: parts.optionsClass,
    options: parts.options.map((option) => (chosen.includes(option.value) ? option.checked : option.unchecked)),
    spellcheckOff: parts.spellcheckOff,
    value: chosen.join(', '),
    cssClasses: textFieldClasses(question, error !== undefined),
    ...(parts.optionalText === undefined ? {} : { optionalText: parts.optionalText }),
    ...(parts.hint ? { hint: parts.hint } : {}),
    ...(error ? { error } : {}),
    ...(describedBy ? { describedBy } : {}),
    ...(parts.autocomplete ? { autocomplete: parts.autocomplete } : {}),
    ...(question.allowNote ? { note: noteView(parts, input.values, errorFor) } : {}),
  };
}

/** The error summary names the question, or "the note on" the question for a note's error. */
function errorSummaryText(error: FieldError, version: string, t: Translate): string {
  const noteSuffix = noteField('');
  const isNote = error.field.endsWith(noteSuffix);
  const questionId = isNote ? error.field.slice(0, -noteSuffix.length) : error.field;
  const questionText = t(messageKeys.questionText(version, questionId));
  return `${error.message} – ${isNote ? t('ui.note.errorLabel', { question: questionText }) : questionText}`;
}

function noticeText(notice: SectionNotice, t: Translate): string {
  switch (notice) {
    case 'conflict':
      return t('ui.section.conflict');
    case 'expired':
      return t('ui.section.expired');
    case 'not_saved':
      return t('ui.section.notSaved');
  }
}

/** "Section 3 of 9", counting only the sections the business needs. */
function positionText(tasks: readonly SectionTask[], sectionId: string, t: Translate): string {
  const needed = tasks.filter((task) => task.status !== 'not_needed');
  const position = needed.findIndex((task) => task.section.id === sectionId) + 1;
  return t('ui.section.position', { position, total: needed.length });
}

/** Everything a question page prints, already worked out: section.ejs and question.ejs only print it. */
export function sectionPage(input: SectionPageInput, t: Translate): SectionPageView {
  const { version, section, errors, returnTo, assessmentBase } = input;
  const errorFor = new Map(errors.map((error) => [error.field, error.message]));
  const heading = t(messageKeys.sectionTitle(version, section.id));
  const notice = input.notice === undefined ? undefined : noticeText(input.notice, t);
  const noticeIsProblem = input.notice === 'not_saved';
  return {
    title: errors.length > 0 || noticeIsProblem ? `${t('ui.errorTitlePrefix')} ${heading}` : heading,
    backLink: returnTo === 'check' ? { href: `${assessmentBase}/check`, text: t('ui.back.toCheck') } : { href: assessmentBase, text: t('ui.back.toTasks') },
    errorSummary: errors.map((error) => ({ href: `#${error.href}`, text: errorSummaryText(error, version, t) })),
    position: positionText(input.tasks, section.id, t),
    heading,
    intro: t(messageKeys.sectionIntro(version, section.id)),
    formAction: `${assessmentBase}/sections/${section.id}`,
    revision: input.revision,
    questions: input.questions.map((question) => questionView(question, input, errorFor, t)),
    ...(notice ? { notice } : {}),
    ...(noticeIsProblem ? { noticeIsProblem } : {}),
    ...(returnTo ? { returnTo } : {}),
  };
}
