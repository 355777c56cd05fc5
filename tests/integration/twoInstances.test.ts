import request from 'supertest';
import type { Test } from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import { makeDataDir, removeDataDir, startApp, testStore, type RunningApp } from '../support/testApp.js';
import { answersFor, everyExposureProfile, postSection, startAssessment, submitSection, walkAllSections, type Agent } from '../support/walk.js';

/**
 * One browser (one cookie jar) whose requests can go to any instance, as behind a load balancer.
 * The session, and the CSRF token in it, live in the shared database, so nothing ties the
 * browser to one instance. `roundRobin` sends each request to the next instance that is up;
 * `pinnedTo` sends every request to one instance.
 */
function sharedCookieBrowser(instances: () => readonly RunningApp[]) {
  const cookies = new Map<string, string>();
  const served: number[] = [];
  let turn = 0;

  const send = (pick: () => number, build: (target: ReturnType<typeof request>) => Test): Test => {
    const index = pick();
    const target = instances()[index];
    if (!target) throw new Error(`instance ${index} is not up`);
    served.push(index);
    const test = build(request(target.app));
    if (cookies.size > 0) void test.set('Cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    test.on('response', (response: { headers: Record<string, string | string[] | undefined> }) => {
      const setCookie = response.headers['set-cookie'];
      for (const header of typeof setCookie === 'string' ? [setCookie] : (setCookie ?? [])) {
        const pair = header.split(';')[0] ?? '';
        const separator = pair.indexOf('=');
        if (separator > 0) cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
      }
    });
    return test;
  };
  // Only what the walk helpers use of a supertest agent.
  const agentFor = (pick: () => number) =>
    ({
      get: (url: string) => send(pick, (target) => target.get(url)),
      post: (url: string) => send(pick, (target) => target.post(url)),
    }) as unknown as Agent;

  return {
    served,
    roundRobin: agentFor(() => turn++ % instances().length),
    pinnedTo: (index: number) => agentFor(() => index),
  };
}

describe(`two app instances on one ${testStore === 'postgres' ? 'PostgreSQL database' : 'SQLite file'}`, () => {
  let dataDir: string;
  let instances: RunningApp[];
  
  beforeEach(async () => {
    dataDir = makeDataDir();
    instances = [await startApp(dataDir), await startApp(dataDir)];
  });

  afterEach(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    removeDataDir(dataDir);
  });

  const storedCompanyName = async () => {
    const row = await instances[0]!.database.db.selectFrom('answers').select('value_json').where('question_id', '=', 'company_name').executeTakeFirstOrThrow();
    return JSON.parse(row.value_json) as unknown;
  };

  it('walks to the results with requests alternating between the instances and loses nothing', async () => {
    const { roundRobin: agent, served } = sharedCookieBrowser(() => instances);
    await startAssessment(agent);
    const { visited, answers } = await walkAllSections(agent);
    expect(visited).toEqual(currentQuestionnaire.sections.map((s) => s.id));
    expect(new Set(served)).toEqual(new Set([0, 1]));

    const check = await agent.get('/assessment/check').expect(200);
    expect(check.text).toContain('Kartli Logistics LLC');
    const results = await agent.get('/assessment/results').expect(200);
    expect(results.text).toContain('Overall risk rating');

    const stored = await instances[1]!.database.db.selectFrom('answers').select(['question_id']).execute();
    expect(stored.map((row) => row.question_id).sort()).toEqual(Object.keys(answers).sort());
    const progress = await instances[0]!.database.db.selectFrom('section_progress').select(['status']).execute();
    expect(progress.filter((row) => row.status === 'completed')).toHaveLength(currentQuestionnaire.sections.length);
  });

  it('never shows a stale page: what one instance saved, the other shows on the next request', async () => {
    const { roundRobin: agent, served } = sharedCookieBrowser(() => instances);
    await startAssessment(agent);
    for (let round = 1; round <= 6; round += 1) {
      const name = `Round ${round} LLC`;
      const saved = await postSection(agent, 'profile', { ...answersFor('profile', {}), company_name: name });
      expect(saved.status).toBe(303);
      const savedBy = served.at(-1);
      const page = await agent.get('/assessment/sections/profile').expect(200);
      expect(served.at(-1)).not.toBe(savedBy);
      expect(page.text).toContain(`value="${name}"`);
    }
    expect(await storedCompanyName()).toBe('Round 6 LLC');
  });

  it('a stale save on one instance after a save on the other is refused with a notice, keeping what was typed', async () => {
    const browser = sharedCookieBrowser(() => instances);
    const [first, second] = [browser.pinnedTo(0), browser.pinnedTo(1)];
    await startAssessment(first);
    const pageOnFirst = await first.get('/assessment/sections/profile').expect(200);
    const pageOnSecond = await second.get('/assessment/sections/profile').expect(200);

    const saved = await submitSection(first, 'profile', pageOnFirst.text, { ...answersFor('profile', {}), company_name: 'First Instance LLC' });
    expect(saved.status).toBe(303);
    const stale = await submitSection(second, 'profile', pageOnSecond.text, { ...answersFor('profile', {}), company_name: 'Second Instance LLC' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('saved from another window or by someone else');
    expect(stale.text).toContain('value="Second Instance LLC"');
    expect(await storedCompanyName()).toBe('First Instance LLC');

    // Saving again from the notice page, on the other instance, goes through knowingly.
    const again = await submitSection(first, 'profile', stale.text, { ...answersFor('profile', {}), company_name: 'Second Instance LLC' });
    expect(again.status).toBe(303);
    expect(await storedCompanyName()).toBe('Second Instance LLC');
  });

  it('of two saves of one section sent at the same moment to different instances, exactly one wins and the other is told', async () => {
    const browser = sharedCookieBrowser(() => instances);
    const [onA, onB] = [browser.pinnedTo(0), browser.pinnedTo(1)];
    await startAssessment(onA);
    const pageA = await onA.get('/assessment/sections/profile').expect(200);
    const pageB = await onB.get('/assessment/sections/profile').expect(200);
    const [a, b] = await Promise.all([
      submitSection(onA, 'profile', pageA.text, { ...answersFor('profile', {}), company_name: 'Racer A' }),
      submitSection(onB, 'profile', pageB.text, { ...answersFor('profile', {}), company_name: 'Racer B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    const [winner, loser] = a.status === 303 ? ['Racer A', b] : ['Racer B', a];
    expect(loser.text).toContain('saved from another window or by someone else');
    expect(loser.text).toContain(`value="${winner === 'Racer A' ? 'Racer B' : 'Racer A'}"`);
    expect(await storedCompanyName()).toBe(winner);
  });

  it('a restart of either instance in the middle of the walk is invisible to the user', async () => {
    const { roundRobin: agent } = sharedCookieBrowser(() => instances);
    await startAssessment(agent);
    const sections = currentQuestionnaire.sections.map((s) => s.id);
    const known = {};
    const saveNext = async (sectionId: string) => {
      const response = await postSection(agent, sectionId, answersFor(sectionId, known, everyExposureProfile));
      expect(response.status).toBe(303);
    };
    await saveNext(sections[0]!);

    for (const restarting of [0, 1]) {
      // The load balancer stops sending to the instance while it is down.
      const down = instances[restarting]!;
      instances = instances.filter((instance) => instance !== down);
      await down.stop();
      await saveNext(sections[1 + restarting]!);
      instances.splice(restarting, 0, await startApp(dataDir));
      const tasks = await agent.get('/assessment').expect(200);
      expect(tasks.text).not.toContain('Start now');
    }

    const { visited } = await walkAllSections(agent);
    expect(visited).toEqual(sections);
    const check = await agent.get('/assessment/check').expect(200);
    expect(check.text).toContain('Kartli Logistics LLC');
  });
});
