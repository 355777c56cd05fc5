import PDFDocument from 'pdfkit';
import { reportFonts, useReportFonts } from './fonts.js';
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

/**
 * Draws a report model as a tagged PDF/A-1b document. It only draws: every string comes worded
 * and formatted from the model, every measure from `pdfStyles`. There is one draw function per
 * block type; `drawBlock` picks it.
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
  /** The structure element that new elements are added to. */
  parent: StructElement;
}

/* The parts of pdfkit 0.20 that @types/pdfkit does not describe. */
interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
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

function use(doc: Doc, style: TextStyle): Doc {
  return doc.font(reportFonts[style.font]).fontSize(style.size).fillColor(style.color);
}

function heightOf(doc: Doc, style: TextStyle, text: string, width: number): number {
  use(doc, style);
  return doc.heightOfString(text, { width, lineGap: style.lineGap });
}

function lineHeight(doc: Doc, style: TextStyle): number {
  use(doc, style);
  return doc.currentLineHeight(true) + style.lineGap;
}

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

/** Adds a structure element whose content `draw` produces, in reading order. */
function tag(ctx: Ctx, type: string, draw: () => void, options: StructOptions = {}): void {
  ctx.parent.add(ctx.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions, draw));
}

/** Adds a structure element that holds other elements; `fill` adds them. */
function group(ctx: Ctx, type: string, fill: (inner: Ctx) => void, options: StructOptions = {}): void {
  const element = ctx.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
  ctx.parent.add(element);
  fill({ doc: ctx.doc, parent: element });
  element.end();
}

/** Draws decoration that carries no meaning (rules, fills, boxes) outside the structure tree. */
function artifact(doc: Doc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  doc.markContent('Artifact', { type });
  doc.save();
  draw();
  doc.restore();
  doc.endMarkedContent();
}

function writeText(doc: Doc, style: TextStyle, text: string, x: number, y: number, width: number, extra: PDFKit.Mixins.TextOptions = {}): void {
  use(doc, style);
  doc.text(text, x, y, { width, lineGap: style.lineGap, ...extra });
}

function hRule(doc: Doc, y: number, colour: string = S.colour.rule, width: number = S.line.rule): void {
  artifact(doc, () => {
    doc
      .moveTo(left(doc), y)
      .lineTo(left(doc) + contentWidth(doc), y)
      .lineWidth(width)
      .strokeColor(colour)
      .stroke();
  });
}

function checkbox(doc: Doc, x: number, y: number): void {
  const size = S.space.checkboxSize;
  artifact(doc, () => {
    doc.rect(x, y, size, size).lineWidth(S.line.checkbox).strokeColor(S.colour.checkbox).stroke();
  });
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

function cellHeight(doc: Doc, cell: GridCell, width: number): number {
  const inner = width - 2 * S.space.cellPadX;
  let height = cell.text ? heightOf(doc, cell.style, cell.text, inner) : 0;
  if (cell.sub) height += 2 + heightOf(doc, S.text.tableSub, cell.sub, inner);
  if (cell.checkbox) height = Math.max(height, S.space.checkboxSize);
  return height + 2 * S.space.cellPadY;
}

function rowHeight(doc: Doc, cells: readonly GridCell[], widths: readonly number[], min = 0): number {
  return Math.max(min, ...cells.map((cell, i) => cellHeight(doc, cell, widths[i] ?? 0)));
}

function drawRowDecoration(doc: Doc, cells: readonly GridCell[], widths: readonly number[], y: number, height: number, boxed: boolean, isHeader: boolean): void {
  artifact(doc, () => {
    let x = left(doc);
    cells.forEach((cell, i) => {
      const width = widths[i] ?? 0;
      const fill = isHeader ? S.colour.tableHeaderFill : cell.fill;
      if (fill) doc.rect(x, y, width, height).fillColor(fill).fill();
      if (boxed) doc.rect(x, y, width, height).lineWidth(S.line.grid).strokeColor(S.colour.gridRule).stroke();
      x += width;
    });
    if (!boxed) {
      const right = left(doc) + widths.reduce((a, b) => a + b, 0);
      doc
        .moveTo(left(doc), y + height)
        .lineTo(right, y + height)
        .lineWidth(isHeader ? S.line.rule * 1.6 : S.line.rule)
        .strokeColor(isHeader ? S.colour.gridRule : S.colour.rule)
        .stroke();
    }
  });
  let x = left(doc);
  cells.forEach((cell, i) => {
    if (cell.checkbox) checkbox(doc, x + S.space.cellPadX, y + S.space.cellPadY + 0.5);
    x += widths[i] ?? 0;
  });
}

function drawRowText(ctx: Ctx, cells: readonly GridCell[], widths: readonly number[], y: number, height: number, rowHeaders: boolean): void {
  const { doc } = ctx;
  group(ctx, 'TR', (row) => {
    let x = left(doc);
    cells.forEach((cell, i) => {
      const width = widths[i] ?? 0;
      const inner = width - 2 * S.space.cellPadX;
      const isHeader = cell.header === true || (rowHeaders && i === 0);
      const scope = cell.header ? 'Column' : 'Row';
      const cellX = x;
      tag(
        row,
        isHeader ? 'TH' : 'TD',
        () => {
          if (!cell.text) return;
          // A cell never grows past the page: text that cannot fit is cut with an ellipsis
          // (the appendix holds every answer in full).
          const limit = height - 2 * S.space.cellPadY;
          writeText(doc, cell.style, cell.text, cellX + S.space.cellPadX, y + S.space.cellPadY, inner, {
            height: limit,
            ellipsis: true,
          });
          if (cell.sub) {
            writeText(doc, S.text.tableSub, cell.sub, cellX + S.space.cellPadX, doc.y + 2, inner, {
              height: Math.max(1, y + height - S.space.cellPadY - doc.y - 2),
              ellipsis: true,
            });
          }
        },
        isHeader ? { scope } : {},
      );
      x += width;
    });
  });
}

function drawGrid(ctx: Ctx, grid: GridOptions): void {
  const { doc } = ctx;
  const boxed = grid.boxed === true;
  const pageLimit = pageContentHeight(doc);
  const headerHeight = grid.header ? rowHeight(doc, grid.header, grid.widths) : 0;

  group(ctx, 'Table', (table) => {
    const drawHeader = (): void => {
      if (!grid.header) return;
      const y = doc.y;
      drawRowDecoration(doc, grid.header, grid.widths, y, headerHeight, boxed, true);
      drawRowText(table, grid.header, grid.widths, y, headerHeight, false);
      doc.y = y + headerHeight;
    };

    grid.rows.forEach((cells, index) => {
      const height = Math.min(rowHeight(doc, cells, grid.widths, grid.minRowHeight), pageLimit - headerHeight);
      const needsBreak = doc.y + height > maxY(doc);
      if (index === 0 || needsBreak) {
        if (needsBreak || doc.y + headerHeight + height > maxY(doc)) newPage(doc);
        drawHeader();
      }
      const y = doc.y;
      drawRowDecoration(doc, cells, grid.widths, y, height, boxed, false);
      drawRowText(table, cells, grid.widths, y, height, grid.rowHeaders === true);
      doc.x = left(doc);
      doc.y = y + height;
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
  const style = paragraphStyle[block.style];
  const width = contentWidth(doc);
  const full = heightOf(doc, style, block.text, width);
  ensureSpace(doc, Math.min(full, lineHeight(doc, style) * S.space.minParagraphLines));
  const y = doc.y;
  tag(ctx, 'P', () => writeText(doc, style, block.text, left(doc), y, width));
  doc.x = left(doc);
  doc.y += S.space.paragraphGap;
}

function drawHeading(ctx: Ctx, block: BlockOf<'heading'>, next: ReportBlock | undefined): void {
  const { doc } = ctx;
  const width = contentWidth(doc);
  const height = S.space.headingBefore + heightOf(doc, S.text.h3, block.text, width) + S.space.headingAfter;
  ensureSpace(doc, height + (next ? leadHeight(doc, next) : 0));
  if (doc.y > doc.page.margins.top + 0.5) doc.y += S.space.headingBefore;
  const y = doc.y;
  tag(ctx, 'H3', () => writeText(doc, S.text.h3, block.text, left(doc), y, width));
  doc.y += S.space.headingAfter;
}

function drawFacts(ctx: Ctx, block: BlockOf<'facts'>): void {
  const { doc } = ctx;
  const width = contentWidth(doc);
  const labelWidth = width * S.space.factLabelShare;
  drawGrid(ctx, {
    widths: [labelWidth, width - labelWidth],
    rows: block.rows.map((row: Fact) => [
      { text: row.label, style: S.text.factLabel },
      { text: row.value, style: S.text.factValue },
    ]),
    rowHeaders: true,
  });
}

function ratingHeight(doc: Doc, block: BlockOf<'rating'>, width: number): number {
  const inner = width - 2 * S.space.ratingPad - S.space.ratingBar;
  return (
    2 * S.space.ratingPad +
    heightOf(doc, S.text.ratingLabel, block.label, inner) +
    heightOf(doc, S.text.ratingValue, block.value, inner) +
    4 +
    (block.text ? heightOf(doc, S.text.body, block.text, inner) + 2 : 0)
  );
}

function drawRating(ctx: Ctx, block: BlockOf<'rating'>): void {
  const { doc } = ctx;
  const width = contentWidth(doc);
  const band = S.band[block.band];
  const height = ratingHeight(doc, block, width);
  ensureSpace(doc, height);
  const top = doc.y;
  const x = left(doc) + S.space.ratingBar + S.space.ratingPad;
  const inner = width - 2 * S.space.ratingPad - S.space.ratingBar;
  artifact(doc, () => {
    doc.rect(left(doc), top, width, height).fillColor(band.fill).fill();
    doc.rect(left(doc), top, S.space.ratingBar, height).fillColor(band.strong).fill();
  });
  tag(ctx, 'P', () => {
    writeText(doc, S.text.ratingLabel, block.label, x, top + S.space.ratingPad, inner);
    writeText(doc, { ...S.text.ratingValue, color: band.text }, block.value, x, doc.y + 1, inner);
  });
  if (block.text) {
    const y = doc.y + 4;
    tag(ctx, 'P', () => writeText(doc, S.text.body, block.text, x, y, inner));
  }
  doc.x = left(doc);
  doc.y = top + height + S.space.blockGap;
}

function drawList(ctx: Ctx, block: BlockOf<'list'>): void {
  const { doc } = ctx;
  const indent = S.space.listIndent;
  const width = contentWidth(doc) - indent;
  group(ctx, 'L', (list) => {
    block.items.forEach((item, index) => {
      ensureSpace(doc, Math.min(heightOf(doc, S.text.body, item, width), lineHeight(doc, S.text.body) * 2));
      const y = doc.y;
      group(list, 'LI', (li) => {
        tag(li, 'Lbl', () => writeText(doc, S.text.listLabel, block.ordered ? `${index + 1}.` : '•', left(doc), y, indent));
        tag(li, 'LBody', () => writeText(doc, S.text.body, item, left(doc) + indent, y, width));
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
      ensureSpace(doc, Math.min(heightOf(doc, S.text.body, item, width), lineHeight(doc, S.text.body) * 2));
      const y = doc.y;
      checkbox(doc, left(doc), y + 1);
      group(list, 'LI', (li) => {
        tag(li, 'LBody', () => writeText(doc, S.text.body, item, left(doc) + indent, y, width));
      });
      doc.x = left(doc);
      doc.y += S.space.listItemGap + 1;
    }
  });
  doc.y += S.space.blockGap - S.space.listItemGap;
}

function drawTable(ctx: Ctx, block: BlockOf<'table'>): void {
  const widths = columnWidths(ctx.doc, block.columns);
  drawGrid(ctx, {
    widths,
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

function checklistRows(group: ChecklistGroup): GridCell[][] {
  return group.items.map((item) => [
    { text: '', style: S.text.tableCell, checkbox: true },
    { text: item.text, style: S.text.tableCell, sub: item.detail },
    { text: item.priority, style: S.text.tableCellStrong, fill: S.band[item.band].fill },
    { text: '', style: S.text.tableCell },
    { text: '', style: S.text.tableCell },
  ]);
}

function drawChecklist(ctx: Ctx, block: BlockOf<'checklist'>): void {
  const { doc } = ctx;
  const widths = checklistWidths(doc);
  const header = checklistHeader(block);
  for (const timeframe of block.groups) {
    const rows = checklistRows(timeframe);
    const first = rows[0];
    const keep = first ? rowHeight(doc, header, widths) + rowHeight(doc, first, widths, S.space.checklistRowMin) : 0;
    drawHeading(ctx, { type: 'heading', text: timeframe.title }, undefined);
    // Keep the group title with its first row: move both over when they do not fit together.
    if (doc.y + keep > maxY(doc)) newPage(doc);
    drawGrid(ctx, { widths, header, rows, boxed: true, minRowHeight: S.space.checklistRowMin });
  }
}

function heatMapLayout(doc: Doc) {
  const width = contentWidth(doc);
  const labelWidth = S.space.heatLabelWidth;
  const cellWidth = (width - labelWidth) / 5;
  const cellHeight = S.space.heatCellHeight;
  const axisHeight = lineHeight(doc, S.text.heatAxis) + 4;
  const gridHeight = cellHeight * 5;
  const legendHeight = lineHeight(doc, S.text.legend) + 6;
  const height = axisHeight + gridHeight + S.space.heatColumnLabelHeight + axisHeight + legendHeight;
  return { width, labelWidth, cellWidth, cellHeight, axisHeight, gridHeight, legendHeight, height };
}

function drawHeatMapRow(doc: Doc, row: HeatMapRow, top: number, layout: ReturnType<typeof heatMapLayout>): void {
  const { labelWidth, cellWidth, cellHeight } = layout;
  const x0 = left(doc);
  const labelHeight = heightOf(doc, S.text.heatLabel, row.label, labelWidth - 6);
  writeText(doc, S.text.heatLabel, row.label, x0, top + (cellHeight - labelHeight) / 2, labelWidth - 6, { align: 'right' });
  row.cells.forEach((cell, column) => {
    const x = x0 + labelWidth + column * cellWidth;
    const band = S.band[cell.band];
    doc.rect(x, top, cellWidth, cellHeight).fillColor(cell.refs ? band.strong : band.fill).fill();
    doc.rect(x, top, cellWidth, cellHeight).lineWidth(S.line.grid).strokeColor(S.colour.white).stroke();
    writeText(doc, S.text.heatScore, String(cell.score), x + 3, top + 3, cellWidth - 6, { align: 'right' });
    if (cell.refs) {
      const refHeight = heightOf(doc, S.text.heatRef, cell.refs, cellWidth - 8);
      writeText(doc, { ...S.text.heatRef, color: band.text }, cell.refs, x + 4, top + (cellHeight - refHeight) / 2 + 2, cellWidth - 8, {
        align: 'center',
        height: cellHeight - 8,
        ellipsis: true,
      });
    }
  });
}

function drawHeatMap(ctx: Ctx, block: BlockOf<'heatMap'>): void {
  const { doc } = ctx;
  const layout = heatMapLayout(doc);
  ensureSpace(doc, layout.height + heightOf(doc, S.text.muted, block.key, layout.width));
  const top = doc.y;
  const x0 = left(doc);
  const gridTop = top + layout.axisHeight;
  const gridLeft = x0 + layout.labelWidth;
  const gridWidth = layout.cellWidth * 5;
  // The matrix is one figure with a description in words: the colours and positions are
  // its meaning, and the description says the same for screen readers.
  tag(
    ctx,
    'Figure',
    () => {
      writeText(doc, S.text.heatAxis, block.likelihoodAxis, x0, top, layout.labelWidth - 6, { align: 'right' });
      block.rows.forEach((row, index) => drawHeatMapRow(doc, row, gridTop + index * layout.cellHeight, layout));
      const labelsTop = gridTop + layout.gridHeight + 3;
      block.columnLabels.forEach((label, column) => {
        writeText(doc, S.text.heatLabel, label, gridLeft + column * layout.cellWidth + 2, labelsTop, layout.cellWidth - 4, { align: 'center' });
      });
      const axisTop = gridTop + layout.gridHeight + S.space.heatColumnLabelHeight;
      writeText(doc, S.text.heatAxis, block.impactAxis, gridLeft, axisTop, gridWidth, { align: 'center' });
      let legendX = gridLeft;
      const legendY = axisTop + layout.axisHeight + 2;
      for (const item of block.legend) {
        doc.rect(legendX, legendY, S.space.heatSwatch, S.space.heatSwatch).fillColor(S.band[item.band].strong).fill();
        use(doc, S.text.legend);
        const labelWidth = doc.widthOfString(item.label) + 2;
        writeText(doc, S.text.legend, item.label, legendX + S.space.heatSwatch + 4, legendY, labelWidth + 2, { lineBreak: false });
        legendX += S.space.heatSwatch + 4 + labelWidth + 14;
      }
    },
    { alt: block.description, bbox: [x0, top, x0 + layout.width, top + layout.height] },
  );
  doc.x = x0;
  doc.y = top + layout.height + 2;
  if (block.key) drawParagraph(ctx, { type: 'paragraph', text: block.key, style: 'muted' });
  doc.y += S.space.blockGap - S.space.paragraphGap;
}

function entryLead(doc: Doc, entry: Entry, width: number): number {
  const first = entry.details[0];
  return heightOf(doc, S.text.entryTerm, entry.term, width) + (first ? lineHeight(doc, S.text.entryText) * 2 : 0);
}

function drawEntries(ctx: Ctx, block: BlockOf<'entries'>): void {
  const { doc } = ctx;
  const width = contentWidth(doc);
  for (const entry of block.items) {
    ensureSpace(doc, entryLead(doc, entry, width));
    const termY = doc.y;
    tag(ctx, 'P', () => writeText(doc, S.text.entryTerm, entry.term, left(doc), termY, width));
    for (const detail of entry.details) {
      doc.y += 1.5;
      ensureSpace(doc, lineHeight(doc, S.text.entryText));
      const startY = doc.y;
      tag(ctx, 'P', () => {
        use(doc, S.text.entryLabel);
        doc.text(`${detail.label} `, left(doc), startY, { width, lineGap: S.text.entryText.lineGap, continued: true });
        use(doc, S.text.entryText);
        doc.text(detail.text, { width, lineGap: S.text.entryText.lineGap, continued: false });
      });
    }
    doc.x = left(doc);
    doc.y += S.space.entryGap;
  }
}

function calloutHeight(doc: Doc, block: BlockOf<'callout'>, width: number): number {
  return heightOf(doc, S.text.body, block.text, width - 2 * S.space.calloutPad - S.space.calloutBar) + 2 * S.space.calloutPad;
}

function drawCallout(ctx: Ctx, block: BlockOf<'callout'>): void {
  const { doc } = ctx;
  const width = contentWidth(doc);
  const height = calloutHeight(doc, block, width);
  ensureSpace(doc, height);
  const top = doc.y;
  const warning = block.tone === 'warning';
  artifact(doc, () => {
    doc.rect(left(doc), top, width, height).fillColor(warning ? S.colour.calloutWarningFill : S.colour.calloutInfoFill).fill();
    doc.rect(left(doc), top, S.space.calloutBar, height).fillColor(warning ? S.colour.calloutWarningBar : S.colour.accent).fill();
  });
  const x = left(doc) + S.space.calloutBar + S.space.calloutPad;
  tag(ctx, 'P', () => writeText(doc, S.text.body, block.text, x, top + S.space.calloutPad, width - 2 * S.space.calloutPad - S.space.calloutBar));
  doc.x = left(doc);
  doc.y = top + height + S.space.blockGap;
}

/** The room a block needs to start on this page, so a heading is never left alone at the foot. */
function leadHeight(doc: Doc, block: ReportBlock): number {
  const width = contentWidth(doc);
  switch (block.type) {
    case 'paragraph': {
      const style = paragraphStyle[block.style];
      return Math.min(heightOf(doc, style, block.text, width), lineHeight(doc, style) * 3);
    }
    case 'heading':
      return heightOf(doc, S.text.h3, block.text, width) + S.space.headingBefore + S.space.headingAfter;
    case 'facts': {
      const labelWidth = width * S.space.factLabelShare;
      const first = block.rows[0];
      return first ? rowHeight(doc, [{ text: first.label, style: S.text.factLabel }, { text: first.value, style: S.text.factValue }], [labelWidth, width - labelWidth]) : 0;
    }
    case 'rating':
      return ratingHeight(doc, block, width);
    case 'list':
    case 'steps': {
      const first = block.items[0];
      return first ? Math.min(heightOf(doc, S.text.body, first, width - S.space.listIndent), lineHeight(doc, S.text.body) * 3) : 0;
    }
    case 'table': {
      const widths = columnWidths(doc, block.columns);
      const header = rowHeight(doc, block.columns.map((c) => headerCell(c.header)), widths);
      const first = block.rows[0];
      return header + (first ? rowHeight(doc, first.map(tableCell), widths) : 0);
    }
    case 'checklist': {
      const first = block.groups[0];
      const firstRow = first ? checklistRows(first)[0] : undefined;
      const widths = checklistWidths(doc);
      return (
        (first ? heightOf(doc, S.text.h3, first.title, width) + S.space.headingAfter : 0) +
        rowHeight(doc, checklistHeader(block), widths) +
        (firstRow ? rowHeight(doc, firstRow, widths, S.space.checklistRowMin) : 0)
      );
    }
    case 'heatMap':
      return heatMapLayout(doc).height;
    case 'entries': {
      const first = block.items[0];
      return first ? entryLead(doc, first, width) : 0;
    }
    case 'callout':
      return calloutHeight(doc, block, width);
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

function drawCover(ctx: Ctx, cover: ReportCover): void {
  const { doc } = ctx;
  const width = contentWidth(doc);
  const x = left(doc);
  artifact(doc, () => {
    doc.rect(0, 0, doc.page.width, 10).fillColor(S.colour.heading).fill();
  });
  doc.y = doc.page.margins.top + 40;
  group(ctx, 'Sect', (sect) => {
    const kickerY = doc.y;
    tag(sect, 'P', () => writeText(doc, S.text.coverKicker, cover.kicker, x, kickerY, width, { characterSpacing: 1 }));
    const titleY = doc.y + 6;
    tag(sect, 'H1', () => writeText(doc, S.text.coverTitle, cover.title, x, titleY, width));
    const ruleY = doc.y + 14;
    hRule(doc, ruleY, S.colour.accent, S.line.headingRule);
    const companyY = ruleY + 16;
    tag(sect, 'P', () =>
      writeText(doc, S.text.coverCompany, cover.company, x, companyY, width, { height: 160, ellipsis: true }),
    );
    doc.x = x;
    doc.y += 22;
    drawFacts(sect, { type: 'facts', rows: cover.facts });
    doc.y += 8;
    drawRating(sect, { type: 'rating', label: cover.rating.label, value: cover.rating.value, band: cover.rating.band, text: '' });
    const noticeHeight = heightOf(doc, S.text.coverNotice, cover.notice, width);
    const noticeY = Math.max(doc.y + 10, maxY(doc) - noticeHeight);
    hRule(doc, noticeY - 8);
    tag(sect, 'P', () => writeText(doc, S.text.coverNotice, cover.notice, x, noticeY, width));
  });
}

function drawSectionTitle(ctx: Ctx, level: 'H1' | 'H2', title: string): void {
  const { doc } = ctx;
  const style = level === 'H1' ? S.text.h1 : S.text.h2;
  const width = contentWidth(doc);
  const y = doc.y;
  tag(ctx, level, () => writeText(doc, style, title, left(doc), y, width));
  if (level === 'H1') {
    const ruleY = doc.y + 4;
    hRule(doc, ruleY, S.colour.accent, S.line.headingRule);
    doc.y = ruleY + S.space.h1After;
  } else {
    doc.y += S.space.h2After;
  }
  doc.x = left(doc);
}

function drawSubsection(ctx: Ctx, outline: OutlineItem, subsection: ReportSubsection): void {
  const { doc } = ctx;
  const first = subsection.blocks[0];
  if (subsection.newPage) {
    newPage(doc);
  } else {
    doc.y += S.space.headingBefore * 2;
    ensureSpace(doc, heightOf(doc, S.text.h2, subsection.title, contentWidth(doc)) + S.space.h2After + (first ? leadHeight(doc, first) : 0));
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
  const item = (doc.outline as unknown as OutlineItem).addItem(section.title, { expanded: section.subsections.length > 0 });
  group(ctx, 'Sect', (sect) => {
    drawSectionTitle(sect, 'H1', section.title);
    drawBlocks(sect, section.blocks);
    for (const subsection of section.subsections) drawSubsection(sect, item, subsection);
  });
}

function drawRunningHeaderAndFooter(doc: Doc, model: ReportModel): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Text drawn below the bottom margin would start a new page: lift the margin meanwhile.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const x = left(doc);
    const width = contentWidth(doc);
    const half = width / 2 - 6;
    const footerY = doc.page.height - S.space.footerOffset;
    const pageLabel = model.footer.pageTemplate
      .replace('{page}', String(index + 1))
      .replace('{pages}', String(range.count));
    artifact(
      doc,
      () => {
        if (index > 0) {
          writeText(doc, S.text.runningStrong, model.header.left, x, S.space.headerY, half, { height: 10, ellipsis: true, lineBreak: false });
          writeText(doc, S.text.running, model.header.right, x + width - half, S.space.headerY, half, { align: 'right', height: 10, ellipsis: true, lineBreak: false });
          doc.moveTo(x, S.space.headerRuleY).lineTo(x + width, S.space.headerRuleY).lineWidth(S.line.rule).strokeColor(S.colour.rule).stroke();
        }
        const ruleY = doc.page.height - S.space.footerRuleOffset;
        doc.moveTo(x, ruleY).lineTo(x + width, ruleY).lineWidth(S.line.rule).strokeColor(S.colour.rule).stroke();
        writeText(doc, S.text.running, model.footer.left, x, footerY, half, { height: 10, ellipsis: true, lineBreak: false });
        writeText(doc, S.text.runningStrong, pageLabel, x + width - half, footerY, half, { align: 'right', lineBreak: false });
      },
      'Pagination',
    );
    doc.page.margins.bottom = bottomMargin;
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
  return text.replace(/[\u0000-\u001f\u007f\u200b]/g, '');
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

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Draws the whole report. The same model always gives the same bytes. */
export function renderReportPdf(model: ReportModel): Promise<Buffer> {
  const doc = createDocument(model);
  const bytes = collect(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const ctx: Ctx = { doc, parent: root };
  (doc.outline as unknown as OutlineItem).addItem(model.labels.cover);
  drawCover(ctx, model.cover);
  for (const section of model.sections) drawSection(ctx, section);
  root.end();
  drawRunningHeaderAndFooter(doc, model);
  doc.end();
  return bytes;
}
