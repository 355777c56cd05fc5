import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { formatCalendarDate } from '../../src/presenters/actionPlanPage.js';
import { renderActionPlanCsv } from '../../src/report/actionPlanCsv.js';
import { buildActionPlanTable, type ActionPlanTable } from '../../src/report/actionPlanTable.js';
import { renderActionPlanXlsx, wrappedLines } from '../../src/report/actionPlanXlsx.js';
import { personaReport, planItemsOf } from '../fixtures/personaReport.js';
import { bakuHotel } from '../fixtures/personas.js';
import { csvRecords, xlsxWorkbook } from '../support/officeFiles.js';

const t = createTranslator('en');
const owners = ['ნინო ბერიძე', 'Rəşad Məmmədov', '=HYPERLINK("http://x","y")', '@SUM(A1)'];

function table(): ActionPlanTable {
  const { register, model } = personaReport(bakuHotel, { reportId: 'RP-XLSX-1', issuedAt: new Date('2026-12-02T10:00:00Z'), preparedBy: 'Leyla Həsənova', ownerOf: () => '' });
  return buildActionPlanTable({
    version: register.questionnaireVersion,
    ...planItemsOf(register, (_action, index) => ({
      owner: owners[index % owners.length] ?? '',
      dueDate: `2027-02-${String(1 + index).padStart(2, '0')}`,
      status: index === 1 ? 'in_progress' : 'to_do',
    })),
    cover: model.cover,
    companyName: model.companyName,
    issuedAtIso: model.issuedAtIso,
    assessmentDate: '2026-11-20',
    formatDate: formatCalendarDate,
    t,
  });
}

describe('renderActionPlanXlsx', () => {
  it('given a plan, writes one row per action under a frozen, filtered header, due dates as date cells', async () => {
    const plan = table();
    const sheet = (await xlsxWorkbook(await renderActionPlanXlsx(plan))).worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.name).toBe('Action plan');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(plan.rows.length + 1);
    expect(sheet.getRow(1).values).toEqual([undefined, 'No.', 'Action', 'Scenarios it treats', 'Priority', 'Timeframe', 'Owner', 'Due date', 'Status']);
    plan.rows.forEach((row, index) => {
      const cells = sheet.getRow(index + 2);
      expect(cells.getCell(1).value).toBe(row.number);
      expect(cells.getCell(2).value).toBe(row.action);
      expect(cells.getCell(6).value).toBe(row.owner);
      const due = cells.getCell(7);
      expect(due.value).toBeInstanceOf(Date);
      expect((due.value as Date).toISOString()).toBe(`${row.dueDate}T00:00:00.000Z`);
      expect(due.numFmt).toMatch(/yyyy/);
    });
    // Text that looks like a formula is a string cell in a workbook: it is never evaluated.
    expect(sheet.getRow(4).getCell(6).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(4).getCell(6).formula).toBeUndefined();
  });

  it('given a plan, adds a sheet that says whose plan it is, from when, and the overall rating', async () => {
    const plan = table();
    const about = (await xlsxWorkbook(await renderActionPlanXlsx(plan))).worksheets[1];
    const values = about?.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1).map(String).join(' | ')] : []));
    expect(values).toContain(`Company | ${plan.about.company}`);
    expect(values).toContain('Assessment date | 20 November 2026');
    expect(values).toContain('Report ID | RP-XLSX-1');
    expect(values).toContain(`${plan.about.rating.label} | ${plan.about.rating.value}`);
  });
});

describe('renderActionPlanCsv', () => {
  it('given the same plan, writes the same rows with formulas neutralised and dates as YYYY-MM-DD', () => {
    const plan = table();
    const text = renderActionPlanCsv(plan).toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const records = csvRecords(text.slice(1));
    expect(records).toHaveLength(plan.rows.length + 1);
    expect(records.slice(1).map((r) => r[1])).toEqual(plan.rows.map((row) => row.action));
    expect(records.slice(1).map((r) => r[6])).toEqual(plan.rows.map((row) => row.dueDate));
    expect(records[3]?.[5]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(records[4]?.[5]).toBe("'@SUM(A1)");
    expect(records[1]?.[5]).toBe('ნინო ბერიძე');
  });
});

describe('wrappedLines', () => {
  it.each([
    ['', 10, 1],
    ['short', 10, 1],
    ['one two three four', 5, 4],
    ['x'.repeat(30), 10, 3],
  ])('given %j in a column %d wide, counts %d lines', (text, width, lines) => {
    // Widths are in Excel units; about 1.2 characters fit in one.
    expect(wrappedLines(text, width / 1.2)).toBe(lines);
  });
});
