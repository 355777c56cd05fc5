import request, { type Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { SESSION_COOKIE } from '../../src/web/middleware/sessions.js';
import type { SignInThrottleSettings } from '../../src/web/middleware/signInThrottle.js';
import { createUserDirectly, signIn, signOut, submitSignIn, TEST_PASSWORD } from '../support/accounts.js';
import { csrfTokenFrom, formBody, locationOf } from '../support/forms.js';
import { useAppsWithSettings } from '../support/lifecycle.js';
import { testStore, type RunningApp } from '../support/testApp.js';
import { newAgent, startAssessment, type Agent } from '../support/walk.js';

const FIRM = 'Caucasus Risk Partners';

/** The session cookie a response sets: its whole value (to send again) and the session id in it. */
function sessionCookieOf(response: Response): { cookie: string; sid: string } | undefined {
  const headers = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const pair = headers.map((header) => header.split(';')[0] ?? '').find((part) => part.startsWith(`${SESSION_COOKIE}=`));
  const value = pair?.slice(SESSION_COOKIE.length + 1);
  if (!pair || !value) return undefined;
  const sid = decodeURIComponent(value).replace(/^s:/, '').split('.')[0] ?? '';
  return { cookie: pair, sid };
}

async function sessionRow(database: Database, sid: string) {
  return database.db.selectFrom('sessions').select(['data', 'expires_at']).where('sid', '=', sid).executeTakeFirst();
}

/** Who the header says is signed in, or undefined when it offers "Sign in". */
function signedInAs(html: string): string | undefined {
  return /Signed in as ([^<]+)<\/span>/.exec(html)?.[1];
}

/** The page with the typed email taken out and the form token normalised: what must not differ between failures. */
function withoutEmail(html: string, email: string): string {
  return html.replaceAll(email, 'EMAIL').replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value="TOKEN"');
}

/** A browser at one client address, as a reverse proxy (TRUST_PROXY=1) reports it. */
function browserAt(running: RunningApp, address: string): Agent {
  return request.agent(running.app).set('X-Forwarded-For', address);
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`sign-in and sign-out (${testStore})`, () => {
  const startApp = useAppsWithSettings();

  it('says the same for an unknown email, a wrong password, a disabled account and an invitation not yet accepted', async () => {
    const running = await startApp();
    const admin = await createUserDirectly(running.database, { organisationName: FIRM, email: 'nino@crp.example', role: 'admin' });
    await createUserDirectly(running.database, { organisationName: FIRM, email: 'levan@crp.example', role: 'consultant' });
    await running.database.db.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('email', '=', 'levan@crp.example').execute();
    await running.database.db.insertInto('users').values({
      id: 'pending-user', organisation_id: admin.organisationId, email: 'pending@crp.example', display_name: 'Pending', role: 'consultant',
      password_hash: null, disabled_at: null, last_signed_in_at: null, created_at: new Date().toISOString(), updated_at: new Date().toISOString(),
    }).execute();

    const agent = newAgent(running.app);
    const attempts = [
      ['nobody@crp.example', TEST_PASSWORD],
      ['nino@crp.example', 'not the right password at all'],
      ['levan@crp.example', TEST_PASSWORD],
      ['pending@crp.example', TEST_PASSWORD],
    ] as const;
    const pages: string[] = [];
    for (const [email, password] of attempts) {
      const response = await submitSignIn(agent, email, password);
      expect(response.status).toBe(400);
      expect(response.text).toContain('Enter a correct email address and password');
      expect(response.text).toContain('<a href="#email">Enter a correct email address and password</a>');
      expect(response.text).toContain(`value="${email}"`);
      expect(response.text).not.toContain(password);
      expect(response.headers['set-cookie'] ?? []).not.toEqual(expect.arrayContaining([expect.stringContaining(SESSION_COOKIE)]));
      pages.push(withoutEmail(response.text, email));
    }
    expect(new Set(pages).size).toBe(1);
    expect(await running.database.db.selectFrom('sessions').select('sid').execute()).toHaveLength(0);
  });

  it('asks for both fields, keeping the email typed', async () => {
    const running = await startApp();
    const agent = newAgent(running.app);
    const page = await agent.get('/sign-in').expect(200);
    const response = await agent.post('/sign-in').type('form').send(formBody({ _csrf: csrfTokenFrom(page.text), email: ' someone@crp.example ', password: '' }));
    expect(response.status).toBe(400);
    expect(response.text).toContain('<title>Error: Sign in to RiskPlan – RiskPlan</title>');
    expect(response.text).toContain('<a href="#password">Enter your password</a>');
    expect(response.text).toContain('value="someone@crp.example"');
  });

  it('gives a new session id at sign-in, keeps the assessment the browser held, and ends the session on the server at sign-out', async () => {
    const running = await startApp();
    await createUserDirectly(running.database, { organisationName: FIRM, email: 'nino@crp.example', role: 'consultant', displayName: 'Nino Beridze' });
    const agent = newAgent(running.app);
    await startAssessment(agent);
    const anonymous = sessionCookieOf(await agent.get('/assessment').expect(200));
    const page = await agent.get('/sign-in').expect(200);
    const signedIn = await agent.post('/sign-in').type('form').send(formBody({ _csrf: csrfTokenFrom(page.text), email: 'nino@crp.example', password: TEST_PASSWORD }));
    expect(signedIn.status).toBe(303);
    expect(locationOf(signedIn)).toBe('/assessments');
    const session = sessionCookieOf(signedIn);
    expect(session).toBeDefined();
    expect(session?.sid).not.toBe(anonymous?.sid);
    if (anonymous) expect(await sessionRow(running.database, anonymous.sid)).toBeUndefined();
    const stored = JSON.parse((await sessionRow(running.database, session?.sid ?? ''))?.data ?? '{}') as Record<string, unknown>;
    expect([typeof stored.userId, typeof stored.signedInAt, typeof stored.lastActiveAt, typeof stored.assessmentId]).toEqual(['string', 'number', 'number', 'string']);

    // The assessment is still this browser's, and the header names the user.
    const tasks = await agent.get('/assessment').expect(200);
    expect(signedInAs(tasks.text)).toBe(`Nino Beridze, ${FIRM}`);
    expect(tasks.text).toContain('action="/sign-out"');

    const out = await signOut(agent);
    expect(out.status).toBe(303);
    expect(locationOf(out)).toBe('/sign-in?signed_out=1');
    expect(String(out.headers['set-cookie'])).toMatch(new RegExp(`${SESSION_COOKIE.replace('.', '\\.')}=;.*Expires=Thu, 01 Jan 1970`));
    expect(await sessionRow(running.database, session?.sid ?? '')).toBeUndefined();
    expect((await agent.get('/sign-in?signed_out=1').expect(200)).text).toContain('You have signed out.');

    // The old cookie, sent again by anyone who copied it, opens nothing.
    const replayed = await request(running.app).get('/').set('Cookie', session?.cookie ?? '').expect(200);
    expect(signedInAs(replayed.text)).toBeUndefined();
    expect(replayed.text).toContain('href="/sign-in"');
    expect((await request(running.app).get('/team').set('Cookie', session?.cookie ?? '')).status).toBe(303);
  });

  it('returns to the page asked for, but only to a path on this site', async () => {
    const running = await startApp();
    await createUserDirectly(running.database, { organisationName: FIRM, email: 'nino@crp.example', role: 'admin' });
    const asked = await newAgent(running.app).get('/team/invite');
    expect(asked.status).toBe(303);
    expect(locationOf(asked)).toBe('/sign-in?next=%2Fteam%2Finvite');

    const local = await submitSignIn(newAgent(running.app), 'nino@crp.example', TEST_PASSWORD, '/team/invite');
    expect(locationOf(local)).toBe('/team/invite');
    for (const next of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'team', '/\r\nSet-Cookie:x', '/\u0007']) {
      const agent = newAgent(running.app);
      const page = await agent.get(`/sign-in?next=${encodeURIComponent(next)}`).expect(200);
      expect(page.text).not.toContain('name="next"');
      const response = await agent.post('/sign-in').type('form').send(formBody({ _csrf: csrfTokenFrom(page.text), email: 'nino@crp.example', password: TEST_PASSWORD, next }));
      expect(response.status).toBe(303);
      expect(locationOf(response)).toBe('/assessments');
    }
  });

  it('shows "Sign in" in the header to anonymous visitors, and a signed-in user goes straight on from /sign-in', async () => {
    const running = await startApp();
    await createUserDirectly(running.database, { organisationName: FIRM, email: 'nino@crp.example', role: 'compliance', displayName: 'Nino Beridze' });
    const start = await newAgent(running.app).get('/').expect(200);
    expect(start.text).toContain('<a href="/sign-in">Sign in</a>');
    const agent = newAgent(running.app);
    expect(await signIn(agent, 'NINO@crp.example ')).toBe('/assessments');
    const home = await agent.get('/').expect(200);
    expect(signedInAs(home.text)).toBe(`Nino Beridze, ${FIRM}`);
    expect(home.text).not.toContain('href="/sign-in"');
    // A compliance user has no team link.
    expect(home.text).not.toContain('href="/team"');
    const again = await agent.get('/sign-in?next=%2Fsources');
    expect(again.status).toBe(303);
    expect(locationOf(again)).toBe('/sources');
  });

  it('signs a user out on their next request once an admin disables them', async () => {
    const running = await startApp();
    await createUserDirectly(running.database, { organisationName: FIRM, email: 'admin@crp.example', role: 'admin' });
    const consultant = await createUserDirectly(running.database, { organisationName: FIRM, email: 'levan@crp.example', role: 'consultant', displayName: 'Levan' });
    const admin = newAgent(running.app);
    await signIn(admin, 'admin@crp.example');
    const user = newAgent(running.app);
    const signedIn = await submitSignIn(user, 'levan@crp.example', TEST_PASSWORD);
    const session = sessionCookieOf(signedIn);
    expect(signedInAs((await user.get('/').expect(200)).text)).toBe(`Levan, ${FIRM}`);

    const memberPage = await admin.get(`/team/${consultant.id}`).expect(200);
    const disabled = await admin.post(`/team/${consultant.id}/disable`).type('form').send(formBody({ _csrf: csrfTokenFrom(memberPage.text) }));
    expect(disabled.status).toBe(303);

    const next = await user.get('/').expect(200);
    expect(signedInAs(next.text)).toBeUndefined();
    expect(await sessionRow(running.database, session?.sid ?? '')).toBeUndefined();
    expect((await submitSignIn(newAgent(running.app), 'levan@crp.example', TEST_PASSWORD)).status).toBe(400);
  });
});

describe(`signed-in session timeouts (${testStore})`, () => {
  const startApp = useAppsWithSettings();

  it('ends a session idle for longer than the idle timeout, and activity keeps one alive, written at most once an interval', async () => {
    // A 1.5 s idle timeout: the activity time is then written at most every 0.5 s.
    const running = await startApp({ signedInSessions: { idleTimeoutMs: 1500, absoluteTimeoutMs: 3_600_000 } });
    await createUserDirectly(running.database, { organisationName: FIRM, email: 'nino@crp.example', role: 'consultant' });

    const active = newAgent(running.app);
    const session = sessionCookieOf(await submitSignIn(active, 'nino@crp.example', TEST_PASSWORD));
    const storedAt = async () => (JSON.parse((await sessionRow(running.database, session?.sid ?? ''))?.data ?? '{}') as { lastActiveAt?: number }).lastActiveAt;
    const first = await storedAt();
    // Within the interval nothing is written.
    await active.get('/').expect(200);
    expect(await storedAt()).toBe(first);
    // Requests every 0.6 s for 3 s (twice the idle timeout): still signed in, the time moved on.
    for (let i = 0; i < 5; i += 1) {
      await wait(600);
      expect(signedInAs((await active.get('/').expect(200)).text)).toBeDefined();
    }
    expect(await storedAt()).toBeGreaterThan(first ?? 0);

    const idle = newAgent(running.app);
    const idleSession = sessionCookieOf(await submitSignIn(idle, 'nino@crp.example', TEST_PASSWORD));
    await wait(1700);
    const after = await idle.get('/team');
    expect(after.status).toBe(303);
    expect(locationOf(after)).toBe('/sign-in?next=%2Fteam');
    expect(await sessionRow(running.database, idleSession?.sid ?? '')).toBeUndefined();
  });

  it('ends a session past the absolute timeout however active it is', async () => {
    const running = await startApp({ signedInSessions: { idleTimeoutMs: 3_600_000, absoluteTimeoutMs: 2000 } });
    await createUserDirectly(running.database, { organisationName: FIRM, email: 'nino@crp.example', role: 'admin' });
    const agent = newAgent(running.app);
    await signIn(agent, 'nino@crp.example');
    const started = Date.now();
    while (Date.now() - started < 1500) {
      expect((await agent.get('/team')).status).toBe(200);
      await wait(300);
    }
    await wait(Math.max(0, 2100 - (Date.now() - started)));
    expect((await agent.get('/team')).status).toBe(303);
    expect(signedInAs((await agent.get('/').expect(200)).text)).toBeUndefined();
  });
});

describe(`sign-in throttling (${testStore})`, () => {
  const startApp = useAppsWithSettings();
  const LIMITS: SignInThrottleSettings = { perAccount: { attempts: 3, windowSeconds: 900 }, perAddress: { attempts: 5, windowSeconds: 900 } };

  async function started() {
    const running = await startApp({ trustProxy: 1, signInThrottling: LIMITS });
    await createUserDirectly(running.database, { organisationName: FIRM, email: 'nino@crp.example', role: 'consultant' });
    return running;
  }

  it('refuses an account after its failures with 429 and Retry-After, from any address, and says the same for an unknown email', async () => {
    const running = await started();
    const refusals: string[] = [];
    for (const email of ['nino@crp.example', 'nobody@crp.example']) {
      for (let i = 0; i < 3; i += 1) expect((await submitSignIn(browserAt(running, `203.0.113.${i + 1}`), email, 'wrong password, wrong')).status).toBe(400);
      const refused = await submitSignIn(browserAt(running, '203.0.113.50'), email, 'wrong password, wrong');
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
      expect(refused.text).toContain('Too many failed attempts to sign in. Try again in 15 minutes.');
      refusals.push(withoutEmail(refused.text, email));
    }
    expect(refusals[0]).toBe(refusals[1]);
    // Even the right password waits until the window ends.
    const right = await submitSignIn(browserAt(running, '198.51.100.9'), 'nino@crp.example', TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers['set-cookie'] ?? []).not.toEqual(expect.arrayContaining([expect.stringContaining(SESSION_COOKIE)]));
  });

  it('starts the account count again after a successful sign-in', async () => {
    const running = await started();
    const browser = () => browserAt(running, '203.0.113.77');
    for (let i = 0; i < 2; i += 1) expect((await submitSignIn(browser(), 'nino@crp.example', 'wrong password, wrong')).status).toBe(400);
    expect((await submitSignIn(browser(), 'nino@crp.example', TEST_PASSWORD)).status).toBe(303);
    for (let i = 0; i < 3; i += 1) expect((await submitSignIn(browser(), 'nino@crp.example', 'wrong password, wrong')).status).toBe(400);
    expect((await submitSignIn(browser(), 'nino@crp.example', 'wrong password, wrong')).status).toBe(429);
  });

  it('refuses an address after its failures across accounts, and lets other addresses sign in', async () => {
    const running = await started();
    for (let i = 0; i < 5; i += 1) expect((await submitSignIn(browserAt(running, '192.0.2.8'), `guess${i}@crp.example`, 'wrong password, wrong')).status).toBe(400);
    const refused = await submitSignIn(browserAt(running, '192.0.2.8'), 'nino@crp.example', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await submitSignIn(browserAt(running, '192.0.2.9'), 'nino@crp.example', TEST_PASSWORD)).status).toBe(303);
  });
});
