import type { ReportBlock } from '../reportModelTypes.js';
import type { Doc, StructOptions } from './pdfkitInternals.js';
import { pdfStyles as S, type TextStyle } from './styles.js';
import type { Align, TextEngine, TextLayout, TextRun } from './textLayout.js';

/**
 * What every draw function works with, and the page and tagging primitives they share.
 *
 * Tagging: meaningful text sits in structure elements (Document > Sect > H1/P/Table/L ...) added
 * in reading order; rules, fills, checkboxes and the running header and footer are artifacts.
 * Artifacts are drawn only between structure elements, never inside one: pdfkit closes any
 * open marked content when an artifact starts.
 */

export interface Ctx {
  doc: Doc;
  text: TextEngine;
  /** The structure element that new elements are added to. */
  parent: PDFKit.PDFStructureElement;
}

export type BlockOf<T extends ReportBlock['type']> = Extract<ReportBlock, { type: T }>;

export function left(doc: Doc): number {
  return doc.page.margins.left;
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function maxY(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

export function pageContentHeight(doc: Doc): number {
  return maxY(doc) - doc.page.margins.top;
}

export function atPageTop(doc: Doc): boolean {
  return doc.y <= doc.page.margins.top + 0.5;
}

export function newPage(doc: Doc): void {
  doc.addPage();
  doc.x = left(doc);
  doc.y = doc.page.margins.top;
}

/** Starts a new page unless `height` still fits below the current position. */
export function ensureSpace(doc: Doc, height: number): void {
  if (!atPageTop(doc) && doc.y + height > maxY(doc)) newPage(doc);
}

export function layout(ctx: Ctx, style: TextStyle, text: string, width: number, maxHeight?: number): TextLayout {
  return ctx.text.layout([{ text, style }], width, maxHeight === undefined ? {} : { maxHeight });
}

export function layoutRuns(ctx: Ctx, runs: readonly TextRun[], width: number): TextLayout {
  return ctx.text.layout(runs, width);
}

/** Height of the first lines of a text: what must fit before it starts near a page foot. */
export function leadOf(text: TextLayout, lines: number = S.space.minParagraphLines): number {
  return text.lines.slice(0, lines).reduce((sum, line) => sum + line.height, 0);
}

/** Adds a structure element whose content `draw` produces, in reading order. */
export function tag(ctx: Ctx, type: string, draw: () => void, options: StructOptions = {}): void {
  ctx.parent.add(ctx.doc.struct(type, options, draw));
}

/** Adds a structure element that holds other elements; `fill` adds them. */
export function group(ctx: Ctx, type: string, fill: (inner: Ctx) => void, options: StructOptions = {}): void {
  const element = ctx.doc.struct(type, options);
  ctx.parent.add(element);
  fill({ ...ctx, parent: element });
  element.end();
}

/** A structure element holding one laid-out text, drawn at (x, y); text may flow to the next page. */
export function tagText(ctx: Ctx, type: string, text: TextLayout, x: number, y: number, width: number, flow = true, align: Align = 'left'): void {
  tag(ctx, type, () => {
    ctx.doc.y = flow ? ctx.text.flow(text, x, y, width, align) : ctx.text.draw(text, x, y, width, align);
  });
}

/** Draws decoration that carries no meaning (rules, fills, boxes) outside the structure tree. */
export function artifact(doc: Doc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  doc.markContent('Artifact', { type });
  doc.save();
  draw();
  doc.restore();
  doc.endMarkedContent();
}
