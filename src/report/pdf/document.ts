import type { ReportBranding } from '../reportBranding.js';
import type { ReportModel } from '../reportModelTypes.js';
import { documentBrand, fitInto, type DocumentBrand } from './brand.js';
import { artifact, contentWidth, layout, left, type Ctx } from './context.js';
import { useReportFonts } from './fonts.js';
import { captureOutput, compressPageContents, createPdfDocument, drawImage, expandOutlineRoot, prepareMetadata, type Doc } from './pdfkitInternals.js';
import { drawCover, drawSection } from './sections.js';
import { pdfStyles as S, type TextStyle } from './styles.js';
import { TextEngine } from './textLayout.js';

/**
 * Draws a report model as a tagged PDF/A-1b document. It only draws: every string comes worded
 * and formatted from the model, every measure from `styles.ts`. One module per block type draws
 * the content (`blocks/`); this module makes the document (PDF/A, tags, metadata, outline root)
 * and adds the running header and footer with "page X of Y" once every page exists. A consultant
 * firm's branding, when given, adds its logo and name to the cover and the running header.
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

/** One line of running text, cut with an ellipsis when it is wider than `width`. */
function runningLine(ctx: Ctx, style: TextStyle, value: string, width: number) {
  return layout(ctx, style, value, width, ctx.text.lineHeight(style));
}

/** Draws the header's text: the company on the left, the report date on the right. */
function plainHeader(ctx: Ctx, model: ReportModel): () => void {
  const { doc, text } = ctx;
  const x = left(doc);
  const width = contentWidth(doc);
  const half = width / 2 - 6;
  const headerLeft = runningLine(ctx, S.text.runningStrong, model.header.left, half);
  const headerRight = runningLine(ctx, S.text.running, model.header.right, half);
  return () => {
    text.draw(headerLeft, x, S.space.headerY, half);
    text.draw(headerRight, x + width - half, S.space.headerY, half, 'right');
  };
}

/**
 * Draws a branded header's text: the company on the left and the date on the right, as in a plain
 * header, and the firm (its small logo before its name) between them, centred on the page where it
 * fits. Each part takes the room its text needs; when the company's and the firm's names are both
 * long, each gets at least half of what the date leaves, and is cut with an ellipsis beyond.
 */
function brandedHeader(ctx: Ctx, model: ReportModel, brand: DocumentBrand): () => void {
  const { doc, text } = ctx;
  const x = left(doc);
  const width = contentWidth(doc);
  const gap = S.space.brandedHeaderGap;
  const logo = brand.logo;
  const logoSize = logo ? fitInto(logo, S.logo.header) : undefined;
  const logoRoom = logoSize ? logoSize.width + S.space.headerLogoGap : 0;

  const date = runningLine(ctx, S.text.running, model.header.right, width * S.space.brandedHeaderDateShare);
  const rest = width - date.width - 2 * gap;
  const firmNeeds = runningLine(ctx, S.text.running, brand.firmName, rest - logoRoom).width + logoRoom;
  const company = runningLine(ctx, S.text.runningStrong, model.header.left, Math.max(rest / 2, rest - firmNeeds));
  const firm = runningLine(ctx, S.text.running, brand.firmName, rest - company.width - logoRoom);
  const groupWidth = logoRoom + firm.width;
  const earliest = x + company.width + gap;
  const latest = x + width - date.width - gap - groupWidth;
  const groupX = Math.min(latest, Math.max(earliest, x + (width - groupWidth) / 2));

  return () => {
    text.draw(company, x, S.space.headerY, company.width + 1);
    if (logo && logoSize) drawImage(doc, logo, groupX, S.space.headerY + (firm.height - logoSize.height) / 2, logoSize.width, logoSize.height);
    text.draw(firm, groupX + logoRoom, S.space.headerY, firm.width + 1);
    text.draw(date, x + width - date.width, S.space.headerY, date.width + 1);
  };
}

function drawRunningHeaderAndFooter(ctx: Ctx, model: ReportModel, brand: DocumentBrand | undefined): void {
  const { doc, text } = ctx;
  const range = doc.bufferedPageRange();
  const x = left(doc);
  const width = contentWidth(doc);
  const half = width / 2 - 6;
  const drawHeaderText = brand ? brandedHeader(ctx, model, brand) : plainHeader(ctx, model);
  const footerLeft = runningLine(ctx, S.text.running, model.footer.left, half);
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const pageLabel = model.footer.pageTemplate.replace('{page}', String(index + 1)).replace('{pages}', String(range.count));
    const footerY = doc.page.height - S.space.footerOffset;
    artifact(
      doc,
      () => {
        if (index > 0) {
          drawHeaderText();
          doc.moveTo(x, S.space.headerRuleY).lineTo(x + width, S.space.headerRuleY).lineWidth(S.line.rule).strokeColor(S.colour.rule).stroke();
        }
        const ruleY = doc.page.height - S.space.footerRuleOffset;
        doc.moveTo(x, ruleY).lineTo(x + width, ruleY).lineWidth(S.line.rule).strokeColor(S.colour.rule).stroke();
        text.draw(footerLeft, x, footerY, half);
        text.draw(runningLine(ctx, S.text.runningStrong, pageLabel, half), x + width - half, footerY, half, 'right');
      },
      'Pagination',
    );
  }
}

/**
 * Draws the whole report, branded with a consultant firm's name and logo when `branding` is given.
 * The same model and branding always give the same bytes.
 */
export function renderReportPdf(model: ReportModel, branding?: ReportBranding): Promise<Buffer> {
  try {
    const doc = createDocument(model);
    const bytes = captureOutput(doc);
    const root = doc.struct('Document');
    doc.addStructure(root);
    const ctx: Ctx = { doc, text: new TextEngine(doc), parent: root };
    const brand = documentBrand(doc, model, branding);
    drawCover(ctx, model.cover, model.labels.cover, brand);
    for (const section of model.sections) drawSection(ctx, section);
    root.end();
    drawRunningHeaderAndFooter(ctx, model, brand);
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
