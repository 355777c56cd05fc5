import type { Band } from '../../scoring/types.js';
import type { ReportFont } from './fonts.js';

/**
 * The one table of styles for the PDF: page geometry, colours, text styles and spacing. The block
 * modules in `blocks/` and the page modules take every measure from here. Colours are solid and light enough
 * to print on an office printer; nothing is transparent (PDF/A-1 forbids it).
 */

export interface TextStyle {
  font: ReportFont;
  size: number;
  lineGap: number;
  color: string;
}

const colour = {
  text: '#1b1f24',
  muted: '#4f5864',
  heading: '#16365c',
  accent: '#2b5f94',
  rule: '#c5ccd5',
  gridRule: '#8d97a3',
  tableHeaderFill: '#e6ebf2',
  calloutInfoFill: '#eaf1f9',
  calloutWarningFill: '#fdf1dc',
  calloutWarningBar: '#b86e00',
  checkbox: '#2b2f36',
  white: '#ffffff',
} as const;

const bandColour: Readonly<Record<Band, { fill: string; strong: string; text: string }>> = {
  low: { fill: '#e1f2e5', strong: '#a9d9b6', text: '#14532d' },
  medium: { fill: '#fff5cc', strong: '#ffdf80', text: '#5c4400' },
  high: { fill: '#fde3cc', strong: '#f6b37c', text: '#7a2e00' },
  critical: { fill: '#f9d4d0', strong: '#ea867c', text: '#7f1010' },
};

function text(font: ReportFont, size: number, color: string, lineGap = 1.5): TextStyle {
  return { font, size, lineGap, color };
}

export const pdfStyles = {
  page: {
    size: 'A4',
    margins: { top: 70, bottom: 62, left: 56, right: 56 },
  },
  colour,
  band: bandColour,
  text: {
    coverKicker: text('bold', 10, colour.accent),
    coverTitle: text('bold', 24, colour.heading, 3),
    coverCompany: text('bold', 18, colour.text, 3),
    coverFirm: text('regular', 11, colour.muted, 2),
    coverNotice: text('regular', 8.5, colour.muted, 2),
    h1: text('bold', 17, colour.heading, 2),
    h2: text('bold', 13.5, colour.heading, 2),
    h3: text('bold', 10.5, colour.heading, 1.5),
    lead: text('regular', 10.5, colour.text, 3),
    body: text('regular', 9, colour.text, 2.2),
    muted: text('regular', 8.5, colour.muted, 2),
    strong: text('bold', 9, colour.text, 2.2),
    factLabel: text('bold', 9, colour.muted, 2),
    factValue: text('regular', 9.5, colour.text, 2),
    ratingLabel: text('bold', 8.5, colour.muted, 1),
    ratingValue: text('bold', 16, colour.text, 1),
    ratingValueCompact: text('bold', 11, colour.text, 1),
    tableHeader: text('bold', 8, colour.text, 1),
    tableCell: text('regular', 8.5, colour.text, 1.5),
    tableCellStrong: text('bold', 8.5, colour.text, 1.5),
    tableCellDense: text('regular', 7.5, colour.text, 1),
    tableSub: text('regular', 7.5, colour.muted, 1),
    listLabel: text('regular', 9, colour.muted, 2.2),
    entryTerm: text('bold', 9, colour.text, 1.5),
    entryLabel: text('bold', 8.5, colour.muted, 2),
    entryText: text('regular', 8.5, colour.text, 2),
    heatRef: text('bold', 9, colour.text, 1),
    heatScore: text('regular', 6.5, colour.muted, 0),
    heatAxis: text('bold', 8, colour.heading, 1),
    heatLabel: text('regular', 7.5, colour.text, 1),
    legend: text('regular', 7.5, colour.text, 1),
    running: text('regular', 7.5, colour.muted, 0),
    runningStrong: text('bold', 7.5, colour.heading, 0),
  },
  space: {
    blockGap: 10,
    paragraphGap: 6,
    headingBefore: 5,
    headingAfter: 5,
    h1After: 14,
    h2After: 10,
    /** Lines of a paragraph that must fit before it may start near the foot of a page. */
    minParagraphLines: 2,
    listIndent: 16,
    listItemGap: 2.5,
    cellPadX: 5,
    cellPadY: 4,
    checklistRowMin: 24,
    checkboxSize: 9,
    stepIndent: 18,
    factLabelShare: 0.3,
    ratingPad: 10,
    ratingPadCompact: 6,
    ratingBar: 5,
    calloutPad: 8,
    calloutBar: 3,
    heatLabelWidth: 96,
    heatCellHeight: 34,
    heatColumnLabelHeight: 22,
    heatSwatch: 8,
    entryGap: 7,
    headerY: 32,
    headerRuleY: 46,
    footerRuleOffset: 44,
    footerOffset: 36,
    /** A branded cover: the logo's top, and the room between it and the kicker under it. */
    coverLogoTop: 44,
    coverLogoGap: 26,
    /** A branded running header: the most of the width the date may take, and the gap between its three parts. */
    brandedHeaderDateShare: 0.3,
    brandedHeaderGap: 10,
    headerLogoGap: 4,
  },
  /** Boxes a firm's logo is fitted into (aspect kept), in points. */
  logo: {
    cover: { width: 200, height: 56 },
    header: { width: 40, height: 12 },
  },
  line: {
    rule: 0.6,
    grid: 0.5,
    checkbox: 0.8,
    headingRule: 1.2,
  },
} as const;

export type PdfStyles = typeof pdfStyles;
