import { AUTOMATIC_CLEAN_UP_ACTOR } from '../audit/auditActors.js';
import { AUDIT_EVENTS } from '../audit/auditEvents.js';
import { hasMessage, type Translate } from '../i18n/catalogue.js';
import { formatDate } from '../report/model/context.js';
import type { AuditQuery } from '../web/forms/auditFilter.js';
import type { AuditRow } from '../repositories/auditRepository.js';
import type { TeamMember } from '../services/accountService.js';
import { pagingView, type PagingView } from './practicePages.js';

/** One entry as the audit page and its CSV show it: every part in words. */
export interface AuditRowView {
  when: string;
  event: string;
  who: string;
  ip: string;
  subject: string;
  details: string;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });

/** "3 December 2026, 09:16:34 UTC": the long date of the reports, and the time to the second. */
export function auditTime(iso: string): string {
  const date = new Date(iso);
  return `${formatDate(date)}, ${timeFormat.format(date)} UTC`;
}

/** The event in words; a name the catalogue does not know (a newer event) as it is stored. */
export function eventWords(event: string, t: Translate): string {
  return hasMessage(`audit.event.${event}`) ? t(`audit.event.${event}`) : event;
}

/** Events whose actor, when nobody was signed in, was not holding a link but knocking at the door. */
const UNSIGNED_VISITOR_EVENTS: ReadonlySet<string> = new Set(['signin.failed', 'report.verified']);

export function whoWords(row: Pick<AuditRow, 'actor_user_id' | 'actor_name' | 'event'>, t: Translate): string {
  if (row.actor_user_id !== null) return row.actor_name ?? t('audit.who.formerUser');
  if (row.actor_name === AUTOMATIC_CLEAN_UP_ACTOR.name) return t('audit.who.automatic');
  if (row.actor_name !== null) return row.actor_name;
  return t(UNSIGNED_VISITOR_EVENTS.has(row.event) ? 'audit.who.notSignedIn' : 'audit.who.linkHolder');
}

type DetailValue = string | number | boolean | null;

/** Keys whose values are roles, events: worded by the catalogue's own words for them. */
const ROLE_KEYS = new Set(['role', 'oldRole', 'newRole']);

function valueWords(key: string, value: DetailValue, t: Translate): string {
  if (value === null) return '–';
  if (typeof value === 'boolean') return t(value ? 'audit.detail.yes' : 'audit.detail.no');
  const text = String(value);
  if (ROLE_KEYS.has(key) && hasMessage(`accounts.role.${text}`)) return t(`accounts.role.${text}`);
  if (key === 'event') return eventWords(text, t);
  return hasMessage(`audit.detail.${key}.${text}`) ? t(`audit.detail.${key}.${text}`) : text;
}

function parsedDetail(detail: string | null): Record<string, DetailValue> {
  if (!detail) return {};
  try {
    const parsed: unknown = JSON.parse(detail);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, DetailValue>) : { detail };
  } catch {
    return { detail };
  }
}

/**
 * The entry's particulars in words: "Format: Excel (XLSX)". A role change reads "Consultant →
 * Admin". A key the catalogue has no words for (an event added later) shows as stored, so nothing
 * recorded is ever hidden.
 */
export function detailWords(detail: string | null, t: Translate): string {
  const { oldRole, newRole, ...rest } = parsedDetail(detail);
  const parts: string[] = [];
  if (oldRole !== undefined && newRole !== undefined) {
    parts.push(t('audit.detail.roleChange', { from: valueWords('oldRole', oldRole, t), to: valueWords('newRole', newRole, t) }));
  } else {
    if (oldRole !== undefined) rest.oldRole = oldRole;
    if (newRole !== undefined) rest.newRole = newRole;
  }
  for (const [key, value] of Object.entries(rest)) {
    const label = hasMessage(`audit.detail.${key}`) ? t(`audit.detail.${key}`) : key;
    parts.push(`${label}: ${valueWords(key, value, t)}`);
  }
  return parts.join('; ');
}

export function auditRowView(row: AuditRow, t: Translate): AuditRowView {
  return {
    when: auditTime(row.at),
    event: eventWords(row.event, t),
    who: whoWords(row, t),
    ip: row.ip ?? '',
    subject: row.subject ?? '',
    details: detailWords(row.detail, t),
  };
}

/** The CSV's header row. */
export function auditCsvHeader(t: Translate): string[] {
  return ['time', 'eventCode', 'event', 'who', 'userId', 'ip', 'subject', 'details', 'detailJson'].map((column) => t(`audit.csv.${column}`));
}

/** One entry as a CSV record: the time as ISO 8601 (UTC) and the stored codes beside their words, for a machine to read. */
export function auditCsvRecord(row: AuditRow, t: Translate): string[] {
  const view = auditRowView(row, t);
  return [row.at, row.event, view.event, view.who, row.actor_user_id ?? '', view.ip, view.subject, view.details, row.detail ?? ''];
}

interface Option {
  value: string;
  label: string;
  selected: boolean;
}

export interface AuditPageView {
  errorSummary: { href: string; text: string }[];
  filter: {
    event: { options: Option[]; error?: string | undefined };
    user: { options: Option[]; error?: string | undefined };
    from: { value: string; error?: string | undefined };
    to: { value: string; error?: string | undefined };
    active: boolean;
  };
  rows: AuditRowView[];
  paging: PagingView;
  csvHref: string;
  empty?: string;
}

/** The audit page: the filter form (with what was typed and why a value was not used), a page of entries, paging and the CSV link. */
export function auditPageView(found: { rows: AuditRow[]; total: number }, query: AuditQuery, params: Readonly<Record<string, string>>, members: readonly TeamMember[], t: Translate): AuditPageView {
  const typed = (field: string) => {
    const value = query.typed[field];
    return typeof value === 'string' ? value : '';
  };
  const errorFor = new Map(query.errors.map((error) => [error.field, error.message]));
  const any = { value: '', label: t('audit.filter.any'), selected: typed('event') === '' };
  const search = new URLSearchParams(params).toString();
  return {
    errorSummary: query.errors.map((error) => ({ href: `#${error.href}`, text: error.message })),
    filter: {
      event: {
        error: errorFor.get('event'),
        options: [any, ...AUDIT_EVENTS.map((event) => ({ value: event, label: eventWords(event, t), selected: event === typed('event') }))],
      },
      user: {
        error: errorFor.get('user'),
        options: [
          { ...any, selected: typed('user') === '' },
          ...members.map((member) => ({ value: member.id, label: `${member.displayName} (${member.email})`, selected: member.id === typed('user') })),
        ],
      },
      from: { value: typed('from'), error: errorFor.get('from') },
      to: { value: typed('to'), error: errorFor.get('to') },
      active: Object.keys(query.typed).length > 0,
    },
    rows: found.rows.map((row) => auditRowView(row, t)),
    paging: pagingView(found.total, query.page, '/audit', params, t),
    csvHref: search ? `/audit.csv?${search}` : '/audit.csv',
    ...(found.total === 0 ? { empty: t(Object.keys(params).length > 0 ? 'audit.noMatch' : 'audit.none') } : {}),
  };
}
