import type { Translate } from '../../i18n/catalogue.js';
import type { ArchiveFilter } from '../../repositories/archiveRepository.js';
import type { Band } from '../../scoring/types.js';
import type { FieldError } from './fields.js';
import { BANDS, pageOf, readDateRange, typedFilterFields } from './listQuery.js';

/** The archive's filter fields, in the order the form shows them and the links carry them. */
export const ARCHIVE_FILTER_FIELDS = ['client', 'number', 'from', 'to', 'band', 'issuer'] as const;

export interface ArchiveQuery {
  page: number;
  filter: ArchiveFilter;
}

export interface ReadArchiveFilter {
  query: ArchiveQuery;
  /** Each field as typed (trimmed), to show in the form and carry into paging and export links. */
  typed: Readonly<Record<string, string>>;
  errors: FieldError[];
}

const MAX_CLIENT_LENGTH = 200;
/** A report number or its beginning: RP-2026-000042 has 14 characters; the register allows up to 20. */
const NUMBER_PREFIX = /^[A-Z0-9-]{1,20}$/;

/**
 * The archive's filters from the query string. A value that cannot be used is left out of the
 * filter and reported against its field, so the list still shows and the form says why. The
 * issuer must be one of the organisation's issuers (the form's options).
 */
export function readArchiveFilter(query: Record<string, unknown>, t: Translate, issuerIds: ReadonlySet<string>): ReadArchiveFilter {
  const typed = typedFilterFields(query, ARCHIVE_FILTER_FIELDS);
  const errors: FieldError[] = [];
  const filter: ArchiveFilter = {};
  const fail = (field: string, message: string) => errors.push({ field, href: field, message });
  if (typed.client) filter.client = typed.client.slice(0, MAX_CLIENT_LENGTH);
  if (typed.number) {
    const number = typed.number.toUpperCase();
    if (NUMBER_PREFIX.test(number)) filter.numberPrefix = number;
    else fail('number', t('archive.filter.error.number'));
  }
  const range = readDateRange(typed, fail, t);
  if (range.from) filter.issuedFrom = range.from;
  if (range.to) filter.issuedTo = range.to;
  if (typed.band) {
    if ((BANDS as readonly string[]).includes(typed.band)) filter.band = typed.band as Band;
    else fail('band', t('practice.filter.error.band'));
  }
  if (typed.issuer) {
    if (issuerIds.has(typed.issuer)) filter.issuerUserId = typed.issuer;
    else fail('issuer', t('archive.filter.error.issuer'));
  }
  return { query: { page: pageOf(query.page), filter }, typed, errors };
}

/**
 * The filter as query parameters, as typed, for the paging links; without the fields in `leaveOut`
 * (those refused, for the export link: the ZIP holds exactly the reports listed).
 */
export function filterParams(typed: Readonly<Record<string, string>>, leaveOut: readonly FieldError[] = []): Record<string, string> {
  const refused = new Set(leaveOut.map((error) => error.field));
  return Object.fromEntries(ARCHIVE_FILTER_FIELDS.flatMap((field) => (typed[field] && !refused.has(field) ? [[field, typed[field]]] : [])));
}
