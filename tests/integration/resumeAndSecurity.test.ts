import { afterEach, describe, expect, it } from 'vitest';
import { hashResumeToken } from '../../src/services/resumeTokens.js';
import { makeDataDir, removeDataDir, startApp, TEST_HEALTH_TOKEN, type RunningApp } from '../support/testApp.js';

import { newAgent, openResumeLink, postSection, startAssessment } from '../support/walk.js';

describe('resume without an account', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function started(dataDir: string): Promise<RunningApp> {
    const running = await startApp(dataDir);
    cleanups.unshift(() => running.stop());
    return running;
  }

  it('restores the assessment in another browser after the app restarts on the same data folder', async () => {
    const dataDir = makeDataDir();
    cleanups.push(() => Promise.resolve(removeDataDir(dataDir)));
    const first = await started(dataDir);
    const agent = newAgent(first.app);
    const resumeLink = await startAssessment(agent);
    await postSection(agent, 'profile', { company_name: 'Caspian Freight LLC' }, 'later');
    await first.stop();

    const second = await started(dataDir);
    const browser = newAgent(second.app);
    const token = new URL(resumeLink).pathname.split('/').pop() ?? '';
    const confirm = await browser.get(`/resume/${token}`).expect(200);
    expect(confirm.headers['referrer-policy']).toBe('no-referrer');
    expect(confirm.text).toContain('Open this assessment?');
    expect(confirm.text).toContain('Caspian Freight LLC');
    const opened = await openResumeLink(browser, token);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/assessment');
    const page = await browser.get('/assessment').expect(200);
    expect(page.text).toContain('Caspian Freight LLC');
    expect(page.text).toContain('In progress');
    const section = await browser.get('/assessment/sections/profile').expect(200);
    expect(section.text).toContain('value="Caspian Freight LLC"');
  });

  it('stores only a hash of the resume secret', async () => {
    const dataDir = makeDataDir();
    cleanups.push(() => Promise.resolve(removeDataDir(dataDir)));
    const running = await started(dataDir);
    const token = new URL(await startAssessment(newAgent(running.app))).pathname.split('/').pop() ?? '';
    const rows = await running.database.db.selectFrom('resume_tokens').select('token_hash').execute();
    expect(rows.map((row) => row.token_hash)).toEqual([hashResumeToken(token)]);
    const sessions = await running.database.db.selectFrom('sessions').select('data').execute();
    expect(sessions.map((row) => row.data).join('')).not.toContain(token);
  });
});

describe('security headers and health', () => {
  let running: RunningApp;
  afterEach(async () => {
    await running.stop();
    removeDataDir(running.dataDir);
  });

  it('sends a CSP without inline script, no-referrer and no-store on assessment pages', async () => {
    running = await startApp(makeDataDir());
    const agent = newAgent(running.app);
    const start = await agent.get('/').expect(200);
    const csp = String(start.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(start.headers['referrer-policy']).toBe('no-referrer');
    await startAssessment(agent);
    const tasks = await agent.get('/assessment').expect(200);
    expect(tasks.headers['cache-control']).toBe('no-store');
    const cookie = String(tasks.headers['set-cookie'] ?? '');
    expect(cookie === '' || /HttpOnly/i.test(cookie)).toBe(true);
  });

  it('answers /healthz with its status only to anyone, and with the version and each check to an operator', async () => {
    running = await startApp(makeDataDir());
    const anonymous = await newAgent(running.app).get('/healthz').expect(200);
    expect(anonymous.body).toEqual({ status: 'ok' });
    const wrongToken = await newAgent(running.app).get('/healthz').set('X-Health-Token', 'guess').expect(200);
    expect(wrongToken.body).toEqual({ status: 'ok' });
    const operator = await newAgent(running.app).get('/healthz').set('X-Health-Token', TEST_HEALTH_TOKEN).expect(200);
    expect(operator.body).toMatchObject({ status: 'ok', version: 'test', checks: { database: 'ok' } });
  });
});
