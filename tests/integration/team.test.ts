import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createAccountRepository } from '../../src/repositories/accountRepository.js';
import { createAccountService, INVITATION_DAYS, type SignedInUser } from '../../src/services/accountService.js';
import { createUserDirectly, signIn, submitSignIn, TEST_PASSWORD } from '../support/accounts.js';
import { csrfTokenFrom, formBody, hiddenFieldsFrom, locationOf } from '../support/forms.js';
import { useAppsWithSettings } from '../support/lifecycle.js';
import { testStore, type RunningApp } from '../support/testApp.js';
import { newAgent, type Agent } from '../support/walk.js';

const FIRM = 'Caucasus Risk Partners';
const OTHER_FIRM = 'Absheron Advisory';

function invitationLinkFrom(html: string): string {
  const match = /href="(http:\/\/riskplan\.test\/invitations\/[A-Za-z0-9_-]{43})"/.exec(html);
  if (!match?.[1]) throw new Error('No invitation link in page');
  return match[1];
}

/** The page's main content: the header differs by who is signed in. */
function mainOf(html: string): string {
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
}

/** Posts a form found on the page at `pagePath` (its token), with `fields`. */
async function postFrom(agent: Agent, pagePath: string, action: string, fields: Record<string, string> = {}) {
  const page = await agent.get(pagePath).expect(200);
  return agent.post(action).type('form').send(formBody({ _csrf: csrfTokenFrom(page.text), ...fields }));
}

async function invite(agent: Agent, fields: { name: string; email: string; role: string }) {
  return postFrom(agent, '/team/invite', '/team/invite', fields);
}

/** Opens the invitation link and creates a password through its form; returns the post's response. */
async function acceptInvitation(agent: Agent, link: string, password: string, confirmPassword = password) {
  const page = await agent.get(new URL(link).pathname).expect(200);
  return agent.post('/invitations').type('form').send(formBody({ ...hiddenFieldsFrom(page.text), password, confirmPassword }));
}

async function userRow(running: RunningApp, email: string) {
  return running.database.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
}

/** A firm with an admin signed in, a consultant and a compliance user; and another firm with its admin. */
async function twoFirms(running: RunningApp) {
  const admin = await createUserDirectly(running.database, { organisationName: FIRM, email: 'nino@crp.example', role: 'admin', displayName: 'Nino Beridze' });
  const consultant = await createUserDirectly(running.database, { organisationName: FIRM, email: 'levan@crp.example', role: 'consultant', displayName: 'Levan Kapanadze' });
  const compliance = await createUserDirectly(running.database, { organisationName: FIRM, email: 'tamar@crp.example', role: 'compliance', displayName: 'Tamar Lomidze' });
  const otherAdmin = await createUserDirectly(running.database, { organisationName: OTHER_FIRM, email: 'aysel@absheron.example', role: 'admin', displayName: 'Aysel Mammadova' });
  const adminAgent = newAgent(running.app);
  await signIn(adminAgent, admin.email);
  return { admin, consultant, compliance, otherAdmin, adminAgent };
}

describe(`the admin's team pages (${testStore})`, () => {
  const startApp = useAppsWithSettings();

  it('lists the team to its admin only: signed out is sent to sign in, other roles get the 404 page', async () => {
    const running = await startApp();
    const { consultant, compliance, adminAgent } = await twoFirms(running);
    const list = await adminAgent.get('/team').expect(200);
    for (const text of ['Nino Beridze', 'Levan Kapanadze', 'Tamar Lomidze', 'levan@crp.example', 'Consultant', 'Compliance', 'Active', '(you)']) expect(list.text).toContain(text);
    expect(list.text).not.toContain('Aysel');

    const unknownId = randomUUID();
    const paths = ['/team', '/team/invite', `/team/${consultant.id}`, `/team/${unknownId}`];
    for (const path of paths) {
      const signedOut = await newAgent(running.app).get(path);
      expect(signedOut.status).toBe(303);
      expect(locationOf(signedOut)).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    const signedOutPost = await newAgent(running.app).post(`/team/${consultant.id}/disable`).type('form').send('');
    expect(signedOutPost.status).toBe(403);

    const unknownPage = await adminAgent.get(`/team/${unknownId}`).expect(404);
    for (const user of [consultant, compliance]) {
      const agent = newAgent(running.app);
      await signIn(agent, user.email);
      for (const path of paths) {
        const refused = await agent.get(path);
        expect(refused.status).toBe(404);
        expect(mainOf(refused.text)).toBe(mainOf(unknownPage.text));
      }
      const post = await postFrom(agent, '/', `/team/${consultant.id}/disable`);
      expect(post.status).toBe(404);
    }
    expect((await userRow(running, 'levan@crp.example')).disabled_at).toBeNull();
  });

  it("gives 404 for another organisation's user ids, on every page and action, and changes nothing", async () => {
    const running = await startApp();
    const { otherAdmin, adminAgent } = await twoFirms(running);
    expect((await adminAgent.get(`/team/${otherAdmin.id}`)).status).toBe(404);
    for (const [action, fields] of [['role', { role: 'consultant' }], ['disable', {}], ['enable', {}], ['invitation', {}]] as const) {
      const response = await postFrom(adminAgent, '/team', `/team/${otherAdmin.id}/${action}`, fields);
      expect(response.status).toBe(404);
    }
    const row = await userRow(running, 'aysel@absheron.example');
    expect(row).toMatchObject({ role: 'admin', disabled_at: null });
  });

  it('invites someone end to end: a one-time link on PUBLIC_URL, a password, signed in, the link used up', async () => {
    const running = await startApp();
    const { adminAgent } = await twoFirms(running);
    const invited = await invite(adminAgent, { name: 'Giorgi Tsereteli', email: ' Giorgi@CRP.example ', role: 'consultant' });
    expect(invited.status).toBe(201);
    expect(invited.text).toContain('Send this link to Giorgi Tsereteli');
    const link = invitationLinkFrom(invited.text);
    const row = await userRow(running, 'giorgi@crp.example');
    expect(row).toMatchObject({ role: 'consultant', password_hash: null, display_name: 'Giorgi Tsereteli' });
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await running.database.db.selectFrom('invitations').selectAll().where('user_id', '=', row.id).executeTakeFirstOrThrow();
    const token = new URL(link).pathname.split('/').pop() ?? '';
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    const days = (Date.parse(stored.expires_at) - Date.parse(stored.created_at)) / 86_400_000;
    expect(days).toBe(7);
    expect((await adminAgent.get('/team').expect(200)).text).toContain('Invited');

    // The invited person, in their own browser.
    const giorgi = newAgent(running.app);
    const form = await giorgi.get(new URL(link).pathname).expect(200);
    expect(form.text).toContain('Giorgi Tsereteli, you have been invited to Caucasus Risk Partners on RiskPlan.');
    const short = await acceptInvitation(giorgi, link, 'too short');
    expect(short.status).toBe(400);
    expect(short.text).toContain('<a href="#password">Password must be 12 characters or more</a>');
    expect(short.text).not.toContain('value="too short"');
    const common = await acceptInvitation(giorgi, link, 'qwerty123456');
    expect(common.status).toBe(400);
    expect(common.text).toContain('<a href="#password">This password is too common. Choose one that other people are unlikely to use</a>');
    const mismatch = await acceptInvitation(giorgi, link, TEST_PASSWORD, `${TEST_PASSWORD}!`);
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toContain('<a href="#confirmPassword">The two passwords do not match</a>');
    expect(mismatch.text).not.toContain(TEST_PASSWORD);

    const accepted = await acceptInvitation(giorgi, link, 'Tbilisi funicular at midnight');
    expect(accepted.status).toBe(303);
    expect(locationOf(accepted)).toBe('/assessments');
    expect((await giorgi.get('/').expect(200)).text).toContain(`Signed in as Giorgi Tsereteli, ${FIRM}`);

    // The link works once.
    expect((await newAgent(running.app).get(new URL(link).pathname)).status).toBe(404);
    const reused = await giorgi.post('/invitations').type('form').send(formBody({ _csrf: csrfTokenFrom(form.text), token, password: 'Another long passphrase', confirmPassword: 'Another long passphrase' }));
    expect(reused.status).toBe(404);
    expect((await submitSignIn(newAgent(running.app), 'giorgi@crp.example', 'Tbilisi funicular at midnight')).status).toBe(303);
    expect((await adminAgent.get('/team').expect(200)).text).not.toContain('tag--blue');
  });

  it('refuses bad invitations with the form shown again, typed values kept and each error linked', async () => {
    const running = await startApp();
    const { adminAgent } = await twoFirms(running);
    const bad = await invite(adminAgent, { name: '  ', email: 'not-an-email', role: 'owner' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<title>Error: Invite someone to your team – RiskPlan</title>');
    expect(bad.text).toContain('<a href="#email">Enter an email address in the correct format, like name@example.com</a>');
    expect(bad.text).toContain('<a href="#name">Enter their full name</a>');
    expect(bad.text).toContain('<a href="#role">Select a role</a>');
    expect(bad.text).toContain('value="not-an-email"');
    expect(bad.text).toMatch(/<input class="choice__input" type="radio" id="role" name="role" value="admin"/);

    const taken = await invite(adminAgent, { name: 'Someone Else', email: 'AYSEL@absheron.example', role: 'consultant' });
    expect(taken.status).toBe(400);
    expect(taken.text).toContain('<a href="#email">This email address already has a RiskPlan account</a>');
    expect(taken.text).toContain('value="Someone Else"');
    expect(taken.text).toMatch(/value="consultant" aria-describedby="role-consultant-hint" checked/);
    expect(await running.database.db.selectFrom('users').select('id').execute()).toHaveLength(4);
  });

  it('makes a new invitation link that replaces the earlier one, and expired links do not work', async () => {
    const running = await startApp();
    const { adminAgent } = await twoFirms(running);
    const first = invitationLinkFrom((await invite(adminAgent, { name: 'Giorgi', email: 'giorgi@crp.example', role: 'compliance' })).text);
    const giorgi = await userRow(running, 'giorgi@crp.example');
    const again = await postFrom(adminAgent, `/team/${giorgi.id}`, `/team/${giorgi.id}/invitation`);
    expect(again.status).toBe(201);
    const second = invitationLinkFrom(again.text);
    expect(second).not.toBe(first);
    expect((await newAgent(running.app).get(new URL(first).pathname)).status).toBe(404);
    expect((await newAgent(running.app).get(new URL(second).pathname)).status).toBe(200);

    await running.database.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    const expired = await newAgent(running.app).get(new URL(second).pathname);
    expect(expired.status).toBe(404);
    expect(expired.text).toContain('This invitation link does not work');
    // Someone who already has a password gets no new link.
    const levan = await userRow(running, 'levan@crp.example');
    expect((await postFrom(adminAgent, `/team/${levan.id}`, `/team/${levan.id}/invitation`)).status).toBe(409);
  });

  it('changes roles and access, and keeps an active admin and the admin\'s own account out of reach', async () => {
    const running = await startApp();
    const { admin, consultant, adminAgent } = await twoFirms(running);
    const page = `/team/${consultant.id}`;
    const changed = await postFrom(adminAgent, page, `${page}/role`, { role: 'admin' });
    expect(changed.status).toBe(303);
    expect(locationOf(changed)).toBe(`${page}?changed=role`);
    expect((await adminAgent.get(locationOf(changed)).expect(200)).text).toContain('Role changed.');
    expect((await userRow(running, consultant.email)).role).toBe('admin');
    // The promoted user sees the team at once.
    const levan = newAgent(running.app);
    await signIn(levan, consultant.email);
    expect((await levan.get('/team')).status).toBe(200);

    expect((await postFrom(adminAgent, page, `${page}/role`, { role: 'nonsense' })).status).toBe(400);
    const disabled = await postFrom(adminAgent, page, `${page}/disable`);
    expect(locationOf(disabled)).toBe(`${page}?changed=disabled`);
    expect((await adminAgent.get('/team').expect(200)).text).toContain('Disabled');
    const enabled = await postFrom(adminAgent, page, `${page}/enable`);
    expect(locationOf(enabled)).toBe(`${page}?changed=enabled`);
    expect((await userRow(running, consultant.email)).disabled_at).toBeNull();

    // Their own account: no forms on the page, and posts are refused with the reason.
    const own = await adminAgent.get(`/team/${admin.id}`).expect(200);
    expect(own.text).not.toContain(`action="/team/${admin.id}/disable"`);
    for (const [action, fields] of [['disable', {}], ['role', { role: 'consultant' }]] as const) {
      const refused = await postFrom(adminAgent, '/team', `/team/${admin.id}/${action}`, fields);
      expect(refused.status).toBe(409);
      expect(refused.text).toContain('You cannot change your own role or disable your own account. Ask another admin.');
    }
    expect(await userRow(running, admin.email)).toMatchObject({ role: 'admin', disabled_at: null });
  });

  it('never leaves an organisation without an active admin, even when two admins act at once', async () => {
    const running = await startApp();
    const accounts = createAccountService(createAccountRepository(running.database.db), { invitationDays: INVITATION_DAYS });
    const first = await createUserDirectly(running.database, { organisationName: FIRM, email: 'first@crp.example', role: 'admin' });
    const second = await createUserDirectly(running.database, { organisationName: FIRM, email: 'second@crp.example', role: 'admin' });

    // Two admins disabling each other at the same moment: one wins, the other is refused. Without
    // the organisation lock, PostgreSQL let both through in about half of such rounds.
    for (let round = 0; round < 10; round += 1) {
      await running.database.db.updateTable('users').set({ disabled_at: null }).execute();
      const outcomes = await Promise.all([accounts.setDisabled(first, second.id, true), accounts.setDisabled(second, first.id, true)]);
      expect([...outcomes].sort()).toEqual(['changed', 'last_admin']);
    }
    const active = await running.database.db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).execute();
    expect(active).toHaveLength(1);

    // An admin acting from a page loaded before they lost their rights cannot demote the last one either.
    const remaining: SignedInUser = active[0]?.id === first.id ? first : second;
    const former: SignedInUser = remaining === first ? second : first;
    expect(await accounts.changeRole(former, remaining.id, 'consultant')).toBe('last_admin');
    expect(await accounts.setDisabled(former, remaining.id, true)).toBe('last_admin');
  });

  it('keeps the invitation token out of the log', async () => {
    const chunks: string[] = [];
    const running = await startApp({ logger: createLogger('info', { write: (chunk: string) => void chunks.push(chunk) }) });
    const { adminAgent } = await twoFirms(running);
    const link = invitationLinkFrom((await invite(adminAgent, { name: 'Giorgi', email: 'giorgi@crp.example', role: 'consultant' })).text);
    const token = new URL(link).pathname.split('/').pop() ?? '';
    const agent = newAgent(running.app);
    expect((await acceptInvitation(agent, link, 'Tbilisi funicular at midnight')).status).toBe(303);
    await agent.get(`/invitations/${token}`).expect(404);
    await agent.get(`/Invitations/${token}x`).expect(404);
    const log = chunks.join('');
    expect(log).toContain('/invitations/[redacted]');
    expect(log).not.toContain(token);
    expect(log).not.toContain('Tbilisi funicular');
  });
});
