import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../src/i18n/catalogue.js';
import { questionnaireV1Messages } from '../../src/i18n/en/questionnaireV1.js';
import { questionnaireV2Messages } from '../../src/i18n/en/questionnaireV2.js';
import { conditionHolds, questionsReadBy, valuesComparedBy } from '../../src/questionnaire/conditions.js';
import { messageKeys } from '../../src/questionnaire/messageKeys.js';
import type {
  Answers,
  AnswerValue,
  Condition,
  Question,
  Questionnaire,
  Section,
  StoredAnswer,
} from '../../src/questionnaire/types.js';
import { questionnaireV1 } from '../../src/questionnaire/v1/index.js';
import { questionnaireV2, scenarioIdsV2 } from '../../src/questionnaire/v2/index.js';
import { isQuestionShown, isSectionRelevant } from '../../src/questionnaire/visibility.js';

/*
 * Each check below is a function from a questionnaire to a list of problems, so that the same
 * check can be run on version 1.0 (expecting none) and on deliberately broken copies (expecting
 * some): the last block proves that the checks can fail.
 */

const idPattern = /^[a-z][a-z0-9_]*$/;
const pillarIds = ['risk_assessment', 'contingency', 'stay_informed', 'authorities', 'cybersecurity'];
const scenarioIds = [
  'cyberattack',
  'political_unrest',
  'crime',
  'terrorism',
  'border_disruption',
  'energy_disruption',
  'maritime_disruption',
  'geopolitical_escalation',
];
const freeTextTypes = new Set(['text', 'textarea', 'email', 'tel']);
const choiceTypes = new Set(['radio', 'checkboxes']);

interface Located {
  question: Question;
  section: Section;
  sectionIndex: number;
}

function questionIndex(q: Questionnaire): Map<string, Located> {
  const index = new Map<string, Located>();
  q.sections.forEach((section, sectionIndex) => {
    for (const question of section.questions) index.set(question.id, { question, section, sectionIndex });
  });
  return index;
}

function allQuestions(q: Questionnaire): Question[] {
  return q.sections.flatMap((section) => section.questions);
}

function duplicates(ids: readonly string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Every condition in the questionnaire, with where it sits. */
interface PlacedCondition {
  where: string;
  condition: Condition;
  /** Index of the section of a question's showIf; the section count for scenario/recommendation. */
  sectionIndex: number;
  kind: 'section' | 'question' | 'scenario' | 'recommendation';
}

function placedConditions(q: Questionnaire): PlacedCondition[] {
  const placed: PlacedCondition[] = [];
  q.sections.forEach((section, sectionIndex) => {
    if (section.showIf) {
      placed.push({ where: `section ${section.id}`, condition: section.showIf, sectionIndex, kind: 'section' });
    }
    for (const question of section.questions) {
      if (question.showIf) {
        placed.push({ where: `question ${question.id}`, condition: question.showIf, sectionIndex, kind: 'question' });
      }
    }
  });
  const end = q.sections.length;
  for (const s of q.scenarios) {
    if (s.appliesIf) placed.push({ where: `scenario ${s.id}`, condition: s.appliesIf, sectionIndex: end, kind: 'scenario' });
  }
  for (const r of q.recommendations) {
    if (r.recommendIf) {
      placed.push({ where: `recommendation ${r.id}`, condition: r.recommendIf, sectionIndex: end, kind: 'recommendation' });
    }
  }
  return placed;
}

/** The simple comparisons a condition is made of. */
function leaves(condition: Condition): Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>[] {
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  if ('not' in condition) return leaves(condition.not);
  return [condition];
}

// ---------------------------------------------------------------------------------------------
// Enumerating answers: every option of a radio, every small set of checkboxes, or no answer.

function subsetsUpTo<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  const walk = (start: number, current: T[]): void => {
    if (current.length > 0) result.push([...current]);
    if (current.length === size) return;
    for (let i = start; i < items.length; i++) walk(i + 1, [...current, items[i] as T]);
  };
  walk(0, []);
  return result;
}

function candidateValues(question: Question): (AnswerValue | undefined)[] {
  const values = (question.options ?? []).map((o) => o.value);
  if (question.type === 'checkboxes') return [undefined, ...subsetsUpTo(values, 3)];
  if (question.type === 'radio') return [undefined, ...values];
  return [undefined, 'free text'];
}

function withAnswer(answers: Answers, id: string, value: AnswerValue | undefined): Answers {
  const copy: Record<string, StoredAnswer> = { ...answers };
  if (value === undefined) delete copy[id];
  else copy[id] = { value };
  return copy;
}

/** Every combination of answers to the given questions (unknown ids are left unanswered). */
function* assignments(ids: readonly string[], index: Map<string, Located>): Generator<Answers> {
  const choices = ids.map((id) => {
    const located = index.get(id);
    return { id, values: located ? candidateValues(located.question) : [undefined] };
  });
  const total = choices.reduce((n, c) => n * c.values.length, 1);
  if (total > 1_000_000) throw new Error(`Too many combinations to enumerate (${total}) for ${ids.join(', ')}`);
  function* walk(i: number, answers: Answers): Generator<Answers> {
    const choice = choices[i];
    if (choice === undefined) {
      yield answers;
      return;
    }
    for (const value of choice.values) yield* walk(i + 1, withAnswer(answers, choice.id, value));
  }
  yield* walk(0, {});
}

function satisfiable(condition: Condition, index: Map<string, Located>): boolean {
  for (const answers of assignments(unique(questionsReadBy(condition)), index)) {
    if (conditionHolds(condition, answers)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The checks.

function idProblems(q: Questionnaire): string[] {
  const problems: string[] = [];
  const report = (what: string, ids: readonly string[]): void => {
    for (const id of duplicates(ids)) problems.push(`duplicate ${what} id ${id}`);
    for (const id of ids) if (!idPattern.test(id)) problems.push(`${what} id ${id} does not match ${idPattern}`);
  };
  report('section', q.sections.map((s) => s.id));
  report('question', allQuestions(q).map((x) => x.id));
  for (const question of allQuestions(q)) {
    report(`option of ${question.id}`, (question.options ?? []).map((o) => o.value));
    if (question.id.endsWith('__note')) problems.push(`question id ${question.id} ends with __note`);
  }
  report('scenario', q.scenarios.map((s) => s.id));
  report('recommendation', q.recommendations.map((r) => r.id));
  report('source', q.sources.map((s) => s.id));
  return problems;
}

function shapeProblems(q: Questionnaire): string[] {
  const problems: string[] = [];
  for (const question of allQuestions(q)) {
    const options = question.options ?? [];
    if (choiceTypes.has(question.type)) {
      if (options.length < 2) problems.push(`${question.id} is a choice question with fewer than two options`);
      if (question.maxLength !== undefined) problems.push(`${question.id} is a choice question with a maxLength`);
    }
    if (freeTextTypes.has(question.type)) {
      const expected = question.type === 'textarea' ? 2000 : 200;
      if (question.maxLength !== expected) problems.push(`${question.id} should have maxLength ${expected}`);
      if (question.options !== undefined) problems.push(`${question.id} is free text but has options`);
    }
    if (question.type !== 'checkboxes' && options.some((o) => o.exclusive)) {
      problems.push(`${question.id} marks an option exclusive but is not a checkbox question`);
    }
  }
  return problems;
}

function conditionProblems(q: Questionnaire): string[] {
  const index = questionIndex(q);
  const problems: string[] = [];
  for (const placed of placedConditions(q)) {
    for (const leaf of leaves(placed.condition)) {
      const located = index.get(leaf.question);
      if (!located) {
        problems.push(`${placed.where} reads unknown question ${leaf.question}`);
        continue;
      }
      const multi = 'includes' in leaf || 'includesAny' in leaf;
      const expectedType = multi ? 'checkboxes' : 'radio';
      if (located.question.type !== expectedType) {
        problems.push(`${placed.where} compares ${leaf.question} (${located.question.type}) as ${expectedType}`);
      }
      if (placed.kind === 'question' && located.sectionIndex >= placed.sectionIndex) {
        problems.push(`${placed.where} reads ${leaf.question}, which is not in an earlier section`);
      }
      if (placed.kind === 'section' && located.section.kind !== 'profile') {
        problems.push(`${placed.where} reads ${leaf.question}, which is not a profile question`);
      }
    }
    for (const { question, value } of valuesComparedBy(placed.condition)) {
      const options = index.get(question)?.question.options ?? [];
      if (!options.some((o) => o.value === value)) {
        problems.push(`${placed.where} compares ${question} with ${value}, which is not one of its options`);
      }
    }
  }
  return problems;
}

function effectProblems(q: Questionnaire): string[] {
  const scenarios = new Set(q.scenarios.map((s) => s.id));
  const problems: string[] = [];
  for (const question of allQuestions(q)) {
    for (const option of question.options ?? []) {
      for (const effect of option.effects ?? []) {
        if (!scenarios.has(effect.scenario)) {
          problems.push(`${question.id}=${option.value} affects unknown scenario ${effect.scenario}`);
        }
        // A control nobody can vouch for, or that does not apply, cannot lower a risk.
        if ('reduces' in effect && (option.value === 'dont_know' || option.value === 'not_applicable')) {
          problems.push(`${question.id}=${option.value} reduces ${effect.scenario}`);
        }
      }
    }
  }
  return problems;
}

function recommendationProblems(q: Questionnaire): string[] {
  const scenarios = new Set(q.scenarios.map((s) => s.id));
  const problems: string[] = [];
  for (const r of q.recommendations) {
    if (r.treats.length === 0) problems.push(`recommendation ${r.id} treats nothing`);
    for (const id of r.treats) if (!scenarios.has(id)) problems.push(`recommendation ${r.id} treats unknown ${id}`);
    if (!pillarIds.includes(r.pillar)) problems.push(`recommendation ${r.id} names unknown pillar ${r.pillar}`);
  }
  return problems;
}

function coverageProblems(q: Questionnaire): string[] {
  const sources = new Set(q.sources.map((s) => s.id));
  const fed = new Set(
    allQuestions(q).flatMap((x) => (x.options ?? []).flatMap((o) => (o.effects ?? []).map((e) => e.scenario))),
  );
  const treated = new Set(q.recommendations.flatMap((r) => r.treats));
  const problems: string[] = [];
  for (const s of q.scenarios) {
    if (!fed.has(s.id)) problems.push(`scenario ${s.id} is fed by no answer`);
    if (!treated.has(s.id)) problems.push(`scenario ${s.id} is treated by no recommendation`);
    if (s.sources.length === 0) problems.push(`scenario ${s.id} names no source`);
    for (const id of s.sources) if (!sources.has(id)) problems.push(`scenario ${s.id} cites unknown source ${id}`);
  }
  return problems;
}

function reachabilityProblems(q: Questionnaire): string[] {
  const index = questionIndex(q);
  const problems: string[] = [];
  for (const placed of placedConditions(q)) {
    if (!satisfiable(placed.condition, index)) problems.push(`${placed.where}: its condition can never hold`);
    if (placed.kind === 'recommendation' && !satisfiable({ not: placed.condition }, index)) {
      problems.push(`${placed.where}: no answers can make it unnecessary`);
    }
  }
  return problems;
}

/**
 * A recommendation must not be triggered by a question the business never saw: when a question
 * is hidden (its own or its section's condition is false), changing its answer must not change
 * whether the recommendation is made.
 */
function hiddenQuestionProblems(q: Questionnaire): string[] {
  const index = questionIndex(q);
  const problems: string[] = [];
  for (const r of q.recommendations) {
    const condition = r.recommendIf;
    if (!condition) continue;
    for (const id of unique(questionsReadBy(condition))) {
      const located = index.get(id);
      if (!located) continue;
      const guards = [located.section.showIf, located.question.showIf].filter((c): c is Condition => c !== undefined);
      if (guards.length === 0) continue;
      const guard: Condition = { all: guards };
      const others = unique([...questionsReadBy(condition), ...questionsReadBy(guard)]).filter((x) => x !== id);
      for (const answers of assignments(others, index)) {
        if (conditionHolds(guard, answers)) continue;
        const outcomes = new Set(
          candidateValues(located.question).map((value) => conditionHolds(condition, withAnswer(answers, id, value))),
        );
        if (outcomes.size > 1) {
          problems.push(`recommendation ${r.id} depends on ${id} while that question is hidden`);
          break;
        }
      }
    }
  }
  return problems;
}

function neededMessageKeys(q: Questionnaire): string[] {
  const v = q.version;
  const keys: string[] = [];
  for (const section of q.sections) {
    keys.push(messageKeys.sectionTitle(v, section.id), messageKeys.sectionIntro(v, section.id));
    for (const question of section.questions) {
      keys.push(messageKeys.questionText(v, question.id));
      if (question.hasHint) keys.push(messageKeys.questionHint(v, question.id));
      for (const option of question.options ?? []) keys.push(messageKeys.optionLabel(v, question.id, option.value));
    }
  }
  for (const s of q.scenarios) keys.push(messageKeys.scenarioTitle(v, s.id), messageKeys.scenarioDescription(v, s.id));
  for (const r of q.recommendations) keys.push(messageKeys.recommendationText(v, r.id));
  for (const p of unique([...pillarIds, ...q.recommendations.map((r) => r.pillar)])) {
    keys.push(messageKeys.pillarTitle(v, p));
  }
  for (const s of q.sources) keys.push(messageKeys.sourceCitation(v, s.id), messageKeys.sourceUrl(v, s.id));
  return keys;
}

function messageProblems(
  q: Questionnaire,
  messages: Readonly<Record<string, string>>,
  inCatalogue: (key: string) => boolean,
  /** Keys a version needs beyond those derived from its questionnaire (2.0: emergency services). */
  extraNeeded: readonly string[] = [],
): string[] {
  const needed = [...neededMessageKeys(q), ...extraNeeded];
  const neededSet = new Set(needed);
  const problems: string[] = [];
  for (const key of needed) if (!inCatalogue(key)) problems.push(`missing message ${key}`);
  for (const key of Object.keys(messages)) if (!neededSet.has(key)) problems.push(`orphaned message ${key}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------

const q = questionnaireV1;
const index = questionIndex(q);

function sectionById(id: string): Section {
  const section = q.sections.find((s) => s.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return section;
}

function questionById(id: string): Question {
  const located = index.get(id);
  if (!located) throw new Error(`no question ${id}`);
  return located.question;
}

function optionValues(id: string): string[] {
  return (questionById(id).options ?? []).map((o) => o.value);
}

function answers(values: Readonly<Record<string, AnswerValue>>): Answers {
  return Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }]));
}

describe('questionnaire 1.0: structure', () => {
  it('has version 1.0 and the agreed sections, in order, with their kinds', () => {
    expect(q.version).toBe('1.0');
    expect(q.sections.map((s) => [s.id, s.kind])).toEqual([
      ['profile', 'profile'],
      ['cross_border', 'exposure'],
      ['energy', 'exposure'],
      ['maritime', 'exposure'],
      ['political_violence', 'exposure'],
      ['risk_assessment', 'pillar'],
      ['contingency', 'pillar'],
      ['stay_informed', 'pillar'],
      ['authorities', 'pillar'],
      ['cybersecurity', 'pillar'],
      ['contacts', 'contacts'],
    ]);
  });

  it('uses unique ids of the allowed form everywhere', () => {
    expect(idProblems(q)).toEqual([]);
  });

  it('gives choice questions options and free-text questions a length limit', () => {
    expect(shapeProblems(q)).toEqual([]);
  });

  it('keeps each section to the agreed number of questions', () => {
    const sizes = q.sections.map((s) => ({ id: s.id, kind: s.kind, count: s.questions.length }));
    const limits: Record<Section['kind'], [number, number]> = {
      profile: [8, 14],
      impact: [5, 5],
      exposure: [3, 6],
      pillar: [4, 8],
      contacts: [13, 13],
    };
    for (const { id, kind, count } of sizes) {
      const [min, max] = limits[kind];
      expect({ id, ok: count >= min && count <= max }).toEqual({ id, ok: true });
    }
  });

  it('lets most answers carry a note', () => {
    const choice = allQuestions(q).filter((x) => choiceTypes.has(x.type));
    expect(choice.every((x) => x.allowNote)).toBe(true);
  });

  it('has the profile questions that other parts of the app read', () => {
    expect(sectionById('profile').questions.map((x) => x.id)).toEqual(
      expect.arrayContaining([
        'company_name',
        'countries',
        'sector',
        'sites',
        'staff_local',
        'staff_expatriate',
        'cross_border',
        'energy_dependence',
        'uses_ports',
        'critical_it',
      ]),
    );
    expect(index.get('company_name')?.section.id).toBe('profile');
    expect(questionById('company_name')).toMatchObject({ type: 'text', required: true, maxLength: 200 });
    expect(questionById('countries')).toMatchObject({ type: 'checkboxes', required: true });
    expect(optionValues('countries')).toEqual(['georgia', 'azerbaijan']);
    expect(questionById('cross_border').type).toBe('radio');
    expect(optionValues('cross_border')).toEqual(['yes', 'no']);
    for (const id of ['sector', 'sites', 'staff_local', 'staff_expatriate', 'energy_dependence', 'uses_ports', 'critical_it']) {
      expect({ id, type: questionById(id).type }).toEqual({ id, type: 'radio' });
    }
  });

  it('has the contacts that the contingency plan prints, with the crisis lead required', () => {
    const contacts = sectionById('contacts').questions;
    expect(contacts.map((x) => [x.id, x.type])).toEqual([
      ['crisis_lead_name', 'text'],
      ['crisis_lead_phone', 'tel'],
      ['deputy_name', 'text'],
      ['deputy_phone', 'tel'],
      ['it_lead_name', 'text'],
      ['it_lead_phone', 'tel'],
      ['insurer', 'text'],
      ['bank', 'text'],
      ['key_suppliers', 'textarea'],
      ['emergency_number_georgia', 'tel'],
      ['police_number_georgia', 'tel'],
      ['emergency_number_azerbaijan', 'tel'],
      ['police_number_azerbaijan', 'tel'],
    ]);
    expect(contacts.filter((x) => x.required).map((x) => x.id)).toEqual(['crisis_lead_name']);
  });

  it("asks for each country's emergency and police numbers only when the business operates there", () => {
    const shown = (countries: string[]) =>
      sectionById('contacts')
        .questions.filter((x) => isQuestionShown(x, answers({ countries })))
        .map((x) => x.id)
        .filter((id) => id.includes('_number_'));
    expect(shown(['georgia'])).toEqual(['emergency_number_georgia', 'police_number_georgia']);
    expect(shown(['azerbaijan'])).toEqual(['emergency_number_azerbaijan', 'police_number_azerbaijan']);
    expect(shown(['georgia', 'azerbaijan'])).toHaveLength(4);
  });

  it('has the agreed scenarios and sources, with the article dated as published', () => {
    expect(q.scenarios.map((s) => s.id)).toEqual(scenarioIds);
    expect(q.sources.find((s) => s.id === 'article_2025_10')).toEqual({
      id: 'article_2025_10',
      published: '2025-10-25',
    });
    for (const source of q.sources) {
      if (source.published !== undefined) expect(source.published).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    }
  });
});

describe('questionnaire 1.0: conditions', () => {
  it('reads only existing questions, compares only their options, and only earlier sections or the profile', () => {
    expect(conditionProblems(q)).toEqual([]);
  });

  it('gives every exposure section a condition on the profile and shows the other sections to everyone', () => {
    for (const section of q.sections) {
      expect({ id: section.id, conditional: section.showIf !== undefined }).toEqual({
        id: section.id,
        conditional: section.kind === 'exposure',
      });
    }
  });

  it('can make every section, conditional question, scenario and recommendation apply, and every recommendation unnecessary', () => {
    expect(reachabilityProblems(q)).toEqual([]);
  });

  it('makes each exposure section relevant for some profile answers and not for others', () => {
    const profileIds = unique(q.sections.flatMap((s) => (s.showIf ? questionsReadBy(s.showIf) : [])));
    for (const section of q.sections.filter((s) => s.kind === 'exposure')) {
      const outcomes = new Set<boolean>();
      for (const a of assignments(profileIds, index)) outcomes.add(isSectionRelevant(section, a));
      expect({ id: section.id, outcomes: [...outcomes].sort() }).toEqual({ id: section.id, outcomes: [false, true] });
    }
  });

  it('asks no border or sea questions of a business that crosses no border and uses no ports', () => {
    const profile = answers({ countries: ['georgia'], cross_border: 'no', uses_ports: 'no', energy_dependence: 'limited', sector: 'other' });
    expect(isSectionRelevant(sectionById('cross_border'), profile)).toBe(false);
    expect(isSectionRelevant(sectionById('maritime'), profile)).toBe(false);
    expect(isSectionRelevant(sectionById('energy'), profile)).toBe(false);
    expect(isSectionRelevant(sectionById('political_violence'), profile)).toBe(true);
    expect(isQuestionShown(questionById('border_authority_contacts'), profile)).toBe(false);
  });

  it('scores border and sea disruption only for businesses exposed to them', () => {
    const applies = (id: string, a: Answers) => {
      const scenario = q.scenarios.find((s) => s.id === id);
      return scenario?.appliesIf === undefined || conditionHolds(scenario.appliesIf, a);
    };
    expect(applies('border_disruption', answers({ cross_border: 'yes' }))).toBe(true);
    expect(applies('border_disruption', answers({ cross_border: 'no' }))).toBe(false);
    expect(applies('maritime_disruption', answers({ uses_ports: 'directly' }))).toBe(true);
    expect(applies('maritime_disruption', answers({ uses_ports: 'through_suppliers' }))).toBe(true);
    expect(applies('maritime_disruption', answers({ uses_ports: 'no' }))).toBe(false);
    for (const id of ['cyberattack', 'political_unrest', 'crime', 'terrorism', 'geopolitical_escalation']) {
      expect({ id, applies: applies(id, {}) }).toEqual({ id, applies: true });
    }
  });

  it('never recommends an action because of a question the business was not shown', () => {
    expect(hiddenQuestionProblems(q)).toEqual([]);
  });
});

describe('questionnaire 1.0: scoring content', () => {
  it('only names existing scenarios in effects, and "don\'t know" never counts as a control', () => {
    expect(effectProblems(q)).toEqual([]);
  });

  it('ties every recommendation to existing scenarios and one of the five pillars', () => {
    expect(recommendationProblems(q)).toEqual([]);
  });

  it('has two to five recommendations for each pillar, and a pillar section for each', () => {
    expect(q.sections.filter((s) => s.kind === 'pillar').map((s) => s.id)).toEqual(pillarIds);
    for (const pillar of pillarIds) {
      const count = q.recommendations.filter((r) => r.pillar === pillar).length;
      expect({ pillar, ok: count >= 2 && count <= 5 }).toEqual({ pillar, ok: true });
    }
  });

  it('feeds every scenario from an answer, treats it with a recommendation and cites existing sources', () => {
    expect(coverageProblems(q)).toEqual([]);
  });
});

describe('questionnaire 1.0: English wording', () => {
  it('has every message the questionnaire needs and nothing left over', () => {
    expect(messageProblems(q, questionnaireV1Messages, (key) => hasMessage(key))).toEqual([]);
  });

  it('keeps every questionnaire message under the version prefix and non-empty, except unknown addresses', () => {
    for (const [key, text] of Object.entries(questionnaireV1Messages)) {
      expect(key.startsWith('1.0.')).toBe(true);
      if (key.endsWith('.url')) expect({ key, ok: text === '' || text.startsWith('https://') }).toEqual({ key, ok: true });
      else expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it('cites the source article by title and attributes its figures to it', () => {
    expect(questionnaireV1Messages['1.0.source.article_2025_10.citation']).toContain(
      'Georgia and Azerbaijan Strengthen Security Ties in Tbilisi Meeting',
    );
    expect(questionnaireV1Messages['1.0.source.article_2025_10.citation']).toContain('25 October 2025');
    for (const [key, text] of Object.entries(questionnaireV1Messages)) {
      if (/\d+\s?%/.test(text)) expect({ key, attributed: /article|reported|reports/.test(text) }).toEqual({ key, attributed: true });
    }
  });

  it('states no emergency or police number and asks the user to confirm the ones they enter', () => {
    // Service numbers are short; a three-digit number in the wording would be one stated as fact.
    // The staff-count bands ("50 to 249") are the only three-digit numbers the wording needs.
    const staffBand = /^1\.0\.q\.staff_[a-z]+\.opt\./;
    for (const [key, text] of Object.entries(questionnaireV1Messages)) {
      if (staffBand.test(key)) continue;
      expect({ key, shortNumber: /(^|[^\d])\d{3}([^\d]|$)/.test(text) }).toEqual({ key, shortNumber: false });
    }
    for (const id of ['emergency_number_georgia', 'police_number_georgia', 'emergency_number_azerbaijan', 'police_number_azerbaijan']) {
      expect(questionnaireV1Messages[messageKeys.questionHint('1.0', id)]).toMatch(/Confirm/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Questionnaire 2.0: the same checks, and those for what 2.0 adds (graded measures, the business
// impact analysis, emergency numbers from named sources).

const emergencyNumbersV2 = questionnaireV2.emergencyNumbers ?? [];
const emergencyServiceKeys = emergencyNumbersV2.flatMap((c) => c.numbers.map((n) => `2.0.emergency.${n.id}`));

/**
 * Measures: every answer to a measure question says how far it is in place, measures name real
 * scenarios, and each measure is put in place by exactly one action that treats what it lowers.
 */
function measureProblems(q: Questionnaire): string[] {
  const scenarios = new Map(q.scenarios.map((s) => [s.id, s]));
  const questions = allQuestions(q);
  const measures = new Map(questions.filter((x) => x.measure !== undefined).map((x) => [x.id, x]));
  const problems: string[] = [];
  for (const question of questions) {
    const options = question.options ?? [];
    if (!measures.has(question.id)) {
      for (const o of options) if (o.credit !== undefined) problems.push(`${question.id}=${o.value} gives credit but is not a measure`);
      continue;
    }
    if (question.type !== 'radio') problems.push(`measure ${question.id} is not a radio question`);
    for (const o of options) {
      if (o.credit === undefined) problems.push(`measure ${question.id}=${o.value} gives no credit`);
      if ((o.effects ?? []).length > 0) problems.push(`measure ${question.id}=${o.value} also sets a level`);
    }
    if (!options.some((o) => o.credit === 'full')) problems.push(`measure ${question.id} can never be in place`);
    if (!options.some((o) => o.credit === 'none')) problems.push(`measure ${question.id} cannot be answered "not in place"`);
    for (const target of question.measure ?? []) {
      const scenario = scenarios.get(target.scenario);
      if (!scenario) {
        problems.push(`measure ${question.id} lowers unknown scenario ${target.scenario}`);
      } else if (scenario.maxReduction?.[target.factor] === 0) {
        problems.push(`measure ${question.id} lowers the ${target.factor} of ${target.scenario}, which measures cannot lower`);
      }
    }
  }
  for (const s of q.scenarios) {
    for (const factor of ['likelihood', 'impact'] as const) {
      const lowered = [...measures.values()].some((m) => (m.measure ?? []).some((t) => t.scenario === s.id && t.factor === factor));
      if ((s.maxReduction?.[factor] ?? 0) > 0 && !lowered) problems.push(`scenario ${s.id}: no measure lowers its ${factor}`);
    }
  }
  const addressedBy = new Map<string, string[]>();
  for (const r of q.recommendations) {
    const addressed = r.addresses ?? [];
    if (addressed.length === 0) problems.push(`recommendation ${r.id} addresses no measure`);
    for (const id of addressed) {
      const m = measures.get(id);
      if (!m) {
        problems.push(`recommendation ${r.id} addresses ${id}, which is not a measure question`);
        continue;
      }
      addressedBy.set(id, [...(addressedBy.get(id) ?? []), r.id]);
      for (const target of m.measure ?? []) {
        if (!r.treats.includes(target.scenario)) {
          problems.push(`recommendation ${r.id} puts ${id} in place, which lowers ${target.scenario}, but does not treat it`);
        }
      }
    }
    // An action whose measures lower nothing is good practice: what it treats only sets its priority.
    const lowered = new Set(addressed.flatMap((id) => (measures.get(id)?.measure ?? []).map((t) => t.scenario)));
    if (lowered.size > 0) {
      for (const id of r.treats) {
        if (!lowered.has(id)) problems.push(`recommendation ${r.id} treats ${id}, but none of its measures lowers it`);
      }
    }
  }
  for (const [id, recs] of addressedBy) if (recs.length > 1) problems.push(`measure ${id} is addressed by ${recs.join(' and ')}`);
  for (const id of measures.keys()) if (!addressedBy.has(id)) problems.push(`measure ${id} is addressed by no recommendation`);
  return problems;
}

/** The business impact analysis: its questions exist, share the duration scale, and can name what scenarios take away. */
function impactAnalysisProblems(q: Questionnaire): string[] {
  const analysis = q.impactAnalysis;
  if (!analysis) return ['the questionnaire has no impact analysis'];
  const index = questionIndex(q);
  const durations = analysis.durations;
  const problems: string[] = [];
  const onScale = (id: string): void => {
    const values = (index.get(id)?.question.options ?? []).map((o) => o.value);
    const positions = values.map((v) => durations.indexOf(v));
    if (positions.some((p) => p < 0)) problems.push(`${id} has options that are not on the duration scale`);
    if (positions.some((p, i) => i > 0 && p <= (positions[i - 1] ?? -1))) problems.push(`${id} lists durations out of order`);
  };
  const disrupted = unique(q.scenarios.flatMap((s) => (s.disrupts ?? []).map((d) => d.resource)));
  for (const activity of analysis.activities) {
    const ids = [activity.name, activity.tolerableOutage, activity.recoveryTarget, activity.needs, activity.workaround];
    const sectionsOf = unique(ids.map((id) => index.get(id)?.section.id ?? 'missing'));
    for (const id of ids) if (!index.has(id)) problems.push(`impact analysis names unknown question ${id}`);
    if (sectionsOf.length !== 1) problems.push(`the questions of activity ${activity.name} are not in one section`);
    if (index.get(activity.name)?.question.required !== true) problems.push(`${activity.name} is not required`);
    onScale(activity.tolerableOutage);
    onScale(activity.recoveryTarget);
    if (index.get(activity.recoveryTarget)?.question.shorterThan !== activity.tolerableOutage) {
      problems.push(`${activity.recoveryTarget} is not checked to be shorter than ${activity.tolerableOutage}`);
    }
    const needs = index.get(activity.needs)?.question;
    if (needs?.type !== 'checkboxes') problems.push(`${activity.needs} is not a checkbox question`);
    const resources = (needs?.options ?? []).map((o) => o.value);
    for (const r of disrupted) if (!resources.includes(r)) problems.push(`a scenario takes away ${r}, which ${activity.needs} cannot name`);
    const workarounds = (index.get(activity.workaround)?.question.options ?? []).map((o) => o.value);
    for (const w of analysis.workaroundsThatWork) {
      if (!workarounds.includes(w)) problems.push(`${activity.workaround} has no option ${w}`);
    }
  }
  for (const s of q.scenarios) {
    for (const d of s.disrupts ?? []) if (!durations.includes(d.outage)) problems.push(`scenario ${s.id} disrupts for ${d.outage}, not on the scale`);
  }
  for (const located of index.values()) {
    const other = located.question.shorterThan;
    if (other !== undefined && index.get(other)?.section !== located.section) {
      problems.push(`${located.question.id} is compared with ${other}, which is not in its section`);
    }
  }
  return problems;
}

/** Every emergency number comes from a listed source and is printed for the country it belongs to. */
function emergencyNumberProblems(q: Questionnaire): string[] {
  const sources = new Set(q.sources.map((s) => s.id));
  const index = questionIndex(q);
  const countries = (index.get(q.roles.countries)?.question.options ?? []).map((o) => o.value);
  const listed = q.emergencyNumbers ?? [];
  const problems: string[] = [];
  for (const country of countries) {
    if (!listed.some((c) => c.country === country)) problems.push(`no emergency numbers for ${country}`);
  }
  for (const id of duplicates(listed.flatMap((c) => c.numbers.map((n) => n.id)))) problems.push(`duplicate emergency number id ${id}`);
  for (const country of listed) {
    for (const n of country.numbers) {
      if (!sources.has(n.source)) problems.push(`emergency number ${n.id} cites unknown source ${n.source}`);
      if (!/^\d{3}$/.test(n.number)) problems.push(`emergency number ${n.id} is not a three-digit number`);
    }
    const answersThere = answers({ countries: [country.country] });
    if (!conditionHolds(country.when, answersThere)) problems.push(`numbers for ${country.country} are not printed for it`);
    for (const leaf of leaves(country.when)) if (!index.has(leaf.question)) problems.push(`numbers for ${country.country} read unknown ${leaf.question}`);
  }
  return problems;
}

/**
 * Problems in the 2.0 data that this file found and reported to the lead engineer; the data is
 * theirs to fix (recommendations.ts or pillarSections.ts). Once fixed, this test fails until the
 * line is removed here, so the list can only shrink.
 */
const q2 = questionnaireV2;
const index2 = questionIndex(q2);
const v2PillarSections = pillarIds;
const v2ActivitySections = ['activity_1', 'activity_2', 'activity_3', 'activity_4', 'activity_5'];

function sectionV2(id: string): Section {
  const section = q2.sections.find((s) => s.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return section;
}

describe('questionnaire 2.0: structure', () => {
  it('has version 2.0 and its sections, in order, with their kinds', () => {
    expect(q2.version).toBe('2.0');
    expect(q2.sections.map((s) => [s.id, s.kind])).toEqual([
      ['profile', 'profile'],
      ...v2ActivitySections.map((id) => [id, 'impact']),
      ['cross_border', 'exposure'],
      ['road_transport_risks', 'exposure'],
      ['energy', 'exposure'],
      ['maritime', 'exposure'],
      ['political_violence', 'exposure'],
      ...v2PillarSections.map((id) => [id, 'pillar']),
      ['contacts', 'contacts'],
    ]);
  });

  it('uses unique ids of the allowed form everywhere', () => {
    expect(idProblems(q2)).toEqual([]);
  });

  it('gives choice questions options and free-text questions a length limit', () => {
    expect(shapeProblems(q2)).toEqual([]);
  });

  it('keeps each section to the agreed number of questions', () => {
    const limits: Record<Section['kind'], [number, number]> = {
      profile: [8, 14],
      impact: [5, 5],
      exposure: [3, 6],
      pillar: [4, 8],
      contacts: [10, 10],
    };
    for (const s of q2.sections) {
      const [min, max] = limits[s.kind];
      expect({ id: s.id, ok: s.questions.length >= min && s.questions.length <= max }).toEqual({ id: s.id, ok: true });
    }
  });

  it('lets every choice answer carry a note', () => {
    expect(allQuestions(q2).filter((x) => choiceTypes.has(x.type) && !x.allowNote).map((x) => x.id)).toEqual([]);
  });

  it('has the 1.0 scenarios and the two new ones, and the sources of the emergency numbers', () => {
    expect(q2.scenarios.map((s) => s.id)).toEqual([...scenarioIdsV2]);
    expect(scenarioIdsV2).toEqual(expect.arrayContaining([...scenarioIds, 'road_cargo', 'staff_safety']));
    expect(q2.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['article_2025_10', 'ge_112', 'az_mes']));
    expect(q2.sources.find((s) => s.id === 'article_2025_10')?.published).toBe('2025-10-25');
  });

  it('has the contacts that the plans print, with the crisis lead required', () => {
    const contacts = sectionV2('contacts').questions;
    expect(contacts.filter((x) => x.required).map((x) => x.id)).toEqual(['crisis_lead_name']);
    const roles = q2.roles;
    for (const id of [roles.companyName, roles.preparedBy, roles.countries]) expect(index2.get(id)?.section.id).toBe('profile');
    for (const id of [roles.crisisLead.name, roles.crisisLead.phone, roles.deputy.name, roles.deputy.phone, roles.itLead.name, roles.itLead.phone, roles.insurer, roles.bank, roles.keySuppliers]) {
      expect({ id, section: index2.get(id)?.section.id }).toEqual({ id, section: 'contacts' });
    }
  });
});

describe('questionnaire 2.0: conditions', () => {
  it('reads only existing questions, compares only their options, and only earlier sections or the profile', () => {
    expect(conditionProblems(q2)).toEqual([]);
  });

  it('conditions exposure sections and the second to fifth critical activities on the profile, and shows the rest to everyone', () => {
    for (const section of q2.sections) {
      const conditional = section.kind === 'exposure' || (section.kind === 'impact' && section.id !== 'activity_1');
      expect({ id: section.id, conditional: section.showIf !== undefined }).toEqual({ id: section.id, conditional });
    }
  });

  it('can make every section, conditional question and scenario apply', () => {
    expect(reachabilityProblems(q2)).toEqual([]);
  });

  it('asks as many critical activities as the profile says there are', () => {
    const counts = ['one', 'two', 'three', 'four', 'five'];
    counts.forEach((count, i) => {
      const shown = v2ActivitySections.filter((id) => isSectionRelevant(sectionV2(id), answers({ critical_activity_count: count })));
      expect({ count, shown }).toEqual({ count, shown: v2ActivitySections.slice(0, i + 1) });
    });
  });

  it('asks no border, road, sea or energy questions of a business that has none of those exposures', () => {
    const profile = answers({
      countries: ['georgia'],
      cross_border: 'no',
      road_transport: 'no',
      uses_ports: 'no',
      energy_dependence: 'limited',
      sector: 'other',
    });
    for (const id of ['cross_border', 'road_transport_risks', 'maritime', 'energy']) {
      expect({ id, relevant: isSectionRelevant(sectionV2(id), profile) }).toEqual({ id, relevant: false });
    }
    expect(isSectionRelevant(sectionV2('political_violence'), profile)).toBe(true);
  });

  it('scores road cargo only for businesses that move goods by road, and staff safety only where there are staff', () => {
    const applies = (id: string, a: Answers) => {
      const scenario = q2.scenarios.find((s) => s.id === id);
      return scenario?.appliesIf === undefined || conditionHolds(scenario.appliesIf, a);
    };
    expect(applies('road_cargo', answers({ road_transport: 'hired_vehicles' }))).toBe(true);
    expect(applies('road_cargo', answers({ road_transport: 'no' }))).toBe(false);
    expect(applies('staff_safety', answers({ countries: ['azerbaijan'], staff_local: 'none', staff_expatriate: 'from_1_to_4' }))).toBe(true);
    expect(applies('staff_safety', answers({ countries: ['georgia'], staff_local: 'none', staff_expatriate: 'none' }))).toBe(false);
  });

  it('asks about evacuating expatriate staff only of a business that has them', () => {
    const question = index2.get('expatriate_evacuation')?.question;
    if (!question) throw new Error('no expatriate_evacuation');
    expect(isQuestionShown(question, answers({ staff_expatriate: 'none' }))).toBe(false);
    expect(isQuestionShown(question, answers({ staff_expatriate: 'from_5_to_19' }))).toBe(true);
  });
});

describe('questionnaire 2.0: scoring content', () => {
  it('only names existing scenarios in effects', () => {
    expect(effectProblems(q2)).toEqual([]);
  });

  it('ties every recommendation to existing scenarios and one of the five pillars', () => {
    expect(recommendationProblems(q2)).toEqual([]);
  });

  it('has a pillar section for each pillar and at least two actions for each', () => {
    expect(q2.sections.filter((s) => s.kind === 'pillar').map((s) => s.id)).toEqual(pillarIds);
    for (const pillar of pillarIds) {
      const count = q2.recommendations.filter((r) => r.pillar === pillar).length;
      expect({ pillar, ok: count >= 2 }).toEqual({ pillar, ok: true });
    }
  });

  it('feeds every scenario from an answer, treats it with a recommendation and cites existing sources', () => {
    expect(coverageProblems(q2)).toEqual([]);
  });

  it('grades every measure answer, and puts each measure in place with exactly one action that treats what it lowers', () => {
    expect(measureProblems(q2)).toEqual([]);
  });

  it('has an impact analysis on one duration scale that can name everything a scenario takes away', () => {
    expect(impactAnalysisProblems(q2)).toEqual([]);
  });

  it('takes every emergency number from a listed source, for the country it belongs to', () => {
    expect(emergencyNumberProblems(q2)).toEqual([]);
  });
});

describe('questionnaire 2.0: English wording', () => {
  it('has every message the questionnaire needs, a service name for each emergency number, and nothing left over', () => {
    expect(messageProblems(q2, questionnaireV2Messages, (key) => hasMessage(key), emergencyServiceKeys)).toEqual([]);
  });

  it('keeps every questionnaire message under the version prefix and non-empty, except unknown addresses', () => {
    for (const [key, text] of Object.entries(questionnaireV2Messages)) {
      expect(key.startsWith('2.0.')).toBe(true);
      if (key.endsWith('.url')) expect({ key, ok: text === '' || text.startsWith('https://') }).toEqual({ key, ok: true });
      else expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it('cites the article and the public sources of the emergency numbers', () => {
    expect(questionnaireV2Messages['2.0.source.article_2025_10.citation']).toContain('25 October 2025');
    expect(questionnaireV2Messages['2.0.source.ge_112.citation']).toContain('112');
    expect(questionnaireV2Messages['2.0.source.ge_112.url']).toBe('https://112.gov.ge');
    expect(questionnaireV2Messages['2.0.source.az_mes.url']).toBe('https://www.fhn.gov.az');
    for (const country of emergencyNumbersV2) {
      for (const n of country.numbers) {
        const citation = questionnaireV2Messages[messageKeys.sourceCitation('2.0', n.source)] ?? '';
        expect({ id: n.id, cited: citation.includes(n.number) }).toEqual({ id: n.id, cited: true });
      }
    }
  });

  it('states an emergency number only in the citation of its source', () => {
    const staffBand = /^2\.0\.q\.staff_[a-z]+\.opt\./;
    for (const [key, text] of Object.entries(questionnaireV2Messages)) {
      if (staffBand.test(key) || key.includes('.source.')) continue;
      expect({ key, shortNumber: /(^|[^\d])\d{3}([^\d]|$)/.test(text) }).toEqual({ key, shortNumber: false });
    }
  });
});

describe('questionnaire 2.0 integrity checks', () => {
  function broken(change: (copy: Questionnaire) => void): Questionnaire {
    const copy = structuredClone(questionnaireV2);
    change(copy);
    return copy;
  }
  const question = (copy: Questionnaire, id: string): Question => {
    const found = copy.sections.flatMap((s) => s.questions).find((x) => x.id === id);
    if (!found) throw new Error(`no question ${id}`);
    return found;
  };

  it('catch an ungraded measure answer, a duplicate or missing action, and an action that does not treat what it lowers', () => {
    // (the last kind: the data currently has two, see knownMeasureProblemsV2; one more is added here)
    const copy = broken((c) => {
      question(c, 'mfa').options = [{ value: 'all_accounts', credit: 'full' }, { value: 'none' }];
      c.recommendations = c.recommendations
        .filter((r) => r.id !== 'apply_updates')
        .map((r) => (r.id === 'keep_tested_backups' ? { ...r, addresses: ['backups', 'mfa'] } : r))
        .map((r) => (r.id === 'install_backup_power' ? { ...r, treats: ['cyberattack'] } : r));
    });
    const before = measureProblems(q2);
    expect(measureProblems(copy).filter((p) => !before.includes(p))).toEqual([
      'measure mfa=none gives no credit',
      'measure mfa cannot be answered "not in place"',
      'recommendation install_backup_power puts backup_power in place, which lowers energy_disruption, but does not treat it',
      'recommendation install_backup_power treats cyberattack, but none of its measures lowers it',
      'measure mfa is addressed by require_mfa and keep_tested_backups',
      'measure updates is addressed by no recommendation',
    ]);
  });

  it('catch a recovery time target that is not checked against the tolerable outage, and a resource no activity can need', () => {
    const copy = broken((c) => {
      delete (question(c, 'activity_2_recovery') as { shorterThan?: string }).shorterThan;
      c.scenarios = c.scenarios.map((s) => (s.id === 'crime' ? { ...s, disrupts: [{ resource: 'cash', outage: 'day_1' }] } : s));
    });
    expect(impactAnalysisProblems(copy)).toEqual([
      'a scenario takes away cash, which activity_1_needs cannot name',
      'activity_2_recovery is not checked to be shorter than activity_2_outage',
      'a scenario takes away cash, which activity_2_needs cannot name',
      'a scenario takes away cash, which activity_3_needs cannot name',
      'a scenario takes away cash, which activity_4_needs cannot name',
      'a scenario takes away cash, which activity_5_needs cannot name',
    ]);
  });

  it('catch a missing emergency service name', () => {
    const messages: Record<string, string> = { ...questionnaireV2Messages };
    delete messages['2.0.emergency.az_fire'];
    expect(messageProblems(q2, messages, (key) => Object.hasOwn(messages, key), emergencyServiceKeys)).toEqual([
      'missing message 2.0.emergency.az_fire',
    ]);
  });
});

describe('questionnaire integrity checks', () => {
  function broken(change: (copy: Questionnaire) => void): Questionnaire {
    const copy = structuredClone(questionnaireV1);
    change(copy);
    return copy;
  }
  const question = (copy: Questionnaire, id: string): Question => {
    const found = copy.sections.flatMap((s) => s.questions).find((x) => x.id === id);
    if (!found) throw new Error(`no question ${id}`);
    return found;
  };

  it('catch a question that depends on its own or a later section, and an option that does not exist', () => {
    const copy = broken((c) => {
      question(c, 'sector').showIf = { question: 'mfa', equals: 'all_accounts' };
      question(c, 'company_name').showIf = { question: 'countries', includes: 'georgia' };
      question(c, 'bank').showIf = { question: 'countries', includes: 'armenia' };
    });
    expect(conditionProblems(copy)).toEqual([
      'question company_name reads countries, which is not in an earlier section',
      'question sector reads mfa, which is not in an earlier section',
      'question bank compares countries with armenia, which is not one of its options',
    ]);
  });

  it('catch a section that can never apply and a recommendation that can never be avoided', () => {
    const copy = broken((c) => {
      const section = c.sections.find((s) => s.id === 'energy');
      if (section) section.showIf = { all: [{ question: 'cross_border', equals: 'yes' }, { question: 'cross_border', equals: 'no' }] };
      const rec = c.recommendations.find((r) => r.id === 'apply_updates');
      if (rec) rec.recommendIf = { any: [{ question: 'updates', equals: 'irregular' }, { not: { question: 'updates', equals: 'irregular' } }] };
    });
    expect(reachabilityProblems(copy)).toEqual([
      'section energy: its condition can never hold',
      'recommendation apply_updates: no answers can make it unnecessary',
    ]);
  });

  it('catch a recommendation triggered by a hidden question', () => {
    const copy = broken((c) => {
      const rec = c.recommendations.find((r) => r.id === 'plan_expatriate_evacuation');
      if (rec) rec.recommendIf = { not: { question: 'expatriate_evacuation', equals: 'planned_rehearsed' } };
    });
    expect(hiddenQuestionProblems(copy)).toEqual([
      'recommendation plan_expatriate_evacuation depends on expatriate_evacuation while that question is hidden',
    ]);
  });

  it('catch unknown scenarios, a "don\'t know" that reduces risk, and an untreated scenario', () => {
    const copy = broken((c) => {
      const mfa = question(c, 'mfa');
      mfa.options = [
        { value: 'all_accounts', effects: [{ scenario: 'alien_invasion', reduces: 'likelihood', by: 1 }] },
        { value: 'dont_know', effects: [{ scenario: 'cyberattack', reduces: 'likelihood', by: 1 }] },
      ];
      c.recommendations = c.recommendations.filter((r) => !r.treats.includes('crime'));
    });
    expect(effectProblems(copy)).toEqual([
      'mfa=all_accounts affects unknown scenario alien_invasion',
      'mfa=dont_know reduces cyberattack',
    ]);
    expect(coverageProblems(copy)).toEqual(['scenario crime is treated by no recommendation']);
  });

  it('catch duplicate ids and free text without a limit', () => {
    const copy = broken((c) => {
      question(c, 'bank').id = 'insurer';
      delete question(c, 'key_suppliers').maxLength;
    });
    expect(idProblems(copy)).toEqual(['duplicate question id insurer']);
    expect(shapeProblems(copy)).toEqual(['key_suppliers should have maxLength 2000']);
  });

  it('catch a missing message and an orphaned one', () => {
    const messages: Record<string, string> = { ...questionnaireV1Messages, '1.0.q.no_such_question.text': 'Orphan' };
    delete messages['1.0.q.mfa.hint'];
    expect(messageProblems(q, messages, (key) => Object.hasOwn(messages, key))).toEqual([
      'missing message 1.0.q.mfa.hint',
      'orphaned message 1.0.q.no_such_question.text',
    ]);
  });
});
