import { beforeEach, describe, expect, it } from 'vitest';
import { useFreshApp } from '../support/lifecycle.js';
import { answersFor, newAgent, postSection, startAssessment, type Agent } from '../support/walk.js';

describe('validation on a question page', () => {
  const app = useFreshApp();
  let agent: Agent;

  beforeEach(async () => {
    agent = newAgent(app().app);
    await startAssessment(agent);
  });

  it('re-renders with an error summary linking to each field and keeps every value typed', async () => {
    const response = await postSection(agent, 'profile', {
      company_name: '',
      sector: 'finance',
      profile_unknown_field: 'ignored',
      sector__note: 'Retail banking, two branches',
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('There is a problem');
    expect(response.text).toMatch(/<a href="#company_name">Enter an answer – [^<]*<\/a>/);
    expect(response.text).toMatch(/<a href="#countries">Select an answer – [^<]*<\/a>/);
    expect(response.text).toContain('aria-describedby="company_name-hint company_name-error"');
    expect(response.text).toMatch(/id="sector-finance" name="sector" value="finance" checked/);
    expect(response.text).toContain('Retail banking, two branches</textarea>');
    expect(response.text).toMatch(/<title>Error: /);
    const rows = await app().database.db.selectFrom('answers').selectAll().execute();
    expect(rows).toHaveLength(0);
  });

  it('refuses an overlong answer with a clear message and keeps it to correct', async () => {
    const long = 'x'.repeat(201);
    const response = await postSection(agent, 'profile', { ...answersFor('profile', {}), company_name: long });
    expect(response.status).toBe(400);
    expect(response.text).toContain('Must be 200 characters or fewer');
    expect(response.text).toContain(`value="${long}"`);
  });

  it('refuses an overlong note', async () => {
    const response = await postSection(agent, 'profile', { ...answersFor('profile', {}), sector__note: 'n'.repeat(1001) });
    expect(response.status).toBe(400);
    expect(response.text).toContain('<a href="#sector__note">');
    expect(response.text).toContain('Must be 1000 characters or fewer');
  });

  it('answers a field sent twice with a 400 page, not a 500', async () => {
    const response = await postSection(agent, 'profile', { ...answersFor('profile', {}), company_name: ['One', 'Two'], sector: ['finance', 'energy'] });
    expect(response.status).toBe(400);
    expect(response.text).toContain('Give one answer only');
  });

  it('refuses an option that is not offered', async () => {
    const response = await postSection(agent, 'profile', { ...answersFor('profile', {}), sector: 'smuggling' });
    expect(response.status).toBe(400);
    expect(response.text).toContain('Select one of the options shown');
  });

  it('accepts Georgian, Azerbaijani and Cyrillic text exactly as typed', async () => {
    const name = 'შპს ქართული · Şirkət Əliyev ğı · ООО Ромашка';
    const response = await postSection(agent, 'profile', { ...answersFor('profile', {}), company_name: name });
    expect(response.status).toBe(303);
    const row = await app().database.db.selectFrom('answers').select('value_json').where('question_id', '=', 'company_name').executeTakeFirstOrThrow();
    expect(JSON.parse(row.value_json)).toBe(name);
    const check = await agent.get('/assessment/check').expect(200);
    expect(check.text).toContain(name);
  });

  it('drops invisible control characters but keeps line breaks in notes, on every store', async () => {
    const response = await postSection(agent, 'profile', {
      ...answersFor('profile', {}),
      company_name: 'Null\u0000Byte\u0007 Ltd',
      sector__note: 'first line\r\nsecond\u0000 line',
    });
    expect(response.status).toBe(303);
    const rows = await app().database.db.selectFrom('answers').select(['question_id', 'value_json', 'note']).execute();
    expect(JSON.parse(rows.find((row) => row.question_id === 'company_name')?.value_json ?? '""')).toBe('NullByte Ltd');
    expect(rows.find((row) => row.question_id === 'sector')?.note).toBe('first line\r\nsecond line');
  });

  it('escapes markup typed into answers', async () => {
    const response = await postSection(agent, 'profile', { ...answersFor('profile', {}), company_name: '<script>alert(1)</script>' });
    expect(response.status).toBe(303);
    const check = await agent.get('/assessment/check').expect(200);
    expect(check.text).not.toContain('<script>alert(1)</script>');
    expect(check.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
