/** The exports of an assessment: the action plan as Excel and CSV, the report as Word. */
export const exportsMessages: Readonly<Record<string, string>> = {
  // Links on the results and action plan pages
  'exports.links.title': 'Other formats',
  'exports.links.intro': 'Open the plan in a spreadsheet, or edit the report in a word processor.',
  'exports.links.xlsx': 'Download the action plan (Excel)',
  'exports.links.csv': 'Download the action plan (CSV)',
  'exports.links.docx': 'Download the report (Word)',
  'exports.links.saved': 'The downloads hold the owners, dates and statuses as last saved.',

  // The action plan sheet (XLSX) and file (CSV)
  'exports.actions.sheet': 'Action plan',
  'exports.actions.col.number': 'No.',
  'exports.actions.col.treats': 'Scenarios it treats',
  'exports.actions.col.timeframe': 'Timeframe',
  'exports.actions.col.status': 'Status',

  // The second sheet: what the plan belongs to
  'exports.about.sheet': 'About',
  'exports.about.title': 'About this action plan',
  'exports.about.company': 'Company',
  'exports.about.assessmentDate': 'Assessment date',
  'exports.about.actionCount': 'Number of actions',
};
