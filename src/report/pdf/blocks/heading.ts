import { atPageTop, contentWidth, ensureSpace, layout, left, tagText, type BlockOf, type Ctx } from '../context.js';
import { pdfStyles as S } from '../styles.js';
import type { BlockRenderer } from './blockRenderer.js';

function headingLayout(ctx: Ctx, text: string) {
  return layout(ctx, S.text.h3, text, contentWidth(ctx.doc));
}

/** The height a heading takes, with the space before and after it. */
export function headingHeight(ctx: Ctx, text: string): number {
  return S.space.headingBefore + headingLayout(ctx, text).height + S.space.headingAfter;
}

/** Draws a heading where `following` (the room what comes next needs to start) also fits. */
export function drawHeading(ctx: Ctx, text: string, following: number): void {
  const { doc } = ctx;
  const laid = headingLayout(ctx, text);
  ensureSpace(doc, S.space.headingBefore + laid.height + S.space.headingAfter + following);
  if (!atPageTop(doc)) doc.y += S.space.headingBefore;
  tagText(ctx, 'H3', laid, left(doc), doc.y, contentWidth(doc), false);
  doc.y += S.space.headingAfter;
}

/** A heading within a section; never left alone at the foot of a page. */
export const heading: BlockRenderer<BlockOf<'heading'>> = {
  keepWithNext: true,
  lead: (ctx, block) => headingHeight(ctx, block.text),
  draw: (ctx, block, following) => drawHeading(ctx, block.text, following),
};
