import { beforeEach, describe, expect, it } from 'vitest';
import { csrfTokenFrom, formBody } from '../support/forms.js';
import { useFreshApp } from '../support/lifecycle.js';
import { newAgent, postSection, startAssessment, type Agent } from '../support/walk.js';

describe('hostile or broken requests get a 4xx page, never a 500', () => {
  const app = useFreshApp();
  let agent: Agent;

  beforeEach(async () => {
    agent = newAgent(app().app);
    await startAssessment(agent);
  });

  it('an unknown section is a friendly 404', async () => {
    const response = await agent.get('/assessment/sections/no_such_section');
    expect(response.status).toBe(404);
    expect(response.text).toContain('Page not found');
  });

  it('malformed URL encoding in the path is a 400 page without a stack', async () => {
    const response = await agent.get('/assessment/sections/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.text).toContain('We could not read that request');
    expect(response.text).not.toMatch(/at \w+ \(|node_modules|URIError/);
  });

  it('malformed URL encoding in a form body is not a 500', async () => {
    const page = await agent.get('/assessment/sections/profile');
    const response = await agent
      .post('/assessment/sections/profile')
      .type('form')
      .send(`_csrf=${encodeURIComponent(csrfTokenFrom(page.text))}&company_name=%E0%A4%A&sector=%ZZ`);
    expect(response.status).toBeGreaterThanOrEqual(300);
    expect(response.status).toBeLessThan(500);
  });

  it('a body over the size limit is a 413 page', async () => {
    const response = await postSection(agent, 'profile', { company_name: 'x'.repeat(200_000) });
    expect(response.status).toBe(413);
    expect(response.text).toContain('Too much was sent');
  });

  it('too many fields is a 413 page', async () => {
    const page = await agent.get('/assessment/sections/profile');
    const fields: Record<string, string> = { _csrf: csrfTokenFrom(page.text) };
    for (let i = 0; i < 400; i += 1) fields[`f${i}`] = 'x';
    const response = await agent.post('/assessment/sections/profile').type('form').send(formBody(fields));
    expect(response.status).toBe(413);
  });

  it('a section save without a CSRF token is refused with 403, changes nothing and gives back what was typed', async () => {
    const response = await agent.post('/assessment/sections/profile').type('form').send(formBody({ company_name: 'Forged Ltd', action: 'continue' }));
    expect(response.status).toBe(403);
    expect(response.text).toContain('we could not save this form');
    expect(response.text).toContain('value="Forged Ltd"');
    expect(response.text).toMatch(/name="_csrf" value="[^"]+"/);
    const rows = await app().database.db.selectFrom('answers').selectAll().execute();
    expect(rows).toHaveLength(0);
  });

  it('any other POST without a CSRF token gets the friendly 403 page', async () => {
    const response = await newAgent(app().app).post('/assessments').type('form').send('');
    expect(response.status).toBe(403);
    expect(response.text).toContain('Your form has expired');
    const assessments = await app().database.db.selectFrom('assessments').selectAll().execute();
    expect(assessments).toHaveLength(1);
  });

  it('a POST with another session\'s CSRF token is refused', async () => {
    const other = newAgent(app().app);
    await startAssessment(other);
    const otherPage = await other.get('/assessment/sections/profile');
    const response = await agent
      .post('/assessment/sections/profile')
      .type('form')
      .send(formBody({ _csrf: csrfTokenFrom(otherPage.text), company_name: 'Forged Ltd' }));
    expect(response.status).toBe(403);
    const rows = await app().database.db.selectFrom('answers').selectAll().execute();
    expect(rows).toHaveLength(0);
  });

  it('a resume link that matches nothing is a friendly 404', async () => {
    const response = await newAgent(app().app).get(`/resume/${'A'.repeat(43)}`);
    expect(response.status).toBe(404);
    expect(response.text).toContain('This link does not work');
  });

  it('assessment pages without an assessment say how to get one', async () => {
    const response = await newAgent(app().app).get('/assessment');
    expect(response.status).toBe(404);
    expect(response.text).toContain('We could not find your assessment');
  });
});
