import type { ReportBlock } from '../../reportModelTypes.js';
import type { Ctx } from '../context.js';

/** How one block type is drawn. Each block type has one, in a module of its own. */
export interface BlockRenderer<B extends ReportBlock> {
  /**
   * The room the block needs to start on the current page: exactly what `draw` makes sure of
   * before it draws, so that keep-with-next decisions measure what will really be drawn.
   */
  lead(ctx: Ctx, block: B): number;
  /**
   * Draws the block at the current position. `following` is the lead of what comes next; a
   * block that keeps with next (a heading) needs room for it too.
   */
  draw(ctx: Ctx, block: B, following: number): void;
  /** The block must not end a page: its lead includes the lead of what follows. */
  keepWithNext?: boolean;
}
