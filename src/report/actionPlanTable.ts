import type { Translate } from '../i18n/catalogue.js';
import { messageKeys } from '../questionnaire/messageKeys.js';
import type { Band, Timeframe } from '../scoring/types.js';
import type { ActionPlanItem } from '../services/actionPlanService.js';
import type { Fact, ReportCover } from './reportModelTypes.js';

/**
 * The action plan as a table: one row per recommended action, in the order the action plan page
 * lists them (most urgent first), with the owner, due date and status the page saved. The XLSX
 * and CSV exports only lay this out. Every string is worded here; the due date stays a calendar
 * date (YYYY-MM-DD) so each format can write it as a date of its own kind.
 */

export const actionPlanColumns = ['number', 'action', 'treats', 'priority', 'timeframe', 'owner', 'dueDate', 'status'] as const;
export type ActionPlanColumn = (typeof actionPlanColumns)[number];

export interface ActionPlanRow {
  number: number;
  action: string;
  /** The scenarios the action treats, by name. */
  treats: string;
  priority: string;
  timeframe: string;
  owner: string;
  /** Calendar date, YYYY-MM-DD; empty only when the plan has no line for the action. */
  dueDate: string;
  status: string;
  /** The worst band among the scenarios it treats: the colour of its priority. */
  band: Band;
}

export interface ActionPlanTable {
  /** The company as typed ('' when not given): for the download's file name. */
  companyName: string;
  /** The issue time of the report of the same revision (ISO 8601): the file name's date. */
  issuedAtIso: string;
  sheetName: string;
  headers: Readonly<Record<ActionPlanColumn, string>>;
  rows: ActionPlanRow[];
  /** What the plan belongs to: the report cover's company, facts and rating, and the assessment date. */
  about: { sheetName: string; title: string; company: string; facts: Fact[]; rating: { label: string; value: string; band: Band } };
}

export interface ActionPlanTableInput {
  version: string;
  /**
   * The action plan as the page and the PDF have it (actionPlanService.actionPlanFor): the
   * recommended actions and the firm's own, in plan order, each in the words shown (an assessor's
   * rewording included), with its owner, due date and status.
   */
  items: readonly ActionPlanItem[];
  /** Each action's timeframe, by action id (the register's, the assessor's rating counted). */
  timeframes: ReadonlyMap<string, Timeframe>;
  /** The cover of the report of the same assessment, so the export names it as the PDF does. */
  cover: ReportCover;
  companyName: string;
  issuedAtIso: string;
  /** The date due dates count from, YYYY-MM-DD. */
  assessmentDate: string;
  /** Formats a calendar date in words, as the action plan page does. */
  formatDate: (isoDate: string) => string;
  t: Translate;
}

export function buildActionPlanTable(input: ActionPlanTableInput): ActionPlanTable {
  const { t, version } = input;
  const rows = input.items.map((item, index): ActionPlanRow => {
    const timeframe = input.timeframes.get(item.actionId);
    return {
      number: index + 1,
      action: item.text,
      treats: item.treats.map((id) => t(messageKeys.scenarioTitle(version, id))).join(', '),
      priority: t(`priority.${item.priority}`),
      timeframe: timeframe ? t(`timeframe.${timeframe}`) : '',
      owner: item.owner,
      dueDate: item.dueDate,
      status: t(`ui.actionPlan.status.${item.status}`),
      band: item.band,
    };
  });
  const { cover } = input;
  return {
    companyName: input.companyName,
    issuedAtIso: input.issuedAtIso,
    sheetName: t('exports.actions.sheet'),
    headers: {
      number: t('exports.actions.col.number'),
      action: t('report.checklist.col.action'),
      treats: t('exports.actions.col.treats'),
      priority: t('report.checklist.col.priority'),
      timeframe: t('exports.actions.col.timeframe'),
      owner: t('report.checklist.col.owner'),
      dueDate: t('report.checklist.col.due'),
      status: t('exports.actions.col.status'),
    },
    rows,
    about: {
      sheetName: t('exports.about.sheet'),
      title: t('exports.about.title'),
      company: cover.company,
      facts: [
        { label: t('exports.about.company'), value: cover.company },
        { label: t('exports.about.assessmentDate'), value: input.formatDate(input.assessmentDate) },
        ...cover.facts,
        { label: t('exports.about.actionCount'), value: String(rows.length) },
      ],
      rating: cover.rating,
    },
  };
}
