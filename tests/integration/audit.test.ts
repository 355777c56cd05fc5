import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit/auditEvents.js';
import type { Database } from '../../src/db/database.js';
import { auditTime } from '../../src/presenters/auditPage.js';
import { createAuditRepository } from '../../src/repositories/auditRepository.js';
import { createUserDirectly, signIn, submitSignIn } from '../support/accounts.js';
import { csrfTokenFrom, formBody, locationOf } from '../support/forms.js';
import { useAppsWithSettings } from '../support/lifecycle.js';
import { seedIssuedReport } from '../support/issued.js';
import { csvRecords } from '../support/officeFiles.js';
import { faultOn, type StorageFault } from '../support/storageFaults.js';
import { addClient, createLink, FIRM, OTHER_FIRM, startAssessmentOf, tableRows } from '../support/practice.js';
import { testStore, type RunningApp } from '../support/testApp.js';
import { binary, everyExposureProfile, newAgent, startAssessment, walkAllSections, type Agent } from '../support/walk.js';

const ADMIN_IP = '203.0.113.10';
const STRANGER_IP = '198.51.100.66';

/** A browser at one client address (these apps trust one proxy). */
function browserAt(running: RunningApp, address: string): Agent {
  return newAgent(running.app).set('X-Forwarded-For', address);
}

async function signedInAt(running: RunningApp, email: string, address: string): Promise<Agent> {
  const agent = browserAt(running, address);
  await signIn(agent, email);
  return agent;
}

async function rowsOf(database: Database, event?: string) {
  let query = database.db.selectFrom('audit_log').selectAll();
  if (event) query = query.where('event', '=', event);
  return query.orderBy('at').orderBy('id').execute();
}

function detailOf(row: { detail: string | null }): Record<string, unknown> {
  return JSON.parse(row.detail ?? '{}') as Record<string, unknown>;
}

/** Waits for what is written after a response has gone (a failed sign-in's entry). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const value = await read();
    if (done(value) || attempt === 50) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function postFrom(agent: Agent, pagePath: string, action: string, fields: Record<string, string> = {}) {
  const page = await agent.get(pagePath).expect(200);
  return agent.post(action).type('form').send(formBody({ _csrf: csrfTokenFrom(page.text), ...fields }));
}

/** The firm's admin, compliance officer and consultant, and another firm's admin. */
async function people(running: RunningApp) {
  const admin = await createUserDirectly(running.database, { organisationName: FIRM, email: 'nino@crp.example', role: 'admin', displayName: 'Nino Beridze' });
  const compliance = await createUserDirectly(running.database, { organisationName: FIRM, email: 'tamar@crp.example', role: 'compliance', displayName: 'Tamar Lomidze' });
  const consultant = await createUserDirectly(running.database, { organisationName: FIRM, email: 'levan@crp.example', role: 'consultant', displayName: 'Levan Kapanadze' });
  const otherAdmin = await createUserDirectly(running.database, { organisationName: OTHER_FIRM, email: 'aysel@bag.example', role: 'admin', displayName: 'Aysel Mammadova' });
  return { admin, compliance, consultant, otherAdmin };
}

/** Entries written straight through the repository, at chosen times. */
async function seedEntries(database: Database, entries: readonly (Partial<AuditEntry> & { at: string })[]) {
  const repository = createAuditRepository(database.db);
  for (const { at, ...entry } of entries) {
    await repository.append({ event: 'report.downloaded', organisationId: null, actor: { userId: null, name: null }, ip: '192.0.2.1', ...entry }, new Date(at));
  }
}

/**
 * The store refuses every write (a storage error), reads still work. PostgreSQL: the usual fault
 * (read-only after a failover). SQLite: the app's connection turned read-only (SQLITE_READONLY),
 * since a full disk lets a small row into a page that still has room.
 */
function unwritable(running: RunningApp): StorageFault {
  if (testStore === 'postgres') return faultOn(running);
  const { db } = running.database;
  return { code: 'SQLITE_READONLY', apply: async () => void (await sql`pragma query_only = on`.execute(db)), lift: async () => void (await sql`pragma query_only = off`.execute(db)) };
}

describe(`the audit log (${testStore})`, () => {
  const startApp = useAppsWithSettings();
  const started = () => startApp({ trustProxy: 1 });

  it('records sign-ins, and failed sign-ins of known accounts only, in the account’s own log, with the same answer for an unknown email', async () => {
    const running = await started();
    const { admin, otherAdmin } = await people(running);
    await signedInAt(running, admin.email, ADMIN_IP);
    const [signedIn] = await rowsOf(running.database, 'signin.succeeded');
    expect(signedIn).toMatchObject({ organisation_id: admin.organisationId, actor_user_id: admin.id, actor_name: 'Nino Beridze', ip: ADMIN_IP, subject: 'nino@crp.example' });
    expect(Date.now() - Date.parse(signedIn?.at ?? '')).toBeLessThan(60_000);

    const stranger = browserAt(running, STRANGER_IP);
    const known = await submitSignIn(stranger, 'aysel@bag.example', 'not the password at all');
    const unknown = await submitSignIn(stranger, 'nobody@bag.example', 'not the password at all');
    expect(known.status).toBe(400);
    expect(unknown.status).toBe(400);
    // The same page, word for word, but for the email typed back into the form.
    expect(known.text.replaceAll('aysel@bag.example', 'EMAIL')).toBe(unknown.text.replaceAll('nobody@bag.example', 'EMAIL'));

    const failed = await eventually(() => rowsOf(running.database, 'signin.failed'), (rows) => rows.length > 0);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ organisation_id: otherAdmin.organisationId, actor_user_id: null, actor_name: null, ip: STRANGER_IP, subject: 'aysel@bag.example' });
    expect(detailOf(failed[0] ?? { detail: null })).toEqual({ reason: 'wrong_password' });
    // The unknown email is nowhere in the table.
    expect(JSON.stringify(await rowsOf(running.database))).not.toContain('nobody@');
  });

  it('records invitations, role changes (old to new), and disabling and enabling, by whom and from where', async () => {
    const running = await started();
    const { admin, consultant } = await people(running);
    const agent = await signedInAt(running, admin.email, ADMIN_IP);

    expect((await postFrom(agent, '/team/invite', '/team/invite', { name: 'Giorgi Tsereteli', email: 'giorgi@crp.example', role: 'consultant' })).status).toBe(201);
    const giorgi = await running.database.db.selectFrom('users').select('id').where('email', '=', 'giorgi@crp.example').executeTakeFirstOrThrow();
    expect((await postFrom(agent, `/team/${giorgi.id}`, `/team/${giorgi.id}/invitation`)).status).toBe(201);
    expect((await postFrom(agent, `/team/${consultant.id}`, `/team/${consultant.id}/role`, { role: 'admin' })).status).toBe(303);
    // The same role again changes nothing and records nothing.
    expect((await postFrom(agent, `/team/${consultant.id}`, `/team/${consultant.id}/role`, { role: 'admin' })).status).toBe(303);
    expect((await postFrom(agent, `/team/${consultant.id}`, `/team/${consultant.id}/disable`)).status).toBe(303);
    expect((await postFrom(agent, `/team/${consultant.id}`, `/team/${consultant.id}/enable`)).status).toBe(303);
    // Refused (the admin's own account): nothing recorded.
    expect((await postFrom(agent, `/team/${admin.id}`, `/team/${admin.id}/disable`)).status).toBe(409);

    const rows = (await rowsOf(running.database)).filter((row) => row.event.startsWith('user.'));
    expect(rows.map((row) => [row.event, row.subject, detailOf(row)])).toEqual([
      ['user.invited', 'giorgi@crp.example', { role: 'consultant' }],
      ['user.invited', 'giorgi@crp.example', { role: 'consultant', renewed: true }],
      ['user.role_changed', 'levan@crp.example', { oldRole: 'consultant', newRole: 'admin' }],
      ['user.disabled', 'levan@crp.example', {}],
      ['user.enabled', 'levan@crp.example', {}],
    ]);
    for (const row of rows) expect(row).toMatchObject({ organisation_id: admin.organisationId, actor_user_id: admin.id, actor_name: 'Nino Beridze', ip: ADMIN_IP });

    const page = await agent.get('/audit?event=user.role_changed').expect(200);
    expect(tableRows(page.text)).toEqual([expect.stringMatching(/ Role changed Nino Beridze 203\.0\.113\.10 levan@crp\.example Role: Consultant → Admin$/)]);
  });

  it('records read-only links made and withdrawn and every export of a firm’s assessment, through the link too, and nothing for an anonymous one', async () => {
    const running = await started();
    const { admin } = await people(running);
    const agent = await signedInAt(running, admin.email, ADMIN_IP);
    const base = await startAssessmentOf(agent, await addClient(agent, { name: 'Kartli Logistics' }));
    await walkAllSections(agent, everyExposureProfile, base);
    const assessmentId = base.split('/').pop() ?? '';

    const link = await createLink(agent, base, '14');
    await agent.get(`${base}/actions.csv`).buffer(true).parse(binary).expect(200);
    await agent.get(`${base}/actions.xlsx`).buffer(true).parse(binary).expect(200);
    const client = browserAt(running, STRANGER_IP);
    await client.get(`${link.shared}/actions.csv`).buffer(true).parse(binary).expect(200);
    const share = await agent.get(`${base}/share`).expect(200);
    const withdraw = /<form method="post" action="([^"]+\/withdraw)">/.exec(share.text)?.[1] ?? '';
    expect((await agent.post(withdraw).type('form').send(formBody({ _csrf: csrfTokenFrom(share.text) }))).status).toBe(303);

    const rows = (await rowsOf(running.database)).filter((row) => !row.event.startsWith('signin.'));
    const linkId = withdraw.split('/').at(-2);
    expect(rows.map((row) => [row.event, row.actor_name, row.ip, detailOf(row)])).toEqual([
      ['assessment.shared', 'Nino Beridze', ADMIN_IP, { assessmentId, days: 14 }],
      ['assessment.exported', 'Nino Beridze', ADMIN_IP, { assessmentId, format: 'csv' }],
      ['assessment.exported', 'Nino Beridze', ADMIN_IP, { assessmentId, format: 'xlsx' }],
      ['assessment.exported', null, STRANGER_IP, { assessmentId, format: 'csv', via: 'read_only_link' }],
      ['share.withdrawn', 'Nino Beridze', ADMIN_IP, { assessmentId, linkId }],
    ]);
    for (const row of rows) expect(row).toMatchObject({ organisation_id: admin.organisationId, subject: 'Kartli Logistics LLC' });

    const page = await agent.get('/audit?event=assessment.exported').expect(200);
    expect(tableRows(page.text)[0]).toContain('Assessment exported Anonymous link holder 198.51.100.66 Kartli Logistics LLC');
    expect(tableRows(page.text)[0]).toContain('Format: Action plan, CSV; Through: the client&#39;s read-only link');

    // An anonymous self-assessment's export has no firm whose log could hold it.
    const before = (await rowsOf(running.database)).length;
    const visitor = newAgent(running.app);
    await startAssessment(visitor);
    await walkAllSections(visitor);
    await visitor.get('/assessment/actions.csv').buffer(true).parse(binary).expect(200);
    expect(await rowsOf(running.database)).toHaveLength(before);
  }, 60_000);

  it('shows the log to the firm’s admin and compliance officer only: a consultant gets the 404 page, signed out goes to sign in, another firm sees none of it', async () => {
    const running = await started();
    const { admin, compliance, consultant, otherAdmin } = await people(running);
    await seedEntries(running.database, [
      { at: '2026-11-02T08:00:00.000Z', organisationId: admin.organisationId, event: 'report.issued', subject: 'RP-2026-000001', actor: { userId: admin.id, name: 'Nino Beridze' } },
      { at: '2026-11-03T08:00:00.000Z', organisationId: otherAdmin.organisationId, event: 'report.issued', subject: 'RP-2026-000777', actor: { userId: otherAdmin.id, name: 'Aysel Mammadova' } },
    ]);

    for (const user of [admin, compliance]) {
      const agent = await signedInAt(running, user.email, ADMIN_IP);
      const page = await agent.get('/audit').expect(200);
      expect(page.text).toContain('<a href="/audit" aria-current="page">Audit log</a>');
      expect(page.text).toContain('RP-2026-000001');
      expect(page.text).not.toContain('RP-2026-000777');
      expect(page.text).not.toContain('Aysel');
    }
    const theirs = await signedInAt(running, otherAdmin.email, ADMIN_IP);
    const theirPage = await theirs.get('/audit').expect(200);
    expect(theirPage.text).toContain('RP-2026-000777');
    expect(theirPage.text).not.toContain('RP-2026-000001');
    // Their users are not offered as a filter, and asking for one of ours by id is refused.
    expect(theirPage.text).not.toContain(admin.id);
    expect((await theirs.get(`/audit?user=${admin.id}`)).status).toBe(400);
    const theirCsv = await theirs.get('/audit.csv').buffer(true).parse(binary).expect(200);
    expect((theirCsv.body as Buffer).toString('utf8')).not.toContain('RP-2026-000001');

    const consultantAgent = await signedInAt(running, consultant.email, ADMIN_IP);
    const unknownPage = await consultantAgent.get('/no-such-page').expect(404);
    for (const path of ['/audit', '/audit.csv', '/audit?event=report.issued']) {
      const refused = await consultantAgent.get(path).expect(404);
      expect(refused.text.slice(refused.text.indexOf('<main'))).toBe(unknownPage.text.slice(unknownPage.text.indexOf('<main')));
    }
    expect((await consultantAgent.get('/assessments').expect(200)).text).not.toContain('href="/audit"');
    const signedOut = await newAgent(running.app).get('/audit?event=report.issued').expect(303);
    expect(locationOf(signedOut)).toBe(`/sign-in?next=${encodeURIComponent('/audit?event=report.issued')}`);
    expect(locationOf(await newAgent(running.app).get('/audit.csv').expect(303))).toBe(`/sign-in?next=${encodeURIComponent('/audit.csv')}`);
  });

  it('filters by event, user and an inclusive date range, pages twenty at a time, and reports bad filters while still listing', async () => {
    const running = await started();
    const { admin, compliance } = await people(running);
    const org = admin.organisationId;
    const entries = Array.from({ length: 45 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 9, 1 + i, 12, 0, i)).toISOString(),
      organisationId: org,
      event: i % 3 === 0 ? ('report.issued' as const) : ('report.downloaded' as const),
      actor: i % 2 === 0 ? { userId: admin.id, name: 'Nino Beridze' } : { userId: compliance.id, name: 'Tamar Lomidze' },
      subject: `RP-2026-${String(i + 1).padStart(6, '0')}`,
    }));
    await seedEntries(running.database, entries);
    const agent = await signedInAt(running, compliance.email, ADMIN_IP);
    const signInRows = 1;

    const first = await agent.get('/audit').expect(200);
    expect(tableRows(first.text)).toHaveLength(20);
    // Newest first: the compliance officer's own sign-in, then the 45th entry.
    expect(tableRows(first.text)[1]).toContain('RP-2026-000045');
    expect(first.text).toContain(`Showing 1 to 20 of ${45 + signInRows}`);
    expect(first.text).toContain('href="/audit?page=2" rel="next"');
    const third = await agent.get('/audit?page=3').expect(200);
    expect(tableRows(third.text)).toHaveLength(6);
    expect(third.text).not.toContain('rel="next"');

    const issued = await agent.get('/audit?event=report.issued').expect(200);
    expect(tableRows(issued.text)).toHaveLength(15);
    expect(tableRows(issued.text).every((row) => row.includes('Report issued'))).toBe(true);

    const byTamar = await agent.get(`/audit?user=${compliance.id}&event=report.downloaded`).expect(200);
    expect(tableRows(byTamar.text).every((row) => row.includes('Tamar Lomidze') && row.includes('Issued report downloaded'))).toBe(true);
    expect(tableRows(byTamar.text)).toHaveLength(entries.filter((entry, i) => i % 2 === 1 && entry.event === 'report.downloaded').length);
    expect(byTamar.text).toContain(`<option value="${compliance.id}" selected>Tamar Lomidze (tamar@crp.example)</option>`);

    // 3 to 5 October, both days whole: entries 3, 4 and 5.
    const range = await agent.get('/audit?from=2026-10-03&to=2026-10-05').expect(200);
    expect(tableRows(range.text).map((row) => /RP-2026-0000\d\d/.exec(row)?.[0])).toEqual(['RP-2026-000005', 'RP-2026-000004', 'RP-2026-000003']);
    expect(tableRows(range.text)[0]).toContain(auditTime('2026-10-05T12:00:04.000Z'));
    expect(auditTime('2026-10-05T12:00:04.000Z')).toBe('5 October 2026, 12:00:04 UTC');
    expect(range.text).toContain('href="/audit.csv?from=2026-10-03&amp;to=2026-10-05"');

    const bad = await agent.get('/audit?event=report.shredded&user=nobody&from=2026-02-30&to=2026-10-02').expect(400);
    expect(bad.text).toContain('<title>Error: Audit log');
    expect(bad.text).toContain('<a href="#event">Select an event from the list</a>');
    expect(bad.text).toContain('<a href="#user">Select a user from the list</a>');
    expect(bad.text).toContain('<a href="#from">Enter a real date, for example 2026-03-31</a>');
    // What could be used still narrows the list: up to 2 October.
    expect(tableRows(bad.text).map((row) => /RP-2026-0000\d\d/.exec(row)?.[0])).toEqual(['RP-2026-000002', 'RP-2026-000001']);
    const reversed = await agent.get('/audit?from=2026-10-05&to=2026-10-03').expect(400);
    expect(reversed.text).toContain('<a href="#to">The end date must be on or after the start date</a>');
    expect((await agent.get('/audit.csv?event=report.shredded').expect(400)).text).toContain('<a href="#event">Select an event from the list</a>');

    const none = await agent.get('/audit?from=2030-01-01').expect(200);
    expect(none.text).toContain('No entry matches these filters.');
  });

  it('finds everything about one report (or any text in About), A to Z in either case, other alphabets as written, % _ and \\ taken literally; the CSV the same', async () => {
    const running = await started();
    const { admin, compliance } = await people(running);
    const org = admin.organisationId;
    const nino = { userId: admin.id, name: 'Nino Beridze' };
    await seedEntries(running.database, [
      { at: '2026-10-01T09:00:00.000Z', organisationId: org, actor: nino, event: 'report.issued', subject: 'RP-2026-000001 rev 1' },
      { at: '2026-10-02T09:00:00.000Z', organisationId: org, actor: nino, event: 'legal_hold.placed', subject: 'RP-2026-000001', detail: { reason: 'Tax inspection' } },
      { at: '2026-10-03T09:00:00.000Z', organisationId: org, actor: nino, event: 'report.issued', subject: 'RP-2026-000010 rev 1' },
      { at: '2026-10-04T09:00:00.000Z', organisationId: org, actor: nino, event: 'report.verified', subject: 'RP-2026-000001', detail: { revision: 1, method: 'sha256' } },
      { at: '2026-10-05T09:00:00.000Z', organisationId: org, actor: nino, event: 'assessment.exported', subject: 'Şəki İpək MMC', detail: { format: 'docx' } },
      { at: '2026-10-06T09:00:00.000Z', organisationId: org, actor: nino, event: 'assessment.exported', subject: 'Kartli 100% Logistics_Ltd', detail: { format: 'csv' } },
      { at: '2026-10-07T09:00:00.000Z', organisationId: org, actor: nino, event: 'assessment.exported', subject: 'Kartli 1000 LogisticsXLtd \\ Tbilisi', detail: { format: 'csv' } },
      { at: '2026-10-08T09:00:00.000Z', organisationId: org, actor: nino, event: 'archive.exported', subject: null, detail: { client: 'şəki', from: '2026-10-01', to: '2026-10-31', count: 2 } },
      // Another firm's entry about the same report number is never shown.
      { at: '2026-10-09T09:00:00.000Z', organisationId: (await createUserDirectly(running.database, { organisationName: 'Elsewhere LLC', email: 'x@else.example', role: 'admin', displayName: 'X' })).organisationId, event: 'report.issued', subject: 'RP-2026-000001 rev 1' },
    ]);
    const agent = await signedInAt(running, compliance.email, ADMIN_IP);
    const about = async (text: string) => tableRows((await agent.get(`/audit?about=${encodeURIComponent(text)}`).expect(200)).text);

    const report = await agent.get('/audit?about=rp-2026-000001').expect(200);
    expect(tableRows(report.text).map((row) => /(Report issued|Legal hold placed|Report checked on the verify page)/.exec(row)?.[0])).toEqual(['Report checked on the verify page', 'Legal hold placed', 'Report issued']);
    expect(report.text).toContain('value="rp-2026-000001"');
    expect(report.text).toContain('href="/audit.csv?about=rp-2026-000001"');
    // Combined with the other filters.
    expect(await about('RP-2026-000001')).toHaveLength(3);
    expect(tableRows((await agent.get('/audit?about=RP-2026-000001&event=legal_hold.placed').expect(200)).text)).toHaveLength(1);

    expect(await about('KARTLI')).toHaveLength(2);
    expect(await about('Şəki')).toHaveLength(1);
    // Outside A to Z, letters match only as written, on both stores alike.
    expect(await about('şəki')).toHaveLength(0);
    expect((await about('100%')).join()).toContain('Kartli 100% Logistics_Ltd');
    expect(await about('100%')).toHaveLength(1);
    expect(await about('s_L')).toHaveLength(1);
    expect(await about('\\')).toHaveLength(1);
    expect(await about('%')).toHaveLength(1);
    // The archive export's entry has no stored subject: it reads "Archive export" but is not found by it.
    expect((await about('1')).join()).not.toContain('Archive export');
    expect(tableRows((await agent.get('/audit?event=archive.exported').expect(200)).text)[0]).toMatch(/Archive export Client contains “şəki”; Issued 1\s?–\s?31 October 2026; 2 reports$/);

    const csv = await agent.get('/audit.csv?about=RP-2026-000001').buffer(true).parse(binary).expect(200);
    const records = csvRecords((csv.body as Buffer).toString('utf8').slice(1)).slice(1);
    expect(records.map((record) => `${record[1]} ${record[6]}`)).toEqual(['report.issued RP-2026-000001 rev 1', 'legal_hold.placed RP-2026-000001', 'report.verified RP-2026-000001']);
    const exported = await rowsOf(running.database, 'audit.exported');
    expect(detailOf(exported[0] ?? { detail: null })).toEqual({ about: 'RP-2026-000001' });
    expect(tableRows((await agent.get('/audit?event=audit.exported').expect(200)).text)[0]).toContain('Audit log export About contains “RP-2026-000001”');
  });

  it('exports the filtered log as CSV (BOM, CRLF, words and codes, formulas neutralised), oldest first, and records the export', async () => {
    const running = await started();
    const { admin } = await people(running);
    await seedEntries(running.database, [
      { at: '2026-10-01T09:00:00.000Z', organisationId: admin.organisationId, event: 'user.role_changed', subject: 'levan@crp.example', actor: { userId: admin.id, name: 'Nino Beridze' }, detail: { oldRole: 'consultant', newRole: 'compliance' }, ip: '2001:db8::1' },
      { at: '2026-10-02T09:00:00.000Z', organisationId: admin.organisationId, event: 'assessment.exported', subject: '=HYPERLINK("http://x","y")', actor: { userId: null, name: null }, detail: { format: 'docx', via: 'read_only_link' } },
      { at: '2026-10-03T09:00:00.000Z', organisationId: admin.organisationId, event: 'report.downloaded', subject: 'RP-2026-000009', actor: { userId: admin.id, name: 'Nino Beridze' } },
    ]);
    const agent = await signedInAt(running, admin.email, ADMIN_IP);

    const csv = await agent.get('/audit.csv?to=2026-10-02').buffer(true).parse(binary).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename=RiskPlan-audit-log-${new Date().toISOString().slice(0, 10)}.csv`);
    expect(csv.headers['cache-control']).toBe('no-store');
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    const records = csvRecords(text.slice(1));
    expect(records[0]).toEqual(['Time (UTC)', 'Event code', 'Event', 'Who', 'User ID', 'IP address', 'About', 'Details', 'Details (JSON)']);
    expect(records.slice(1)).toEqual([
      ['2026-10-01T09:00:00.000Z', 'user.role_changed', 'Role changed', 'Nino Beridze', admin.id, '2001:db8::1', 'levan@crp.example', 'Role: Consultant → Compliance', '{"oldRole":"consultant","newRole":"compliance"}'],
      ['2026-10-02T09:00:00.000Z', 'assessment.exported', 'Assessment exported', 'Anonymous link holder', '', '192.0.2.1', `'=HYPERLINK("http://x","y")`, "Format: Report, Word (DOCX); Through: the client's read-only link", '{"format":"docx","via":"read_only_link"}'],
    ]);

    const exported = await rowsOf(running.database, 'audit.exported');
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ organisation_id: admin.organisationId, actor_user_id: admin.id, ip: ADMIN_IP });
    expect(detailOf(exported[0] ?? { detail: null })).toEqual({ to: '2026-10-02' });

    // Unfiltered, the export includes the sign-in and the first export, and records a second one.
    const all = await agent.get('/audit.csv').buffer(true).parse(binary).expect(200);
    const events = csvRecords((all.body as Buffer).toString('utf8').slice(1)).slice(1).map((record) => record[1]);
    expect(events).toEqual(['user.role_changed', 'assessment.exported', 'report.downloaded', 'signin.succeeded', 'audit.exported', 'audit.exported']);
    const page = await agent.get('/audit?event=audit.exported').expect(200);
    expect(tableRows(page.text)[1]).toContain('Audit log exported Nino Beridze 203.0.113.10');
    expect(tableRows(page.text)[1]).toContain('Audit log export');
    expect(tableRows(page.text)[1]).toContain('Recorded on or before 2 October 2026');
  });

  it('refuses an action with 503 when its audit entry cannot be written: no CSV, no verify answer; a check that matches nothing still answers', async () => {
    const running = await started();
    const { admin } = await people(running);
    const issue = await seedIssuedReport(running.database, { organisationId: admin.organisationId });
    const agent = await signedInAt(running, admin.email, ADMIN_IP);
    const verifyPage = await agent.get('/verify').expect(200);
    const fault = unwritable(running);
    await fault.apply();
    try {
      const csv = await agent.get('/audit.csv');
      expect(csv.status).toBe(503);
      expect(csv.headers['content-type']).toMatch(/^text\/html/);
      expect(csv.text).not.toContain('Time (UTC)');
      const check = (sha256: string) => agent.post('/verify').type('form').send(formBody({ _csrf: csrfTokenFrom(verifyPage.text), sha256 }));
      const genuine = await check(issue.pdf_sha256);
      expect(genuine.status).toBe(503);
      expect(genuine.text).not.toContain(issue.report_number);
      const nothing = await check('0'.repeat(64));
      expect(nothing.status).toBe(200);
      expect(nothing.text).toContain('Not a RiskPlan issue');
    } finally {
      await fault.lift();
    }
    expect((await rowsOf(running.database)).map((row) => row.event)).toEqual(['signin.succeeded']);
  });
});
