/** Issuing the final report and an assessment's issued reports. */
export const issuingMessages: Readonly<Record<string, string>> = {
  // Who issued an anonymous assessment's report: nobody signed in, only the resume link's holder.
  'issuing.issuer.anonymous': 'The holder of the resume link (no account)',

  // The section on the results page
  'issuing.section.title': 'Issue the final report',
  'issuing.section.text':
    'Issuing keeps this report for good, exactly as it is now. It gets a report number, printed on every page. RiskPlan keeps the PDF, the answers it was built on, who issued it and when.',
  'issuing.section.revisions': 'You can still change answers afterwards and issue again. That makes a new revision under the same number; earlier issues stay as they were.',
  'issuing.section.draft': 'The PDF you download above is a draft. It says so on every page.',
  'issuing.section.link': 'See the reports issued so far',
  'issuing.section.readerText': 'Issued reports are kept exactly as they were issued.',

  // The form
  'issuing.form.button': 'Issue the final report',
  'issuing.form.again': 'Issue a new revision',

  // The list of an assessment's issued reports
  'issuing.list.title': 'Issued reports',
  'issuing.list.lead': 'Each issue is kept exactly as it was issued. The download is the original file, byte for byte.',
  'issuing.list.backToTasks': 'Back to the assessment',
  'issuing.list.none': 'This report has not been issued yet.',
  'issuing.list.report': 'Report',
  'issuing.list.issued': 'Issued',
  'issuing.list.issuedBy': 'Issued by',
  'issuing.list.rating': 'Overall rating',
  'issuing.list.sha256': 'SHA-256 of the PDF',
  'issuing.list.file': 'File',
  'issuing.list.download': 'Download PDF',
  'issuing.list.size': '{kb} KB',
  'issuing.list.unchangedSince': 'Nothing has changed since {reportId} was issued. Change an answer to issue a new revision.',
  'issuing.list.unchangedSinceReader': 'Nothing has changed since {reportId} was issued.',
  'issuing.list.changedSince': 'The report has changed since {reportId} was issued. Issue it again to keep the changes as rev {next}.',
  'issuing.list.changedSinceReader': 'The report has changed since {reportId} was issued. Those changes are not issued yet.',
  'issuing.list.notSaved': 'The report was not issued: we could not store it just now. Nothing was kept. Try again in a moment.',

  // After issuing
  'issuing.notice.issued': '{reportId} is issued. Download it below.',
  'issuing.notice.unchanged': 'Nothing has changed since {reportId} was issued, so no new issue was made. Rev {revision} is below.',
  'issuing.limit.reached':
    'This assessment has been issued {limit} times, the most an assessment without an account can be. Download an earlier issue below, or start a new assessment.',
};
