import { AlignmentType, LevelFormat, type INumberingOptions, type IStylesOptions } from 'docx';
import { pdfStyles } from '../pdf/styles.js';

/**
 * The one table of styles for the Word report: plain, readable, and in the PDF's colours. Word's
 * own Title and Heading 1–3 styles carry the headings (so the navigation pane and a table of
 * contents work); a few paragraph styles of our own carry the rest, so a consultant can restyle
 * the whole document from Word's styles pane.
 *
 * Units: font sizes in half-points, spacing and widths in twentieths of a point (twips).
 */

/** '#16365c' as Word writes colours. */
export function hex(colour: string): string {
  return colour.replace('#', '').toUpperCase();
}

export const colours = {
  text: hex(pdfStyles.colour.text),
  muted: hex(pdfStyles.colour.muted),
  heading: hex(pdfStyles.colour.heading),
  accent: hex(pdfStyles.colour.accent),
  rule: hex(pdfStyles.colour.rule),
  gridRule: hex(pdfStyles.colour.gridRule),
  tableHeaderFill: hex(pdfStyles.colour.tableHeaderFill),
  calloutInfoFill: hex(pdfStyles.colour.calloutInfoFill),
  calloutWarningFill: hex(pdfStyles.colour.calloutWarningFill),
  calloutWarningBar: hex(pdfStyles.colour.calloutWarningBar),
} as const;

export const bandColours = Object.fromEntries(
  Object.entries(pdfStyles.band).map(([band, colour]) => [band, { fill: hex(colour.fill), strong: hex(colour.strong), text: hex(colour.text) }]),
) as Record<keyof typeof pdfStyles.band, { fill: string; strong: string; text: string }>;

/** A4 with 2 cm margins: the text block is 170 mm wide. */
export const page = {
  width: 11906,
  height: 16838,
  margin: 1134,
  headerFooter: 567,
} as const;
export const contentWidth = page.width - 2 * page.margin;

/** Office's default font: every Word has it, and it falls back per script for Georgian and Cyrillic. */
const font = 'Calibri';

export const size = {
  body: 21,
  lead: 23,
  muted: 19,
  table: 18,
  tableSub: 16,
  running: 16,
  coverKicker: 20,
  coverCompany: 36,
  ratingValue: 30,
} as const;

/** Paragraph styles of our own, by id. */
export const styleIds = {
  lead: 'Lead',
  muted: 'Muted',
  tableText: 'TableText',
  tableSub: 'TableSub',
  callout: 'Callout',
  running: 'Running',
} as const;

export const documentStyles: IStylesOptions = {
  default: {
    document: {
      run: { font, size: size.body, color: colours.text },
      paragraph: { spacing: { after: 120, line: 264 } },
    },
    title: {
      run: { font, size: 48, bold: true, color: colours.heading },
      paragraph: { spacing: { before: 120, after: 240 } },
    },
    heading1: {
      run: { font, size: 34, bold: true, color: colours.heading },
      paragraph: {
        spacing: { before: 0, after: 200 },
        keepNext: true,
        outlineLevel: 0,
        border: { bottom: { style: 'single', size: 12, color: colours.accent, space: 4 } },
      },
    },
    heading2: {
      run: { font, size: 27, bold: true, color: colours.heading },
      paragraph: { spacing: { before: 320, after: 120 }, keepNext: true, outlineLevel: 1 },
    },
    heading3: {
      run: { font, size: 22, bold: true, color: colours.heading },
      paragraph: { spacing: { before: 220, after: 80 }, keepNext: true, outlineLevel: 2 },
    },
    listParagraph: {
      paragraph: { spacing: { after: 60 } },
    },
  },
  paragraphStyles: [
    { id: styleIds.lead, name: 'Lead', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: size.lead } },
    { id: styleIds.muted, name: 'Muted', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: size.muted, color: colours.muted } },
    {
      id: styleIds.tableText,
      name: 'Table text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { size: size.table },
      paragraph: { spacing: { before: 0, after: 0, line: 240 } },
    },
    {
      id: styleIds.tableSub,
      name: 'Table note',
      basedOn: 'Normal',
      quickFormat: true,
      run: { size: size.tableSub, color: colours.muted },
      paragraph: { spacing: { before: 20, after: 0, line: 240 } },
    },
    {
      id: styleIds.callout,
      name: 'Callout',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      paragraph: { spacing: { before: 120, after: 160 }, indent: { left: 113, right: 113 } },
    },
    { id: styleIds.running, name: 'Running head', basedOn: 'Normal', run: { size: size.running, color: colours.muted }, paragraph: { spacing: { after: 0 } } },
  ],
};

/** List references: bullets, numbers and the tick boxes of steps to take. */
export const listRefs = { bullets: 'bullets', numbers: 'numbers', steps: 'steps' } as const;

const listIndent = { left: 454, hanging: 284 };

export const numbering: INumberingOptions = {
  config: [
    {
      reference: listRefs.bullets,
      levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: listIndent } } }],
    },
    {
      reference: listRefs.numbers,
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: listIndent } } }],
    },
    {
      // A box to tick by hand in print, as the PDF draws it.
      reference: listRefs.steps,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '☐',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: listIndent }, run: { font: 'Segoe UI Symbol' } },
        },
      ],
    },
  ],
};
