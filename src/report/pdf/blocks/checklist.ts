import type { ChecklistGroup } from '../../reportModelTypes.js';
import type { BlockOf, Ctx } from '../context.js';
import { drawGrid, gridLead, headerCell, shareWidths, type GridOptions } from '../grid.js';
import { pdfStyles as S } from '../styles.js';
import type { BlockRenderer } from './blockRenderer.js';
import { drawHeading, headingHeight } from './heading.js';

type Checklist = BlockOf<'checklist'>;

/** Done, action, priority, owner, due: shares of the content width. */
const columnShares = [0.07, 0.47, 0.12, 0.2, 0.14];

function groupGrid(ctx: Ctx, block: Checklist, timeframe: ChecklistGroup): GridOptions {
  const h = block.headers;
  return {
    widths: shareWidths(ctx.doc, columnShares),
    header: [h.done, h.action, h.priority, h.owner, h.due].map(headerCell),
    rows: timeframe.items.map((item) => [
      { text: '', style: S.text.tableCell, checkbox: true },
      { text: item.text, style: S.text.tableCell, sub: item.detail },
      { text: item.priority, style: S.text.tableCellStrong, fill: S.band[item.band].fill, ...(item.treats ? { sub: item.treats } : {}) },
      // Blank when the action plan gives none: the columns are there to be filled in by hand.
      { text: item.owner ?? '', style: S.text.tableCell },
      { text: item.due ?? '', style: S.text.tableCell, ...(item.status ? { sub: item.status } : {}) },
    ]),
    boxed: true,
    minRowHeight: S.space.checklistRowMin,
  };
}

/** Actions to tick off, one boxed table per timeframe under the timeframe's title. */
export const checklist: BlockRenderer<Checklist> = {
  lead(ctx, block) {
    const first = block.groups[0];
    return first ? headingHeight(ctx, first.title) + gridLead(ctx, groupGrid(ctx, block, first)) : 0;
  },
  draw(ctx, block) {
    for (const timeframe of block.groups) {
      const grid = groupGrid(ctx, block, timeframe);
      // The group title stays with the table header and its first row.
      drawHeading(ctx, timeframe.title, gridLead(ctx, grid));
      drawGrid(ctx, grid);
    }
  },
};
