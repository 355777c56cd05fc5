import ExcelJS from 'exceljs';
import { parseCalendarDate } from '../services/actionPlan.js';
import { actionPlanColumns, type ActionPlanColumn, type ActionPlanTable } from './actionPlanTable.js';
import { pdfStyles } from './pdf/styles.js';

/**
 * The action plan as an Excel workbook a consultant hands on: the plan on the first sheet (a
 * header row that stays in view, filters on every column, due dates as real dates that sort and
 * filter as dates, long text wrapped), and what it belongs to on a second sheet. Colours are the
 * PDF's, so a priority looks the same in both.
 */

interface ColumnLayout {
  /** Width in characters of the default font. */
  width: number;
  wrap: boolean;
  align?: 'center';
}

const columnLayout: Readonly<Record<ActionPlanColumn, ColumnLayout>> = {
  number: { width: 6, wrap: false, align: 'center' },
  action: { width: 60, wrap: true },
  treats: { width: 32, wrap: true },
  priority: { width: 11, wrap: false },
  timeframe: { width: 17, wrap: false },
  owner: { width: 26, wrap: true },
  dueDate: { width: 13, wrap: false },
  status: { width: 13, wrap: false },
};

/** Excel's default font, named on every styled cell: a font without a name is drawn in a serif by LibreOffice. */
const baseFont: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2, size: 11 };
const lineHeightPoints = 15;
/** Characters of body text that fit in one unit of column width (the width of a "0"), with a margin for wide letters. */
const charsPerWidthUnit = 1.2;

/** Excel shows the month name in the reader's own language: "16 Dec 2026". */
const DATE_FORMAT = 'd mmm yyyy';

/** Excel wants colours as ARGB without the hash. */
function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function solid(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } };
}

const thinRule: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: argb(pdfStyles.colour.rule) } };
const cellBorder: Partial<ExcelJS.Borders> = { top: thinRule, bottom: thinRule, left: thinRule, right: thinRule };

/** Lines a text takes when wrapped at word boundaries in a column `width` units wide. */
export function wrappedLines(text: string, width: number): number {
  const capacity = Math.max(1, Math.floor(width * charsPerWidthUnit));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = Array.from(word).length;
    const needed = used === 0 ? length : used + 1 + length;
    if (needed <= capacity) {
      used = needed;
    } else {
      lines += used === 0 ? 0 : 1;
      // A word longer than the column breaks across lines of its own.
      lines += Math.floor((length - 1) / capacity);
      used = ((length - 1) % capacity) + 1;
    }
  }
  return lines;
}

/**
 * Neither Excel nor LibreOffice grows a row to fit wrapped text written by a library, so each
 * row is given the height of its tallest wrapped cell (an estimate from the text's length).
 */
function rowHeight(texts: readonly { text: string; width: number }[]): number {
  return lineHeightPoints * Math.max(1, ...texts.map(({ text, width }) => wrappedLines(text, width)));
}

/** A due date as an Excel date: midnight UTC of the calendar date, which Excel stores as a whole day number. */
function dateCell(isoDate: string): Date | null {
  return parseCalendarDate(isoDate) ?? null;
}

function addPlanSheet(workbook: ExcelJS.Workbook, table: ActionPlanTable): void {
  const sheet = workbook.addWorksheet(table.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    // Printed as it is read on screen: landscape A4, as wide as the page, the header on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = actionPlanColumns.map((key) => ({
    key,
    header: table.headers[key],
    width: columnLayout[key].width,
    style: {
      alignment: { vertical: 'top', wrapText: columnLayout[key].wrap, ...(columnLayout[key].align ? { horizontal: columnLayout[key].align } : {}) },
      ...(key === 'dueDate' ? { numFmt: DATE_FORMAT } : {}),
    },
  }));

  const header = sheet.getRow(1);
  header.height = rowHeight(actionPlanColumns.map((key) => ({ text: table.headers[key], width: columnLayout[key].width })));
  header.font = { ...baseFont, bold: true, color: { argb: argb(pdfStyles.colour.text) } };
  header.eachCell((cell) => {
    cell.fill = solid(pdfStyles.colour.tableHeaderFill);
    cell.border = { ...cellBorder, bottom: { style: 'medium', color: { argb: argb(pdfStyles.colour.gridRule) } } };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });

  for (const row of table.rows) {
    const added = sheet.addRow({ ...row, dueDate: dateCell(row.dueDate) });
    added.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = cellBorder;
    });
    added.height = rowHeight(
      actionPlanColumns.filter((key) => columnLayout[key].wrap).map((key) => ({ text: String(row[key]), width: columnLayout[key].width })),
    );
    const priority = added.getCell('priority');
    priority.fill = solid(pdfStyles.band[row.band].fill);
    priority.font = { ...baseFont, bold: true, color: { argb: argb(pdfStyles.band[row.band].text) } };
  }

  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: actionPlanColumns.length } };
}

function addAboutSheet(workbook: ExcelJS.Workbook, table: ActionPlanTable): void {
  const { about } = table;
  const sheet = workbook.addWorksheet(about.sheetName, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const [labelWidth, valueWidth] = [30, 60];
  sheet.columns = [labelWidth, valueWidth].map((width) => ({ width, style: { alignment: { vertical: 'top', wrapText: true } } }));
  const title = sheet.addRow([about.title]);
  title.font = { ...baseFont, bold: true, size: 14, color: { argb: argb(pdfStyles.colour.heading) } };
  sheet.mergeCells(1, 1, 1, 2);
  sheet.addRow([]);
  for (const fact of about.facts) {
    const row = sheet.addRow([fact.label, fact.value]);
    row.getCell(1).font = { ...baseFont, bold: true };
    row.height = rowHeight([{ text: fact.label, width: labelWidth }, { text: fact.value, width: valueWidth }]);
  }
  const rating = sheet.addRow([about.rating.label, about.rating.value]);
  rating.getCell(1).font = { ...baseFont, bold: true };
  rating.getCell(2).font = { ...baseFont, bold: true, color: { argb: argb(pdfStyles.band[about.rating.band].text) } };
  rating.getCell(2).fill = solid(pdfStyles.band[about.rating.band].fill);
}

/** Builds the workbook in memory: a plan is a few dozen rows. */
export async function renderActionPlanXlsx(table: ActionPlanTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const issuedAt = new Date(table.issuedAtIso);
  workbook.creator = 'RiskPlan';
  workbook.title = `${table.sheetName}: ${table.about.company}`;
  workbook.created = issuedAt;
  workbook.modified = issuedAt;
  addPlanSheet(workbook, table);
  addAboutSheet(workbook, table);
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
