import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../src/audit/auditLog.js';
import { createDurableWriter } from '../../src/db/durableWrites.js';
import { createAuditRepository } from '../../src/repositories/auditRepository.js';
import { seedIssuedReport } from '../support/issued.js';
import { useFreshApp } from '../support/lifecycle.js';
import { testStore, type RunningApp } from '../support/testApp.js';

/**
 * Issued reports and the audit log are append-only in the database itself, not only in the app:
 * raw SQL, as anyone with the app's database login could send it, is refused by the store.
 */

const APPEND_ONLY_TABLES = ['issued_reports', 'audit_log', 'report_disposals'] as const;

/** One row in each append-only table: an issued report, its disposal record, an audit entry. */
async function oneRowEach(running: RunningApp) {
  const { db } = running.database;
  const kept = await seedIssuedReport(running.database, { organisationId: null });
  const disposed = await seedIssuedReport(running.database, { organisationId: null });
  await db.insertInto('report_disposals').values({ report_id: disposed.id, disposed_at: new Date().toISOString(), disposed_by_user_id: null, disposed_by_name: 'Retention clean-up' }).execute();
  const durably = createDurableWriter(db, running.database.raw);
  await createAuditLog(createAuditRepository(db), durably).record({
    event: 'report.issued',
    organisationId: null,
    actor: { userId: null, name: null },
    ip: '203.0.113.7',
    subject: `${kept.report_number} rev 1`,
  });
  return { kept, disposed };
}

/** What a raw statement did: refused with the store's message, or done. */
async function attempt(running: RunningApp, statement: string): Promise<string> {
  try {
    await sql.raw(statement).execute(running.database.db);
    return 'done';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function count(running: RunningApp, table: string): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(running.database.db);
  return Number(result.rows[0]?.n ?? 0);
}

describe(`append-only tables refuse changes in the database itself (${testStore})`, () => {
  const app = useFreshApp();

  it.each(APPEND_ONLY_TABLES)('%s: raw UPDATE and DELETE are refused, and the rows stay as they were', async (table) => {
    await oneRowEach(app());
    const before = await sql.raw(`select * from ${table} order by 1`).execute(app().database.db);
    const column = table === 'audit_log' ? 'subject' : table === 'issued_reports' ? 'company_name' : 'disposed_by_name';

    expect(await attempt(app(), `update ${table} set ${column} = 'tampered'`)).toMatch(/append-only/);
    expect(await attempt(app(), `delete from ${table}`)).toMatch(/append-only/);
    if (testStore === 'postgres') expect(await attempt(app(), `truncate ${table} cascade`)).toMatch(/append-only/);

    const after = await sql.raw(`select * from ${table} order by 1`).execute(app().database.db);
    expect(after.rows).toEqual(before.rows);
    expect(after.rows.length).toBeGreaterThan(0);
  });

  it('issued_report_contents: never updated; deleted only once a disposal is recorded', async () => {
    const { kept, disposed } = await oneRowEach(app());
    expect(await attempt(app(), `update issued_report_contents set answers_json = '{}' where report_id = '${disposed.id}'`)).toMatch(/cannot be changed|append-only/);
    expect(await attempt(app(), `delete from issued_report_contents where report_id = '${kept.id}'`)).toMatch(/only be deleted once their disposal is recorded/);
    if (testStore === 'postgres') expect(await attempt(app(), 'truncate issued_report_contents')).toMatch(/append-only/);
    expect(await count(app(), 'issued_report_contents')).toBe(2);

    // The disposed report's content may go; its register row and disposal record stay.
    expect(await attempt(app(), `delete from issued_report_contents where report_id = '${disposed.id}'`)).toBe('done');
    expect(await count(app(), 'issued_report_contents')).toBe(1);
    expect(await count(app(), 'issued_reports')).toBe(2);
    const pdf = await app().database.db.selectFrom('issued_report_contents').select('pdf').where('report_id', '=', kept.id).executeTakeFirstOrThrow();
    expect(Buffer.compare(Buffer.from(pdf.pdf), kept.pdf)).toBe(0);
  });

  it.runIf(testStore === 'sqlite')('a durable write commits with synchronous=FULL (2) on SQLite, and the connection is back to NORMAL (1) after', async () => {
    const { raw, db } = app().database;
    if (raw.kind !== 'sqlite') return;
    const synchronous = () => raw.connection.pragma('synchronous', { simple: true }) as number;
    expect(synchronous()).toBe(1);
    const durably = createDurableWriter(db, raw);
    const during = await durably(async (trx) => {
      await sql`select 1`.execute(trx);
      return synchronous();
    });
    expect(during).toBe(2);
    expect(synchronous()).toBe(1);
    // Back to NORMAL after a failed durable write too.
    await expect(durably(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(synchronous()).toBe(1);
  });
});
