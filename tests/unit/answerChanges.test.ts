import { describe, expect, it } from 'vitest';
import { changedAnswers } from '../../src/repositories/answerHistoryRepository.js';
import type { Answers } from '../../src/questionnaire/types.js';

describe('changedAnswers', () => {
  const before: Answers = {
    sector: { value: 'energy' },
    countries: { value: ['georgia', 'azerbaijan'], note: 'Tbilisi office' },
    sites: { value: 'one' },
    elsewhere: { value: 'kept' },
  };

  it('given the same answers again, reports no change', () => {
    expect(changedAnswers(['sector', 'countries', 'sites'], before, { ...before })).toEqual([]);
  });

  it('given a changed value, a changed note, a new and a removed answer, reports each once in the order of the question ids', () => {
    const after: Answers = {
      sector: { value: 'finance' },
      countries: { value: ['georgia', 'azerbaijan'] },
      staff: { value: 'none' },
    };
    expect(changedAnswers(['staff', 'sector', 'countries', 'sites'], before, after)).toEqual([
      { questionId: 'staff', after: { value: 'none' } },
      { questionId: 'sector', before: { value: 'energy' }, after: { value: 'finance' } },
      { questionId: 'countries', before: before.countries, after: { value: ['georgia', 'azerbaijan'] } },
      { questionId: 'sites', before: { value: 'one' } },
    ]);
  });

  it('given answers to questions outside the ids, ignores them', () => {
    expect(changedAnswers(['sector'], before, { sector: { value: 'energy' } })).toEqual([]);
  });

  it('given checkboxes in another order, reports a change (the order is what was stored)', () => {
    expect(changedAnswers(['countries'], before, { countries: { value: ['azerbaijan', 'georgia'], note: 'Tbilisi office' } })).toHaveLength(1);
  });
});
