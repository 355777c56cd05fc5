import type { Translate } from '../../i18n/catalogue.js';
import type { AssessmentFilter, AssessmentStatus } from '../../repositories/practiceRepository.js';
import type { Band } from '../../scoring/types.js';
import type { FieldError, FormValues } from './fields.js';

/** What a list page shows: which page, narrowed how. */
export interface ListQuery {
  page: number;
  filter: AssessmentFilter;
}

export const ASSESSMENT_STATUSES: readonly AssessmentStatus[] = ['in_progress', 'ready'];
export const BANDS: readonly Band[] = ['low', 'medium', 'high', 'critical'];

/** Further than any real list goes; stops a crafted page number from asking the database for an absurd offset. */
const MAX_PAGE = 10_000;
const MAX_SEARCH_LENGTH = 200;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A query parameter given once, as text; a repeated one counts as its first value. */
export function single(value: unknown): string | undefined {
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' ? first.trim() : undefined;
}

/** The page asked for: a whole number from 1 to MAX_PAGE; anything else is the first page. */
export function pageOf(value: unknown): number {
  const text = single(value);
  if (!text || !/^\d{1,6}$/.test(text)) return 1;
  return Math.min(Math.max(1, Number(text)), MAX_PAGE);
}

export function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The named filter fields of a query string that were given, as typed (trimmed). */
export function typedFilterFields(query: Record<string, unknown>, fields: readonly string[]): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const field of fields) {
    const value = single(query[field]);
    if (value) typed[field] = value;
  }
  return typed;
}

/**
 * A list's "from" and "to" calendar dates (fields `from` and `to`), each checked: one that is not
 * a real date is reported and left out; a range that ends before it starts keeps only its start.
 */
export function readDateRange(typed: Readonly<Record<string, string>>, fail: (field: string, message: string) => void, t: Translate): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  for (const field of ['from', 'to'] as const) {
    const value = typed[field];
    if (!value) continue;
    if (isCalendarDate(value)) range[field] = value;
    else fail(field, t('practice.filter.error.date'));
  }
  if (range.from && range.to && range.from > range.to) {
    fail('to', t('practice.filter.error.range'));
    delete range.to;
  }
  return range;
}

/** The client list's search box and page. */
export function readClientSearch(query: Record<string, unknown>): { search?: string; page: number } {
  const search = single(query.q)?.slice(0, MAX_SEARCH_LENGTH);
  return { ...(search ? { search } : {}), page: pageOf(query.page) };
}

/**
 * The assessment list's filters, from the query string. A value that cannot be used is left out
 * of the filter and reported against its field, so the list still shows and the form says why.
 */
export function readAssessmentFilter(query: Record<string, unknown>, t: Translate): { query: ListQuery; typed: FormValues; errors: FieldError[] } {
  const typed = typedFilterFields(query, ['q', 'status', 'band', 'from', 'to']);
  const errors: FieldError[] = [];
  const filter: AssessmentFilter = {};
  const fail = (field: string, message: string) => errors.push({ field, href: field, message });
  if (typed.q) filter.search = typed.q.slice(0, MAX_SEARCH_LENGTH);
  if (typed.status) {
    if ((ASSESSMENT_STATUSES as readonly string[]).includes(typed.status)) filter.status = typed.status as AssessmentStatus;
    else fail('status', t('practice.filter.error.status'));
  }
  if (typed.band) {
    if ((BANDS as readonly string[]).includes(typed.band)) filter.band = typed.band as Band;
    else fail('band', t('practice.filter.error.band'));
  }
  const range = readDateRange(typed, fail, t);
  if (range.from) filter.startedFrom = range.from;
  if (range.to) filter.startedTo = range.to;
  return { query: { page: pageOf(query.page), filter }, typed, errors };
}
