import { actionPlanColumns, type ActionPlanTable } from './actionPlanTable.js';
import { toCsv } from './csv.js';

/** The action plan as CSV: the header row, then one record per action; due dates as YYYY-MM-DD. */
export function renderActionPlanCsv(table: ActionPlanTable): Buffer {
  const header = actionPlanColumns.map((column) => table.headers[column]);
  const records = table.rows.map((row) => actionPlanColumns.map((column) => String(row[column])));
  return Buffer.from(toCsv([header, ...records]), 'utf8');
}
