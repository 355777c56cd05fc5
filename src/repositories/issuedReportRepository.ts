import { PostgresAdapter, sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { DatabaseSchema, IssuedReportsTable } from '../db/schema.js';

type Trx = Transaction<DatabaseSchema>;

export type IssuedReportRow = IssuedReportsTable;

/** A report number as printed: RP-<year>-<six digits>. */
export function formatReportNumber(year: number, sequence: number): string {
  return `RP-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The scope an anonymous self-assessment's report numbers count in. */
export const ANONYMOUS_SCOPE = 'anonymous';

/** A new report number to take: the year and the sequence number expected to be free. */
export interface NewNumber {
  kind: 'new';
  year: number;
  sequence: number;
}

/** A further revision of a number the assessment already has. */
export interface NextRevision {
  kind: 'revision';
  reportNumber: string;
  revision: number;
}

export type NumberClaim = NewNumber | NextRevision;

/** Everything stored when a report is issued, number and revision included. */
export interface IssuedReportRecord {
  row: IssuedReportRow;
  pdf: Buffer;
  answersJson: string;
}

/**
 * The register of issued reports and their contents. Rows are written once (the database refuses
 * changes); a report's number is claimed in the same transaction that stores it.
 */
export function createIssuedReportRepository(db: Db) {
  return {
    /** The number the next new report of a scope and year would take (not reserved: see claimNumber). */
    async peekNextSequence(scope: string, year: number, trx: Trx | Db = db): Promise<number> {
      const row = await trx.selectFrom('report_number_counters').select('last_number').where('scope', '=', scope).where('year', '=', year).executeTakeFirst();
      return (row?.last_number ?? 0) + 1;
    },

    /**
     * Takes a new number inside the issuing transaction, only if it is still the next one: true
     * when taken, false when another issue took it first (the caller renders again with the new
     * next number). Compare-and-set on the counter, so two issues never share a number and a
     * number is never skipped, without holding a lock while a PDF renders.
     */
    async claimNumber(trx: Trx, scope: string, claim: NewNumber): Promise<boolean> {
      if (claim.sequence === 1) {
        const inserted = await trx
          .insertInto('report_number_counters')
          .values({ scope, year: claim.year, last_number: 1 })
          .onConflict((oc) => oc.columns(['scope', 'year']).doNothing())
          .executeTakeFirst();
        return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
      }
      const updated = await trx
        .updateTable('report_number_counters')
        .set({ last_number: claim.sequence })
        .where('scope', '=', scope)
        .where('year', '=', claim.year)
        .where('last_number', '=', claim.sequence - 1)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1;
    },

    /**
     * Makes the issuing transactions of one assessment take turns, so that the second of two
     * (a double click) sees what the first stored before it decides anything. On SQLite writers
     * already take turns; on PostgreSQL a transaction-scoped advisory lock keyed on the
     * assessment does it (no row needed: an anonymous assessment may since have been deleted).
     */
    async lockIssuesOf(trx: Trx, assessmentId: string): Promise<void> {
      if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
      await sql`select pg_advisory_xact_lock(hashtextextended(${`issue:${assessmentId}`}, 0))`.execute(trx);
    },

    /** Stores an issued report and its content (inside the issuing transaction). */
    async insert(trx: Trx, record: IssuedReportRecord): Promise<void> {
      await trx.insertInto('issued_reports').values(record.row).execute();
      await trx.insertInto('issued_report_contents').values({ report_id: record.row.id, pdf: record.pdf, answers_json: record.answersJson }).execute();
    },

    /** The assessment's issues, newest first. */
    async issuesOfAssessment(assessmentId: string, trx: Trx | Db = db): Promise<IssuedReportRow[]> {
      return trx.selectFrom('issued_reports').selectAll().where('assessment_id', '=', assessmentId).orderBy('revision', 'desc').execute();
    },

    async byId(id: string): Promise<IssuedReportRow | undefined> {
      return db.selectFrom('issued_reports').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Issued reports whose PDF has this SHA-256 (one, unless the same bytes were somehow issued twice). */
    async bySha256(sha256: string): Promise<IssuedReportRow[]> {
      return db.selectFrom('issued_reports').selectAll().where('pdf_sha256', '=', sha256).orderBy('issued_at', 'asc').execute();
    },

    /** The exact bytes issued; undefined once disposed of. */
    async pdfOf(id: string): Promise<Buffer | undefined> {
      const row = await db.selectFrom('issued_report_contents').select('pdf').where('report_id', '=', id).executeTakeFirst();
      return row ? Buffer.from(row.pdf) : undefined;
    },

    /** The answers the report was issued on, as stored; undefined once disposed of. */
    async answersOf(id: string): Promise<string | undefined> {
      const row = await db.selectFrom('issued_report_contents').select('answers_json').where('report_id', '=', id).executeTakeFirst();
      return row?.answers_json;
    },
  };
}

export type IssuedReportRepository = ReturnType<typeof createIssuedReportRepository>;
