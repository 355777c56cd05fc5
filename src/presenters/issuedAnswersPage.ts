import type { Translate } from '../i18n/catalogue.js';
import { messageKeys } from '../questionnaire/messageKeys.js';
import { questionnaireFor } from '../questionnaire/registry.js';
import type { Answers, StoredAnswer } from '../questionnaire/types.js';
import { relevantSections, shownQuestions } from '../questionnaire/visibility.js';
import type { ArchiveEntry } from '../repositories/archiveRepository.js';
import { issuedReportId } from '../services/issuingService.js';
import { archiveReportPath } from './archivePages.js';
import { answerSideView, type AnswerSideView } from './historyPage.js';
import { formatDateTime } from './teamPage.js';

/** One question as it was answered when the report was issued. */
export interface IssuedAnswerRow {
  questionId: string;
  /** The question's text in the questionnaire version. */
  question: string;
  /** The answer in words (option labels, text as typed) and its note; "Not answered" when none. */
  answer: AnswerSideView;
  /** The values as stored (option codes, text as typed), several joined by "; "; empty when none. */
  stored: string;
}

export interface IssuedAnswerSection {
  id: string;
  title: string;
  rows: IssuedAnswerRow[];
}

export interface IssuedAnswersView {
  title: string;
  /** "RP-2026-000042 rev 2" */
  reportId: string;
  reportHref: string;
  questionnaireVersion: string;
  lead: string;
  /** Set when the app no longer knows the questionnaire version: the answers by question id, as stored. */
  unknownVersion?: string;
  sections: IssuedAnswerSection[];
  csvHref: string;
  csvName: string;
}

function storedValue(answer: StoredAnswer | undefined): string {
  if (answer === undefined) return '';
  return (Array.isArray(answer.value) ? answer.value : [answer.value]).join('; ');
}

/**
 * The answers section by section, in the wording of the questionnaire version it was
 * issued on. The sections and questions are those the PDF's appendix lists: the sections the
 * answers made relevant and the questions they showed, an unanswered one as "Not answered"
 * (being asked and leaving it blank is part of the record, and scored as such). Questions the
 * answers hid were never asked and are left out.
 */
function sectionsOf(version: string, answers: Answers, t: Translate): IssuedAnswerSection[] | undefined {
  const questionnaire = questionnaireFor(version);
  if (!questionnaire) return undefined;
  const notAnswered = t('ui.check.notAnswered');
  return relevantSections(questionnaire, answers).map((section) => ({
    id: section.id,
    title: t(messageKeys.sectionTitle(version, section.id)),
    rows: shownQuestions(section, answers).map((question) => {
      const answer = answers[question.id];
      return {
        questionId: question.id,
        question: t(messageKeys.questionText(version, question.id)),
        answer: answerSideView(question, answer, version, t, notAnswered),
        stored: storedValue(answer),
      };
    }),
  }));
}

/** Without the questionnaire: each stored answer under its question id, its values as stored. */
function rawSection(answers: Answers, t: Translate): IssuedAnswerSection {
  return {
    id: 'stored',
    title: t('archiveAnswers.unknownVersion.section'),
    rows: Object.entries(answers).map(([questionId, answer]) => {
      const stored = storedValue(answer);
      return { questionId, question: questionId, answer: { text: stored, none: false, ...(answer.note ? { note: answer.note } : {}) }, stored };
    }),
  };
}

/** The answers page of one issue (and what its CSV holds). */
export function issuedAnswersView(entry: ArchiveEntry, answers: Answers, t: Translate): IssuedAnswersView {
  const { report } = entry;
  const version = report.questionnaire_version;
  const reportId = issuedReportId(report.report_number, report.revision);
  const sections = sectionsOf(version, answers, t);
  const reportHref = archiveReportPath(report.id);
  return {
    title: t('archiveAnswers.title', { reportId }),
    reportId,
    reportHref,
    questionnaireVersion: version,
    lead: t('archiveAnswers.lead', {
      date: formatDateTime(report.issued_at),
      name: report.issued_by_name,
      client: report.client_name ?? report.company_name,
      version,
    }),
    ...(sections ? {} : { unknownVersion: t('archiveAnswers.unknownVersion', { version }) }),
    sections: sections ?? [rawSection(answers, t)],
    csvHref: `${reportHref}/answers.csv`,
    csvName: `${report.report_number}-rev${report.revision}-answers.csv`,
  };
}
