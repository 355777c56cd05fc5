import type { Translate } from '../i18n/catalogue.js';
import type { IssuedReportRow } from '../repositories/issuedReportRepository.js';
import { issuedReportId } from '../services/issuingService.js';
import { formatDateTime } from './teamPage.js';

/** What the issued reports page says at its top after an issue was asked for. */
export const ISSUED_NOTICES = ['issued', 'unchanged'] as const;
export type IssuedNotice = (typeof ISSUED_NOTICES)[number];

/** One issue as the list shows it: every label translated, every date formatted. */
export interface IssueRowView {
  id: string;
  anchor: string;
  reportId: string;
  issued: string;
  issuedBy: string;
  bandLabel?: string;
  band?: string;
  sha256: string;
  size: string;
  href: string;
  /** "RP-2026-000042 rev 2" for the link's hidden words. */
  linkSuffix: string;
}

export interface IssuedPageInput {
  /** The assessment's base, e.g. /assessments/<id>. */
  base: string;
  company: string;
  issues: readonly IssuedReportRow[];
  /** Whether this viewer may issue (an editor, or the holder of an anonymous assessment). */
  mayIssue: boolean;
  readyForResults: boolean;
  /** Whether what the report is built from changed since the newest issue; undefined while the results are not ready. */
  changedSinceLatest?: boolean;
  notice?: IssuedNotice;
  /** The anonymous assessment has reached its number of issues. */
  limit?: number;
  /** The store refused the issue. */
  notSaved?: boolean;
}

const KILOBYTE = 1024;

function sizeInWords(bytes: number, t: Translate): string {
  return t('issuing.list.size', { kb: Math.max(1, Math.round(bytes / KILOBYTE)) });
}

export function issueRowView(issue: IssuedReportRow, base: string, t: Translate): IssueRowView {
  const reportId = issuedReportId(issue.report_number, issue.revision);
  return {
    id: issue.id,
    anchor: `issue-${issue.id}`,
    reportId,
    issued: formatDateTime(issue.issued_at),
    issuedBy: issue.issued_by_name,
    ...(issue.overall_band ? { band: issue.overall_band, bandLabel: t(`band.${issue.overall_band}`) } : {}),
    sha256: issue.pdf_sha256,
    size: sizeInWords(issue.pdf_size, t),
    href: `${base}/issued/${encodeURIComponent(issue.id)}.pdf`,
    linkSuffix: reportId,
  };
}

/** Where things stand against the newest issue: nothing changed since it, or changes to issue. */
function stateNote(page: IssuedPageInput, latest: IssuedReportRow | undefined, t: Translate): string | undefined {
  // After "nothing changed, no new issue", the notice has said it already.
  if (!latest || page.changedSinceLatest === undefined || page.notice === 'unchanged') return undefined;
  const reportId = issuedReportId(latest.report_number, latest.revision);
  if (!page.changedSinceLatest) return t(page.mayIssue ? 'issuing.list.unchangedSince' : 'issuing.list.unchangedSinceReader', { reportId, revision: latest.revision });
  return t(page.mayIssue ? 'issuing.list.changedSince' : 'issuing.list.changedSinceReader', { reportId, revision: latest.revision, next: latest.revision + 1 });
}

/** The notice at the top: what the last request did, about the newest issue. */
function noticeText(page: IssuedPageInput, latest: IssuedReportRow | undefined, t: Translate): string | undefined {
  if (!page.notice || !latest) return undefined;
  const reportId = issuedReportId(latest.report_number, latest.revision);
  return t(`issuing.notice.${page.notice}`, { reportId, revision: latest.revision });
}

/** The issued reports page of an assessment. */
export function issuedPageView(page: IssuedPageInput, t: Translate) {
  const latest = page.issues[0];
  return {
    title: t('issuing.list.title'),
    company: page.company,
    back: { href: page.readyForResults ? `${page.base}/results` : page.base, text: t(page.readyForResults ? 'ui.back.toResults' : 'issuing.list.backToTasks') },
    rows: page.issues.map((issue) => issueRowView(issue, page.base, t)),
    notice: noticeText(page, latest, t),
    note: stateNote(page, latest, t),
    limit: page.limit === undefined ? undefined : t('issuing.limit.reached', { limit: page.limit }),
    notSaved: page.notSaved === true,
    // The form to issue (again): to those who may, while the results are ready and differ from the last issue.
    issueForm:
      page.mayIssue && page.readyForResults && page.changedSinceLatest !== false
        ? { action: `${page.base}/issue`, button: t(latest ? 'issuing.form.again' : 'issuing.form.button') }
        : undefined,
  };
}

export type IssuedPageView = ReturnType<typeof issuedPageView>;
