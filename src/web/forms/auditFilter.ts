import { isAuditEvent } from '../../audit/auditEvents.js';
import type { Translate } from '../../i18n/catalogue.js';
import type { AuditFilter } from '../../repositories/auditRepository.js';
import type { FieldError, FormValues } from './fields.js';
import { pageOf, readDateRange, typedFilterFields } from './listQuery.js';

/** The audit page's filter fields, as named in its query string. */
export const AUDIT_FILTER_FIELDS = ['about', 'event', 'user', 'from', 'to'] as const;

/** No subject is longer (the log cuts them at 300 characters), so a longer text could match nothing. */
const MAX_ABOUT_LENGTH = 300;

export interface AuditQuery {
  page: number;
  filter: AuditFilter;
  /** The filter's values as typed, for the form and for links that keep them. */
  typed: FormValues;
  errors: FieldError[];
}

/**
 * The audit page's filters, from the query string: text the subject contains ("about": a report
 * number, an email, a client's name, or part of one), an event (one of AUDIT_EVENTS), a user (one of
 * `userIds`, the organisation's own), and a date range. A value that cannot be used is left out of
 * the filter and reported against its field, so the log still shows and the form says why.
 */
export function readAuditFilter(query: Record<string, unknown>, userIds: ReadonlySet<string>, t: Translate): AuditQuery {
  const typed = typedFilterFields(query, AUDIT_FILTER_FIELDS);
  const errors: FieldError[] = [];
  const filter: AuditFilter = {};
  const fail = (field: string, message: string) => errors.push({ field, href: field, message });
  if (typed.about) filter.subject = typed.about.slice(0, MAX_ABOUT_LENGTH);
  if (typed.event) {
    if (isAuditEvent(typed.event)) filter.event = typed.event;
    else fail('event', t('audit.filter.error.event'));
  }
  if (typed.user) {
    if (userIds.has(typed.user)) filter.actorUserId = typed.user;
    else fail('user', t('audit.filter.error.user'));
  }
  const range = readDateRange(typed, fail, t);
  if (range.from) filter.from = range.from;
  if (range.to) filter.to = range.to;
  return { page: pageOf(query.page), filter, typed, errors };
}

/** The filter's usable values as query parameters (for the paging links and the CSV link). */
export function auditFilterParams(filter: AuditFilter): Record<string, string> {
  return {
    ...(filter.subject ? { about: filter.subject } : {}),
    ...(filter.event ? { event: filter.event } : {}),
    ...(filter.actorUserId ? { user: filter.actorUserId } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
}
