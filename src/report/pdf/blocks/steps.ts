import { contentWidth, ensureSpace, group, leadOf, left, tagText, type BlockOf } from '../context.js';
import { Shapes } from '../shapes.js';
import { pdfStyles as S } from '../styles.js';
import type { BlockRenderer } from './blockRenderer.js';
import { firstItemLead, itemLayout } from './list.js';

type Steps = BlockOf<'steps'>;

/** Steps to tick off, each with an empty (drawn, not interactive) checkbox. */
export const steps: BlockRenderer<Steps> = {
  lead: (ctx, block) => firstItemLead(ctx, block.items, S.space.stepIndent),
  draw(ctx, block) {
    const { doc } = ctx;
    const indent = S.space.stepIndent;
    const width = contentWidth(doc) - indent;
    group(ctx, 'L', (items) => {
      for (const item of block.items) {
        const text = itemLayout(ctx, item, indent);
        ensureSpace(doc, leadOf(text));
        const y = doc.y;
        new Shapes().checkbox(left(doc), y + 1).draw(doc);
        group(items, 'LI', (li) => tagText(li, 'LBody', text, left(doc) + indent, y, width));
        doc.x = left(doc);
        doc.y += S.space.listItemGap + 1;
      }
    });
    doc.y += S.space.blockGap - S.space.listItemGap;
  },
};
