import { artifact, contentWidth, ensureSpace, layout, layoutRuns, left, tagText, type BlockOf, type Ctx } from '../context.js';
import { pdfStyles as S } from '../styles.js';
import type { BlockRenderer } from './blockRenderer.js';

type Rating = BlockOf<'rating'>;

/** Between the value and the text of a compact rating. */
const compactGap = '  ·  ';

function ratingLayout(ctx: Ctx, block: Rating) {
  const width = contentWidth(ctx.doc);
  const pad = block.compact ? S.space.ratingPadCompact : S.space.ratingPad;
  const inner = width - 2 * pad - S.space.ratingBar;
  const valueStyle = { ...(block.compact ? S.text.ratingValueCompact : S.text.ratingValue), color: S.band[block.band].text };
  // Compact: label, value and text run on as one paragraph.
  const headline = block.compact
    ? layoutRuns(
        ctx,
        [
          { text: `${block.label} `, style: S.text.ratingLabel },
          { text: block.text ? `${block.value}${compactGap}` : block.value, style: valueStyle },
          ...(block.text ? [{ text: block.text, style: S.text.body }] : []),
        ],
        inner,
      )
    : layoutRuns(ctx, [{ text: `${block.label}\n`, style: S.text.ratingLabel }, { text: block.value, style: valueStyle }], inner);
  const text = block.text && !block.compact ? layout(ctx, S.text.body, block.text, inner) : undefined;
  const height = 2 * pad + headline.height + (text ? text.height + 3 : 0);
  return { pad, inner, headline, text, height, width };
}

/** A rating in a box of its band's colour; never split across pages. */
export const rating: BlockRenderer<Rating> = {
  lead: (ctx, block) => ratingLayout(ctx, block).height,
  draw(ctx, block) {
    const { doc } = ctx;
    const band = S.band[block.band];
    const { pad, inner, headline, text, height, width } = ratingLayout(ctx, block);
    ensureSpace(doc, height);
    const top = doc.y;
    const x = left(doc) + S.space.ratingBar + pad;
    artifact(doc, () => {
      doc.rect(left(doc), top, width, height).fillColor(band.fill).fill();
      doc.rect(left(doc), top, S.space.ratingBar, height).fillColor(band.strong).fill();
    });
    tagText(ctx, 'P', headline, x, top + pad, inner, false);
    if (text) tagText(ctx, 'P', text, x, doc.y + 3, inner, false);
    doc.x = left(doc);
    doc.y = top + height + S.space.blockGap;
  },
};
