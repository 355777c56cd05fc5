import type { Translate } from '../../i18n/catalogue.js';
import { messageKeys } from '../../questionnaire/messageKeys.js';
import type { Answers, AnswerValue, Question, Questionnaire } from '../../questionnaire/types.js';
import type { PlanItem } from '../../scoring/judgement.js';
import type { Band, Level, RiskRegister } from '../../scoring/types.js';
import type { ReportBlock } from '../reportModelTypes.js';

/**
 * What every part of the report model shares: the context worked out once per report, and the
 * small formatting helpers that turn scores, dates and answers into words.
 */

export interface ReportMeta {
  reportId: string;
  issuedAt: Date;
  preparedBy: string;
  consultantFirm?: string;
  /**
   * A draft (the report as it stands, downloaded at any time): the cover, every page's footer and
   * the document's metadata say it is not an issued report, so it is never taken for one.
   */
  draft?: boolean;
  /** An issued report: where its reader can check that it is genuine (in the document's metadata). */
  verifyUrl?: string;
}

/** An action's owner, due date and status as the action plan holds them (questionnaire 2.0 on). */
export interface ActionPlanLine {
  actionId: string;
  owner: string;
  /** Calendar date, YYYY-MM-DD. */
  dueDate: string;
  status: 'to_do' | 'in_progress' | 'done';
}

export interface ReportInput {
  questionnaire: Questionnaire;
  answers: Answers;
  register: RiskRegister;
  translate: Translate;
  meta: ReportMeta;
  /**
   * Owners, due dates and statuses by action id (a recommendation id, or a firm action's id);
   * without it the columns are left to fill in.
   */
  actionPlan?: readonly ActionPlanLine[];
}

/** Everything the builder needs, worked out once. */
export interface Context {
  t: Translate;
  v: string;
  questionnaire: Questionnaire;
  answers: Answers;
  register: RiskRegister;
  meta: ReportMeta;
  /** Ids of the questions the business was asked. */
  asked: ReadonlySet<string>;
  actionPlan: ReadonlyMap<string, ActionPlanLine>;
  /** Every action, the firm's own among them, in the order of the plan (`actionsInPlanOrder`). */
  plan: readonly PlanItem[];
  refs: ReadonlyMap<string, string>;
  company: string;
  issuedDate: string;
}

/* ------------------------------------------------------------------------------------------ */
/* Formatting                                                                                  */
/* ------------------------------------------------------------------------------------------ */


export const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
export const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });

export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** A source's publication date as ISO 8601 (a day or a month) in words; anything else as given. */
export function formatPublished(published: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (day) return formatDate(new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))));
  const month = /^(\d{4})-(\d{2})$/.exec(published);
  if (month) return monthFormat.format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
  return published;
}

export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

export function joinList(t: Translate, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(t('report.list.separator'))}${t('report.list.lastSeparator')}${items.at(-1) ?? ''}`;
}

export function textOf(answers: Answers, questionId: string): string | undefined {
  const value = answers[questionId]?.value;
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text !== undefined && text.trim() !== '' ? text.trim() : undefined;
}

export function scenarioTitle(c: Context, scenarioId: string): string {
  return c.t(messageKeys.scenarioTitle(c.v, scenarioId));
}

export function bandLabel(c: Context, band: Band): string {
  return c.t(`band.${band}`);
}

export function rating(c: Context, band: Band, score: number): string {
  return c.t('report.rating', { band: bandLabel(c, band), score });
}

export function levelLabel(c: Context, factor: 'likelihood' | 'impact', level: Level): string {
  return c.t('report.level', { level, label: c.t(`${factor}.${level}`) });
}

export function change(c: Context, before: string | number, after: string | number): string {
  return before === after ? String(before) : c.t('report.change', { before, after });
}

export function refOf(c: Context, scenarioId: string): string {
  return c.refs.get(scenarioId) ?? '';
}

/** An answer in words: option labels for choices, the text as typed otherwise. */
export function answerInWords(c: Context, question: Question, value: AnswerValue | undefined): string {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const given = values.filter((entry) => entry.trim() !== '');
  if (given.length === 0) return c.t('report.value.notAnswered');
  if (question.options) {
    return given.map((entry) => c.t(messageKeys.optionLabel(c.v, question.id, entry))).join('; ');
  }
  return given.join('\n');
}

export function paragraph(text: string, style: 'lead' | 'body' | 'muted' = 'body'): ReportBlock {
  return { type: 'paragraph', text, style };
}

export function heading(text: string): ReportBlock {
  return { type: 'heading', text };
}

