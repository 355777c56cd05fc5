import { randomUUID } from 'node:crypto';
import { PostgresAdapter, sql, type RawBuilder, type Transaction } from 'kysely';
import type { AuditEntry } from '../audit/auditEvents.js';
import type { Db } from '../db/database.js';
import type { AuditLogTable, DatabaseSchema } from '../db/schema.js';

/** What the audit page may be narrowed to. Dates are calendar dates, 'YYYY-MM-DD', inclusive. */
export interface AuditFilter {
  event?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  /** Text the subject ("About") contains; see subjectContains for how letters compare. */
  subject?: string;
}

export type AuditRow = AuditLogTable;

const MAX_DETAIL_LENGTH = 2000;
const MAX_SUBJECT_LENGTH = 300;

/** The day after a calendar date, for an inclusive "to" date compared with ISO timestamps. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/** Capital A to Z as small letters, and nothing else: the fold both stores' lower() agree on (below). */
function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/**
 * The subject contains the text, the user's own %, _ and \\ taken literally. Capital and small
 * letters match in A to Z only; other scripts (Şəki, Тбилиси, ქართული) match exactly as written, on
 * both stores alike: SQLite's lower() folds ASCII only, and PostgreSQL's lower() under the "C"
 * collation does the same whatever the database's locale. No column holds a folded copy (the log
 * is append-only and its schema fixed), so this is a scan of the organisation's entries.
 */
function subjectContains(db: Db, text: string): RawBuilder<boolean> {
  const pattern = `%${asciiLowerCase(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const subject = db.getExecutor().adapter instanceof PostgresAdapter ? sql`lower(${sql.ref('subject')} collate "C")` : sql`lower(${sql.ref('subject')})`;
  return sql<boolean>`${subject} like ${pattern} escape '\\'`;
}

/** The row an entry becomes. Long values are cut, never refused: an audit line is not lost to its length. */
export function auditRowOf(entry: AuditEntry, at: Date): AuditLogTable {
  const detail = entry.detail ? JSON.stringify(entry.detail) : null;
  return {
    id: randomUUID(),
    organisation_id: entry.organisationId,
    at: at.toISOString(),
    event: entry.event,
    actor_user_id: entry.actor.userId,
    actor_name: entry.actor.name?.slice(0, 200) ?? null,
    ip: entry.ip?.slice(0, 64) ?? null,
    subject: entry.subject?.slice(0, MAX_SUBJECT_LENGTH) ?? null,
    detail: detail && detail.length > MAX_DETAIL_LENGTH ? JSON.stringify({ truncated: detail.slice(0, MAX_DETAIL_LENGTH - 40) }) : detail,
  };
}

/** The audit log: written, read, never changed (the database refuses UPDATE and DELETE on it). */
export function createAuditRepository(db: Db) {
  function filtered(organisationId: string, filter: AuditFilter) {
    let query = db.selectFrom('audit_log').where('organisation_id', '=', organisationId);
    if (filter.event) query = query.where('event', '=', filter.event);
    if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
    if (filter.from) query = query.where('at', '>=', `${filter.from}T00:00:00.000Z`);
    if (filter.to) query = query.where('at', '<', dayAfter(filter.to));
    if (filter.subject) query = query.where(subjectContains(db, filter.subject));
    return query;
  }

  return {
    /** Writes one entry, inside the caller's transaction when given one (so it commits with what it records). */
    async append(entry: AuditEntry, at: Date, trx?: Transaction<DatabaseSchema>): Promise<void> {
      await (trx ?? db).insertInto('audit_log').values(auditRowOf(entry, at)).execute();
    },

    /** A page of the organisation's entries, newest first. */
    async list(organisationId: string, filter: AuditFilter, page: { offset: number; limit: number }): Promise<{ rows: AuditRow[]; total: number }> {
      const [rows, count] = await Promise.all([
        filtered(organisationId, filter).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
        filtered(organisationId, filter).select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    /**
     * Every matching entry, oldest first, a batch at a time (for the CSV export): the export of a
     * long log never sits in memory whole. Keyset paging on (at, id), so rows written meanwhile
     * neither repeat nor shift the batches.
     */
    async *each(organisationId: string, filter: AuditFilter, batchSize = 500): AsyncGenerator<AuditRow> {
      let after: { at: string; id: string } | undefined;
      for (;;) {
        let query = filtered(organisationId, filter).selectAll();
        if (after) {
          const { at, id } = after;
          query = query.where((eb) => eb.or([eb('at', '>', at), eb.and([eb('at', '=', at), eb('id', '>', id)])]));
        }
        const rows = await query.orderBy('at', 'asc').orderBy('id', 'asc').limit(batchSize).execute();
        yield* rows;
        if (rows.length < batchSize) return;
        const last = rows[rows.length - 1]!;
        after = { at: last.at, id: last.id };
      }
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
