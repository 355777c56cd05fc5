import { describe, expect, it } from 'vitest';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import { useFreshApp } from '../support/lifecycle.js';
import { everyExposureProfile, newAgent, postSection, startAssessment, walkAllSections } from '../support/walk.js';

describe('the assessment walk over HTTP on SQLite', () => {
  const app = useFreshApp();

  it('walks from the start page through every relevant section to a scored results page', async () => {
    const agent = newAgent(app().app);
    const start = await agent.get('/').expect(200);
    expect(start.text).toContain('Start now');

    const resumeLink = await startAssessment(agent);
    expect(resumeLink).toMatch(/\/resume\/[A-Za-z0-9_-]{43}$/);

    const tasks = await agent.get('/assessment').expect(200);
    expect(tasks.text).toContain('Not started');

    // No offline backups and no multi-factor sign-in: two measures missing, two actions to take.
    const { visited } = await walkAllSections(agent, { ...everyExposureProfile, mfa: 'none', backups: 'dont_know' });
    expect(visited).toEqual(currentQuestionnaire.sections.map((s) => s.id));

    const check = await agent.get('/assessment/check').expect(200);
    expect(check.text).toContain('Kartli Logistics LLC');
    expect(check.text).toContain('href="/assessment/sections/profile?return=check#question-company_name"');
    expect(check.text).toContain('See your results');

    const results = await agent.get('/assessment/results').expect(200);
    expect(results.text).toContain('Overall risk rating');
    expect(results.text).toContain('class="heat-map"');
    expect(results.text).toContain('Risk register');
    expect(results.text).toContain('What to do first');
    expect(results.text).toMatch(/Within (7|30|90) days|Within 12 months/);
    expect(results.text).toContain('Why each scenario rates as it does');
    expect(results.text).toContain('Measures not in place');
    expect(results.text).toContain('Things to find out');
    expect(results.text).toContain('Find out and record the answer: Do you keep backup copies of your critical systems and data?');
    expect(results.headers['cache-control']).toBe('no-store');

    const stored = await app().database.db.selectFrom('answers').select(['question_id', 'value_json']).execute();
    const company = stored.find((row) => row.question_id === 'company_name');
    expect(company?.value_json).toBe(JSON.stringify('Kartli Logistics LLC'));
    const progress = await app().database.db.selectFrom('section_progress').select(['section_id', 'status']).execute();
    expect(progress.filter((row) => row.status === 'completed')).toHaveLength(currentQuestionnaire.sections.length);
  });

  it('skips the border section for a business that moves nothing across the border', async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    const { visited } = await walkAllSections(agent, { ...everyExposureProfile, cross_border: 'no' });
    expect(visited).not.toContain('cross_border');
    const tasks = await agent.get('/assessment').expect(200);
    expect(tasks.text).toMatch(/Not needed/);
    const results = await agent.get('/assessment/results').expect(200);
    expect(results.text).toContain('Not applicable to your business:');
  });

  it('returns to check your answers after a change made from it', async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    await walkAllSections(agent);
    const page = await agent.get('/assessment/sections/profile?return=check').expect(200);
    expect(page.text).toContain('name="return" value="check"');
    const fields = { ...everyExposureProfile, company_name: 'Renamed Ltd', sector: 'finance', sites: 'one', staff_local: 'none', staff_expatriate: 'none', critical_it: 'essential', online_services: 'no' };
    const response = await postSection(agent, 'profile', { ...fields, return: 'check' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/assessment/check');
    const check = await agent.get('/assessment/check').expect(200);
    expect(check.text).toContain('Renamed Ltd');
  });

  it('keeps a half-done section with "save and come back later" and shows a new resume link', async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    const saved = await postSection(agent, 'profile', { company_name: 'Half Done LLC' }, 'later');
    expect(saved.status).toBe(200);
    expect(saved.text).toContain('Your answers have been saved.');
    expect(saved.text).toMatch(/\/resume\/[A-Za-z0-9_-]{43}/);
    const tasks = await agent.get('/assessment').expect(200);
    expect(tasks.text).toContain('In progress');
    expect(tasks.text).toContain('Cannot start yet');
    const check = await agent.get('/assessment/check').expect(200);
    expect(check.text).toContain('Half Done LLC');
    expect(check.text).not.toContain('/assessment/sections/cross_border');
    const results = await agent.get('/assessment/results');
    expect(results.status).toBe(303);
    expect(results.headers.location).toBe('/assessment?incomplete=1');
  });
});
