import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IBordersOptions,
  type ITableCellBorders,
} from 'docx';
import type { Band } from '../../scoring/types.js';
import type { ReportBlock, TableCell as ModelCell } from '../reportModelTypes.js';
import type { OutlineLevel } from '../reportOutline.js';
import { bandColours, colours, contentWidth, listRefs, size, styleIds } from './styles.js';

/**
 * One function per block type of the report model, each giving Word paragraphs and tables. They
 * only lay out: every string comes worded from the model, every measure from `styles.ts`.
 */

export interface DocxContext {
  /** The outline level of headings among these blocks (see reportOutline.ts). */
  headingLevel: Exclude<OutlineLevel, 0>;
  /** A new list instance, so each numbered list starts at 1 again. */
  nextList: () => number;
}

type BlockOf<T extends ReportBlock['type']> = Extract<ReportBlock, { type: T }>;
type DocxRenderer<B extends ReportBlock> = (block: B, ctx: DocxContext) => FileChild[];

const headingStyles = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export function headingParagraph(text: string, level: Exclude<OutlineLevel, 0>, options: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({ text, heading: headingStyles[level], ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}) });
}

function shade(fill: string) {
  return { type: ShadingType.CLEAR, color: 'auto', fill };
}

const rule = { style: BorderStyle.SINGLE, size: 4, color: colours.gridRule };
const noBorder = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const gridBorders: ITableCellBorders = { top: rule, bottom: rule, left: rule, right: rule };
const factBorders: ITableCellBorders = { top: noBorder, left: noBorder, right: noBorder, bottom: { style: BorderStyle.SINGLE, size: 4, color: colours.rule } };
const cellMargins = { top: 50, bottom: 50, left: 90, right: 90 };

/** A table cell's text, its optional second line, in the table styles. */
function cellParagraphs(text: string, options: { sub?: string | undefined; bold?: boolean; colour?: string; align?: 'center' } = {}): Paragraph[] {
  const alignment = options.align === 'center' ? { alignment: AlignmentType.CENTER } : {};
  const main = new Paragraph({
    style: styleIds.tableText,
    ...alignment,
    children: [new TextRun({ text, bold: options.bold === true, ...(options.colour ? { color: options.colour } : {}) })],
  });
  return options.sub ? [main, new Paragraph({ style: styleIds.tableSub, ...alignment, text: options.sub })] : [main];
}

interface GridCell {
  paragraphs: Paragraph[];
  fill?: string;
}

/** A boxed table with a header row that repeats on every page; widths are shares of the text width. */
function grid(headers: readonly string[], shares: readonly number[], rows: readonly GridCell[][], borders: ITableCellBorders = gridBorders): Table {
  const widths = shares.map((share) => Math.round(share * contentWidth));
  const cell = (content: GridCell, index: number) =>
    new TableCell({
      children: content.paragraphs,
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      margins: cellMargins,
      borders,
      ...(content.fill ? { shading: shade(content.fill) } : {}),
    });
  const header = headers.length > 0
    ? [new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((text, index) => cell({ paragraphs: cellParagraphs(text, { bold: true }), fill: colours.tableHeaderFill }, index)) })]
    : [];
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [...header, ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((content, index) => cell(content, index)) }))],
  });
}

/** Room after a table, which Word otherwise glues to the next paragraph. */
function spacer(): Paragraph {
  return new Paragraph({ spacing: { after: 60 }, children: [] });
}

function bandFill(band: Band | undefined): string | undefined {
  return band ? bandColours[band].fill : undefined;
}

const paragraphStyle = { lead: styleIds.lead, body: undefined, muted: styleIds.muted } as const;

const paragraph: DocxRenderer<BlockOf<'paragraph'>> = (block) => {
  const style = paragraphStyle[block.style];
  return [new Paragraph({ text: block.text, ...(style ? { style } : {}) })];
};

const heading: DocxRenderer<BlockOf<'heading'>> = (block, ctx) => [headingParagraph(block.text, ctx.headingLevel)];

const facts: DocxRenderer<BlockOf<'facts'>> = (block) => [
  grid(
    [],
    [0.3, 0.7],
    block.rows.map((row) => [{ paragraphs: cellParagraphs(row.label, { bold: true, colour: colours.muted }) }, { paragraphs: cellParagraphs(row.value) }]),
    factBorders,
  ),
  spacer(),
];

/** The rating in its band's colour, with a bar in the band's stronger colour. */
export function ratingParagraphs(label: string, value: string, band: Band, text: string, compact = false): Paragraph[] {
  const colour = bandColours[band];
  const bar = { style: BorderStyle.SINGLE, size: 36, color: colour.strong, space: 6 };
  const border: IBordersOptions = { left: bar };
  const rated = new Paragraph({
    shading: shade(colour.fill),
    border,
    spacing: { before: 120, after: text ? 0 : 160 },
    indent: { left: 170, right: 113 },
    children: [
      new TextRun({ text: compact ? `${label}  ` : label, bold: true, color: colours.muted, size: size.muted }),
      // Compact: label and value on one line; otherwise the value under the label, large.
      new TextRun({ text: value, bold: true, color: colour.text, size: compact ? size.lead : size.ratingValue, ...(compact ? {} : { break: 1 }) }),
    ],
  });
  if (!text) return [rated];
  return [rated, new Paragraph({ text, shading: shade(colour.fill), border, indent: { left: 170, right: 113 }, spacing: { after: 160 } })];
}

const rating: DocxRenderer<BlockOf<'rating'>> = (block) => ratingParagraphs(block.label, block.value, block.band, block.text, block.compact === true);

const list: DocxRenderer<BlockOf<'list'>> = (block, ctx) => {
  const reference = block.ordered ? listRefs.numbers : listRefs.bullets;
  const instance = ctx.nextList();
  return block.items.map((text) => new Paragraph({ text, numbering: { reference, level: 0, instance } }));
};

const steps: DocxRenderer<BlockOf<'steps'>> = (block, ctx) => {
  const instance = ctx.nextList();
  return block.items.map((text) => new Paragraph({ text, numbering: { reference: listRefs.steps, level: 0, instance } }));
};

function modelCell(cell: ModelCell): GridCell {
  const fill = bandFill(cell.band);
  return { paragraphs: cellParagraphs(cell.text, { sub: cell.sub, bold: cell.strong === true }), ...(fill ? { fill } : {}) };
}

const table: DocxRenderer<BlockOf<'table'>> = (block) => [
  grid(
    block.columns.map((column) => column.header),
    block.columns.map((column) => column.width),
    block.rows.map((row) => row.map(modelCell)),
  ),
  spacer(),
];

/** Done, action, priority, owner, due: a box to tick, then the action and who does it by when. */
const checklistShares = [0.06, 0.46, 0.14, 0.19, 0.15];

const checklist: DocxRenderer<BlockOf<'checklist'>> = (block, ctx) => {
  const h = block.headers;
  // Each group's title is a heading (reportOutline.ts: blockHeadings).
  return block.groups.flatMap((group) => [
    headingParagraph(group.title, ctx.headingLevel),
    grid(
      [h.done, h.action, h.priority, h.owner, h.due],
      checklistShares,
      group.items.map((item) => {
        const fill = bandColours[item.band].fill;
        return [
          { paragraphs: cellParagraphs('☐', { align: 'center' }) },
          { paragraphs: cellParagraphs(item.text, { sub: item.detail || undefined }) },
          { paragraphs: cellParagraphs(item.priority, { sub: item.treats, bold: true }), fill },
          { paragraphs: cellParagraphs(item.owner ?? '') },
          { paragraphs: cellParagraphs(item.due ?? '', { sub: item.status }) },
        ];
      }),
    ),
    spacer(),
  ]);
};

/** The matrix as a table: likelihood down the side (5 at the top), impact along the bottom. */
const heatMap: DocxRenderer<BlockOf<'heatMap'>> = (block) => {
  const labelShare = 0.2;
  const cellShare = (1 - labelShare) / Math.max(1, block.columnLabels.length);
  const shares = [labelShare, ...block.columnLabels.map(() => cellShare)];
  const rows: GridCell[][] = block.rows.map((row) => [
    { paragraphs: cellParagraphs(row.label, { bold: true }) },
    ...row.cells.map((cell) => ({
      paragraphs: cellParagraphs(cell.refs, { sub: String(cell.score), bold: true, align: 'center' }),
      fill: cell.refs ? bandColours[cell.band].strong : bandColours[cell.band].fill,
    })),
  ]);
  return [
    new Paragraph({ style: styleIds.muted, children: [new TextRun({ text: block.likelihoodAxis, bold: true })] }),
    grid([], shares, [...rows, [{ paragraphs: [] }, ...block.columnLabels.map((label) => ({ paragraphs: cellParagraphs(label, { align: 'center' }) }))]]),
    new Paragraph({ style: styleIds.muted, alignment: AlignmentType.RIGHT, spacing: { before: 60 }, children: [new TextRun({ text: block.impactAxis, bold: true })] }),
    new Paragraph({
      style: styleIds.muted,
      children: block.legend.flatMap((item, index) => [
        new TextRun({ text: index > 0 ? '   ' : '' }),
        new TextRun({ text: ' ■ ', color: bandColours[item.band].strong }),
        new TextRun({ text: item.label }),
      ]),
    }),
    ...(block.key ? [new Paragraph({ style: styleIds.muted, text: block.key })] : []),
  ];
};

const entries: DocxRenderer<BlockOf<'entries'>> = (block) =>
  block.items.flatMap((entry) => [
    new Paragraph({ keepNext: entry.details.length > 0, spacing: { before: 120, after: 40 }, children: [new TextRun({ text: entry.term, bold: true })] }),
    ...entry.details.map(
      (detail, index) =>
        new Paragraph({
          indent: { left: 284 },
          keepNext: index < entry.details.length - 1,
          spacing: { after: 40 },
          children: [new TextRun({ text: `${detail.label} `, bold: true, color: colours.muted }), new TextRun({ text: detail.text })],
        }),
    ),
  ]);

const callout: DocxRenderer<BlockOf<'callout'>> = (block) => {
  const warning = block.tone === 'warning';
  return [
    new Paragraph({
      style: styleIds.callout,
      text: block.text,
      shading: shade(warning ? colours.calloutWarningFill : colours.calloutInfoFill),
      border: { left: { style: BorderStyle.SINGLE, size: 24, color: warning ? colours.calloutWarningBar : colours.accent, space: 6 } },
    }),
  ];
};

/** One renderer per block type; the type checker keeps the table complete. */
const renderers: { [T in ReportBlock['type']]: DocxRenderer<BlockOf<T>> } = {
  paragraph,
  heading,
  facts,
  rating,
  list,
  steps,
  table,
  checklist,
  heatMap,
  entries,
  callout,
};

export function docxBlocks(blocks: readonly ReportBlock[], ctx: DocxContext): FileChild[] {
  return blocks.flatMap((block) => (renderers[block.type] as DocxRenderer<ReportBlock>)(block, ctx));
}
