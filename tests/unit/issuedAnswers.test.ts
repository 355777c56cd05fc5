import { describe, expect, it } from 'vitest';
import { IssuedAnswersUnreadableError, parseIssuedAnswers } from '../../src/services/issuedAnswers.js';

describe('parseIssuedAnswers', () => {
  it('reads what issuing stores: answers by question id, single values, lists and notes', () => {
    const answers = { company_name: { value: 'Şəki İpək MMC' }, countries: { value: ['georgia', 'azerbaijan'], note: 'Both offices' }, prepared_by: { value: '' } };
    expect(parseIssuedAnswers(JSON.stringify(answers))).toEqual(answers);
    expect(parseIssuedAnswers('{}')).toEqual({});
  });

  it.each([
    ['not JSON', '{"company_name":'],
    ['a list', '[]'],
    ['null', 'null'],
    ['an answer without a value', '{"company_name":{"note":"x"}}'],
    ['a number as a value', '{"staff":{"value":12}}'],
    ['a list holding a number', '{"countries":{"value":["georgia",1]}}'],
    ['a note that is not text', '{"company_name":{"value":"x","note":false}}'],
    ['a bare string', '{"company_name":"Kartli"}'],
  ])('refuses a record that is not what issuing writes: %s', (_case, json) => {
    expect(() => parseIssuedAnswers(json)).toThrow(IssuedAnswersUnreadableError);
  });
});
