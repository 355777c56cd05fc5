import type { ReportCover, ReportSection, ReportSubsection } from '../reportModelTypes.js';
import { fitInto, type DocumentBrand } from './brand.js';
import { facts } from './blocks/facts.js';
import { drawBlocks, leadOfBlocks } from './blocks/index.js';
import { rating } from './blocks/rating.js';
import { artifact, contentWidth, ensureSpace, group, layout, left, maxY, newPage, tagText, type Ctx } from './context.js';
import { drawImage, outlineRoot, type OutlineItem } from './pdfkitInternals.js';
import { hRule } from './shapes.js';
import { pdfStyles as S } from './styles.js';

/** The cover, then each section on a new page, with a bookmark for every section and subsection. */

/** The company name on the cover: at most this high, cut with an ellipsis beyond. */
const coverCompanyMaxHeight = 160;
/** "Prepared by" the consultant firm under it: at most two lines. */
const coverFirmMaxHeight = 32;

/**
 * The cover. A branded report (a consultant firm's) has the firm's logo above the title and says
 * who prepared it under the company's name; without a brand the cover is as it always was.
 */
export function drawCover(ctx: Ctx, cover: ReportCover, bookmark: string, brand?: DocumentBrand): void {
  const { doc } = ctx;
  const width = contentWidth(doc);
  const x = left(doc);
  outlineRoot(doc).addItem(bookmark);
  artifact(doc, () => {
    doc.rect(0, 0, doc.page.width, 10).fillColor(S.colour.heading).fill();
  });
  doc.y = doc.page.margins.top + 40;
  const { logo } = brand ?? {};
  if (logo) {
    const size = fitInto(logo, S.logo.cover);
    artifact(doc, () => drawImage(doc, logo, x, S.space.coverLogoTop, size.width, size.height));
    doc.y = Math.max(doc.y, S.space.coverLogoTop + size.height + S.space.coverLogoGap);
  }
  group(ctx, 'Sect', (sect) => {
    tagText(sect, 'P', layout(ctx, S.text.coverKicker, cover.kicker, width), x, doc.y, width, false);
    tagText(sect, 'H1', layout(ctx, S.text.coverTitle, cover.title, width), x, doc.y + 6, width, false);
    const ruleY = doc.y + 14;
    hRule(doc, ruleY, S.colour.accent, S.line.headingRule);
    tagText(sect, 'P', layout(ctx, S.text.coverCompany, cover.company, width, coverCompanyMaxHeight), x, ruleY + 16, width, false);
    if (brand) tagText(sect, 'P', layout(ctx, S.text.coverFirm, brand.preparedBy, width, coverFirmMaxHeight), x, doc.y + 4, width, false);
    doc.x = x;
    doc.y += 22;
    facts.draw(sect, { type: 'facts', rows: cover.facts }, 0);
    doc.y += 8;
    rating.draw(sect, { type: 'rating', label: cover.rating.label, value: cover.rating.value, band: cover.rating.band, text: '' }, 0);
    const notice = layout(ctx, S.text.coverNotice, cover.notice, width);
    const noticeY = Math.max(doc.y + 10, maxY(doc) - notice.height);
    hRule(doc, noticeY - 8);
    tagText(sect, 'P', notice, x, noticeY, width, false);
  });
}

function titleLayout(ctx: Ctx, level: 'H1' | 'H2', title: string) {
  return layout(ctx, level === 'H1' ? S.text.h1 : S.text.h2, title, contentWidth(ctx.doc));
}

function drawSectionTitle(ctx: Ctx, level: 'H1' | 'H2', title: string): void {
  const { doc } = ctx;
  tagText(ctx, level, titleLayout(ctx, level, title), left(doc), doc.y, contentWidth(doc), false);
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
  if (subsection.newPage && !sharesSectionPage) {
    newPage(doc);
  } else {
    doc.y += S.space.headingBefore * 2;
    // The title stays with the start of what follows it (through any headings).
    const title = titleLayout(ctx, 'H2', subsection.title);
    ensureSpace(doc, title.height + S.space.h2After + leadOfBlocks(ctx, subsection.blocks));
  }
  outline.addItem(subsection.title);
  group(ctx, 'Sect', (sect) => {
    drawSectionTitle(sect, 'H2', subsection.title);
    drawBlocks(sect, subsection.blocks);
  });
}

export function drawSection(ctx: Ctx, section: ReportSection): void {
  const { doc } = ctx;
  newPage(doc);
  const startPage = doc.bufferedPageRange().count - 1;
  // `fit`: pdfkit's other destination (XYZ) points at the right edge of the page.
  const item = outlineRoot(doc).addItem(section.title, { expanded: section.subsections.length > 0, fit: true });
  group(ctx, 'Sect', (sect) => {
    drawSectionTitle(sect, 'H1', section.title);
    drawBlocks(sect, section.blocks);
    // The first subsection may share the page of a section's short introduction.
    const introOnly = doc.bufferedPageRange().count - 1 === startPage && doc.y < doc.page.height / 3;
    section.subsections.forEach((subsection, index) => drawSubsection(sect, item, subsection, index === 0 && introOnly));
  });
}
