import { sql, type ExpressionBuilder, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { DatabaseSchema, IssuedReportsTable } from '../db/schema.js';
import type { Band } from '../scoring/types.js';
import { searchableText } from './clientRepository.js';
import type { IssuedReportRepository } from './issuedReportRepository.js';
import { dayAfter } from './practiceRepository.js';

/**
 * What the archive may be narrowed to. Dates are calendar dates, 'YYYY-MM-DD', inclusive, on the
 * UTC issue date.
 */
export interface ArchiveFilter {
  /** Part of the client's name as frozen when issued, any case. */
  client?: string;
  /** A report number or its beginning ("RP-2026-0000"), upper case. */
  numberPrefix?: string;
  issuedFrom?: string;
  issuedTo?: string;
  band?: Band;
  issuerUserId?: string;
}

/** One issue in the register with what has happened to it since: disposal, legal hold. */
export interface ArchiveEntry {
  report: Selectable<IssuedReportsTable>;
  /** Set once its content was disposed of. */
  disposal?: { at: string; byName: string };
  /** A legal hold on its number is in force. */
  onHold: boolean;
}

/** Someone who issued reports of the organisation, by user id, with the name they go by now (or went by when they issued). */
export interface Issuer {
  userId: string;
  name: string;
}

/** An entry of an export: its row, and its exact PDF bytes unless it was disposed of. */
export interface ExportItem {
  entry: ArchiveEntry;
  pdf: Buffer | undefined;
}

/** Metadata rows read per query while exporting: a few hundred bytes each, never PDFs. */
const EXPORT_BATCH = 200;

/** The client a report names: the client's name when a firm issued it, else the assessed company. */
const clientNameOf = (report: Pick<IssuedReportsTable, 'client_name' | 'company_name'>): string => report.client_name ?? report.company_name;

type RegisterScope = ExpressionBuilder<DatabaseSchema & { r: IssuedReportsTable }, 'r'>;

/** A hold in force on the row's report number (every revision of it is held). */
function holdInForce(eb: RegisterScope) {
  return eb.exists(
    eb
      .selectFrom('legal_holds as h')
      .select('h.id')
      .whereRef('h.scope', '=', 'r.scope')
      .whereRef('h.report_number', '=', 'r.report_number')
      .where('h.released_at', 'is', null),
  );
}

interface JoinedRow extends Selectable<IssuedReportsTable> {
  disposed_at: string | null;
  disposed_by_name: string | null;
  on_hold: unknown;
}

function entryOf(row: JoinedRow): ArchiveEntry {
  const { disposed_at, disposed_by_name, on_hold, ...report } = row;
  return {
    report,
    ...(disposed_at === null ? {} : { disposal: { at: disposed_at, byName: disposed_by_name ?? '' } }),
    // SQLite answers exists() with 1 or 0, PostgreSQL with true or false.
    onHold: on_hold === true || Number(on_hold) === 1,
  };
}

/** Every character of a LIKE pattern taken literally (the escape character is the backslash). */
function literalForLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The archive: an organisation's issued reports as the register holds them, with their disposal
 * and legal hold state. Reads only; every read names the numbering scope (the organisation's id,
 * or "anonymous"), so one firm never sees another's.
 */
export function createArchiveRepository(db: Db, issuedReports: Pick<IssuedReportRepository, 'pdfOf'>) {
  function register(scope: string, source: Db | Transaction<DatabaseSchema> = db) {
    return source
      .selectFrom('issued_reports as r')
      .leftJoin('report_disposals as d', 'd.report_id', 'r.id')
      .where('r.scope', '=', scope);
  }

  /** The register's columns with the disposal and hold state beside them. */
  function withState(query: ReturnType<typeof register>) {
    return query
      .selectAll('r')
      .select(['d.disposed_at', 'd.disposed_by_name'])
      .select((eb) => holdInForce(eb).as('on_hold'));
  }

  /**
   * The client names of the scope's register that contain the text, folded alike on both stores
   * (searchableText: NFKC and Unicode lower case; SQLite's lower() folds ASCII only). The register
   * freezes names, so the fold runs here over its distinct names (one per client, or a few if a
   * client was renamed between issues) and the query asks for those names exactly.
   */
  async function clientNamesContaining(scope: string, text: string): Promise<string[]> {
    const rows = await db
      .selectFrom('issued_reports')
      .select((eb) => eb.fn.coalesce('client_name', 'company_name').as('name'))
      .distinct()
      .where('scope', '=', scope)
      .execute();
    const wanted = searchableText(text);
    return rows.map((row) => row.name).filter((name) => searchableText(name).includes(wanted));
  }

  /** The register of a scope narrowed by the filter; undefined when the filter cannot match anything. */
  async function filtered(scope: string, filter: ArchiveFilter) {
    let query = register(scope);
    if (filter.client) {
      const names = await clientNamesContaining(scope, filter.client);
      if (names.length === 0) return undefined;
      query = query.where((eb) => eb(eb.fn.coalesce('r.client_name', 'r.company_name'), 'in', names));
    }
    if (filter.numberPrefix) query = query.where(sql<boolean>`${sql.ref('r.report_number')} like ${`${literalForLike(filter.numberPrefix)}%`} escape '\\'`);
    if (filter.issuedFrom) query = query.where('r.issued_at', '>=', `${filter.issuedFrom}T00:00:00.000Z`);
    if (filter.issuedTo) query = query.where('r.issued_at', '<', dayAfter(filter.issuedTo));
    if (filter.band) query = query.where('r.overall_band', '=', filter.band);
    if (filter.issuerUserId) query = query.where('r.issued_by_user_id', '=', filter.issuerUserId);
    return query;
  }

  async function countOf(query: ReturnType<typeof register>): Promise<number> {
    const row = await query.select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function count(scope: string, filter: ArchiveFilter): Promise<number> {
    const query = await filtered(scope, filter);
    return query ? countOf(query) : 0;
  }

  return {
    clientNameOf,

    /** A page of the scope's issues, newest first. */
    async list(scope: string, filter: ArchiveFilter, page: { offset: number; limit: number }): Promise<{ entries: ArchiveEntry[]; total: number }> {
      const query = await filtered(scope, filter);
      if (!query) return { entries: [], total: 0 };
      const [rows, total] = await Promise.all([
        withState(query)
          .orderBy('r.issued_at', 'desc')
          .orderBy('r.id', 'desc')
          .offset(page.offset)
          .limit(page.limit)
          .execute(),
        countOf(query),
      ]);
      return { entries: rows.map(entryOf), total };
    },

    /** How many issues of the scope match the filter. */
    count,

    /** One issue of the scope; undefined for an unknown id or another scope's. Inside a transaction when given one. */
    async entry(scope: string, id: string, trx?: Transaction<DatabaseSchema>): Promise<ArchiveEntry | undefined> {
      const row = await withState(register(scope, trx)).where('r.id', '=', id).executeTakeFirst();
      return row ? entryOf(row) : undefined;
    },

    /** Every revision of a report number in the scope, first issue first. */
    async revisions(scope: string, reportNumber: string): Promise<ArchiveEntry[]> {
      const rows = await withState(register(scope)).where('r.report_number', '=', reportNumber).orderBy('r.revision', 'asc').execute();
      return rows.map(entryOf);
    },

    /** Who issued the scope's reports, for the issuer filter: the user's current name when they still exist. */
    async issuers(scope: string): Promise<Issuer[]> {
      const rows = await db
        .selectFrom('issued_reports as r')
        .leftJoin('users as u', 'u.id', 'r.issued_by_user_id')
        .where('r.scope', '=', scope)
        .where('r.issued_by_user_id', 'is not', null)
        .select((eb) => ['r.issued_by_user_id', eb.fn.max('u.display_name').as('current_name'), eb.fn.max('r.issued_by_name').as('issued_name')])
        .groupBy('r.issued_by_user_id')
        .execute();
      return rows
        .map((row) => ({ userId: row.issued_by_user_id ?? '', name: row.current_name ?? row.issued_name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.userId.localeCompare(b.userId));
    },

    /**
     * Issues of the scope whose retention ended (issued on or before `cutoff`) and whose content
     * is still kept, oldest first: those under a legal hold, or those not (due for disposal).
     * At most `limit` of them, and how many there are in all.
     */
    async pastRetention(scope: string, cutoff: string, options: { held: boolean; limit: number }): Promise<{ entries: ArchiveEntry[]; total: number }> {
      const query = register(scope)
        .where('d.report_id', 'is', null)
        .where('r.issued_at', '<=', cutoff)
        .where((eb) => (options.held ? holdInForce(eb) : eb.not(holdInForce(eb))));
      const [rows, total] = await Promise.all([withState(query).orderBy('r.issued_at', 'asc').orderBy('r.id', 'asc').limit(options.limit).execute(), countOf(query)]);
      return { entries: rows.map(entryOf), total };
    },

    /**
     * Every matching issue, oldest first, each with its exact PDF bytes (none once disposed of),
     * for the ZIP export. Metadata is read a batch at a time, keyset-paged on (issued_at, id) so
     * issues written meanwhile neither repeat nor shift the batches; PDF bytes are fetched one
     * report at a time, when the consumer asks for the next item and not before. A consumer that
     * waits until an item's bytes are written out before asking again holds one PDF at a time,
     * however many reports match.
     */
    async *forExport(scope: string, filter: ArchiveFilter): AsyncGenerator<ExportItem> {
      let after: { at: string; id: string } | undefined;
      for (;;) {
        const base = await filtered(scope, filter);
        if (!base) return;
        let query = withState(base);
        if (after) {
          const { at, id } = after;
          query = query.where((eb) => eb.or([eb('r.issued_at', '>', at), eb.and([eb('r.issued_at', '=', at), eb('r.id', '>', id)])]));
        }
        const rows = await query.orderBy('r.issued_at', 'asc').orderBy('r.id', 'asc').limit(EXPORT_BATCH).execute();
        for (const row of rows) {
          const entry = entryOf(row);
          const pdf = entry.disposal ? undefined : await issuedReports.pdfOf(entry.report.id);
          yield { entry, pdf };
        }
        if (rows.length < EXPORT_BATCH) return;
        const last = rows[rows.length - 1]!;
        after = { at: last.issued_at, id: last.id };
      }
    },
  };
}

export type ArchiveRepository = ReturnType<typeof createArchiveRepository>;
