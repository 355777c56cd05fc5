import type { Translate } from '../i18n/catalogue.js';
import { formatDate } from '../report/model/context.js';
import type { GenuineIssue } from '../services/verificationService.js';

/** A genuine issue as the verify page shows it: every label translated, the date in words. */
export interface GenuineIssueView {
  reportNumber: string;
  revision: string;
  issuedOn: string;
  issuedBy: string;
  contentDisposed: boolean;
}

export function genuineIssueView(issue: GenuineIssue, t: Translate): GenuineIssueView {
  const issuedBy =
    issue.issuer.kind === 'selfAssessment' ? t('verify.issuer.selfAssessment') : issue.issuer.name ?? t('verify.issuer.unnamedFirm');
  return {
    reportNumber: issue.reportNumber,
    revision: String(issue.revision),
    issuedOn: formatDate(new Date(issue.issuedAt)),
    issuedBy,
    contentDisposed: issue.contentDisposed,
  };
}
