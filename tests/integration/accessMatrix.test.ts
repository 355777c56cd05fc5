import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserDirectly, signIn } from '../support/accounts.js';
import { issueIdFrom, issueReport } from '../support/issuing.js';
import { createLink } from '../support/practice.js';
import { csrfTokenFrom, formBody, locationOf, pathOf } from '../support/forms.js';
import { makeDataDir, removeDataDir, startApp, type RunningApp } from '../support/testApp.js';
import { everyExposureProfile, newAgent, startAssessment, walkAllSections, type Agent } from '../support/walk.js';

/**
 * Who may reach what, as one table: every role of a firm, a consultant of another firm, a
 * signed-out visitor and the holder of an anonymous assessment, against every route, with the
 * firm's own ids, another firm's, guessed and sequential ids. Those entitled get through; a
 * signed-out visitor is sent to sign in (the same answer for every path, so it confirms
 * nothing); everyone else gets the same 404.
 */

type Actor = 'admin' | 'consultant' | 'compliance' | 'otherFirm' | 'otherCompliance' | 'signedOut' | 'anonymousHolder';
const ACTORS: readonly Actor[] = ['admin', 'consultant', 'compliance', 'otherFirm', 'otherCompliance', 'signedOut', 'anonymousHolder'];
const FIRM_STAFF: readonly Actor[] = ['admin', 'consultant', 'compliance'];
const FIRM_EDITORS: readonly Actor[] = ['admin', 'consultant'];
/** Actors without an account: a signed-in-only route sends them to sign in. */
const NOT_SIGNED_IN: ReadonlySet<Actor> = new Set(['signedOut', 'anonymousHolder']);
/** Pages without an id show each firm its own data: the other firm's consultant reaches them too (for its own firm). */
const ANY_FIRM_STAFF: readonly Actor[] = [...FIRM_STAFF, 'otherFirm', 'otherCompliance'];
/** The archive and the audit log: compliance and admins, each of their own firm's records. */
const FIRM_RECORD_KEEPERS: readonly Actor[] = ['admin', 'compliance'];
const ANY_FIRM_RECORD_KEEPERS: readonly Actor[] = [...FIRM_RECORD_KEEPERS, 'otherCompliance'];
const ANY_FIRM_EDITORS: readonly Actor[] = [...FIRM_EDITORS, 'otherFirm'];

interface Ids {
  client: string;
  assessment: string;
  /** A re-assessment of `assessment` (it has answers to check). */
  reassessment: string;
  user: string;
  otherClient: string;
  otherAssessment: string;
  otherUser: string;
  /** The firm's issued report of `assessment`, and another firm's of `otherAssessment`. */
  issue: string;
  otherIssue: string;
}

interface Route {
  method: 'GET' | 'POST';
  /** The path with this firm's ids, another firm's, or ids nobody has. */
  path: (ids: Ids) => string;
  /** Who gets through with the firm's own ids. */
  allowed: readonly Actor[];
  /** Routes of the anonymous base answer a browser without an assessment with a 404, signed in or not. */
  anonymousBase?: boolean;
  /** Fields of a post beyond the form token (most posts here are sent empty: a 400 still means "let through"). */
  body?: Record<string, string>;
}

const ASSESSMENT_PAGES = ['', '/check', '/results', '/report', '/report.pdf', '/actions.xlsx', '/actions.csv', '/report.docx', '/history'];
const ASSESSMENT_EDIT_PAGES = ['/sections/profile', '/actions'];

const ROUTES: Route[] = [
  { method: 'GET', path: () => '/clients', allowed: ANY_FIRM_STAFF },
  { method: 'GET', path: () => '/clients/new', allowed: ANY_FIRM_EDITORS },
  { method: 'POST', path: () => '/clients', allowed: ANY_FIRM_EDITORS },
  { method: 'GET', path: (ids) => `/clients/${ids.client}`, allowed: FIRM_STAFF },
  { method: 'GET', path: (ids) => `/clients/${ids.client}/edit`, allowed: FIRM_EDITORS },
  { method: 'POST', path: (ids) => `/clients/${ids.client}`, allowed: FIRM_EDITORS },
  { method: 'POST', path: (ids) => `/clients/${ids.client}/assessments`, allowed: FIRM_EDITORS },
  { method: 'GET', path: () => '/assessments', allowed: ANY_FIRM_STAFF },
  ...ASSESSMENT_PAGES.map((page): Route => ({ method: 'GET', path: (ids) => `/assessments/${ids.assessment}${page}`, allowed: FIRM_STAFF })),
  ...ASSESSMENT_EDIT_PAGES.map((page): Route => ({ method: 'GET', path: (ids) => `/assessments/${ids.assessment}${page}`, allowed: FIRM_EDITORS })),
  ...ASSESSMENT_EDIT_PAGES.map((page): Route => ({ method: 'POST', path: (ids) => `/assessments/${ids.assessment}${page}`, allowed: FIRM_EDITORS })),
  // The share page (an empty post is a 400: let through, and no link is made).
  { method: 'GET', path: (ids) => `/assessments/${ids.assessment}/share`, allowed: FIRM_EDITORS },
  { method: 'POST', path: (ids) => `/assessments/${ids.assessment}/share`, allowed: FIRM_EDITORS },
  // Re-assessment and comparison.
  { method: 'POST', path: (ids) => `/assessments/${ids.assessment}/reassessment`, allowed: FIRM_EDITORS },
  { method: 'GET', path: (ids) => `/assessments/${ids.reassessment}/answers-to-check`, allowed: FIRM_STAFF },
  { method: 'GET', path: (ids) => `/clients/${ids.client}/compare`, allowed: FIRM_STAFF },
  { method: 'GET', path: (ids) => `/clients/${ids.client}/compare?earlier=${ids.assessment}&later=${ids.reassessment}`, allowed: FIRM_STAFF },
  // The firm's name and logo on its reports.
  { method: 'GET', path: () => '/organisation/branding', allowed: ['admin'] },
  { method: 'POST', path: () => '/organisation/branding', allowed: ['admin'] },
  { method: 'GET', path: () => '/team', allowed: ['admin'] },
  { method: 'GET', path: () => '/team/invite', allowed: ['admin'] },
  { method: 'POST', path: () => '/team/invite', allowed: ['admin'] },
  { method: 'GET', path: (ids) => `/team/${ids.user}`, allowed: ['admin'] },
  { method: 'POST', path: (ids) => `/team/${ids.user}/role`, allowed: ['admin'] },
  // On a spare consultant of the firm: disabled, then enabled again.
  { method: 'POST', path: (ids) => `/team/${ids.user}/disable`, allowed: ['admin'] },
  { method: 'POST', path: (ids) => `/team/${ids.user}/enable`, allowed: ['admin'] },
  // Issued reports of an assessment (issuing again with nothing changed stores nothing).
  { method: 'POST', path: (ids) => `/assessments/${ids.assessment}/issue`, allowed: FIRM_EDITORS },
  { method: 'GET', path: (ids) => `/assessments/${ids.assessment}/issued`, allowed: FIRM_STAFF },
  { method: 'GET', path: (ids) => `/assessments/${ids.assessment}/issued/${ids.issue}.pdf`, allowed: FIRM_STAFF },
  // The archive and the audit log (an empty post is a 400: let through, nothing held or disposed of).
  { method: 'GET', path: () => '/archive', allowed: ANY_FIRM_RECORD_KEEPERS },
  { method: 'GET', path: () => '/archive/export.zip', allowed: ANY_FIRM_RECORD_KEEPERS },
  { method: 'GET', path: (ids) => `/archive/reports/${ids.issue}`, allowed: FIRM_RECORD_KEEPERS },
  { method: 'GET', path: (ids) => `/archive/reports/${ids.issue}/report.pdf`, allowed: FIRM_RECORD_KEEPERS },
  { method: 'GET', path: (ids) => `/archive/reports/${ids.issue}/answers`, allowed: FIRM_RECORD_KEEPERS },
  { method: 'POST', path: (ids) => `/archive/reports/${ids.issue}/hold`, allowed: FIRM_RECORD_KEEPERS },
  { method: 'POST', path: (ids) => `/archive/reports/${ids.issue}/hold/release`, allowed: FIRM_RECORD_KEEPERS },
  { method: 'GET', path: () => '/archive/disposal', allowed: ['admin'] },
  { method: 'POST', path: () => '/archive/disposal', allowed: ['admin'] },
  { method: 'GET', path: () => '/audit', allowed: ANY_FIRM_RECORD_KEEPERS },
  { method: 'GET', path: () => '/audit.csv', allowed: ANY_FIRM_RECORD_KEEPERS },
  // Anyone may ask whether a PDF is genuine (an empty post is a 400 with the form).
  { method: 'GET', path: () => '/verify', allowed: ACTORS, anonymousBase: true },
  { method: 'POST', path: () => '/verify', allowed: ACTORS, anonymousBase: true },
  // The anonymous base: only the browser that holds the assessment reaches it.
  ...[...ASSESSMENT_PAGES, ...ASSESSMENT_EDIT_PAGES, '/issued'].map((page): Route => ({ method: 'GET', path: () => `/assessment${page}`, allowed: ['anonymousHolder'], anonymousBase: true })),
  { method: 'POST', path: () => '/assessment/issue', allowed: ['anonymousHolder'], anonymousBase: true },
];

/** What an actor who may not reach a route is told. */
function refusalFor(actor: Actor, route: Route): 'sign-in' | 404 {
  return NOT_SIGNED_IN.has(actor) && !route.anonymousBase ? 'sign-in' : 404;
}

function describeAnswer(status: number, location: string | undefined): string {
  if (status === 303 && location && pathOf(location) === '/sign-in') return 'sign-in';
  return String(status);
}

describe('the access matrix: every role against every route', () => {
  let running: RunningApp;
  const agents = new Map<Actor, Agent>();
  const tokens = new Map<Actor, string>();
  let ids: Ids;
  let anonymousIssue: string;
  let strangersAnonymousIssue: string;

  beforeAll(async () => {
    running = await startApp(makeDataDir());
    const { app, database } = running;
    const firm = 'Caucasus Risk Partners';
    const users = {
      admin: await createUserDirectly(database, { organisationName: firm, email: 'admin@crp.example', role: 'admin' }),
      consultant: await createUserDirectly(database, { organisationName: firm, email: 'nino@crp.example', role: 'consultant' }),
      compliance: await createUserDirectly(database, { organisationName: firm, email: 'lela@crp.example', role: 'compliance' }),
      spare: await createUserDirectly(database, { organisationName: firm, email: 'spare@crp.example', role: 'consultant' }),
      otherFirm: await createUserDirectly(database, { organisationName: 'Baku Assurance Group', email: 'aysel@bag.example', role: 'consultant' }),
    };
    const otherCompliance = await createUserDirectly(database, { organisationName: 'Baku Assurance Group', email: 'rauf@bag.example', role: 'compliance' });
    for (const actor of ['admin', 'consultant', 'compliance', 'otherFirm'] as const) {
      const agent = newAgent(app);
      await signIn(agent, users[actor].email);
      agents.set(actor, agent);
    }
    const otherComplianceAgent = newAgent(app);
    await signIn(otherComplianceAgent, otherCompliance.email);
    agents.set('otherCompliance', otherComplianceAgent);
    agents.set('signedOut', newAgent(app));
    const holder = newAgent(app);
    await startAssessment(holder);
    await walkAllSections(holder);
    agents.set('anonymousHolder', holder);

    const addClientAndAssess = async (agent: Agent, name: string) => {
      const form = await agent.get('/clients/new').expect(200);
      const client = pathOf(locationOf(await agent.post('/clients').type('form').send(formBody({ _csrf: csrfTokenFrom(form.text), name, country: 'GE' })).expect(303)));
      const page = await agent.get(client).expect(200);
      const assessment = pathOf(locationOf(await agent.post(`${client}/assessments`).type('form').send(formBody({ _csrf: csrfTokenFrom(page.text) })).expect(303)));
      await walkAllSections(agent, everyExposureProfile, assessment);
      return { client: client.split('/').pop() ?? '', assessment: assessment.split('/').pop() ?? '' };
    };
    const own = await addClientAndAssess(agents.get('consultant') as Agent, 'Kartli Logistics');
    const other = await addClientAndAssess(agents.get('otherFirm') as Agent, 'Ganja Freight');
    const consultant = agents.get('consultant') as Agent;
    const ownTasks = await consultant.get(`/assessments/${own.assessment}`).expect(200);
    const reassessed = await consultant.post(`/assessments/${own.assessment}/reassessment`).type('form').send(formBody({ _csrf: csrfTokenFrom(ownTasks.text) })).expect(303);
    const reassessment = pathOf(locationOf(reassessed)).split('/').pop() ?? '';
    const issue = issueIdFrom(await issueReport(consultant, `/assessments/${own.assessment}`));
    const otherIssue = issueIdFrom(await issueReport(agents.get('otherFirm') as Agent, `/assessments/${other.assessment}`));
    anonymousIssue = issueIdFrom(await issueReport(holder));
    // Another browser's anonymous assessment, issued too: nobody else reaches its issue.
    const stranger = newAgent(app);
    await startAssessment(stranger);
    await walkAllSections(stranger);
    strangersAnonymousIssue = issueIdFrom(await issueReport(stranger));
    ids = { ...own, reassessment, user: users.spare.id, otherClient: other.client, otherAssessment: other.assessment, otherUser: users.otherFirm.id, issue, otherIssue };
    for (const actor of ACTORS) tokens.set(actor, csrfTokenFrom((await (agents.get(actor) as Agent).get('/').expect(200)).text));
  }, 180_000);

  afterAll(async () => {
    await running.stop();
    removeDataDir(running.dataDir);
  });

  async function answerOf(actor: Actor, route: Route, path: string): Promise<string> {
    const agent = agents.get(actor) as Agent;
    const response =
      route.method === 'GET'
        ? await agent.get(path).redirects(0)
        : await agent
            .post(path)
            .type('form')
            .send(formBody({ _csrf: tokens.get(actor) ?? '', ...(route.body ?? {}) }))
            .redirects(0);
    expect(response.status, `${actor} ${route.method} ${path}`).toBeLessThan(500);
    // A binary body (the PDF) has no text.
    expect((response.text as string | undefined) ?? '', `${actor} ${route.method} ${path}`).not.toMatch(/at \w+ \(|node_modules/);
    return describeAnswer(response.status, response.headers.location);
  }

  it('lets through exactly those entitled, with the firm’s own ids', async () => {
    const wrong: string[] = [];
    for (const route of ROUTES) {
      const path = route.path(ids);
      for (const actor of ACTORS) {
        const answer = await answerOf(actor, route, path);
        const entitled = route.allowed.includes(actor);
        const expected = entitled ? 'through' : String(refusalFor(actor, route));
        const got = entitled ? (answer === '404' || answer === 'sign-in' || answer === '403' ? answer : 'through') : answer;
        if (got !== expected) wrong.push(`${actor} ${route.method} ${path}: expected ${expected}, got ${answer}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it('lets everyone read a working read-only link’s pages and nothing else; a withdrawn, expired or unknown link is the same 404 for all', async () => {
    const consultant = agents.get('consultant') as Agent;
    const base = `/assessments/${ids.assessment}`;
    const working = await createLink(consultant, base);
    const withdrawn = await createLink(consultant, base);
    const sharePage = await consultant.get(`${base}/share`).expect(200);
    const withdrawAction = [...sharePage.text.matchAll(/<form method="post" action="([^"]+\/withdraw)">/g)].map((match) => match[1] ?? '')[0] ?? '';
    await consultant.post(withdrawAction).type('form').send(formBody({ _csrf: csrfTokenFrom(sharePage.text) })).expect(303);
    const expired = await createLink(consultant, base);
    await running.database.db.updateTable('share_links').set({ expires_at: '2020-01-01T00:00:00.000Z' }).where('token_hash', '=', createHash('sha256').update(expired.token).digest('hex')).execute();
    // Whichever link was withdrawn (the newest is listed first), exactly one of the first two still works.
    const [open, closed] = (await newAgent(running.app).get(`${working.shared}/results`)).status === 200 ? [working, withdrawn] : [withdrawn, working];
    const wrong: string[] = [];
    for (const actor of ACTORS) {
      const agent = agents.get(actor) as Agent;
      const expect200 = [`${open.shared}/results`, `${open.shared}/report`, `${open.shared}/report.pdf`, `${open.shared}/actions.csv`];
      const expect404 = [
        `${open.shared}`,
        `${open.shared}/check`,
        `${open.shared}/sections/profile`,
        `${open.shared}/actions`,
        `${open.shared}/share`,
        `${open.shared}/history`,
        `${open.shared}/issued`,
        `${open.shared}/issued/${ids.issue}.pdf`,
        `${closed.shared}/results`,
        `${expired.shared}/results`,
        `/shared/${randomUUID()}/results`,
      ];
      for (const path of expect200) {
        const status = (await agent.get(path).redirects(0)).status;
        if (status !== 200) wrong.push(`${actor} GET ${path}: expected 200, got ${status}`);
      }
      for (const path of expect404) {
        const status = (await agent.get(path).redirects(0)).status;
        if (status !== 404) wrong.push(`${actor} GET ${path}: expected 404, got ${status}`);
      }
      for (const page of ['/actions', '/issue']) {
        const posted = await agent.post(`${open.shared}${page}`).type('form').send(formBody({ _csrf: tokens.get(actor) ?? '' })).redirects(0);
        if (posted.status !== 404) wrong.push(`${actor} POST ${open.shared}${page}: expected 404, got ${posted.status}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('answers another firm’s ids, guessed and sequential ids with the same 404 (or the sign-in page when signed out)', async () => {
    const noOthers = { otherClient: '', otherAssessment: '', otherUser: '', otherIssue: '' };
    const strangers: Ids[] = [
      { ...noOthers, client: ids.otherClient, assessment: ids.otherAssessment, reassessment: ids.otherAssessment, user: ids.otherUser, issue: ids.otherIssue },
      { ...noOthers, client: randomUUID(), assessment: randomUUID(), reassessment: randomUUID(), user: randomUUID(), issue: randomUUID() },
      { ...noOthers, client: '1', assessment: '2', reassessment: '4', user: '3', issue: '5' },
    ];
    const wrong: string[] = [];
    for (const route of ROUTES.filter((candidate) => !candidate.anonymousBase && candidate.path(ids) !== candidate.path(strangers[1] as Ids))) {
      for (const stranger of strangers) {
        const path = route.path(stranger);
        for (const actor of ACTORS.filter((candidate) => candidate !== 'otherFirm' && candidate !== 'otherCompliance')) {
          const answer = await answerOf(actor, route, path);
          const expected = String(refusalFor(actor, route));
          if (answer !== expected) wrong.push(`${actor} ${route.method} ${path}: expected ${expected}, got ${answer}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it('never serves an issued report through another assessment, another firm or another anonymous browser: the same 404', async () => {
    const own = `/assessments/${ids.assessment}`;
    const cases: { path: string; actors: readonly Actor[] }[] = [
      // The firm's issue under the anonymous base, and anonymous issues under the firm's base.
      { path: `/assessment/issued/${ids.issue}.pdf`, actors: ACTORS },
      { path: `${own}/issued/${anonymousIssue}.pdf`, actors: FIRM_STAFF },
      // The other firm's issue, under this firm's assessment and in this firm's archive.
      { path: `${own}/issued/${ids.otherIssue}.pdf`, actors: FIRM_STAFF },
      { path: `/archive/reports/${ids.otherIssue}`, actors: FIRM_RECORD_KEEPERS },
      { path: `/archive/reports/${ids.otherIssue}/report.pdf`, actors: FIRM_RECORD_KEEPERS },
      // This firm's issue in the other firm's archive; an anonymous issue in any archive.
      { path: `/archive/reports/${ids.issue}`, actors: ['otherCompliance'] },
      { path: `/archive/reports/${anonymousIssue}/report.pdf`, actors: [...FIRM_RECORD_KEEPERS, 'otherCompliance'] },
      // Another browser's anonymous issue, even to the holder of an anonymous assessment.
      { path: `/assessment/issued/${strangersAnonymousIssue}.pdf`, actors: ACTORS },
    ];
    const wrong: string[] = [];
    for (const { path, actors } of cases) {
      for (const actor of actors) {
        const status = (await (agents.get(actor) as Agent).get(path).redirects(0)).status;
        if (status !== 404) wrong.push(`${actor} GET ${path}: expected 404, got ${status}`);
      }
    }
    expect(wrong).toEqual([]);
    // The holder reaches their own issue, and the firm's staff theirs.
    expect((await (agents.get('anonymousHolder') as Agent).get(`/assessment/issued/${anonymousIssue}.pdf`)).status).toBe(200);
    expect((await (agents.get('compliance') as Agent).get(`/archive/reports/${ids.issue}/report.pdf`)).status).toBe(200);
  }, 120_000);
});
