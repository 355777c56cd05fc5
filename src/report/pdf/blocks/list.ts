import { contentWidth, ensureSpace, group, layout, leadOf, left, tagText, type BlockOf, type Ctx } from '../context.js';
import { pdfStyles as S } from '../styles.js';
import type { BlockRenderer } from './blockRenderer.js';

type List = BlockOf<'list'>;

/** A list item's text, beside a label or checkbox `indent` wide. */
export function itemLayout(ctx: Ctx, item: string, indent: number) {
  return layout(ctx, S.text.body, item, contentWidth(ctx.doc) - indent);
}

/** What a list needs to start: the first lines of its first item. */
export function firstItemLead(ctx: Ctx, items: readonly string[], indent: number): number {
  const first = items[0];
  return first === undefined ? 0 : leadOf(itemLayout(ctx, first, indent));
}

/** A numbered or bulleted list; each item starts where its first lines fit. */
export const list: BlockRenderer<List> = {
  lead: (ctx, block) => firstItemLead(ctx, block.items, S.space.listIndent),
  draw(ctx, block) {
    const { doc } = ctx;
    const indent = S.space.listIndent;
    const width = contentWidth(doc) - indent;
    group(ctx, 'L', (items) => {
      block.items.forEach((item, index) => {
        const text = itemLayout(ctx, item, indent);
        const label = layout(ctx, S.text.listLabel, block.ordered ? `${index + 1}.` : '•', indent);
        ensureSpace(doc, leadOf(text));
        const y = doc.y;
        group(items, 'LI', (li) => {
          tagText(li, 'Lbl', label, left(doc), y, indent, false);
          tagText(li, 'LBody', text, left(doc) + indent, y, width);
        });
        doc.x = left(doc);
        doc.y += S.space.listItemGap;
      });
    });
    doc.y += S.space.blockGap - S.space.listItemGap;
  },
};
