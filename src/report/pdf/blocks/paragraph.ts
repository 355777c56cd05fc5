import { contentWidth, ensureSpace, layout, leadOf, left, tagText, type BlockOf, type Ctx } from '../context.js';
import { pdfStyles as S } from '../styles.js';
import type { BlockRenderer } from './blockRenderer.js';

type Paragraph = BlockOf<'paragraph'>;

const paragraphStyle = { lead: S.text.lead, body: S.text.body, muted: S.text.muted } as const;

function paragraphLayout(ctx: Ctx, block: Paragraph) {
  return layout(ctx, paragraphStyle[block.style], block.text, contentWidth(ctx.doc));
}

/** Running text; it may flow on to the next page once its first lines fit. */
export const paragraph: BlockRenderer<Paragraph> = {
  lead: (ctx, block) => leadOf(paragraphLayout(ctx, block)),
  draw(ctx, block) {
    const { doc } = ctx;
    const text = paragraphLayout(ctx, block);
    ensureSpace(doc, leadOf(text));
    tagText(ctx, 'P', text, left(doc), doc.y, contentWidth(doc));
    doc.x = left(doc);
    doc.y += S.space.paragraphGap;
  },
};
