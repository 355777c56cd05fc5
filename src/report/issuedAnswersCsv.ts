import type { Translate } from '../i18n/catalogue.js';
import type { IssuedAnswersView } from '../presenters/issuedAnswersPage.js';
import { toCsv } from './csv.js';

/**
 * The answers an issue was built on as one CSV: a row per question the page lists, each naming
 * the report, so files of several issues can be put together. "Answer" is in words and empty
 * when the question was not answered; "Stored value" is what the record holds (option codes).
 */
export function issuedAnswersCsv(page: IssuedAnswersView, t: Translate): string {
  const columns = ['report', 'questionnaire', 'section', 'questionId', 'question', 'answer', 'stored', 'note'];
  const header = columns.map((column) => t(`archiveAnswers.csv.${column}`));
  const rows = page.sections.flatMap((section) =>
    section.rows.map((row) => [page.reportId, page.questionnaireVersion, section.title, row.questionId, row.question, row.answer.none ? '' : row.answer.text, row.stored, row.answer.note ?? '']),
  );
  return toCsv([header, ...rows]);
}
