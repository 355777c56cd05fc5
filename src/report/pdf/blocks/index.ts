import type { ReportBlock } from '../../reportModelTypes.js';
import type { BlockOf, Ctx } from '../context.js';
import type { BlockRenderer } from './blockRenderer.js';
import { callout } from './callout.js';
import { checklist } from './checklist.js';
import { entries } from './entries.js';
import { facts } from './facts.js';
import { heading } from './heading.js';
import { heatMap } from './heatMap.js';
import { list } from './list.js';
import { paragraph } from './paragraph.js';
import { rating } from './rating.js';
import { steps } from './steps.js';
import { table } from './table.js';

/** One renderer per block type; the type checker keeps the table complete. */
const renderers: { [T in ReportBlock['type']]: BlockRenderer<BlockOf<T>> } = {
  paragraph,
  heading,
  facts,
  rating,
  list,
  steps,
  table,
  checklist,
  heatMap,
  entries,
  callout,
};

function rendererOf<B extends ReportBlock>(block: B): BlockRenderer<B> {
  return renderers[block.type] as unknown as BlockRenderer<B>;
}

/**
 * The room the blocks from `index` on need to start on the current page: the first block's
 * lead, and for a block that keeps with next (a heading), the lead of what follows it as well,
 * so that a run of headings stays with the text under them.
 */
export function leadOfBlocks(ctx: Ctx, blocks: readonly ReportBlock[], index = 0): number {
  const block = blocks[index];
  if (!block) return 0;
  const renderer = rendererOf(block);
  const own = renderer.lead(ctx, block);
  return renderer.keepWithNext ? own + leadOfBlocks(ctx, blocks, index + 1) : own;
}

export function drawBlocks(ctx: Ctx, blocks: readonly ReportBlock[]): void {
  blocks.forEach((block, index) => {
    const renderer = rendererOf(block);
    renderer.draw(ctx, block, renderer.keepWithNext ? leadOfBlocks(ctx, blocks, index + 1) : 0);
  });
}

