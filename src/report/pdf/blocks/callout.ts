import { artifact, contentWidth, ensureSpace, layout, left, tagText, type BlockOf, type Ctx } from '../context.js';
import { pdfStyles as S } from '../styles.js';
import type { BlockRenderer } from './blockRenderer.js';

type Callout = BlockOf<'callout'>;

function calloutLayout(ctx: Ctx, block: Callout) {
  const width = contentWidth(ctx.doc);
  const inner = width - 2 * S.space.calloutPad - S.space.calloutBar;
  const text = layout(ctx, S.text.body, block.text, inner);
  return { width, inner, text, height: text.height + 2 * S.space.calloutPad };
}

/** A note in a tinted box with a bar of its tone's colour; never split across pages. */
export const callout: BlockRenderer<Callout> = {
  lead: (ctx, block) => calloutLayout(ctx, block).height,
  draw(ctx, block) {
    const { doc } = ctx;
    const { width, inner, text, height } = calloutLayout(ctx, block);
    ensureSpace(doc, height);
    const top = doc.y;
    const warning = block.tone === 'warning';
    artifact(doc, () => {
      doc.rect(left(doc), top, width, height).fillColor(warning ? S.colour.calloutWarningFill : S.colour.calloutInfoFill).fill();
      doc.rect(left(doc), top, S.space.calloutBar, height).fillColor(warning ? S.colour.calloutWarningBar : S.colour.accent).fill();
    });
    tagText(ctx, 'P', text, left(doc) + S.space.calloutBar + S.space.calloutPad, top + S.space.calloutPad, inner, false);
    doc.x = left(doc);
    doc.y = top + height + S.space.blockGap;
  },
};
