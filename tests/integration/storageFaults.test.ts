import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import { noteField } from '../../src/web/forms/fields.js';
import { csrfTokenFrom, formBody, locationOf } from '../support/forms.js';
import { faultOn } from '../support/storageFaults.js';
import { makeDataDir, removeDataDir, startApp, testStore, TEST_HEALTH_TOKEN, type RunningApp } from '../support/testApp.js';
import { answersFor, everyExposureProfile, newAgent, postSection, startAssessment, submitSection, walkAllSections, type Agent } from '../support/walk.js';

/** The write probe's answer is reused for 2 s; give /healthz a little more to change its mind. */
const HEALTH_SETTLES_MS = 3000;

/** Every measure answered with its second option (partly in place), so many actions are recommended. */
const partialMeasures: Record<string, string> = Object.fromEntries(
  currentQuestionnaire.sections
    .filter((section) => section.kind === 'pillar')
    .flatMap((section) => section.questions)
    .flatMap((question) => (question.type === 'radio' && question.options?.[1] ? [[question.id, question.options[1].value]] : [])),
);


interface LogLine {
  level: number;
  msg: string;
  storageCode?: string;
  path?: string;
  [key: string]: unknown;
}

const WARN = 40;

async function waitForHealth(agent: Agent, status: number): Promise<{ status: number; body: unknown; waitedMs: number }> {
  const started = Date.now();
  for (;;) {
    const response = await agent.get('/healthz').set('X-Health-Token', TEST_HEALTH_TOKEN);
    if (response.status === status || Date.now() - started > HEALTH_SETTLES_MS) return { status: response.status, body: response.body, waitedMs: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe(`storage faults on ${testStore}`, () => {
  let running: RunningApp | undefined;
  let logLines: string[] = [];
  const logs = (): LogLine[] => logLines.map((line) => JSON.parse(line) as LogLine);

  afterEach(async () => {
    if (!running) return;
    await running.stop();
    removeDataDir(running.dataDir);
    running = undefined;
  });

  async function start(): Promise<RunningApp> {
    logLines = [];
    running = await startApp(makeDataDir(), { logger: pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) }) });
    return running;
  }

  const storedAnswers = async (app: RunningApp) =>
    app.database.db.selectFrom('answers').select(['question_id', 'value_json', 'note']).orderBy('question_id').execute();

  it('while the database refuses writes: /healthz is not ready, a section save comes back 503 with what was typed, and the log names the cause; once writable, the same save goes through', async () => {
    const app = await start();
    const agent = newAgent(app.app);
    await startAssessment(agent);
    expect((await postSection(agent, 'profile', answersFor('profile', {}, everyExposureProfile))).status).toBe(303);
    expect((await waitForHealth(agent, 200)).status).toBe(200);
    const before = await storedAnswers(app);

    // Notes of 1000 characters (2 bytes each) on four questions: more than a page, so the save must grow the store.
    const typed: Record<string, string | string[]> = { ...answersFor('profile', {}, everyExposureProfile), company_name: 'Şəki Trans MMC' };
    for (const id of ['countries', 'cross_border', 'road_transport', 'energy_dependence']) typed[noteField(id)] = 'ə'.repeat(1000);
    const page = await agent.get('/assessment/sections/profile').expect(200);

    const fault = faultOn(app);
    await fault.apply();
    const unhealthy = await waitForHealth(agent, 503);
    expect(unhealthy).toMatchObject({ status: 503, body: { status: 'unavailable', checks: { database: 'failing' } } });

    const refused = await submitSection(agent, 'profile', page.text, typed);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.text).toContain('<title>Error: About your business');
    expect(refused.text).toContain('Your answers on this page were not saved');
    expect(refused.text).toContain('value="Şəki Trans MMC"');
    expect(refused.text).toContain('ə'.repeat(1000));
    expect(await storedAnswers(app)).toEqual(before);

    const failures = logs().filter((line) => line.level >= WARN && JSON.stringify(line).includes(fault.code));
    expect(failures.filter((line) => line.path === '/assessment/sections/profile')).toHaveLength(1);
    expect(failures.find((line) => line.path === '/assessment/sections/profile')).toMatchObject({ storageCode: fault.code, msg: 'not saved: the database cannot be written right now' });
    expect(failures.some((line) => line.msg.startsWith('the database cannot be written: /healthz'))).toBe(true);
    expect(logLines.join('\n')).not.toMatch(/cannot rollback|not queryable/);

    await fault.lift();
    expect((await waitForHealth(agent, 200)).status).toBe(200);
    const saved = await submitSection(agent, 'profile', refused.text, typed);
    expect(saved.status).toBe(303);
    const stored = await storedAnswers(app);
    expect(stored.find((row) => row.question_id === 'company_name')?.value_json).toBe(JSON.stringify('Şəki Trans MMC'));
    expect(stored.find((row) => row.question_id === 'countries')?.note).toBe('ə'.repeat(1000));
    expect(logs().some((line) => line.msg === 'the database takes writes again')).toBe(true);
  });

  it('an action plan save the database refuses comes back 503 with what was typed; saved once writable', async () => {
    const app = await start();
    const agent = newAgent(app.app);
    await startAssessment(agent);
    await walkAllSections(agent, { ...everyExposureProfile, ...partialMeasures });
    const page = await agent.get('/assessment/actions').expect(200);
    const ownerFields = [...page.text.matchAll(/name="(owner-[^"]+)"/g)].map((match) => match[1] ?? '');
    // Up to 120 characters (2 bytes each) for every owner: more than a page in all.
    expect(ownerFields.length * 230).toBeGreaterThan(4096);
    const owners = Object.fromEntries(ownerFields.map((name, index) => [name, `${index} ${'Ə'.repeat(115)}`]));
    const form = { _csrf: csrfTokenFrom(page.text), ...owners };

    const fault = faultOn(app);
    await fault.apply();
    const refused = await agent.post('/assessment/actions').type('form').send(formBody(form));
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.text).toContain('<title>Error: Action plan');
    expect(refused.text).toContain('Your changes to the action plan were not saved');
    expect(refused.text).toContain(`value="0 ${'Ə'.repeat(115)}"`);
    expect(await app.database.db.selectFrom('action_plan_entries').selectAll().execute()).toEqual([]);
    expect(logLines.join('\n')).not.toMatch(/cannot rollback|not queryable/);

    await fault.lift();
    const saved = await agent.post('/assessment/actions').type('form').send(formBody({ ...form, _csrf: csrfTokenFrom(refused.text) }));
    expect(saved.status).toBe(303);
    expect(locationOf(saved)).toBe('/assessment/actions?saved=1');
    expect(await app.database.db.selectFrom('action_plan_entries').select('owner').where('owner', 'like', '0 %').executeTakeFirst()).toEqual({ owner: `0 ${'Ə'.repeat(115)}` });
  });

  it.runIf(testStore === 'postgres')('starting an assessment while the database refuses writes says "not saved, try again", not "form expired"', async () => {
    const app = await start();
    const agent = newAgent(app.app);
    const startPage = await agent.get('/').expect(200);
    const fault = faultOn(app);
    await fault.apply();
    const refused = await agent.post('/assessments').type('form').send(formBody({ _csrf: csrfTokenFrom(startPage.text) }));
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.text).toContain('We could not save or load that just now');
    expect(refused.text).not.toMatch(/expired|could not find/i);
    await fault.lift();
  });
});
