import {
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type FileChild,
} from 'docx';
import type { ReportCover, ReportModel } from '../reportModelTypes.js';
import { outlineLevels } from '../reportOutline.js';
import { docxBlocks, headingParagraph, ratingParagraphs, type DocxContext } from './blocks.js';
import { colours, contentWidth, documentStyles, numbering, page, size, styleIds } from './styles.js';

/**
 * Draws a report model as an editable Word document: the cover, then each section on a new page
 * with the same headings in the same order as the PDF (reportOutline.ts), the running header and
 * "page X of Y" footer. It only lays out: every string comes worded from the model.
 */

/** Text that XML 1.0 cannot hold (control characters other than tab and line breaks) is dropped. */
function xmlSafe(text: string): string {
  return text.replace(/[\p{Cc}\ufffe\uffff]/gu, (char) => (char === '\t' || char === '\n' || char === '\r' ? char : ''));
}

/** The model with every string made safe for XML, whatever the user typed. */
function safeModel(model: ReportModel): ReportModel {
  return JSON.parse(JSON.stringify(model), (_key, value: unknown) => (typeof value === 'string' ? xmlSafe(value) : value)) as ReportModel;
}

function coverChildren(cover: ReportCover, ctx: DocxContext): FileChild[] {
  return [
    new Paragraph({ children: [new TextRun({ text: cover.kicker, bold: true, color: colours.accent, size: size.coverKicker })], spacing: { before: 720 } }),
    new Paragraph({ text: cover.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: cover.company, bold: true, size: size.coverCompany })], spacing: { after: 360 } }),
    ...docxBlocks([{ type: 'facts', rows: cover.facts }], ctx),
    ...ratingParagraphs(cover.rating.label, cover.rating.value, cover.rating.band, ''),
    new Paragraph({ style: styleIds.muted, text: cover.notice, spacing: { before: 480 } }),
  ];
}

function bodyChildren(model: ReportModel, nextList: () => number): FileChild[] {
  const sectionCtx: DocxContext = { headingLevel: outlineLevels.sectionBlock, nextList };
  const subsectionCtx: DocxContext = { headingLevel: outlineLevels.subsectionBlock, nextList };
  return model.sections.flatMap((section) => [
    headingParagraph(section.title, outlineLevels.section, { pageBreakBefore: true }),
    ...docxBlocks(section.blocks, sectionCtx),
    ...section.subsections.flatMap((subsection, index) => [
      // Each contingency plan starts a page, so it can be printed and pinned up alone; the first
      // shares its section's page, as in the PDF when the section's introduction is short.
      headingParagraph(subsection.title, outlineLevels.subsection, { pageBreakBefore: subsection.newPage && index > 0 }),
      ...docxBlocks(subsection.blocks, subsectionCtx),
    ]),
  ]);
}

/** "left ⇥ right" on one line, the right part against the right margin. */
function twoSided(left: (string | TextRun)[], right: (string | TextRun)[]): Paragraph {
  const run = (part: string | TextRun) => (typeof part === 'string' ? new TextRun({ text: part }) : part);
  return new Paragraph({
    style: styleIds.running,
    tabStops: [{ type: TabStopType.RIGHT, position: contentWidth }],
    children: [...left.map(run), new TextRun({ text: '\t' }), ...right.map(run)],
  });
}

/** "Page {page} of {pages}" with Word's own page fields in place of the placeholders. */
function pageLabel(template: string): TextRun {
  const parts = template.split(/(\{page\}|\{pages\})/).filter((part) => part !== '');
  const children = parts.map((part) => (part === '{page}' ? PageNumber.CURRENT : part === '{pages}' ? PageNumber.TOTAL_PAGES : part));
  return new TextRun({ children, bold: true, color: colours.heading });
}

/** Builds the document in memory (a report is a few hundred kilobytes at most). */
export async function renderReportDocx(input: ReportModel): Promise<Buffer> {
  const model = safeModel(input);
  let listInstance = 0;
  const nextList = () => ++listInstance;
  const info = model.documentInfo;
  const footer = () => new Footer({ children: [twoSided([model.footer.left], [pageLabel(model.footer.pageTemplate)])] });
  const document = new Document({
    title: info.title,
    subject: info.subject,
    creator: info.author || info.creator,
    keywords: info.keywords,
    description: info.subject,
    lastModifiedBy: info.creator,
    styles: documentStyles,
    numbering,
    sections: [
      {
        properties: {
          // The cover has no running header, as in the PDF.
          titlePage: true,
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin, header: page.headerFooter, footer: page.headerFooter },
          },
        },
        headers: {
          default: new Header({ children: [twoSided([new TextRun({ text: model.header.left, bold: true, color: colours.heading })], [model.header.right])] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        footers: { default: footer(), first: footer() },
        children: [...coverChildren(model.cover, { headingLevel: outlineLevels.sectionBlock, nextList }), ...bodyChildren(model, nextList)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
