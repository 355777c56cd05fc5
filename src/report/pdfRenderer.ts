import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { useReportFonts } from './fonts.js';
import { pdfStyles as S, type TextStyle } from './pdfStyles.js';
import type {
  ChecklistGroup,
  Entry,
  Fact,
  HeatMapRow,
  ReportBlock,
  ReportCover,
  ReportModel,
  ReportSection,
  ReportSubsection,
  TableCell,
  TableColumn,
} from './reportModelTypes.js';
import { TextEngine, type Align, type TextLayout, type TextRun } from './textLayout.js';

/**
 * Draws a report model as a tagged PDF/A-1b document. It only draws: every string comes worded
 * and formatted from the model, every measure from `pdfStyles`. There is one draw function per
 * block type; `drawBlock` picks it. Text is laid out once by `TextEngine` and the same layout
 * is used to measure (keep-together, table rows) and to draw.
 *
 * Tagging: meaningful text sits in structure elements (Document > Sect > H1/P/Table/L ...) added
 * in reading order; rules, fills, checkboxes and the running header and footer are artifacts.
 * Artifacts are drawn only between structure elements, never inside one: pdfkit closes any
 * open marked content when an artifact starts.
 */

type Doc = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;
type BlockOf<T extends ReportBlock['type']> = Extract<ReportBlock, { type: T }>;

interface Ctx {
  doc: Doc;
  text: TextEngine;
  /** The structure element that new elements are added to. */
  parent: StructElement;
}

/* The parts of pdfkit 0.20 that @types/pdfkit does not describe. */
interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean; fit?: boolean }): OutlineItem;
  options: Record<string, unknown>;
}
interface StructOptions {
  alt?: string;
  bbox?: [number, number, number, number];
  scope?: 'Row' | 'Column' | 'Both';
}

/* ----------------------------------------------------------------------------------------- */
/* Primitives                                                                                  */
/* ----------------------------------------------------------------------------------------- */

function left(doc: Doc): number {
  return doc.page.margins.left;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function maxY(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function pageContentHeight(doc: Doc): number {
  return maxY(doc) - doc.page.margins.top;
}

function newPage(doc: Doc): void {
  doc.addPage();
  doc.x = left(doc);
  doc.y = doc.page.margins.top;
}

/** Starts a new page unless `height` still fits below the current position. */
function ensureSpace(doc: Doc, height: number): void {
  const onFreshPage = doc.y <= doc.page.margins.top + 0.5;
  if (!onFreshPage && doc.y + height > maxY(doc)) newPage(doc);
}

function layout(ctx: Ctx, style: TextStyle, text: string, width: number, maxHeight?: number): TextLayout {
  return ctx.text.layout([{ text, style }], width, maxHeight === undefined ? {} : { maxHeight });
}

function layoutRuns(ctx: Ctx, runs: readonly TextRun[], width: number): TextLayout {
  return ctx.text.layout(runs, width);
}

/** Height of the first lines of a text: what must fit before it starts near a page foot. */
function leadOf(text: TextLayout, lines: number = S.space.minParagraphLines): number {
  return text.lines.slice(0, lines).reduce((sum, line) => sum + line.height, 0);
}

/** Adds a structure element whose content `draw` produces, in reading order. */
function tag(ctx: Ctx, type: string, draw: () => void, options: StructOptions = {}): void {
  ctx.parent.add(ctx.doc.struct(type, options, draw));
}

/** Adds a structure element that holds other elements; `fill` adds them. */
function group(ctx: Ctx, type: string, fill: (inner: Ctx) => void, options: StructOptions = {}): void {
  const element = ctx.doc.struct(type, options);
  ctx.parent.add(element);
  fill({ ...ctx, parent: element });
  element.end();
}

/** A structure element holding one laid-out text, drawn at (x, y); text may flow to the next page. */
function tagText(ctx: Ctx, type: string, text: TextLayout, x: number, y: number, width: number, flow = true, align: Align = 'left'): void {
  tag(ctx, type, () => {
    ctx.doc.y = flow ? ctx.text.flow(text, x, y, width, align) : ctx.text.draw(text, x, y, width, align);
  });
}

/** Draws decoration that carries no meaning (rules, fills, boxes) outside the structure tree. */
function artifact(doc: Doc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  doc.markContent('Artifact', { type });
  doc.save();
  draw();
  doc.restore();
  doc.endMarkedContent();
}

function pdfNumber(n: number): string {
  return (Math.round(n * 1000) / 1000).toString();
}

function pdfColour(hex: string, operator: 'rg' | 'RG'): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => pdfNumber(((value >> shift) & 0xff) / 255);
  return `${channel(16)} ${channel(8)} ${channel(0)} ${operator}`;
}

/**
 * Plain shapes (filled and outlined rectangles, lines), written as one block of PDF operators.
 * pdfkit's drawing calls write each operator separately, which adds up over hundreds of table
 * rows. Coordinates are pdfkit's (y down): the page's own transform applies.
 */
class Shapes {
  private readonly ops: string[] = [];

  fillRect(x: number, y: number, width: number, height: number, colour: string): this {
    this.ops.push(`${pdfColour(colour, 'rg')} ${pdfNumber(x)} ${pdfNumber(y)} ${pdfNumber(width)} ${pdfNumber(height)} re f`);
    return this;
  }

  strokeRect(x: number, y: number, width: number, height: number, colour: string, lineWidth: number): this {
    this.ops.push(`${pdfColour(colour, 'RG')} ${pdfNumber(lineWidth)} w ${pdfNumber(x)} ${pdfNumber(y)} ${pdfNumber(width)} ${pdfNumber(height)} re S`);
    return this;
  }

  line(x1: number, y1: number, x2: number, y2: number, colour: string, lineWidth: number): this {
    this.ops.push(`${pdfColour(colour, 'RG')} ${pdfNumber(lineWidth)} w ${pdfNumber(x1)} ${pdfNumber(y1)} m ${pdfNumber(x2)} ${pdfNumber(y2)} l S`);
    return this;
  }

  /** Writes the shapes as an artifact. */
  draw(doc: Doc): void {
    if (this.ops.length === 0) return;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.addContent(Buffer.from(`q ${this.ops.join(' ')} Q\n`, 'latin1'));
    doc.endMarkedContent();
  }
}

function hRule(doc: Doc, y: number, colour: string = S.colour.rule, width: number = S.line.rule): void {
  new Shapes().line(left(doc), y, left(doc) + contentWidth(doc), y, colour, width).draw(doc);
}

function checkboxShape(shapes: Shapes, x: number, y: number): Shapes {
  const size = S.space.checkboxSize;
  return shapes.strokeRect(x, y, size, size, S.colour.checkbox, S.line.checkbox);
}

function checkbox(doc: Doc, x: number, y: number): void {
  checkboxShape(new Shapes(), x, y).draw(doc);
}

/* ----------------------------------------------------------------------------------------- */
/* Tables (shared by table, facts and checklist blocks)                                       */
/* ----------------------------------------------------------------------------------------- */

interface GridCell {
  text: string;
  style: TextStyle;
  sub?: string;
  fill?: string;
  /** Draw an empty checkbox at the top left of the cell. */
  checkbox?: boolean;
  header?: boolean;
}

interface GridOptions {
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
    if (cell.checkbox) checkboxShape(shapes, x + S.space.cellPadX, y + S.space.cellPadY + 0.5);
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

function drawGrid(ctx: Ctx, grid: GridOptions): void {
  const { doc } = ctx;
  const boxed = grid.boxed === true;
  const header = grid.header ? layoutRow(ctx, grid.header, grid.widths) : undefined;
  const headerHeight = header?.height ?? 0;
  const rowLimit = pageContentHeight(doc) - headerHeight;

  group(ctx, 'Table', (table) => {
    const drawHeader = (): void => {
      if (!header) return;
      const y = doc.y;
      drawRowDecoration(doc, header, grid.widths, y, boxed, true);
      drawRowText(table, header, grid.widths, y, false);
      doc.y = y + headerHeight;
    };

    grid.rows.forEach((cells, index) => {
      const row = layoutRow(ctx, cells, grid.widths, grid.minRowHeight, rowLimit);
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

function columnWidths(doc: Doc, columns: readonly TableColumn[]): number[] {
  const total = contentWidth(doc);
  return columns.map((column) => column.width * total);
}

function tableCell(cell: TableCell): GridCell {
  const band = cell.band ? S.band[cell.band] : undefined;
  return {
    text: cell.text,
    style: cell.strong || band ? S.text.tableCellStrong : S.text.tableCell,
    ...(cell.sub ? { sub: cell.sub } : {}),
    ...(band ? { fill: band.fill } : {}),
  };
}

function headerCell(text: string): GridCell {
  return { text, style: S.text.tableHeader, header: true };
}

/* ----------------------------------------------------------------------------------------- */
/* Blocks: one draw function each, and how much room each needs to start (keep-with-next)     */
/* ----------------------------------------------------------------------------------------- */

const paragraphStyle = { lead: S.text.lead, body: S.text.body, muted: S.text.muted } as const;

function drawParagraph(ctx: Ctx, block: BlockOf<'paragraph'>): void {
  const { doc } = ctx;
  const width = contentWidth(doc);
  const text = layout(ctx, paragraphStyle[block.style], block.text, width);
  // Room for the first lines is enough: the rest flows on to the next page.
  ensureSpace(doc, leadOf(text));
  tagText(ctx, 'P', text, left(doc), doc.y, width);
  doc.x = left(doc);
  doc.y += S.space.paragraphGap;
}

function headingLayout(ctx: Ctx, text: string): TextLayout {
  return layout(ctx, S.text.h3, text, contentWidth(ctx.doc));
}

function drawHeading(ctx: Ctx, block: BlockOf<'heading'>, next: ReportBlock | undefined): void {
  const { doc } = ctx;
  const text = headingLayout(ctx, block.text);
  const height = S.space.headingBefore + text.height + S.space.headingAfter;
  ensureSpace(doc, height + (next ? leadHeight(ctx, next) : 0));
  if (doc.y > doc.page.margins.top + 0.5) doc.y += S.space.headingBefore;
  tagText(ctx, 'H3', text, left(doc), doc.y, contentWidth(doc), false);
  doc.y += S.space.headingAfter;
}

function factRows(rows: readonly Fact[]): GridCell[][] {
  return rows.map((row) => [
    { text: row.label, style: S.text.factLabel },
    { text: row.value, style: S.text.factValue },
  ]);
}

function factWidths(doc: Doc): number[] {
  const width = contentWidth(doc);
  const labelWidth = width * S.space.factLabelShare;
  return [labelWidth, width - labelWidth];
}

function drawFacts(ctx: Ctx, block: BlockOf<'facts'>): void {
  drawGrid(ctx, { widths: factWidths(ctx.doc), rows: factRows(block.rows), rowHeaders: true });
}

/** Between the value and the text of a compact rating. */
const compactGap = '  ·  ';

function ratingLayout(ctx: Ctx, block: BlockOf<'rating'>) {
  const width = contentWidth(ctx.doc);
  const pad = block.compact ? S.space.ratingPadCompact : S.space.ratingPad;
  const inner = width - 2 * pad - S.space.ratingBar;
  const valueStyle = { ...(block.compact ? S.text.ratingValueCompact : S.text.ratingValue), color: S.band[block.band].text };
  // Compact: label, value and text run on as one paragraph.
  const headline = block.compact
    ? layoutRuns(
        ctx,
        [
          { text: `${block.label} `, style: S.text.ratingLabel },
          { text: block.text ? `${block.value}${compactGap}` : block.value, style: valueStyle },
          ...(block.text ? [{ text: block.text, style: S.text.body }] : []),
        ],
        inner,
      )
    : layoutRuns(ctx, [{ text: `${block.label}\n`, style: S.text.ratingLabel }, { text: block.value, style: valueStyle }], inner);
  const text = block.text && !block.compact ? layout(ctx, S.text.body, block.text, inner) : undefined;
  const height = 2 * pad + headline.height + (text ? text.height + 3 : 0);
  return { pad, inner, headline, text, height, width };
}

function drawRating(ctx: Ctx, block: BlockOf<'rating'>): void {
  const { doc } = ctx;
  const band = S.band[block.band];
  const { pad, inner, headline, text, height, width } = ratingLayout(ctx, block);
  ensureSpace(doc, height);
  const top = doc.y;
  const x = left(doc) + S.space.ratingBar + pad;
  artifact(doc, () => {
    doc.rect(left(doc), top, width, height).fillColor(band.fill).fill();
    doc.rect(left(doc), top, S.space.ratingBar, height).fillColor(band.strong).fill();
  });
  tagText(ctx, 'P', headline, x, top + pad, inner, false);
  if (text) tagText(ctx, 'P', text, x, doc.y + 3, inner, false);
  doc.x = left(doc);
  doc.y = top + height + S.space.blockGap;
}

function drawList(ctx: Ctx, block: BlockOf<'list'>): void {
  const { doc } = ctx;
  const indent = S.space.listIndent;
  const width = contentWidth(doc) - indent;
  group(ctx, 'L', (list) => {
    block.items.forEach((item, index) => {
      const text = layout(ctx, S.text.body, item, width);
      const label = layout(ctx, S.text.listLabel, block.ordered ? `${index + 1}.` : '•', indent);
      ensureSpace(doc, leadOf(text));
      const y = doc.y;
      group(list, 'LI', (li) => {
        tagText(li, 'Lbl', label, left(doc), y, indent, false);
        tagText(li, 'LBody', text, left(doc) + indent, y, width);
      });
      doc.x = left(doc);
      doc.y += S.space.listItemGap;
    });
  });
  doc.y += S.space.blockGap - S.space.listItemGap;
}

function drawSteps(ctx: Ctx, block: BlockOf<'steps'>): void {
  const { doc } = ctx;
  const indent = S.space.stepIndent;
  const width = contentWidth(doc) - indent;
  group(ctx, 'L', (list) => {
    for (const item of block.items) {
      const text = layout(ctx, S.text.body, item, width);
      ensureSpace(doc, leadOf(text));
      const y = doc.y;
      checkbox(doc, left(doc), y + 1);
      group(list, 'LI', (li) => tagText(li, 'LBody', text, left(doc) + indent, y, width));
      doc.x = left(doc);
      doc.y += S.space.listItemGap + 1;
    }
  });
  doc.y += S.space.blockGap - S.space.listItemGap;
}

function drawTable(ctx: Ctx, block: BlockOf<'table'>): void {
  drawGrid(ctx, {
    widths: columnWidths(ctx.doc, block.columns),
    header: block.columns.map((column) => headerCell(column.header)),
    rows: block.rows.map((row) => row.map(tableCell)),
  });
}

function checklistWidths(doc: Doc): number[] {
  const total = contentWidth(doc);
  return [0.07, 0.5, 0.12, 0.17, 0.14].map((share) => share * total);
}

function checklistHeader(block: BlockOf<'checklist'>): GridCell[] {
  const h = block.headers;
  return [h.done, h.action, h.priority, h.owner, h.due].map(headerCell);
}

function checklistRows(timeframe: ChecklistGroup): GridCell[][] {
  return timeframe.items.map((item) => [
    { text: '', style: S.text.tableCell, checkbox: true },
    { text: item.text, style: S.text.tableCell, sub: item.detail },
    { text: item.priority, style: S.text.tableCellStrong, fill: S.band[item.band].fill },
    { text: '', style: S.text.tableCell },
    { text: '', style: S.text.tableCell },
  ]);
}

function checklistLead(ctx: Ctx, block: BlockOf<'checklist'>, timeframe: ChecklistGroup): number {
  const widths = checklistWidths(ctx.doc);
  const first = checklistRows(timeframe)[0];
  return (
    layoutRow(ctx, checklistHeader(block), widths).height + (first ? layoutRow(ctx, first, widths, S.space.checklistRowMin).height : 0)
  );
}

function drawChecklist(ctx: Ctx, block: BlockOf<'checklist'>): void {
  const { doc } = ctx;
  const widths = checklistWidths(doc);
  const header = checklistHeader(block);
  for (const timeframe of block.groups) {
    // The group title stays with the table header and its first row.
    const title = headingLayout(ctx, timeframe.title);
    ensureSpace(doc, S.space.headingBefore + title.height + S.space.headingAfter + checklistLead(ctx, block, timeframe));
    drawHeading(ctx, { type: 'heading', text: timeframe.title }, undefined);
    drawGrid(ctx, { widths, header, rows: checklistRows(timeframe), boxed: true, minRowHeight: S.space.checklistRowMin });
  }
}

function heatMapLayout(ctx: Ctx) {
  const width = contentWidth(ctx.doc);
  const labelWidth = S.space.heatLabelWidth;
  const cellWidth = (width - labelWidth) / 5;
  const cellHeight = S.space.heatCellHeight;
  const axisHeight = ctx.text.lineHeight(S.text.heatAxis) + 4;
  const gridHeight = cellHeight * 5;
  const legendHeight = ctx.text.lineHeight(S.text.legend) + 6;
  const height = axisHeight + gridHeight + S.space.heatColumnLabelHeight + axisHeight + legendHeight;
  return { width, labelWidth, cellWidth, cellHeight, axisHeight, gridHeight, legendHeight, height };
}

function drawHeatMapRow(ctx: Ctx, row: HeatMapRow, top: number, grid: ReturnType<typeof heatMapLayout>): void {
  const { doc, text } = ctx;
  const { labelWidth, cellWidth, cellHeight } = grid;
  const x0 = left(doc);
  const label = layout(ctx, S.text.heatLabel, row.label, labelWidth - 6);
  text.draw(label, x0, top + (cellHeight - label.height) / 2, labelWidth - 6, 'right');
  row.cells.forEach((cell, column) => {
    const x = x0 + labelWidth + column * cellWidth;
    const band = S.band[cell.band];
    doc.rect(x, top, cellWidth, cellHeight).fillColor(cell.refs ? band.strong : band.fill).fill();
    doc.rect(x, top, cellWidth, cellHeight).lineWidth(S.line.grid).strokeColor(S.colour.white).stroke();
    text.draw(layout(ctx, S.text.heatScore, String(cell.score), cellWidth - 6), x + 3, top + 3, cellWidth - 6, 'right');
    if (cell.refs) {
      const refs = layout(ctx, { ...S.text.heatRef, color: band.text }, cell.refs, cellWidth - 8, cellHeight - 8);
      text.draw(refs, x + 4, top + (cellHeight - refs.height) / 2 + 2, cellWidth - 8, 'center');
    }
  });
}

function drawHeatMap(ctx: Ctx, block: BlockOf<'heatMap'>): void {
  const { doc, text } = ctx;
  const grid = heatMapLayout(ctx);
  const key = block.key ? layout(ctx, S.text.muted, block.key, grid.width) : undefined;
  ensureSpace(doc, grid.height + (key?.height ?? 0));
  const top = doc.y;
  const x0 = left(doc);
  const gridTop = top + grid.axisHeight;
  const gridLeft = x0 + grid.labelWidth;
  const gridWidth = grid.cellWidth * 5;
  // The matrix is one figure with a description in words: the colours and positions are
  // its meaning, and the description says the same for screen readers.
  tag(
    ctx,
    'Figure',
    () => {
      text.draw(layout(ctx, S.text.heatAxis, block.likelihoodAxis, grid.labelWidth - 6), x0, top, grid.labelWidth - 6, 'right');
      block.rows.forEach((row, index) => drawHeatMapRow(ctx, row, gridTop + index * grid.cellHeight, grid));
      const labelsTop = gridTop + grid.gridHeight + 3;
      block.columnLabels.forEach((label, column) => {
        const x = gridLeft + column * grid.cellWidth + 2;
        text.draw(layout(ctx, S.text.heatLabel, label, grid.cellWidth - 4), x, labelsTop, grid.cellWidth - 4, 'center');
      });
      const axisTop = gridTop + grid.gridHeight + S.space.heatColumnLabelHeight;
      text.draw(layout(ctx, S.text.heatAxis, block.impactAxis, gridWidth), gridLeft, axisTop, gridWidth, 'center');
      let legendX = gridLeft;
      const legendY = axisTop + grid.axisHeight + 2;
      for (const item of block.legend) {
        doc.rect(legendX, legendY, S.space.heatSwatch, S.space.heatSwatch).fillColor(S.band[item.band].strong).fill();
        const label = layout(ctx, S.text.legend, item.label, grid.width);
        text.draw(label, legendX + S.space.heatSwatch + 4, legendY, label.width + 1);
        legendX += S.space.heatSwatch + 4 + label.width + 14;
      }
    },
    { alt: block.description, bbox: [x0, top, x0 + grid.width, top + grid.height] },
  );
  doc.x = x0;
  doc.y = top + grid.height + 2;
  if (key) tagText(ctx, 'P', key, x0, doc.y, grid.width);
  doc.y += S.space.blockGap;
}

function entryLayouts(ctx: Ctx, entry: Entry) {
  const width = contentWidth(ctx.doc);
  return {
    term: layout(ctx, S.text.entryTerm, entry.term, width),
    details: entry.details.map((detail) =>
      layoutRuns(
        ctx,
        detail.text
          ? [
              { text: `${detail.label} `, style: S.text.entryLabel },
              { text: detail.text, style: S.text.entryText },
            ]
          : [{ text: detail.label, style: S.text.entryLabel }],
        width,
      ),
    ),
  };
}

function entryLead(laid: ReturnType<typeof entryLayouts>): number {
  const first = laid.details[0];
  return laid.term.height + (first ? leadOf(first) + 1.5 : 0);
}

function drawEntries(ctx: Ctx, block: BlockOf<'entries'>): void {
  const { doc } = ctx;
  const width = contentWidth(doc);
  for (const entry of block.items) {
    const laid = entryLayouts(ctx, entry);
    ensureSpace(doc, entryLead(laid));
    tagText(ctx, 'P', laid.term, left(doc), doc.y, width);
    for (const detail of laid.details) {
      doc.y += 1.5;
      ensureSpace(doc, leadOf(detail, 1));
      tagText(ctx, 'P', detail, left(doc), doc.y, width);
    }
    doc.x = left(doc);
    doc.y += S.space.entryGap;
  }
}

function calloutLayout(ctx: Ctx, block: BlockOf<'callout'>) {
  const width = contentWidth(ctx.doc);
  const inner = width - 2 * S.space.calloutPad - S.space.calloutBar;
  const text = layout(ctx, S.text.body, block.text, inner);
  return { width, inner, text, height: text.height + 2 * S.space.calloutPad };
}

function drawCallout(ctx: Ctx, block: BlockOf<'callout'>): void {
  const { doc } = ctx;
  const { width, inner, text, height } = calloutLayout(ctx, block);
  ensureSpace(doc, height);
  const top = doc.y;
  const warning = block.tone === 'warning';
  artifact(doc, () => {
    doc.rect(left(doc), top, width, height).fillColor(warning ? S.colour.calloutWarningFill : S.colour.calloutInfoFill).fill();
    doc.rect(left(doc), top, S.space.calloutBar, height).fillColor(warning ? S.colour.calloutWarningBar : S.colour.accent).fill();
  });
  tagText(ctx, 'P', text, left(doc) + S.space.calloutBar + S.space.calloutPad, top + S.space.calloutPad, inner, false);
  doc.x = left(doc);
  doc.y = top + height + S.space.blockGap;
}

/** The room a block needs to start on this page, so a heading is never left alone at the foot. */
function leadHeight(ctx: Ctx, block: ReportBlock): number {
  const { doc } = ctx;
  const width = contentWidth(doc);
  switch (block.type) {
    case 'paragraph':
      return leadOf(layout(ctx, paragraphStyle[block.style], block.text, width));
    case 'heading':
      return headingLayout(ctx, block.text).height + S.space.headingBefore + S.space.headingAfter;
    case 'facts': {
      const first = factRows(block.rows)[0];
      return first ? layoutRow(ctx, first, factWidths(doc)).height : 0;
    }
    case 'rating':
      return ratingLayout(ctx, block).height;
    case 'list':
    case 'steps': {
      const first = block.items[0];
      return first ? leadOf(layout(ctx, S.text.body, first, width - S.space.listIndent)) : 0;
    }
    case 'table': {
      const widths = columnWidths(doc, block.columns);
      const header = layoutRow(ctx, block.columns.map((c) => headerCell(c.header)), widths).height;
      const first = block.rows[0];
      return header + (first ? layoutRow(ctx, first.map(tableCell), widths).height : 0);
    }
    case 'checklist': {
      const first = block.groups[0];
      return first ? headingLayout(ctx, first.title).height + S.space.headingAfter + checklistLead(ctx, block, first) : 0;
    }
    case 'heatMap':
      return heatMapLayout(ctx).height;
    case 'entries': {
      const first = block.items[0];
      return first ? entryLead(entryLayouts(ctx, first)) : 0;
    }
    case 'callout':
      return calloutLayout(ctx, block).height;
  }
}

function drawBlock(ctx: Ctx, block: ReportBlock, next: ReportBlock | undefined): void {
  switch (block.type) {
    case 'paragraph':
      return drawParagraph(ctx, block);
    case 'heading':
      return drawHeading(ctx, block, next);
    case 'facts':
      return drawFacts(ctx, block);
    case 'rating':
      return drawRating(ctx, block);
    case 'list':
      return drawList(ctx, block);
    case 'steps':
      return drawSteps(ctx, block);
    case 'table':
      return drawTable(ctx, block);
    case 'checklist':
      return drawChecklist(ctx, block);
    case 'heatMap':
      return drawHeatMap(ctx, block);
    case 'entries':
      return drawEntries(ctx, block);
    case 'callout':
      return drawCallout(ctx, block);
  }
}

function drawBlocks(ctx: Ctx, blocks: readonly ReportBlock[]): void {
  blocks.forEach((block, index) => drawBlock(ctx, block, blocks[index + 1]));
}

/* ----------------------------------------------------------------------------------------- */
/* Pages: cover, sections, running header and footer                                          */
/* ----------------------------------------------------------------------------------------- */

/** The company name on the cover: at most this high, cut with an ellipsis beyond. */
const coverCompanyMaxHeight = 160;

function drawCover(ctx: Ctx, cover: ReportCover): void {
  const { doc } = ctx;
  const width = contentWidth(doc);
  const x = left(doc);
  artifact(doc, () => {
    doc.rect(0, 0, doc.page.width, 10).fillColor(S.colour.heading).fill();
  });
  doc.y = doc.page.margins.top + 40;
  group(ctx, 'Sect', (sect) => {
    tagText(sect, 'P', layout(ctx, S.text.coverKicker, cover.kicker, width), x, doc.y, width, false);
    tagText(sect, 'H1', layout(ctx, S.text.coverTitle, cover.title, width), x, doc.y + 6, width, false);
    const ruleY = doc.y + 14;
    hRule(doc, ruleY, S.colour.accent, S.line.headingRule);
    tagText(sect, 'P', layout(ctx, S.text.coverCompany, cover.company, width, coverCompanyMaxHeight), x, ruleY + 16, width, false);
    doc.x = x;
    doc.y += 22;
    drawFacts(sect, { type: 'facts', rows: cover.facts });
    doc.y += 8;
    drawRating(sect, { type: 'rating', label: cover.rating.label, value: cover.rating.value, band: cover.rating.band, text: '' });
    const notice = layout(ctx, S.text.coverNotice, cover.notice, width);
    const noticeY = Math.max(doc.y + 10, maxY(doc) - notice.height);
    hRule(doc, noticeY - 8);
    tagText(sect, 'P', notice, x, noticeY, width, false);
  });
}

function drawSectionTitle(ctx: Ctx, level: 'H1' | 'H2', title: string): void {
  const { doc } = ctx;
  const width = contentWidth(doc);
  tagText(ctx, level, layout(ctx, level === 'H1' ? S.text.h1 : S.text.h2, title, width), left(doc), doc.y, width, false);
  if (level === 'H1') {
    const ruleY = doc.y + 4;
    hRule(doc, ruleY, S.colour.accent, S.line.headingRule);
    doc.y = ruleY + S.space.h1After;
  } else {
    doc.y += S.space.h2After;
  }
  doc.x = left(doc);
}

function drawSubsection(ctx: Ctx, outline: OutlineItem, subsection: ReportSubsection, sharesSectionPage: boolean): void {
  const { doc } = ctx;
  const first = subsection.blocks[0];
  if (subsection.newPage && !sharesSectionPage) {
    newPage(doc);
  } else {
    doc.y += S.space.headingBefore * 2;
    const title = layout(ctx, S.text.h2, subsection.title, contentWidth(doc));
    ensureSpace(doc, title.height + S.space.h2After + (first ? leadHeight(ctx, first) : 0));
  }
  outline.addItem(subsection.title);
  group(ctx, 'Sect', (sect) => {
    drawSectionTitle(sect, 'H2', subsection.title);
    drawBlocks(sect, subsection.blocks);
  });
}

function drawSection(ctx: Ctx, section: ReportSection): void {
  const { doc } = ctx;
  newPage(doc);
  const startPage = doc.bufferedPageRange().count - 1;
  // `fit`: pdfkit's other destination (XYZ) points at the right edge of the page.
  const item = (doc.outline as unknown as OutlineItem).addItem(section.title, { expanded: section.subsections.length > 0, fit: true });
  group(ctx, 'Sect', (sect) => {
    drawSectionTitle(sect, 'H1', section.title);
    drawBlocks(sect, section.blocks);
    // The first subsection may share the page of a section's short introduction.
    const introOnly = doc.bufferedPageRange().count - 1 === startPage && doc.y < doc.page.height / 3;
    section.subsections.forEach((subsection, index) => drawSubsection(sect, item, subsection, index === 0 && introOnly));
  });
}

function drawRunningHeaderAndFooter(ctx: Ctx, model: ReportModel): void {
  const { doc, text } = ctx;
  const range = doc.bufferedPageRange();
  const x = left(doc);
  const width = contentWidth(doc);
  const half = width / 2 - 6;
  const oneLine = (style: TextStyle, value: string) => layout(ctx, style, value, half, text.lineHeight(style));
  const headerLeft = oneLine(S.text.runningStrong, model.header.left);
  const headerRight = oneLine(S.text.running, model.header.right);
  const footerLeft = oneLine(S.text.running, model.footer.left);
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const pageLabel = model.footer.pageTemplate.replace('{page}', String(index + 1)).replace('{pages}', String(range.count));
    const footerY = doc.page.height - S.space.footerOffset;
    artifact(
      doc,
      () => {
        if (index > 0) {
          text.draw(headerLeft, x, S.space.headerY, half);
          text.draw(headerRight, x + width - half, S.space.headerY, half, 'right');
          doc.moveTo(x, S.space.headerRuleY).lineTo(x + width, S.space.headerRuleY).lineWidth(S.line.rule).strokeColor(S.colour.rule).stroke();
        }
        const ruleY = doc.page.height - S.space.footerRuleOffset;
        doc.moveTo(x, ruleY).lineTo(x + width, ruleY).lineWidth(S.line.rule).strokeColor(S.colour.rule).stroke();
        text.draw(footerLeft, x, footerY, half);
        text.draw(oneLine(S.text.runningStrong, pageLabel), x + width - half, footerY, half, 'right');
      },
      'Pagination',
    );
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * pdfkit writes the document info into the XMP metadata as is, and an `&` or `<` there makes
 * PDF/A validators reject the file. The info dictionary itself is written first and must keep
 * the text as given, so the XMP copies are escaped only just before the metadata is written.
 * PDF/A also wants the modification date in both places.
 */
function prepareMetadata(doc: Doc, modified: Date): void {
  const writeMetadata = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    const info = doc.info as unknown as Record<string, unknown>;
    for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer']) {
      const value = info[key];
      if (typeof value === 'string') info[key] = escapeXml(value);
    }
    const stamp = `${modified.toISOString().split('.')[0] ?? ''}Z`;
    doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${stamp}</xmp:ModifyDate>
            <xmp:MetadataDate>${stamp}</xmp:MetadataDate>
        </rdf:Description>
        `);
    writeMetadata();
  };
}

/** Strips what has no place in document metadata: control characters and break opportunities. */
function plain(text: string): string {
  return text.replace(/[\p{Cc}\u200b]/gu, '');
}

function createDocument(model: ReportModel): Doc {
  const issuedAt = new Date(model.issuedAtIso);
  const info = model.documentInfo;
  const doc = new PDFDocument({
    size: S.page.size,
    margins: S.page.margins,
    pdfVersion: '1.4',
    subset: 'PDF/A-1b',
    tagged: true,
    lang: model.lang,
    displayTitle: true,
    bufferPages: true,
    // No default font: pdfkit would load Helvetica, or parse DejaVu again; see useReportFonts.
    font: null as unknown as string,
    info: {
      Title: plain(info.title),
      Author: plain(info.author),
      Subject: plain(info.subject),
      Keywords: plain(info.keywords),
      Creator: plain(info.creator),
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
  });
  // PDF/A validators reject an outline root without /Count; an expanded root has one.
  const outline = doc.outline as unknown as OutlineItem;
  outline.options = { ...outline.options, expanded: true };
  prepareMetadata(doc, issuedAt);
  useReportFonts(doc);
  return doc;
}

/** The part of a pdfkit page's content stream that `compressPageContents` uses. */
interface ContentStream {
  buffer: Uint8Array[];
  compress: boolean;
  data: Record<string, unknown>;
}

/**
 * Compresses the pages' content streams at zlib level 1 instead of pdfkit's default 6. Text
 * streams of glyph codes compress almost as well (a few per cent larger) in a third of the time;
 * at the default, compression is a fifth of a report's rendering time. Done once all drawing
 * is over; a page with marked content still open (never expected) is left to pdfkit.
 */
function compressPageContents(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    const page = doc.switchToPage(index) as unknown as { content?: ContentStream; markings?: unknown[] };
    const content = page.content;
    if (!content || !Array.isArray(content.buffer) || !content.compress || (page.markings?.length ?? 0) > 0) continue;
    content.buffer = [deflateSync(Buffer.concat(content.buffer), { level: 1 })];
    content.data.Filter = 'FlateDecode';
    content.compress = false;
  }
}

/** The part of pdfkit's output machinery that `captureOutput` replaces. */
interface DocumentOutput {
  _write(data: Uint8Array | string): void;
  _offset: number;
  read(): Buffer | null;
}

/**
 * Collects the document's bytes as pdfkit writes them. pdfkit pushes every object through a
 * Node stream, converting each string one character at a time, and the stream copies each
 * chunk again: for a report of a thousand objects that was a fifth of the rendering time.
 * Writing into an array gives the same bytes (strings hold only 8-bit characters, as pdfkit
 * assumes) and keeps pdfkit's byte count for the cross-reference table. Whatever pdfkit wrote
 * before (the file header) is taken from the stream first. Falls back to the stream if the
 * internals are not there.
 */
function captureOutput(doc: Doc): () => Buffer {
  const output = doc as unknown as DocumentOutput;
  const chunks: Uint8Array[] = [];
  if (typeof output._write !== 'function' || typeof output._offset !== 'number') {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    return () => Buffer.concat(chunks);
  }
  const head = output.read();
  if (head) chunks.push(head);
  output._write = (data) => {
    const bytes = typeof data === 'string' ? Buffer.from(`${data}\n`, 'latin1') : data;
    chunks.push(bytes);
    output._offset += bytes.length;
  };
  return () => Buffer.concat(chunks);
}

/** Draws the whole report. The same model always gives the same bytes. */
export function renderReportPdf(model: ReportModel): Promise<Buffer> {
  try {
    const doc = createDocument(model);
    const bytes = captureOutput(doc);
    const root = doc.struct('Document');
    doc.addStructure(root);
    const ctx: Ctx = { doc, text: new TextEngine(doc), parent: root };
    (doc.outline as unknown as OutlineItem).addItem(model.labels.cover);
    drawCover(ctx, model.cover);
    for (const section of model.sections) drawSection(ctx, section);
    root.end();
    drawRunningHeaderAndFooter(ctx, model);
    compressPageContents(doc);
    // pdfkit finishes the file within end(): every object is written by the time it returns.
    doc.end();
    const pdf = bytes();
    if (!pdf.subarray(-8).toString('latin1').trimEnd().endsWith('%%EOF')) throw new Error('The PDF was not finished');
    return Promise.resolve(pdf);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** A small model that touches every block type: rendered once to warm a fresh worker up. */
const warmUpModel: ReportModel = {
  lang: 'en',
  companyName: 'Warm-up',
  issuedAtIso: '2000-01-01T00:00:00.000Z',
  documentInfo: { title: 'Warm-up', author: 'RiskPlan', subject: 'Warm-up', keywords: 'warm-up', creator: 'RiskPlan' },
  header: { left: 'Warm-up ə ğ ı ş ქ Ж', right: '1 January 2000' },
  footer: { left: 'Warm-up', pageTemplate: '{page}/{pages}' },
  labels: { contents: 'Contents', cover: 'Cover' },
  cover: { kicker: 'W', title: 'Warm-up', company: 'Warm-up', facts: [{ label: 'a', value: 'b' }], rating: { label: 'r', value: 'Low', band: 'low' }, notice: 'n' },
  sections: [
    {
      id: 'warm-up',
      title: 'Warm-up',
      blocks: [
        { type: 'paragraph', text: 'Paragraph', style: 'body' },
        { type: 'heading', text: 'Heading' },
        { type: 'list', ordered: true, items: ['one'] },
        { type: 'steps', items: ['step'] },
        { type: 'table', columns: [{ header: 'h', width: 1 }], rows: [[{ text: 'cell', sub: 'sub', band: 'high' }]] },
        { type: 'rating', label: 'r', value: 'High', band: 'high', text: 't', compact: true },
        { type: 'callout', text: 'callout', tone: 'info' },
        { type: 'entries', items: [{ term: 'term', details: [{ label: 'a', text: 'b' }] }] },
        {
          type: 'checklist',
          headers: { done: 'd', action: 'a', priority: 'p', owner: 'o', due: 'u' },
          groups: [{ title: 'g', items: [{ text: 't', detail: 'd', priority: 'p', band: 'medium' }] }],
        },
        {
          type: 'heatMap',
          description: 'd',
          likelihoodAxis: 'L',
          impactAxis: 'I',
          rows: [{ label: '1', cells: [{ band: 'low', score: 1, refs: 'R1', description: 'd' }] }],
          columnLabels: ['1'],
          legend: [{ band: 'low', label: 'Low' }],
          key: 'k',
        },
      ],
      subsections: [{ id: 'sub', title: 'Sub', newPage: false, blocks: [] }],
    },
  ],
};

/** Parses the fonts and runs every draw function once, so that the first real render is quick. */
export async function warmUpPdfRenderer(): Promise<void> {
  await renderReportPdf(warmUpModel);
}
