import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { pino } from 'pino';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { ThrottleSettings } from '../../src/web/middleware/throttles.js';
import { csrfTokenFrom, formBody, resumeLinkFrom } from '../support/forms.js';
import { makeDataDir, removeDataDir, startApp, type RunningApp } from '../support/testApp.js';
import { openResumeLink } from '../support/walk.js';

/** Small limits so a test reaches them; windows long enough never to end during a test. */
const LIMITS: ThrottleSettings = {
  assessmentCreation: { attempts: 3, windowSeconds: 3600 },
  resumeAttempts: { attempts: 3, windowSeconds: 15 * 60 },
  verifyAttempts: { attempts: 3, windowSeconds: 15 * 60 },
};

/** A browser at one client address, as a reverse proxy (TRUST_PROXY=1) reports it. */
function browserAt(running: RunningApp, address: string) {
  return request.agent(running.app).set('X-Forwarded-For', address);
}

type Browser = ReturnType<typeof browserAt>;

/** Loads the start page and submits its form, as a person starting an assessment does. */
async function tryToCreate(browser: Browser) {
  const start = await browser.get('/').expect(200);
  return browser.post('/assessments').type('form').send(formBody({ _csrf: csrfTokenFrom(start.text) }));
}

async function assessmentCount(database: Database): Promise<number> {
  const row = await database.db.selectFrom('assessments').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function pointsUsedBy(database: Database, key: string): Promise<number | undefined> {
  const row = await database.db.selectFrom('rate_limits').select('points').where('key', '=', key).executeTakeFirst();
  return row?.points;
}

function unknownToken(): string {
  return randomBytes(32).toString('base64url');
}

describe('throttling per client address', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  function dataDir(): string {
    const dir = makeDataDir();
    cleanups.push(() => removeDataDir(dir));
    return dir;
  }

  async function started(dir: string, options: Parameters<typeof startApp>[1] = {}): Promise<RunningApp> {
    const running = await startApp(dir, { trustProxy: 1, throttling: LIMITS, ...options });
    cleanups.unshift(() => running.stop());
    return running;
  }

  it('refuses the creation past the limit with 429, Retry-After and a friendly page, stores nothing for it, and lets another address create', async () => {
    const running = await started(dataDir());
    const browser = browserAt(running, '203.0.113.7');
    for (let i = 0; i < 3; i += 1) expect((await tryToCreate(browser)).status).toBe(201);

    const refused = await tryToCreate(browser);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.text).toContain('Too many attempts');
    expect(refused.text).toContain('Too many attempts from your network. Try again in 60 minutes.');
    expect(refused.text).not.toMatch(/RateLimiter|at .*\.(ts|js):\d+/);
    expect(await assessmentCount(running.database)).toBe(3);

    expect((await tryToCreate(browserAt(running, '198.51.100.20'))).status).toBe(201);
    expect(await assessmentCount(running.database)).toBe(4);
  });

  it('counts one IPv6 /64 network as one client', async () => {
    const running = await started(dataDir());
    for (const host of ['1', '2', 'abcd']) expect((await tryToCreate(browserAt(running, `2001:db8:1:2::${host}`))).status).toBe(201);
    expect((await tryToCreate(browserAt(running, '2001:db8:1:2:ffff:ffff:ffff:ffff'))).status).toBe(429);
    expect((await tryToCreate(browserAt(running, '2001:db8:1:3::1'))).status).toBe(201);
  });

  it('shares the count between two app instances on one database', async () => {
    const dir = dataDir();
    const first = await started(dir);
    const second = await started(dir);
    const address = '192.0.2.44';
    expect((await tryToCreate(browserAt(first, address))).status).toBe(201);
    expect((await tryToCreate(browserAt(second, address))).status).toBe(201);
    expect((await tryToCreate(browserAt(first, address))).status).toBe(201);
    // The second instance has refused nothing yet: only the shared counter can tell it.
    const refused = await tryToCreate(browserAt(second, address));
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(await assessmentCount(first.database)).toBe(3);
  });

  it('limits failed resume attempts, by link and by the confirmation form, and never counts links that work', async () => {
    const running = await started(dataDir());
    const owner = browserAt(running, '203.0.113.50');
    const resumeLink = resumeLinkFrom((await tryToCreate(owner)).text);
    const resumePath = new URL(resumeLink).pathname;

    // Opening a working link and confirming it, even many times, uses none of the allowance.
    for (let i = 0; i < 5; i += 1) expect((await openResumeLink(browserAt(running, '203.0.113.99'), resumeLink)).status).toBe(303);
    // The attempt is given back once the response is sent: wait for the last one to land.
    await vi.waitFor(async () => expect(await pointsUsedBy(running.database, 'resume_attempt:203.0.113.99')).toBe(0));

    const guesser = browserAt(running, '203.0.113.99');
    for (let i = 0; i < 3; i += 1) expect((await guesser.get(`/resume/${unknownToken()}`)).status).toBe(404);
    const refused = await guesser.get(`/resume/${unknownToken()}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(refused.text).toContain('Try again in 15 minutes.');
    // Even the right link is refused from that address until the window ends.
    expect((await guesser.get(resumePath)).status).toBe(429);
    // Confirming a link (POST /resume) is the same kind of attempt.
    const start = await guesser.get('/').expect(200);
    const confirm = await guesser.post('/resume').type('form').send(formBody({ _csrf: csrfTokenFrom(start.text), token: unknownToken() }));
    expect(confirm.status).toBe(429);

    expect((await browserAt(running, '198.51.100.1').get(resumePath)).status).toBeLessThan(400);
  });

  it('lets requests through and logs a warning when the throttle store fails', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const running = await started(dataDir(), { logger });
    await sql`drop table rate_limits`.execute(running.database.db);

    const browser = browserAt(running, '203.0.113.8');
    for (let i = 0; i < 4; i += 1) expect((await tryToCreate(browser)).status).toBe(201);
    expect(await assessmentCount(running.database)).toBe(4);
    const warnings = lines.map((line) => JSON.parse(line) as { level: number; msg: string; throttle?: string });
    expect(warnings.filter((entry) => entry.msg === 'throttle store failed; request let through')).toHaveLength(4);
    expect(warnings.every((entry) => entry.level === 40)).toBe(true);
  });
});
