import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { sectionPage, type QuestionView, type SectionPageInput } from '../../src/presenters/sectionPage.js';
import type { SectionStatus, SectionTask } from '../../src/questionnaire/progress.js';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import type { Question, Section } from '../../src/questionnaire/types.js';
import type { FieldError, FormValues } from '../../src/web/forms/sectionForm.js';

/* The question page's view model (src/presenters/sectionPage.ts), on the current questionnaire. */

const t = createTranslator('en');
const { version, sections } = currentQuestionnaire;

function sectionById(id: string): Section {
  const section = sections.find((candidate) => candidate.id === id);
  if (!section) throw new Error(`No section ${id} in questionnaire ${version}`);
  return section;
}

function tasksWith(statuses: Readonly<Record<string, SectionStatus>> = {}): SectionTask[] {
  return sections.map((section) => ({ section, status: statuses[section.id] ?? 'not_started' }));
}

function questionById(sectionId: string, questionId: string): Question {
  const question = sectionById(sectionId).questions.find((candidate) => candidate.id === questionId);
  if (!question) throw new Error(`No question ${questionId} on section ${sectionId}`);
  return question;
}

function optionValues(question: Question): string[] {
  return (question.options ?? []).map((option) => option.value);
}

function pageFor(sectionId: string, overrides: Partial<SectionPageInput> = {}) {
  const section = sectionById(sectionId);
  return sectionPage({ version, tasks: tasksWith(), section, questions: section.questions, values: {}, errors: [], revision: 0, assessmentBase: '/assessment', ...overrides }, t);
}

function questionViewFor(sectionId: string, questionId: string, values: FormValues = {}, errors: FieldError[] = []): QuestionView {
  const view = pageFor(sectionId, { values, errors }).questions.find((question) => question.id === questionId);
  if (!view) throw new Error(`No question ${questionId} on section ${sectionId}`);
  return view;
}

function questionText(questionId: string): string {
  return t(`${version}.q.${questionId}.text`);
}

function fieldError(field: string, message: string): FieldError {
  return { field, href: field, message };
}

const exposureSections = sections.filter((section) => section.kind === 'exposure').map((section) => section.id);
const notNeeded = (ids: readonly string[]) => Object.fromEntries(ids.map((id): [string, SectionStatus] => [id, 'not_needed']));

describe('the question page view', () => {
  it.each([
    ['the first section, all needed', 'profile', {}, 1, sections.length],
    ['the last section, all needed', 'contacts', {}, sections.length, sections.length],
    ['a pillar after not-needed exposure sections', 'risk_assessment', notNeeded(exposureSections), sections.findIndex((s) => s.id === 'risk_assessment') + 1 - exposureSections.length, sections.length - exposureSections.length],
    ['a section waiting on the profile still counts', 'contingency', { cross_border: 'cannot_start' as const }, sections.findIndex((s) => s.id === 'contingency') + 1, sections.length],
  ])('counts the position among needed sections: %s', (_name, sectionId, statuses, position, total) => {
    expect(pageFor(sectionId, { tasks: tasksWith(statuses) }).position).toBe(`Section ${position} of ${total}`);
  });

  it.each([
    ['no errors, from the task list', [], undefined, 'Risk assessment', { href: '/assessment', text: t('ui.back.toTasks') }],
    ['errors, from check your answers', [fieldError('risk_review', 'Select an answer')], 'check' as const, 'Error: Risk assessment', { href: '/assessment/check', text: t('ui.back.toCheck') }],
  ])('titles the page and links back: %s', (_name, errors, returnTo, title, backLink) => {
    const page = pageFor('risk_assessment', { errors, ...(returnTo ? { returnTo } : {}) });
    expect(page.title).toBe(title);
    expect(page.heading).toBe('Risk assessment');
    expect(page.backLink).toEqual(backLink);
    expect(page.returnTo).toBe(returnTo);
  });

  it.each([
    ['conflict', t('ui.section.conflict')],
    ['expired', t('ui.section.expired')],
    [undefined, undefined],
  ] as const)('says why the page came back: %s', (notice, text) => {
    expect(pageFor('profile', notice ? { notice } : {}).notice).toBe(text);
  });

  it('links each error in the summary to its field, naming the question or its note', () => {
    const errors = [fieldError('company_name', 'Enter an answer'), fieldError('sector__note', 'Too long')];
    expect(pageFor('profile', { errors }).errorSummary).toEqual([
      { href: '#company_name', text: `Enter an answer – ${questionText('company_name')}` },
      { href: '#sector__note', text: `Too long – Note on "${questionText('sector')}"` },
    ]);
  });

  it.each([
    ['no error', [], undefined, undefined],
    ['an error on the answer', [fieldError('sector', 'Select an answer')], { id: 'sector-error', text: 'Select an answer' }, undefined],
    ['an error on the note', [fieldError('sector__note', 'Too long')], undefined, { id: 'sector__note-error', text: 'Too long' }],
    ['an error on another question', [fieldError('sites', 'Select an answer')], undefined, undefined],
  ])('puts each error on its own question and note: %s', (_name, errors, error, noteError) => {
    const view = questionViewFor('profile', 'sector', {}, errors);
    expect(view.error).toEqual(error);
    expect(view.note?.error).toEqual(noteError);
    expect(view.note?.open).toBe(noteError !== undefined);
  });

  it.each([
    ['a hint, no error', 'profile', 'sector', [], 'sector-hint'],
    ['a hint and an error', 'profile', 'sector', [fieldError('sector', 'Select an answer')], 'sector-hint sector-error'],
    ['no hint, an error', 'contacts', 'deputy_phone', [fieldError('deputy_phone', 'Enter a phone number')], 'deputy_phone-error'],
    ['no hint, no error', 'contacts', 'deputy_phone', [], undefined],
  ])('describes the field by its hint and error: %s', (_name, sectionId, questionId, errors, describedBy) => {
    expect(questionViewFor(sectionId, questionId, {}, errors).describedBy).toBe(describedBy);
  });

  it.each([
    ['nothing typed', {}, []],
    ['one radio value', { sector: 'finance' }, ['finance']],
    ['a value that is not an option', { sector: 'nonsense' }, []],
    ['an empty value', { sector: '' }, []],
  ])('checks the radio options kept from the typed values: %s', (_name, values, checked) => {
    const view = questionViewFor('profile', 'sector', values);
    expect(view.options.filter((option) => option.checked).map((option) => option.value)).toEqual(checked);
    expect(view.inputType).toBe('radio');
  });

  it('checks every checkbox kept from the typed values, with ids the form rule gives', () => {
    const [first, second, third] = optionValues(questionById('maritime', 'sea_routes'));
    const view = questionViewFor('maritime', 'sea_routes', { sea_routes: [first ?? '', second ?? ''] });
    expect(view.options.slice(0, 3).map(({ inputId, checked }) => ({ inputId, checked }))).toEqual([
      { inputId: 'sea_routes', checked: true },
      { inputId: `sea_routes-${second}`, checked: true },
      { inputId: `sea_routes-${third}`, checked: false },
    ]);
    expect(view.inputType).toBe('checkbox');
  });

  it.each([
    ['maritime', 'sea_routes'],
    ['political_violence', 'site_proximity'],
    ['stay_informed', 'information_sources'],
  ])('puts an "or" divider before the exclusive option only: %s %s', (sectionId, questionId) => {
    const exclusive = (questionById(sectionId, questionId).options ?? []).map((option) => option.exclusive === true);
    expect(exclusive).toContain(true);
    expect(questionViewFor(sectionId, questionId).options.map((option) => option.dividerBefore)).toEqual(exclusive);
  });

  it.each([
    ['a required text field', 'profile', 'company_name', { company_name: 'Acme <Ltd>' }, [], { kind: 'text', inputType: 'text', value: 'Acme <Ltd>', cssClasses: 'input' }],
    ['an optional phone number with an error', 'contacts', 'deputy_phone', { deputy_phone: '12ab' }, [fieldError('deputy_phone', 'Enter a phone number')], { kind: 'text', inputType: 'tel', value: '12ab', cssClasses: 'input input--short input--error', optionalText: '(optional)', autocomplete: 'tel' }],
    ['an optional long text', 'contacts', 'key_suppliers', {}, [], { kind: 'textarea', inputType: 'textarea', value: '', cssClasses: 'textarea', optionalText: '(optional)' }],
    ['a text field sent twice', 'profile', 'company_name', { company_name: ['Acme', 'Beta'] }, [], { kind: 'text', inputType: 'text', value: 'Acme, Beta', cssClasses: 'input' }],
  ])('prepares text fields: %s', (_name, sectionId, questionId, values, errors, expected) => {
    const { kind, inputType, value, cssClasses, optionalText, autocomplete } = questionViewFor(sectionId, questionId, values, errors);
    expect({ kind, inputType, value, cssClasses, optionalText, autocomplete }).toEqual(expected);
  });

  it.each([
    ['no note', {}, '', false],
    ['an empty note', { sector__note: '' }, '', false],
    ['a note typed', { sector__note: 'Mostly wholesale' }, 'Mostly wholesale', true],
  ])('opens the note when it has text: %s', (_name, values, value, open) => {
    const note = questionViewFor('profile', 'sector', values).note;
    expect(note).toMatchObject({ id: 'sector__note', value, open, labelText: t('ui.note.label'), hiddenQuestionText: questionText('sector') });
  });

  it('offers no note on a question that does not allow one', () => {
    expect(questionViewFor('profile', 'company_name').note).toBeUndefined();
  });
});
