import { AUTOMATIC_CLEAN_UP_ACTOR } from '../audit/auditActors.js';
import { AUDIT_EVENTS } from '../audit/auditEvents.js';
import { hasMessage, type Translate } from '../i18n/catalogue.js';
import { dateFormat, formatDate } from '../report/model/context.js';
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
type Detail = Record<string, DetailValue>;

/** The organisation's users' names by id: a filter recorded with a user's id (the archive export's issuer) reads as the name. */
export type UserNames = ReadonlyMap<string, string>;

/** Keys whose values are roles: worded by the catalogue's own words for them. */
const ROLE_KEYS = new Set(['role', 'oldRole', 'newRole']);

/** Keys holding a moment (ISO 8601), shown like the When column. */
const MOMENT_KEYS = new Set(['issuedAt', 'placedAt']);

/**
 * What someone typed, by event: shown as typed, never looked up as a code (a hold's reason could
 * be the word "disabled", which a refused sign-in's reason codes).
 */
const TYPED_TEXT: Readonly<Record<string, readonly string[]>> = {
  'legal_hold.placed': ['reason'],
  'legal_hold.released': ['reason'],
  'archive.exported': ['client', 'number'],
  'audit.exported': ['about', 'user'],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateOf(text: DetailValue | undefined): Date | undefined {
  return typeof text === 'string' && ISO_DATE.test(text) ? new Date(`${text}T00:00:00.000Z`) : undefined;
}

/** A filter's calendar dates in words: "1–31 October 2026", "on or after 1 October 2026"; a value that is not a date, as stored. */
export function dateRangeWords(from: DetailValue | undefined, to: DetailValue | undefined, t: Translate): string {
  const [start, end] = [dateOf(from), dateOf(to)];
  if (start && end) return dateFormat.formatRange(start, end);
  if (start && to === undefined) return t('audit.detail.onOrAfter', { date: formatDate(start) });
  if (end && from === undefined) return t('audit.detail.onOrBefore', { date: formatDate(end) });
  return [from, to].filter((value) => value !== undefined).map(String).join(' – ');
}

function valueWords(key: string, value: DetailValue, event: string, t: Translate, userNames: UserNames): string {
  if (value === null) return '–';
  if (typeof value === 'boolean') return t(value ? 'audit.detail.yes' : 'audit.detail.no');
  const text = String(value);
  if (TYPED_TEXT[event]?.includes(key)) return text;
  if (ROLE_KEYS.has(key) && hasMessage(`accounts.role.${text}`)) return t(`accounts.role.${text}`);
  if (key === 'event') return eventWords(text, t);
  if (key === 'band' && hasMessage(`band.${text}`)) return t(`band.${text}`);
  if (key === 'issuer') return userNames.get(text) ?? t('audit.detail.otherUser');
  if (MOMENT_KEYS.has(key) && !Number.isNaN(Date.parse(text))) return auditTime(text);
  return hasMessage(`audit.detail.${key}.${text}`) ? t(`audit.detail.${key}.${text}`) : text;
}

function parsedDetail(detail: string | null): Detail {
  if (!detail) return {};
  try {
    const parsed: unknown = JSON.parse(detail);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Detail) : { detail };
  } catch {
    return { detail };
  }
}

/**
 * One particular in words. An event may phrase a key its own way (`audit.phrase.<event>.<key>`,
 * with `.one` for a count of one: "Client contains “şəki”", "2 reports"); otherwise the key's label
 * and the value ("Format: Excel (XLSX)"). A key the catalogue has no words for (one added later)
 * shows as stored, so nothing recorded is ever hidden.
 */
function partWords(event: string, key: string, value: DetailValue, t: Translate, userNames: UserNames): string {
  const words = valueWords(key, value, event, t, userNames);
  const phrase = `audit.phrase.${event}.${key}`;
  if (hasMessage(`${phrase}.one`) && value === 1) return t(`${phrase}.one`);
  if (hasMessage(phrase)) return t(phrase, { value: words });
  return `${hasMessage(`audit.detail.${key}`) ? t(`audit.detail.${key}`) : key}: ${words}`;
}

/**
 * The entry's particulars in words, in the order recorded. A role change reads "Consultant →
 * Admin"; a filter's dates read as one range ("Issued 1–31 October 2026").
 */
export function detailWords(detail: string | null, t: Translate, event = '', userNames: UserNames = new Map()): string {
  const fields = parsedDetail(detail);
  const { oldRole, newRole, from, to } = fields;
  // Keys read together as one part, written where the first of them was recorded.
  const groups: Record<string, () => string> = {
    dates: () => {
      const range = dateRangeWords(from, to, t);
      return hasMessage(`audit.phrase.${event}.dates`) ? t(`audit.phrase.${event}.dates`, { range }) : t('audit.detail.dates', { range });
    },
  };
  const groupOf: Record<string, string> = { from: 'dates', to: 'dates' };
  if (oldRole !== undefined && newRole !== undefined) {
    groups.roleChange = () => t('audit.detail.roleChange', { from: valueWords('oldRole', oldRole, event, t, userNames), to: valueWords('newRole', newRole, event, t, userNames) });
    Object.assign(groupOf, { oldRole: 'roleChange', newRole: 'roleChange' });
  }
  const written = new Set<string>();
  const parts: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const group = groupOf[key];
    if (group === undefined) parts.push(partWords(event, key, value, t, userNames));
    else if (!written.has(group)) {
      written.add(group);
      parts.push(groups[group]!());
    }
  }
  return parts.join('; ');
}

/** What an entry recorded without a subject is about, for the events whose subject is the action itself (an export of many records). */
function subjectWords(row: AuditRow, t: Translate): string {
  if (row.subject !== null) return row.subject;
  return hasMessage(`audit.subject.${row.event}`) ? t(`audit.subject.${row.event}`) : '';
}

export function auditRowView(row: AuditRow, t: Translate, userNames: UserNames = new Map()): AuditRowView {
  return {
    when: auditTime(row.at),
    event: eventWords(row.event, t),
    who: whoWords(row, t),
    ip: row.ip ?? '',
    subject: subjectWords(row, t),
    details: detailWords(row.detail, t, row.event, userNames),
  };
}

/** The organisation's users by id, for auditRowView. */
export function userNamesOf(members: readonly TeamMember[]): UserNames {
  return new Map(members.map((member) => [member.id, member.displayName]));
}

/** The CSV's header row. */
export function auditCsvHeader(t: Translate): string[] {
  return ['time', 'eventCode', 'event', 'who', 'userId', 'ip', 'subject', 'details', 'detailJson'].map((column) => t(`audit.csv.${column}`));
}

/** One entry as a CSV record: the time as ISO 8601 (UTC) and the stored codes beside their words, for a machine to read. */
export function auditCsvRecord(row: AuditRow, t: Translate, userNames: UserNames = new Map()): string[] {
  const view = auditRowView(row, t, userNames);
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
    about: { value: string };
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
  const names = userNamesOf(members);
  return {
    errorSummary: query.errors.map((error) => ({ href: `#${error.href}`, text: error.message })),
    filter: {
      about: { value: typed('about') },
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
    rows: found.rows.map((row) => auditRowView(row, t, names)),
    paging: pagingView(found.total, query.page, '/audit', params, t),
    csvHref: search ? `/audit.csv?${search}` : '/audit.csv',
    ...(found.total === 0 ? { empty: t(Object.keys(params).length > 0 ? 'audit.noMatch' : 'audit.none') } : {}),
  };
}
