import { describe, expect, it } from 'vitest';
import { conditionHolds } from '../../src/questionnaire/conditions.js';
import { nextRelevantSection, sectionStatus, taskList } from '../../src/questionnaire/progress.js';
import { rolesV1 } from '../../src/questionnaire/v1/index.js';
import type { Answers, Condition, Questionnaire, Section } from '../../src/questionnaire/types.js';
import { effectiveAnswers } from '../../src/questionnaire/visibility.js';

const profile: Section = {
  id: 'profile',
  kind: 'profile',
  questions: [
    { id: 'moves', type: 'radio', required: true, allowNote: false, options: [{ value: 'yes' }, { value: 'no' }] },
    { id: 'name', type: 'text', required: false, allowNote: false, maxLength: 200 },
  ],
};
const border: Section = {
  id: 'border',
  kind: 'exposure',
  showIf: { question: 'moves', equals: 'yes' },
  questions: [{ id: 'checks', type: 'radio', required: true, allowNote: true, options: [{ value: 'a' }, { value: 'b' }] }],
};
const contacts: Section = {
  id: 'contacts',
  kind: 'contacts',
  questions: [{ id: 'lead', type: 'text', required: true, allowNote: false, maxLength: 200, showIf: { question: 'moves', equals: 'no' } }],
};
const questionnaire: Questionnaire = { version: 'test', sections: [profile, border, contacts], scenarios: [], recommendations: [], sources: [], roles: rolesV1 };

describe('conditions', () => {
  const answers: Answers = { one: { value: 'a' }, many: { value: ['x', 'y'] } };
  it.each<[Condition, boolean]>([
    [{ question: 'one', equals: 'a' }, true],
    [{ question: 'one', equals: 'b' }, false],
    [{ question: 'missing', equals: 'a' }, false],
    [{ question: 'one', oneOf: ['b', 'a'] }, true],
    [{ question: 'many', includes: 'y' }, true],
    [{ question: 'many', includes: 'z' }, false],
    [{ question: 'many', includesAny: ['z', 'x'] }, true],
    [{ all: [{ question: 'one', equals: 'a' }, { question: 'many', includes: 'x' }] }, true],
    [{ all: [{ question: 'one', equals: 'a' }, { question: 'many', includes: 'z' }] }, false],
    [{ any: [{ question: 'one', equals: 'b' }, { question: 'many', includes: 'x' }] }, true],
    [{ not: { question: 'one', equals: 'a' } }, false],
    [{ not: { question: 'missing', equals: 'a' } }, true],
  ])('%j holds: %s', (condition, expected) => {
    expect(conditionHolds(condition, answers)).toBe(expected);
  });
});

describe('section progress', () => {
  it.each<[string, Answers, string | undefined, string]>([
    ['an untouched section', {}, undefined, 'not_started'],
    ['a section with an answer but never saved as done', { name: { value: 'Acme' } }, undefined, 'in_progress'],
    ['a section saved for later', {}, 'in_progress', 'in_progress'],
    ['a completed section', { moves: { value: 'yes' } }, 'completed', 'completed'],
    ['a completed section whose required answer went missing', {}, 'completed', 'in_progress'],
  ])('%s', (_name, answers, stored, expected) => {
    expect(sectionStatus(profile, answers, stored)).toBe(expected);
  });

  it('says a profile-dependent section cannot start until the profile is complete', () => {
    expect(taskList(questionnaire, {}, {}).map((task) => task.status)).toEqual(['not_started', 'cannot_start', 'not_started']);
    expect(taskList(questionnaire, { moves: { value: 'yes' } }, { profile: 'in_progress' }).map((task) => task.status)).toEqual(['in_progress', 'cannot_start', 'not_started']);
    expect(taskList(questionnaire, { moves: { value: 'yes' } }, { profile: 'completed' }).map((task) => task.status)).toEqual(['completed', 'not_started', 'not_started']);
  });

  it('marks a section the profile makes irrelevant as not needed, and skips it in the walk', () => {
    const answers: Answers = { moves: { value: 'no' } };
    expect(taskList(questionnaire, answers, { profile: 'completed' }).map((task) => task.status)).toEqual(['completed', 'not_needed', 'not_started']);
    expect(nextRelevantSection(questionnaire, answers, 'profile')?.id).toBe('contacts');
    expect(nextRelevantSection(questionnaire, { moves: { value: 'yes' } }, 'profile')?.id).toBe('border');
    expect(nextRelevantSection(questionnaire, answers, 'contacts')).toBeUndefined();
  });

  it('a newly shown required question takes a completed section back to in progress', () => {
    expect(sectionStatus(contacts, { moves: { value: 'yes' } }, 'completed')).toBe('completed');
    expect(sectionStatus(contacts, { moves: { value: 'no' } }, 'completed')).toBe('in_progress');
  });

  it('ignores answers left behind in sections that no longer apply', () => {
    const answers: Answers = { moves: { value: 'no' }, checks: { value: 'a' } };
    expect(effectiveAnswers(questionnaire, answers)).toEqual({ moves: { value: 'no' } });
  });
});
