import { contentWidth, group, layout, left, maxY, newPage, pageContentHeight, tag, type Ctx } from './context.js';
import type { Doc } from './pdfkitInternals.js';
import { Shapes } from './shapes.js';
import { pdfStyles as S, type TextStyle } from './styles.js';
import type { TextLayout } from './textLayout.js';

/**
 * Rows and columns, shared by the table, facts and checklist blocks: a header repeated on every
 * page the grid runs over, rows that never split across pages, and tagging as Table > TR > TH/TD.
 */

export interface GridCell {
  text: string;
  style: TextStyle;
  sub?: string;
  fill?: string;
  /** Draw an empty checkbox at the top left of the cell. */
  checkbox?: boolean;
  header?: boolean;
}

export interface GridOptions {
  widths: number[];
  header?: GridCell[];
  rows: GridCell[][];
  /** Every cell boxed (a form to fill in) rather than rules between rows. */
  boxed?: boolean;
  minRowHeight?: number;
  /** Tag the first cell of each row as a row header. */
  rowHeaders?: boolean;
}

interface LaidCell {
  cell: GridCell;
  text?: TextLayout;
  sub?: TextLayout;
}

interface LaidRow {
  cells: LaidCell[];
  height: number;
}

/** Column widths in points from shares of the content width. */
export function shareWidths(doc: Doc, shares: readonly number[]): number[] {
  const total = contentWidth(doc);
  return shares.map((share) => share * total);
}

export function headerCell(text: string): GridCell {
  return { text, style: S.text.tableHeader, header: true };
}

/**
 * Lays a row out. A row never grows past `limit`: text that cannot fit is cut with an ellipsis
 * (only a pathological answer does that, and the appendix holds every answer in full).
 */
function layoutRow(ctx: Ctx, cells: readonly GridCell[], widths: readonly number[], min = 0, limit = Infinity): LaidRow {
  const pad = S.space.cellPadY;
  const textLimit = limit - 2 * pad;
  const laid = cells.map((cell, i) => {
    const inner = (widths[i] ?? 0) - 2 * S.space.cellPadX;
    const text = cell.text ? layout(ctx, cell.style, cell.text, inner, textLimit) : undefined;
    const subLimit = textLimit - (text?.height ?? 0) - 2;
    const sub = cell.sub && subLimit > 0 ? layout(ctx, S.text.tableSub, cell.sub, inner, subLimit) : undefined;
    return { cell, ...(text ? { text } : {}), ...(sub ? { sub } : {}) };
  });
  const contentHeight = (c: LaidCell) =>
    Math.max((c.text?.height ?? 0) + (c.sub ? 2 + c.sub.height : 0), c.cell.checkbox ? S.space.checkboxSize : 0);
  const height = Math.min(limit, Math.max(min, ...laid.map((c) => contentHeight(c) + 2 * pad)));
  return { cells: laid, height };
}

function drawRowDecoration(doc: Doc, row: LaidRow, widths: readonly number[], y: number, boxed: boolean, isHeader: boolean): void {
  const { height } = row;
  const shapes = new Shapes();
  let x = left(doc);
  row.cells.forEach(({ cell }, i) => {
    const width = widths[i] ?? 0;
    const fill = isHeader ? S.colour.tableHeaderFill : cell.fill;
    if (fill) shapes.fillRect(x, y, width, height, fill);
    if (boxed) shapes.strokeRect(x, y, width, height, S.colour.gridRule, S.line.grid);
    if (cell.checkbox) shapes.checkbox(x + S.space.cellPadX, y + S.space.cellPadY + 0.5);
    x += width;
  });
  if (!boxed) {
    const right = left(doc) + widths.reduce((a, b) => a + b, 0);
    shapes.line(
      left(doc),
      y + height,
      right,
      y + height,
      isHeader ? S.colour.gridRule : S.colour.rule,
      isHeader ? S.line.rule * 1.6 : S.line.rule,
    );
  }
  shapes.draw(doc);
}

function drawRowText(ctx: Ctx, row: LaidRow, widths: readonly number[], y: number, rowHeaders: boolean): void {
  group(ctx, 'TR', (tr) => {
    let x = left(ctx.doc);
    row.cells.forEach(({ cell, text, sub }, i) => {
      const width = widths[i] ?? 0;
      const inner = width - 2 * S.space.cellPadX;
      const isHeader = cell.header === true || (rowHeaders && i === 0);
      const cellX = x + S.space.cellPadX;
      tag(
        tr,
        isHeader ? 'TH' : 'TD',
        () => {
          const below = text ? ctx.text.draw(text, cellX, y + S.space.cellPadY, inner) : y + S.space.cellPadY;
          if (sub) ctx.text.draw(sub, cellX, below + 2, inner);
        },
        isHeader ? { scope: cell.header ? 'Column' : 'Row' } : {},
      );
      x += width;
    });
  });
}

/** How the grid's header and rows are laid out: the same for measuring and for drawing. */
function gridRows(ctx: Ctx, grid: GridOptions) {
  const header = grid.header ? layoutRow(ctx, grid.header, grid.widths) : undefined;
  const headerHeight = header?.height ?? 0;
  const rowLimit = pageContentHeight(ctx.doc) - headerHeight;
  const row = (cells: readonly GridCell[]) => layoutRow(ctx, cells, grid.widths, grid.minRowHeight, rowLimit);
  return { header, headerHeight, row };
}

/** The room a grid needs to start: its header and first row, which are never parted. */
export function gridLead(ctx: Ctx, grid: GridOptions): number {
  const { headerHeight, row } = gridRows(ctx, grid);
  const first = grid.rows[0];
  return headerHeight + (first ? row(first).height : 0);
}

export function drawGrid(ctx: Ctx, grid: GridOptions): void {
  const { doc } = ctx;
  const boxed = grid.boxed === true;
  const { header, headerHeight, row: layRow } = gridRows(ctx, grid);

  group(ctx, 'Table', (table) => {
    const drawHeader = (): void => {
      if (!header) return;
      const y = doc.y;
      drawRowDecoration(doc, header, grid.widths, y, boxed, true);
      drawRowText(table, header, grid.widths, y, false);
      doc.y = y + headerHeight;
    };

    grid.rows.forEach((cells, index) => {
      const row = layRow(cells);
      const needsBreak = doc.y + row.height > maxY(doc);
      if (index === 0 || needsBreak) {
        if (needsBreak || doc.y + headerHeight + row.height > maxY(doc)) newPage(doc);
        drawHeader();
      }
      const y = doc.y;
      drawRowDecoration(doc, row, grid.widths, y, boxed, false);
      drawRowText(table, row, grid.widths, y, grid.rowHeaders === true);
      doc.x = left(doc);
      doc.y = y + row.height;
    });
  });
  doc.y += S.space.blockGap;
}
