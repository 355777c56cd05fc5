/** The archive's page of the answers an issued report was built on, and its CSV. */
export const archiveAnswersMessages: Readonly<Record<string, string>> = {
  'archiveAnswers.link': 'Answers it was issued on',
  'archiveAnswers.title': 'Answers {reportId} was issued on',
  'archiveAnswers.back': 'Back to {reportId}',
  'archiveAnswers.lead': 'Issued on {date} by {name} for {client}, on questionnaire {version}.',
  'archiveAnswers.kept':
    'These are the answers as they stood when the report was issued, in the wording of that questionnaire. Later changes to the assessment do not alter them: they show in later revisions.',
  'archiveAnswers.notAsked': 'Questions that these answers made irrelevant were not asked and are not listed, as in the report.',
  'archiveAnswers.unknownVersion': 'This version of RiskPlan no longer has questionnaire {version}, so the answers are shown as stored, by question id.',
  'archiveAnswers.unknownVersion.section': 'Answers as stored',
  'archiveAnswers.csv.download': 'Download these answers (CSV)',
  'archiveAnswers.csv.report': 'Report',
  'archiveAnswers.csv.questionnaire': 'Questionnaire version',
  'archiveAnswers.csv.section': 'Section',
  'archiveAnswers.csv.questionId': 'Question ID',
  'archiveAnswers.csv.question': 'Question',
  'archiveAnswers.csv.answer': 'Answer',
  'archiveAnswers.csv.stored': 'Stored value',
  'archiveAnswers.csv.note': 'Note',
  'audit.event.report.answers_downloaded': 'Answers of an issued report downloaded',
};
