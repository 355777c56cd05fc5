import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { csrfTokenFrom, formBody, hiddenFieldsFrom, resumeLinkFrom } from '../support/forms.js';
import { useFreshApp } from '../support/lifecycle.js';
import { rowCounts } from '../support/rowCounts.js';
import { testStore } from '../support/testApp.js';
import { answersFor, newAgent, openResumeLink, postSection, startAssessment, submitSection } from '../support/walk.js';

describe(`anonymous visitors and sessions (${testStore})`, () => {
  const app = useFreshApp();

  it('1,000 anonymous page views add no row to any table', async () => {
    const { app: express, database } = app();
    const before = await rowCounts(database.db);
    const pages = ['/', '/sources', '/how-we-score', '/assessment', '/assessment/results', '/assessment/report.pdf', '/no-such-page', '/healthz', '/static/css/app.css', '/'];
    for (let round = 0; round < 100; round++) {
      // Each view as a new visitor (no cookies), the way a crawler or a flood arrives.
      await Promise.all(pages.map((page) => newAgent(express).get(page)));
    }
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it('1,000 unknown resume links leave one throttling counter for the address, nothing else', async () => {
    const { app: express, database } = app();
    const before = await rowCounts(database.db);
    for (let round = 0; round < 100; round++) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => newAgent(express).get(`/resume/${String(round * 10 + i).padStart(43, 'A')}`).expect(404)));
    }
    // A failed resume attempt is what the per-address throttle counts: one row per address, however many.
    expect(await rowCounts(database.db)).toEqual({ ...before, rate_limits: (before.rate_limits ?? 0) + 1 });
  });

  it('the start form works for a new visitor without a session row, and a forged start is refused', async () => {
    const { app: express, database } = app();
    const visitor = newAgent(express);
    const start = await visitor.get('/').expect(200);
    expect(String(start.headers['set-cookie'])).toMatch(/riskplan\.csrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    expect(await database.db.selectFrom('sessions').select('sid').execute()).toHaveLength(0);

    // A post from another site: no nonce cookie, or a token it cannot know.
    const forged = await newAgent(express).post('/assessments').type('form').send(formBody({ _csrf: csrfTokenFrom(start.text) }));
    expect(forged.status).toBe(403);
    const guessed = await visitor.post('/assessments').type('form').send(formBody({ _csrf: 'A'.repeat(43) }));
    expect(guessed.status).toBe(403);
    expect(await database.db.selectFrom('assessments').select('id').execute()).toHaveLength(0);

    await visitor.post('/assessments').type('form').send(formBody({ _csrf: csrfTokenFrom(start.text) })).expect(201);
    expect(await database.db.selectFrom('assessments').select('id').execute()).toHaveLength(1);
  });

  it('two overlapping loads of a page never make either form fail (20 rounds)', async () => {
    const { app: express } = app();
    let refused = 0;
    for (let round = 0; round < 20; round++) {
      const agent = newAgent(express);
      await startAssessment(agent);
      const [first, second] = await Promise.all([agent.get('/assessment/sections/profile'), agent.get('/assessment/sections/profile')]);
      for (const page of [first, second]) {
        const saved = await submitSection(agent, 'profile', page.text, { ...answersFor('profile', {}), company_name: `Round ${round}` }, 'later');
        // The second save of the same section is a conflict (409) by design; never a refused token (403).
        if (saved.status === 403) refused++;
        expect([200, 409]).toContain(saved.status);
      }
    }
    expect(refused).toBe(0);
  });

  it('a resume link followed from another site never swaps the assessment this browser holds', async () => {
    const { app: express } = app();
    const owner = newAgent(express);
    const otherLink = await startAssessment(owner);
    await postSection(owner, 'profile', { ...answersFor('profile', {}), company_name: 'Attacker Holdings' }, 'later');

    const victim = newAgent(express);
    await startAssessment(victim);
    await postSection(victim, 'profile', { ...answersFor('profile', {}), company_name: 'Victim Trading LLC' }, 'later');

    // The cross-site GET only shows a page that names both assessments and asks.
    const confirm = await victim.get(new URL(otherLink).pathname).expect(200);
    expect(confirm.text).toContain('Switch to another assessment?');
    expect(confirm.text).toContain('This browser is working on:');
    expect(confirm.text).toContain('Victim Trading LLC');
    expect(confirm.text).toContain('Attacker Holdings');
    expect((await victim.get('/assessment').expect(200)).text).toContain('Victim Trading LLC');

    // A forged confirming post (no token from our page) is refused and changes nothing.
    const token = hiddenFieldsFrom(confirm.text).token ?? '';
    const forged = await victim.post('/resume').type('form').send(formBody({ token }));
    expect(forged.status).toBe(403);
    expect((await victim.get('/assessment').expect(200)).text).toContain('Victim Trading LLC');

    // The user's own choice on the page does switch.
    expect((await openResumeLink(victim, otherLink)).status).toBe(303);
    expect((await victim.get('/assessment').expect(200)).text).toContain('Attacker Holdings');
    // Opening the link of the assessment already open goes straight to it.
    expect((await victim.get(new URL(otherLink).pathname)).headers.location).toBe('/assessment');
  });

  it('builds resume links on PUBLIC_URL, whatever Host the request names', async () => {
    const agent = newAgent(app().app);
    const start = await agent.get('/').set('Host', 'evil.example').expect(200);
    const started = await agent.post('/assessments').set('Host', 'evil.example').type('form').send(formBody({ _csrf: csrfTokenFrom(start.text) })).expect(201);
    expect(resumeLinkFrom(started.text)).toMatch(/^http:\/\/riskplan\.test\/resume\/[A-Za-z0-9_-]{43}$/);
    expect(started.text).not.toContain('evil.example');
    const saved = await postSection(agent, 'profile', { company_name: 'Host Check LLC' }, 'later');
    expect(resumeLinkFrom(saved.text)).toMatch(/^http:\/\/riskplan\.test\/resume\//);
  });

  it('a session whose write fails gives an error page, not a page whose form will be refused later', async () => {
    const { app: express, database } = app();
    // The store really refuses the write: a trigger, on either database.
    if (testStore === 'sqlite') {
      await sql`create trigger refuse_sessions before insert on sessions begin select raise(abort, 'sessions are read-only'); end`.execute(database.db);
    } else {
      await sql`create function refuse_sessions() returns trigger language plpgsql as $$ begin raise exception 'sessions are read-only'; end $$`.execute(database.db);
      await sql`create trigger refuse_sessions before insert on sessions for each row execute function refuse_sessions()`.execute(database.db);
    }
    const visitor = newAgent(express);
    const start = await visitor.get('/').expect(200);
    const started = await visitor.post('/assessments').type('form').send(formBody({ _csrf: csrfTokenFrom(start.text) }));
    expect(started.status).toBeGreaterThanOrEqual(500);
    expect(started.text).not.toContain('/resume/');
    expect(started.headers['set-cookie'] ?? []).not.toEqual(expect.arrayContaining([expect.stringContaining('riskplan.sid')]));
  });
});

describe(`any body on any form route is a 4xx, never a 5xx (${testStore})`, () => {
  const app = useFreshApp();
  const bodies: [string, string | undefined, string][] = [
    ['JSON', 'application/json', '{"company_name":"x","action":"continue"}'],
    ['text', 'text/plain', 'company_name=x'],
    ['multipart', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n'],
    ['an empty form', 'application/x-www-form-urlencoded', ''],
    ['no body at all', undefined, ''],
  ];

  it.each(bodies)('%s', async (_name, type, body) => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    for (const route of ['/assessments', '/resume', '/assessment/sections/profile', '/assessment/actions']) {
      let call = agent.post(route);
      if (type) call = call.set('Content-Type', type);
      const response = await call.send(body);
      expect(response.status, `${route} with ${_name}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${route} with ${_name}`).toBeLessThan(500);
      expect(response.text).not.toMatch(/TypeError|at \w+ \(|node_modules/);
    }
  });
});

describe(`headers on every response (${testStore})`, () => {
  const app = useFreshApp();

  it('static files and /healthz carry the security headers; every response says how to cache it', async () => {
    const agent = newAgent(app().app);
    for (const path of ['/static/css/app.css', '/healthz', '/', '/sources', '/no-such-page']) {
      const response = await agent.get(path);
      expect(response.headers['content-security-policy'], path).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options'], path).toBe('nosniff');
      expect(response.headers['cache-control'], path).toBeDefined();
    }
    expect((await agent.get('/static/css/app.css')).headers['cache-control']).toBe('public, max-age=3600');
    expect((await agent.get('/')).headers['cache-control']).toBe('no-store');
  });
});
