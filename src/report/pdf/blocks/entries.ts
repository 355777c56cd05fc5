import type { Entry } from '../../reportModelTypes.js';
import { contentWidth, ensureSpace, layout, layoutRuns, leadOf, left, tagText, type BlockOf, type Ctx } from '../context.js';
import { pdfStyles as S } from '../styles.js';
import type { BlockRenderer } from './blockRenderer.js';

/** Space between a term and each of its details. */
const detailGap = 1.5;

function entryLayouts(ctx: Ctx, entry: Entry) {
  const width = contentWidth(ctx.doc);
  return {
    term: layout(ctx, S.text.entryTerm, entry.term, width),
    details: entry.details.map((detail) =>
      layoutRuns(
        ctx,
        detail.text
          ? [
              { text: `${detail.label} `, style: S.text.entryLabel },
              { text: detail.text, style: S.text.entryText },
            ]
          : [{ text: detail.label, style: S.text.entryLabel }],
        width,
      ),
    ),
  };
}

/** A term stays with the first lines of its first detail. */
function entryLead(laid: ReturnType<typeof entryLayouts>): number {
  const first = laid.details[0];
  return laid.term.height + (first ? leadOf(first) + detailGap : 0);
}

/** Terms, each with labelled details (the answers in the appendix). */
export const entries: BlockRenderer<BlockOf<'entries'>> = {
  lead(ctx, block) {
    const first = block.items[0];
    return first ? entryLead(entryLayouts(ctx, first)) : 0;
  },
  draw(ctx, block) {
    const { doc } = ctx;
    const width = contentWidth(doc);
    for (const entry of block.items) {
      const laid = entryLayouts(ctx, entry);
      ensureSpace(doc, entryLead(laid));
      tagText(ctx, 'P', laid.term, left(doc), doc.y, width);
      for (const detail of laid.details) {
        doc.y += detailGap;
        ensureSpace(doc, leadOf(detail, 1));
        tagText(ctx, 'P', detail, left(doc), doc.y, width);
      }
      doc.x = left(doc);
      doc.y += S.space.entryGap;
    }
  },
};
