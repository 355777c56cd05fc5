import type { Translate } from '../i18n/catalogue.js';
import { displayAnswer } from '../questionnaire/answerDisplay.js';
import { messageKeys } from '../questionnaire/messageKeys.js';
import type { Question, Questionnaire, Section, StoredAnswer } from '../questionnaire/types.js';
import { formatDate, timeFormat } from '../report/model/context.js';
import type { AnswerHistoryEntry } from '../repositories/answerHistoryRepository.js';
import { pagingView, type PagingView } from './practicePages.js';

/** One side of a change in words: what the user chose or typed, and the note. */
export interface AnswerSideView {
  text: string;
  /** True for "no answer" (shown muted). */
  none: boolean;
  note?: string;
}

export interface HistoryRowView {
  when: string;
  who: string;
  question: string;
  section: string;
  before: AnswerSideView;
  after: AnswerSideView;
}

export interface HistoryPageView {
  title: string;
  company?: string;
  /** What the page says about whose changes these are. */
  leads: string[];
  rows: HistoryRowView[];
  /** What an empty page says: nothing changed yet, or a page number past the last page (with a link to the first). */
  empty?: { text: string; firstPageHref?: string };
  paging: PagingView;
  backHref: string;
}

export interface HistoryPageInput {
  questionnaire: Questionnaire;
  entries: readonly AnswerHistoryEntry[];
  total: number;
  page: number;
  /** Where the assessment's pages live (`/assessment` or `/assessments/<id>`). */
  base: string;
  /** The signed-in viewer: their own changes read "You". */
  viewerId: string | undefined;
  /** An anonymous assessment's changes name nobody, and only the newest `anonymousLimit` are kept. */
  anonymous: boolean;
  anonymousLimit: number;
  company?: string | undefined;
}

const countFormat = new Intl.NumberFormat('en-GB');

/** The app's long date with the time, in UTC: "3 December 2026, 08:30 UTC". */
export function longDateTime(iso: string, t: Translate): string {
  const at = new Date(iso);
  return t('history.when', { date: formatDate(at), time: timeFormat.format(at) });
}

function questionIndex(questionnaire: Questionnaire): Map<string, { question: Question; section: Section }> {
  return new Map(questionnaire.sections.flatMap((section) => section.questions.map((question) => [question.id, { question, section }] as const)));
}

/**
 * An answer in words with its note, or `noneText` (muted) when there is none: the history's
 * "no answer" by default; the archive's answers of an issue say "Not answered".
 */
export function answerSideView(question: Question | undefined, answer: StoredAnswer | undefined, version: string, t: Translate, noneText = t('history.noAnswer')): AnswerSideView {
  const text = question ? displayAnswer(question, answer, version, t) : '';
  const note = answer?.note;
  return { text: text || noneText, none: !text, ...(note ? { note } : {}) };
}

function whoOf(entry: AnswerHistoryEntry, input: HistoryPageInput, t: Translate): string {
  if (entry.changedBy) return entry.changedBy.userId === input.viewerId ? t('history.who.you') : entry.changedBy.name;
  return t(input.anonymous ? 'history.who.linkHolder' : 'history.who.notRecorded');
}

/** The history page: each change in words, in the wording of the assessment's own questionnaire version. */
export function historyPageView(input: HistoryPageInput, t: Translate): HistoryPageView {
  const version = input.questionnaire.version;
  const questions = questionIndex(input.questionnaire);
  const rows = input.entries.map((entry): HistoryRowView => {
    const found = questions.get(entry.questionId);
    return {
      when: longDateTime(entry.changedAt, t),
      who: whoOf(entry, input, t),
      question: found ? t(messageKeys.questionText(version, entry.questionId)) : entry.questionId,
      section: found ? t(messageKeys.sectionTitle(version, found.section.id)) : '',
      before: answerSideView(found?.question, entry.before, version, t),
      after: answerSideView(found?.question, entry.after, version, t),
    };
  });
  return {
    title: t('history.title'),
    ...(input.company ? { company: input.company } : {}),
    leads: [t('history.lead'), input.anonymous ? t('history.lead.anonymous', { limit: countFormat.format(input.anonymousLimit) }) : t('history.lead.copied')],
    rows,
    ...(rows.length > 0 ? {} : { empty: input.total === 0 ? { text: t('history.empty') } : { text: t('history.pastEnd'), firstPageHref: `${input.base}/history` } }),
    paging: pagingView(input.total, input.page, `${input.base}/history`, {}, t),
    backHref: `${input.base}/check`,
  };
}
