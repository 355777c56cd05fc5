import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { formatDate } from '../../src/presenters/teamPage.js';
import { shareLinkExpiry } from '../../src/services/shareLinkService.js';
import { csrfTokenFrom, formBody, locationOf, pathOf } from '../support/forms.js';
import { useAppsWithSettings } from '../support/lifecycle.js';
import { memoryLog } from '../support/memoryLog.js';
import { addClient, createLink, FIRM, OTHER_FIRM, postShareForm, signedInAs, startAssessmentOf } from '../support/practice.js';
import { rowCounts } from '../support/rowCounts.js';
import { testStore, type RunningApp } from '../support/testApp.js';
import { downloadPdf, everyExposureProfile, newAgent, startAssessment, walkAllSections, type Agent } from '../support/walk.js';

const DAYS_MESSAGE = 'Enter a whole number of days from 1 to 365';

/** A consultant of FIRM whose assessment of a client has its results ready. */
async function assessedByConsultant(running: RunningApp): Promise<{ consultant: Agent; base: string }> {
  const consultant = await signedInAs(running.app, running.database, 'nino@crp.example', 'consultant', FIRM, 'Nino Beridze');
  const base = await startAssessmentOf(consultant, await addClient(consultant, { name: 'Kartli Logistics' }));
  await walkAllSections(consultant, everyExposureProfile, base);
  return { consultant, base };
}

/** The withdraw buttons' form actions on the share page, newest link first. */
function withdrawActions(html: string): string[] {
  return [...html.matchAll(/<form method="post" action="([^"]+\/withdraw)">/g)].map((match) => match[1] ?? '');
}

async function withdraw(agent: Agent, base: string, action: string) {
  const page = await agent.get(`${base}/share`).expect(200);
  return agent.post(action).type('form').send(formBody({ _csrf: csrfTokenFrom(page.text) }));
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

async function shareLinkCount(running: RunningApp): Promise<number> {
  const row = await running.database.db.selectFrom('share_links').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The 404 page a token nobody was given gets: every refusal under /shared must be this very page. */
async function unknownTokenPage(running: RunningApp): Promise<string> {
  return (await newAgent(running.app).get(`/shared/${randomBytes(32).toString('base64url')}/results`).expect(404)).text;
}

describe(`read-only links for a firm's client (${testStore})`, () => {
  const startApp = useAppsWithSettings();

  it('a consultant creates a link (on the public address, whatever the Host); a signed-out browser reads the results, the report and the PDF, changing nothing and storing nothing', async () => {
    const running = await startApp();
    const { consultant, base } = await assessedByConsultant(running);
    const results = await consultant.get(`${base}/results`).expect(200);
    expect(results.text).toContain(`href="${base}/share"`);
    expect(results.text).toContain('Share read-only');

    const page = await consultant.get(`${base}/share`).expect(200);
    expect(page.text).toContain('You have not shared these results yet.');
    expect(page.text).toMatch(/id="days" name="days" type="text" value="30"/);
    for (const typed of ['0', '366', 'thirty', '', '12.5', '+30', '1e2']) {
      const refused = await postShareForm(consultant, base, page.text, typed);
      expect(refused.status, typed).toBe(400);
      expect(refused.text).toContain(`<a href="#days">${DAYS_MESSAGE}</a>`);
      expect(refused.text).toContain(`value="${typed}"`);
      expect(refused.text).toContain('<title>Error: Share the results read-only');
    }
    expect((await postShareForm(consultant, base, page.text, ['30', '40'])).status).toBe(400);
    expect(await shareLinkCount(running)).toBe(0);

    const form = await consultant.get(`${base}/share`).expect(200);
    const created = await consultant.post(`${base}/share`).set('Host', 'attacker.example').type('form').send(formBody({ _csrf: csrfTokenFrom(form.text), days: '30' }));
    expect(created.status).toBe(201);
    const url = /<p class="resume-link"><a href="([^"]+)">/.exec(created.text)?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/riskplan\.test\/shared\/[A-Za-z0-9_-]{43}\/results$/);
    const token = url.split('/')[4] ?? '';
    const shared = `/shared/${token}`;
    expect(created.text).toContain('It is shown only once');
    // The list shows the link, without its secret.
    const listed = await consultant.get(`${base}/share`).expect(200);
    expect(listed.text).not.toContain(token);
    expect(listed.text).toMatch(/<td class="table__rowhead">Nino Beridze<\/td>/);
    expect(listed.text).toContain('<span class="tag tag--green">Active</span>');

    const stored = await running.database.db.selectFrom('share_links').selectAll().executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expires_at).toBe(shareLinkExpiry(new Date(stored.created_at), 30));

    const before = await rowCounts(running.database.db);
    const visitor = newAgent(running.app);
    const view = await visitor.get(`${shared}/results`).expect(200);
    expect(view.text).toContain(`Shared by Nino Beridze of Caucasus Risk Partners. This link works until ${formatDate(stored.expires_at)}.`);
    expect(view.text).toContain(`href="${shared}/report.pdf"`);
    expect(view.text).toContain(`href="${shared}/report"`);
    for (const absent of ['/sections/', '/check', '/actions', '/share"', '<form', 'Sign out', 'Sign in', '/team', '/clients', base]) expect(view.text, absent).not.toContain(absent);
    expect(view.headers['set-cookie']).toBeUndefined();

    const printable = await visitor.get(`${shared}/report`).expect(200);
    expect(printable.text).toContain(`href="${shared}/results"`);
    expect(printable.text).not.toContain('/sections/');
    const pdf = await downloadPdf(visitor, shared).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.headers['set-cookie']).toBeUndefined();
    // Reading a shared link stores nothing: no session, no counter, no row of any kind.
    expect(await rowCounts(running.database.db)).toEqual(before);
  }, 60_000);

  it('answers every other path and method under a working link with the same 404 as a token nobody has, and a malformed token too', async () => {
    const running = await startApp();
    const { consultant, base } = await assessedByConsultant(running);
    const { shared } = await createLink(consultant, base);
    const notFound = await unknownTokenPage(running);
    const visitor = newAgent(running.app);
    for (const path of ['', '/', '/check', '/sections/profile', '/actions', '/results/', '/RESULTS', '/report.pdf/x', '/share']) {
      const answer = await visitor.get(`${shared}${path}`);
      expect(answer.status, `GET ${path}`).toBe(404);
      expect(answer.text, `GET ${path}`).toBe(notFound);
    }
    // A signed-in consultant's form token does not help: a post under /shared is never a route.
    const token = csrfTokenFrom((await consultant.get(`${base}/share`).expect(200)).text);
    for (const path of ['/results', '/report', '/report.pdf', '/sections/profile', '/actions', '/check', '']) {
      for (const agent of [visitor, consultant]) {
        const answer = await agent.post(`${shared}${path}`).type('form').send(formBody({ _csrf: token, action: 'continue' }));
        expect(answer.status, `POST ${path}`).toBe(404);
        expect(answer.text, `POST ${path}`).toBe(notFound);
      }
    }
    for (const malformed of ['abc', 'x'.repeat(44), `${shared.slice(8, 50)}!`, '%20']) {
      const answer = await visitor.get(`/shared/${malformed}/results`);
      expect(answer.status, malformed).toBe(404);
      expect(answer.text, malformed).toBe(notFound);
    }
    // Still there: none of that changed the assessment.
    await visitor.get(`${shared}/results`).expect(200);
  }, 60_000);

  it('a withdrawn link and an expired one get the same 404 as an unknown token; the share page says which is which', async () => {
    const running = await startApp();
    const { consultant, base } = await assessedByConsultant(running);
    const first = await createLink(consultant, base, '7');
    const second = await createLink(consultant, base, '365');
    const notFound = await unknownTokenPage(running);
    const visitor = newAgent(running.app);
    await visitor.get(`${first.shared}/results`).expect(200);

    const actions = withdrawActions((await consultant.get(`${base}/share`).expect(200)).text);
    expect(actions).toHaveLength(2);
    // Newest first: the second link's button comes first.
    const withdrawn = await withdraw(consultant, base, actions[1] ?? '');
    expect(withdrawn.status).toBe(303);
    expect(pathOf(locationOf(withdrawn))).toBe(`${base}/share`);
    const after = await consultant.get(locationOf(withdrawn)).expect(200);
    expect(after.text).toContain('The link is withdrawn. It no longer opens the results.');
    expect(after.text).toContain('<span class="tag tag--grey">Withdrawn</span>');
    expect(after.text).toMatch(/by Nino Beridze, \d{1,2} \w+ \d{4}/);
    expect(withdrawActions(after.text)).toEqual([actions[0]]);
    // A second click on a page opened before changes nothing and refuses nothing.
    expect((await withdraw(consultant, base, actions[1] ?? '')).status).toBe(303);

    for (const page of ['/results', '/report', '/report.pdf']) {
      const answer = await visitor.get(`${first.shared}${page}`);
      expect(answer.status, page).toBe(404);
      expect(answer.text, page).toBe(notFound);
    }
    await visitor.get(`${second.shared}/results`).expect(200);

    // The consultant reopens the assessment (a section no longer complete): the link says the results are not ready, not 404.
    const assessmentId = base.split('/').pop() ?? '';
    const progress = await running.database.db.selectFrom('section_progress').selectAll().where('assessment_id', '=', assessmentId).where('section_id', '=', 'profile').executeTakeFirstOrThrow();
    await running.database.db.deleteFrom('section_progress').where('assessment_id', '=', assessmentId).where('section_id', '=', 'profile').execute();
    for (const page of ['/results', '/report.pdf']) {
      const answer = await visitor.get(`${second.shared}${page}`);
      expect(answer.status, page).toBe(409);
      expect(answer.text).toContain('Caucasus Risk Partners is changing this assessment.');
    }
    await running.database.db.insertInto('section_progress').values(progress).execute();
    await visitor.get(`${second.shared}/results`).expect(200);

    // A year later (the clock moved by moving the expiry back).
    await running.database.db.updateTable('share_links').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('token_hash', '=', sha256(second.token)).execute();
    for (const page of ['/results', '/report.pdf']) {
      const answer = await visitor.get(`${second.shared}${page}`);
      expect(answer.status, page).toBe(404);
      expect(answer.text, page).toBe(notFound);
    }
    const listed = await consultant.get(`${base}/share`).expect(200);
    expect(listed.text).toContain('<span class="tag tag--grey">Expired</span>');
    expect(withdrawActions(listed.text)).toEqual([]);
  }, 60_000);

  it('only the firm’s admins and consultants share, and only results that are ready: compliance, another firm and a signed-out visitor get no share page and change no link', async () => {
    const running = await startApp();
    const { app, database } = running;
    const { consultant, base } = await assessedByConsultant(running);
    const link = await createLink(consultant, base);
    const linkAction = withdrawActions((await consultant.get(`${base}/share`).expect(200)).text)[0] ?? '';
    expect(linkAction).toMatch(new RegExp(`^${base}/share/[0-9a-f-]{36}/withdraw$`));

    const compliance = await signedInAs(app, database, 'lela@crp.example', 'compliance');
    const readOnly = await compliance.get(`${base}/results`).expect(200);
    expect(readOnly.text).not.toContain('/share');
    const complianceToken = csrfTokenFrom(readOnly.text);
    await compliance.get(`${base}/share`).expect(404);
    await compliance.post(`${base}/share`).type('form').send(formBody({ _csrf: complianceToken, days: '30' })).expect(404);
    await compliance.post(linkAction).type('form').send(formBody({ _csrf: complianceToken })).expect(404);

    const stranger = await signedInAs(app, database, 'aysel@bag.example', 'consultant', OTHER_FIRM);
    const strangerToken = csrfTokenFrom((await stranger.get('/clients').expect(200)).text);
    await stranger.get(`${base}/share`).expect(404);
    await stranger.post(`${base}/share`).type('form').send(formBody({ _csrf: strangerToken, days: '30' })).expect(404);
    await stranger.post(linkAction).type('form').send(formBody({ _csrf: strangerToken })).expect(404);
    // Through one of its own assessments, the other firm still cannot reach this firm's link.
    const strangerBase = await startAssessmentOf(stranger, await addClient(stranger, { name: 'Ganja Freight' }));
    await stranger.post(linkAction.replace(base, strangerBase)).type('form').send(formBody({ _csrf: strangerToken })).expect(404);

    const signedOut = await newAgent(app).get(`${base}/share`).expect(303);
    expect(pathOf(locationOf(signedOut))).toBe('/sign-in');
    // The anonymous base has no share page.
    const holder = newAgent(app);
    await startAssessment(holder);
    await holder.get('/assessment/share').expect(404);

    expect(await shareLinkCount(running)).toBe(1);
    await newAgent(app).get(`${link.shared}/results`).expect(200);

    // Another assessment of the firm: not ready yet, so no form and a refused post; and its base does not reach the first one's link.
    const unfinished = await startAssessmentOf(consultant, await addClient(consultant, { name: 'Tiflis Code' }));
    const notReady = await consultant.get(`${unfinished}/share`).expect(200);
    expect(notReady.text).toContain('You can share the results once every section is complete.');
    expect(notReady.text).not.toContain('name="days"');
    expect((await postShareForm(consultant, unfinished, notReady.text, '30')).status).toBe(409);
    await consultant.post(linkAction.replace(base, unfinished)).type('form').send(formBody({ _csrf: csrfTokenFrom(notReady.text) })).expect(404);
    expect(await shareLinkCount(running)).toBe(1);

    // The firm's admin shares as well.
    const admin = await signedInAs(app, database, 'admin@crp.example', 'admin', FIRM, 'Tamar Gelashvili');
    const byAdmin = await createLink(admin, base, '1');
    const view = await newAgent(app).get(`${byAdmin.shared}/results`).expect(200);
    expect(view.text).toContain('Shared by Tamar Gelashvili of Caucasus Risk Partners.');
  }, 90_000);

  it('throttles failed lookups per address, never counts a working link, and keeps every token out of the log', async () => {
    const log = memoryLog();
    const running = await startApp({
      logger: log.logger,
      trustProxy: 1,
      throttling: { assessmentCreation: { attempts: 100_000, windowSeconds: 3600 }, resumeAttempts: { attempts: 3, windowSeconds: 900 }, verifyAttempts: { attempts: 100_000, windowSeconds: 3600 } },
    });
    const { consultant, base } = await assessedByConsultant(running);
    const link = await createLink(consultant, base);
    const reader = () => newAgent(running.app).set('X-Forwarded-For', '203.0.113.7');
    const guesser = () => newAgent(running.app).set('X-Forwarded-For', '198.51.100.9');
    const pointsOf = async (address: string) =>
      (await running.database.db.selectFrom('rate_limits').select('points').where('key', '=', `share_link_attempt:${address}`).executeTakeFirst())?.points;

    for (let i = 0; i < 6; i++) await reader().get(`${link.shared}/results`).expect(200);
    expect(await pointsOf('203.0.113.7')).toBeUndefined();

    const guesses = [randomBytes(32).toString('base64url'), 'short-guess', randomBytes(32).toString('base64url')];
    for (const [i, guess] of guesses.entries()) {
      await guesser().get(`/shared/${guess}/results`).expect(404);
      // Counted once the answer is sent: wait for it, so the next request sees it.
      await vi.waitFor(async () => expect(await pointsOf('198.51.100.9')).toBe(i + 1));
    }
    const refused = await guesser().get(`/shared/${randomBytes(32).toString('base64url')}/results`).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // An address over the limit is refused before any lookup, working link or not; other addresses are not.
    await guesser().get(`${link.shared}/results`).expect(429);
    await reader().get(`${link.shared}/report.pdf`).expect(200);

    const text = log.text();
    expect(text).not.toContain(link.token);
    for (const guess of guesses) expect(text).not.toContain(guess);
    const requests = log.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', url: '/shared/[redacted]/results', status: 200 }));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', url: '/shared/[redacted]/report.pdf', status: 200 }));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', url: '/shared/[redacted]/results', status: 429 }));
  }, 90_000);
});
