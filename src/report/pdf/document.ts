import type { ReportModel } from '../reportModelTypes.js';
import { artifact, contentWidth, layout, left, type Ctx } from './context.js';
import { useReportFonts } from './fonts.js';
import { captureOutput, compressPageContents, createPdfDocument, expandOutlineRoot, prepareMetadata, type Doc } from './pdfkitInternals.js';
import { drawCover, drawSection } from './sections.js';
import { pdfStyles as S, type TextStyle } from './styles.js';
import { TextEngine } from './textLayout.js';

/**
 * Draws a report model as a tagged PDF/A-1b document. It only draws: every string comes worded
 * and formatted from the model, every measure from `styles.ts`. One module per block type draws
 * the content (`blocks/`); this module makes the document (PDF/A, tags, metadata, outline root)
 * and adds the running header and footer with "page X of Y" once every page exists.
 */

/** Strips what has no place in document metadata: control characters and break opportunities. */
function plain(text: string): string {
  return text.replace(/[\p{Cc}\u200b]/gu, '');
}

function createDocument(model: ReportModel): Doc {
  const issuedAt = new Date(model.issuedAtIso);
  const info = model.documentInfo;
  const doc = createPdfDocument({
    size: S.page.size,
    margins: S.page.margins,
    pdfVersion: '1.4',
    subset: 'PDF/A-1b',
    tagged: true,
    lang: model.lang,
    displayTitle: true,
    bufferPages: true,
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
  expandOutlineRoot(doc);
  prepareMetadata(doc, issuedAt);
  useReportFonts(doc);
  return doc;
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

/** Draws the whole report. The same model always gives the same bytes. */
export function renderReportPdf(model: ReportModel): Promise<Buffer> {
  try {
    const doc = createDocument(model);
    const bytes = captureOutput(doc);
    const root = doc.struct('Document');
    doc.addStructure(root);
    const ctx: Ctx = { doc, text: new TextEngine(doc), parent: root };
    drawCover(ctx, model.cover, model.labels.cover);
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
