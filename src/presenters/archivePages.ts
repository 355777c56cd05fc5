import { hasMessage, type Translate } from '../i18n/catalogue.js';
import type { ArchiveEntry, Issuer } from '../repositories/archiveRepository.js';
import type { LegalHold } from '../repositories/legalHoldRepository.js';
import { retentionEnd, type DisposalList } from '../services/reportDisposal.js';
import type { FieldError } from '../web/forms/fields.js';
import { filterParams, type ReadArchiveFilter } from '../web/forms/archiveQuery.js';
import { BANDS } from '../web/forms/listQuery.js';
import { HOLD_REASON_MAX } from '../web/forms/legalHoldForm.js';
import { pagingView } from './practicePages.js';
import { formatDate, formatDateTime, pageTitle } from './teamPage.js';

/** Characters of a SHA-256 a table shows; the full value is in the cell's title and on the report's page. */
const SHORT_SHA_LENGTH = 12;

export const ARCHIVE_PATH = '/archive';
export const archiveReportPath = (issueId: string) => `${ARCHIVE_PATH}/reports/${encodeURIComponent(issueId)}`;

/** A tag the tables and pages show for a report's state. */
interface StateTag {
  label: string;
  tag: string;
}

function stateTags(entry: ArchiveEntry, t: Translate): StateTag[] {
  return [
    entry.disposal ? { label: t('archive.state.disposed'), tag: 'tag--grey' } : { label: t('archive.state.kept'), tag: 'tag--green' },
    ...(entry.onHold ? [{ label: t('archive.state.held'), tag: 'tag--blue' }] : []),
  ];
}

function ratingOf(entry: ArchiveEntry, t: Translate): { band: string | null; label: string } {
  const band = entry.report.overall_band;
  return { band, label: band ? t(`band.${band}`) : t('archive.rating.none') };
}

/** One issue as a table row: every label translated, every date formatted. */
export function archiveRowView(entry: ArchiveEntry, t: Translate) {
  const { report } = entry;
  return {
    href: archiveReportPath(report.id),
    number: report.report_number,
    revision: t('archive.revision', { revision: report.revision }),
    client: report.client_name ?? report.company_name,
    issued: formatDate(report.issued_at),
    issuer: report.issued_by_name,
    rating: ratingOf(entry, t),
    sha256: report.pdf_sha256,
    shortSha256: report.pdf_sha256.slice(0, SHORT_SHA_LENGTH),
    fullSha256Label: t('archive.sha256.full', { sha256: report.pdf_sha256 }),
    states: stateTags(entry, t),
  };
}

function options(values: readonly { value: string; label: string }[], selected: string | undefined, anyLabel: string) {
  return [{ value: '', label: anyLabel, selected: !selected }, ...values.map((option) => ({ ...option, selected: option.value === selected }))];
}

/** The archive list with its filter form, paging and the export link for the same filter. */
export function archiveListView(found: { entries: ArchiveEntry[]; total: number }, read: ReadArchiveFilter, issuers: readonly Issuer[], canDispose: boolean, t: Translate) {
  const errorFor = new Map(read.errors.map((error) => [error.field, error.message]));
  const typed = (field: string) => read.typed[field] ?? '';
  const field = (id: string) => ({ value: typed(id), error: errorFor.get(id) });
  const active = Object.keys(filterParams(read.typed)).length > 0;
  const exportQuery = new URLSearchParams(filterParams(read.typed, read.errors)).toString();
  const heading = t('archive.list.title');
  return {
    title: pageTitle(heading, read.errors.length > 0, t),
    heading,
    errorSummary: read.errors.map((error) => ({ href: `#${error.href}`, text: error.message })),
    filter: {
      client: field('client'),
      number: field('number'),
      from: field('from'),
      to: field('to'),
      band: { error: errorFor.get('band'), options: options(BANDS.map((band) => ({ value: band, label: t(`band.${band}`) })), typed('band'), t('practice.filter.any')) },
      issuer: { error: errorFor.get('issuer'), options: options(issuers.map((issuer) => ({ value: issuer.userId, label: issuer.name })), typed('issuer'), t('practice.filter.any')) },
      active,
    },
    rows: found.entries.map((entry) => archiveRowView(entry, t)),
    paging: pagingView(found.total, read.query.page, ARCHIVE_PATH, filterParams(read.typed), t),
    exportHref: `${ARCHIVE_PATH}/export.zip${exportQuery ? `?${exportQuery}` : ''}`,
    disposalHref: canDispose ? `${ARCHIVE_PATH}/disposal` : undefined,
    empty: found.total === 0 ? t(active ? 'archive.list.noMatch' : 'archive.list.none') : undefined,
  };
}

/** The language's name, or its code for one the catalogue does not name. */
function languageLabel(code: string, t: Translate): string {
  return hasMessage(`archive.language.${code}`) ? t(`archive.language.${code}`) : code;
}

/** The legal hold form as shown again after a refusal, or a confirmation after a change. */
export interface HoldFormState {
  reason?: string;
  errors?: readonly FieldError[];
  notSaved?: boolean;
  /** After a redirect: 'placed', 'released', 'already_held' or 'not_held'. */
  notice?: string;
}

const HOLD_NOTICES: Readonly<Record<string, { key: string; success: boolean }>> = {
  placed: { key: 'archive.hold.placedNotice', success: true },
  released: { key: 'archive.hold.releasedNotice', success: true },
  already_held: { key: 'archive.hold.alreadyHeld', success: false },
  not_held: { key: 'archive.hold.notHeld', success: false },
};

/** One issue: its metadata, its other revisions, its legal hold and the hold form. */
export function archiveReportView(entry: ArchiveEntry, revisions: readonly ArchiveEntry[], holds: readonly LegalHold[], form: HoldFormState, t: Translate, retentionYears: number) {
  const { report } = entry;
  const number = report.report_number;
  const errors = form.errors ?? [];
  const heading = t('archive.report.title', { number, revision: report.revision });
  const inForce = holds.find((hold) => hold.released_at === null);
  const notice = form.notice ? HOLD_NOTICES[form.notice] : undefined;
  const rating = ratingOf(entry, t);
  const facts: { key: string; value: string; code?: boolean }[] = [
    { key: t('archive.report.client'), value: report.client_name ?? report.company_name },
    { key: t('archive.report.company'), value: report.company_name },
    { key: t('archive.report.issued'), value: formatDateTime(report.issued_at) },
    { key: t('archive.report.issuer'), value: report.issued_by_name },
    { key: t('archive.report.rating'), value: rating.label },
    { key: t('archive.report.questionnaire'), value: report.questionnaire_version },
    { key: t('archive.report.language'), value: languageLabel(report.language, t) },
    { key: t('archive.report.sha256'), value: report.pdf_sha256, code: true },
    { key: t('archive.report.size'), value: t('archive.report.sizeBytes', { bytes: report.pdf_size.toLocaleString('en-GB') }) },
  ];
  // What an auditor asks next: how long it is kept, and why longer when a hold is in force.
  if (!entry.disposal) {
    const until = formatDate(retentionEnd(report.issued_at, retentionYears));
    facts.push({ key: t('archive.report.keptUntil'), value: t(inForce ? 'archive.report.keptUntilHeld' : 'archive.report.keptUntilDate', { date: until, years: retentionYears }) });
  }
  return {
    title: pageTitle(heading, errors.length > 0 || form.notSaved === true, t),
    heading,
    number,
    facts,
    states: stateTags(entry, t),
    disposed: entry.disposal ? t('archive.report.disposedOn', { date: formatDateTime(entry.disposal.at), name: entry.disposal.byName }) : undefined,
    downloadHref: entry.disposal ? undefined : `${archiveReportPath(report.id)}/report.pdf`,
    answersHref: entry.disposal ? undefined : `${archiveReportPath(report.id)}/answers`,
    revisions: revisions.map((revision) => ({ ...archiveRowView(revision, t), current: revision.report.id === report.id })),
    hold: {
      action: `${archiveReportPath(report.id)}/hold`,
      releaseAction: `${archiveReportPath(report.id)}/hold/release`,
      inForce: inForce ? { since: t('archive.hold.inForce', { date: formatDateTime(inForce.placed_at), name: inForce.placed_by_name }), reason: inForce.reason } : undefined,
      history: holds
        .filter((hold) => hold.released_at !== null)
        .map((hold) =>
          t('archive.hold.released', {
            placed: formatDateTime(hold.placed_at),
            placedBy: hold.placed_by_name,
            released: formatDateTime(hold.released_at ?? ''),
            releasedBy: hold.released_by_name ?? '',
            reason: hold.reason,
          }),
        ),
      reason: { value: form.reason ?? '', error: errors.find((error) => error.field === 'reason')?.message, hint: t('archive.hold.reasonHint', { max: HOLD_REASON_MAX }) },
      notSaved: form.notSaved === true,
      notice: notice ? { text: t(notice.key, { number }), success: notice.success } : undefined,
    },
    errorSummary: errors.map((error) => ({ href: `#${error.href}`, text: error.message })),
  };
}

/** The page a download of a disposed report answers with. */
export function disposedView(entry: ArchiveEntry, t: Translate) {
  const { report } = entry;
  return {
    title: t('archive.disposed.title'),
    body: t('archive.disposed.body', {
      number: report.report_number,
      revision: report.revision,
      date: entry.disposal ? formatDate(entry.disposal.at) : '',
      name: entry.disposal?.byName ?? '',
    }),
    back: ARCHIVE_PATH,
  };
}

/** The disposal page: due reports with the form that confirms them, and those kept by a legal hold. */
export function disposalView(list: DisposalList, retentionYears: number, outcome: { disposed?: number; skipped?: number }, t: Translate) {
  const count = list.due.length;
  return {
    title: t('archive.disposal.title'),
    lead: t('archive.disposal.lead', { years: retentionYears }),
    due: list.due.map((entry) => archiveRowView(entry, t)),
    ids: list.due.map((entry) => entry.report.id),
    more: list.dueTotal > count ? t('archive.disposal.more', { shown: count, total: list.dueTotal }) : undefined,
    confirm: count === 1 ? t('archive.disposal.confirmOne') : t('archive.disposal.confirm', { count }),
    held: list.held.map((entry) => archiveRowView(entry, t)),
    heldMore: list.heldTotal > list.held.length ? t('archive.disposal.heldMore', { shown: list.held.length, total: list.heldTotal }) : undefined,
    done:
      outcome.disposed === undefined ? undefined : outcome.disposed === 1 ? t('archive.disposal.doneOne') : t('archive.disposal.done', { disposed: outcome.disposed }),
    skipped: outcome.skipped ? t('archive.disposal.skipped', { count: outcome.skipped }) : undefined,
  };
}
