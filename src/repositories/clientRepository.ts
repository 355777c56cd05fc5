import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { ClientsTable } from '../db/schema.js';

export type ClientCountry = ClientsTable['country'];

/** What a firm records about a client company. Optional fields are empty strings in forms, null in the store. */
export interface ClientDetails {
  name: string;
  country: ClientCountry;
  sector?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
}

export interface Client extends ClientDetails {
  id: string;
  organisationId: string;
  createdAt: string;
  updatedAt: string;
}

export interface ClientPage {
  clients: Client[];
  total: number;
}

function clientOf(row: Selectable<ClientsTable>): Client {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    country: row.country,
    ...(row.sector === null ? {} : { sector: row.sector }),
    ...(row.contact_name === null ? {} : { contactName: row.contact_name }),
    ...(row.contact_email === null ? {} : { contactEmail: row.contact_email }),
    ...(row.contact_phone === null ? {} : { contactPhone: row.contact_phone }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columnsOf(details: ClientDetails) {
  return {
    name: details.name,
    name_search: searchableText(details.name),
    country: details.country,
    sector: details.sector ?? null,
    contact_name: details.contactName ?? null,
    contact_email: details.contactEmail ?? null,
    contact_phone: details.contactPhone ?? null,
  };
}

/**
 * A name as searches compare it: NFKC, lower case by Unicode rules. Stored beside the name because
 * SQLite's lower() folds only ASCII (Şəki, Тбилиси), and both stores must find the same clients.
 */
export function searchableText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The column (holding searchableText) contains the user's text, their own % and _ taken literally. */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${searchableText(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/**
 * A firm's clients. Every read and write names the organisation, so one firm's id used by
 * another finds nothing.
 */
export function createClientRepository(db: Db) {
  return {
    async create(input: { id: string; organisationId: string; details: ClientDetails; now: string }): Promise<void> {
      await db
        .insertInto('clients')
        .values({ id: input.id, organisation_id: input.organisationId, ...columnsOf(input.details), created_at: input.now, updated_at: input.now })
        .execute();
    },

    /** Whether a client of that organisation was changed. */
    async update(input: { id: string; organisationId: string; details: ClientDetails; now: string }): Promise<boolean> {
      const result = await db
        .updateTable('clients')
        .set({ ...columnsOf(input.details), updated_at: input.now })
        .where('id', '=', input.id)
        .where('organisation_id', '=', input.organisationId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async find(organisationId: string, id: string): Promise<Client | undefined> {
      const row = await db.selectFrom('clients').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
      return row ? clientOf(row) : undefined;
    },

    /** One page of the organisation's clients by name, optionally those whose name contains `search`. */
    async list(organisationId: string, options: { search?: string; offset: number; limit: number }): Promise<ClientPage> {
      let query = db.selectFrom('clients').where('organisation_id', '=', organisationId);
      if (options.search) query = query.where(containsText('name_search', options.search));
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('name_search').orderBy('id').offset(options.offset).limit(options.limit).execute(),
        query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { clients: rows.map(clientOf), total: Number(count.total) };
    },
  };
}

export type ClientRepository = ReturnType<typeof createClientRepository>;
