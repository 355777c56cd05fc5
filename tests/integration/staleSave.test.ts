import { describe, expect, it } from 'vitest';
import { useFreshApp } from '../support/lifecycle.js';
import { answersFor, newAgent, startAssessment, submitSection } from '../support/walk.js';

describe('two saves of one section from pages shown at the same time', () => {
  const app = useFreshApp();

  it('saves the first, tells the second user and keeps what they typed; their next save goes through', async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    const firstWindow = await agent.get('/assessment/sections/profile').expect(200);
    const secondWindow = await agent.get('/assessment/sections/profile').expect(200);

    const first = await submitSection(agent, 'profile', firstWindow.text, { ...answersFor('profile', {}), company_name: 'First Window LLC' });
    expect(first.status).toBe(303);

    const second = await submitSection(agent, 'profile', secondWindow.text, { ...answersFor('profile', {}), company_name: 'Second Window LLC' });
    expect(second.status).toBe(409);
    expect(second.text).toContain('saved from another window or by someone else');
    expect(second.text).toContain('value="Second Window LLC"');
    const stored = await app().database.db.selectFrom('answers').select('value_json').where('question_id', '=', 'company_name').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.value_json)).toBe('First Window LLC');

    const again = await submitSection(agent, 'profile', second.text, { ...answersFor('profile', {}), company_name: 'Second Window LLC' });
    expect(again.status).toBe(303);
    const after = await app().database.db.selectFrom('answers').select('value_json').where('question_id', '=', 'company_name').executeTakeFirstOrThrow();
    expect(JSON.parse(after.value_json)).toBe('Second Window LLC');
  });

  it('lets exactly one of two saves sent at the same moment win', async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    const page = await agent.get('/assessment/sections/profile').expect(200);
    const [a, b] = await Promise.all([
      submitSection(agent, 'profile', page.text, { ...answersFor('profile', {}), company_name: 'Racer A' }),
      submitSection(agent, 'profile', page.text, { ...answersFor('profile', {}), company_name: 'Racer B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    const winner = a.status === 303 ? 'Racer A' : 'Racer B';
    const stored = await app().database.db.selectFrom('answers').select('value_json').where('question_id', '=', 'company_name').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.value_json)).toBe(winner);
  });
});
