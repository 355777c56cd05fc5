import { contentWidth, type BlockOf, type Ctx } from '../context.js';
import { drawGrid, gridLead, type GridOptions } from '../grid.js';
import { pdfStyles as S } from '../styles.js';
import type { BlockRenderer } from './blockRenderer.js';

type Facts = BlockOf<'facts'>;

function factGrid(ctx: Ctx, block: Facts): GridOptions {
  const width = contentWidth(ctx.doc);
  const labelWidth = width * S.space.factLabelShare;
  return {
    widths: [labelWidth, width - labelWidth],
    rows: block.rows.map((row) => [
      { text: row.label, style: S.text.factLabel },
      { text: row.value, style: S.text.factValue },
    ]),
    rowHeaders: true,
  };
}

/** Label and value pairs, as a two-column table with the labels as row headers. */
export const facts: BlockRenderer<Facts> = {
  lead: (ctx, block) => gridLead(ctx, factGrid(ctx, block)),
  draw: (ctx, block) => drawGrid(ctx, factGrid(ctx, block)),
};
