import type { TableCell } from '../../reportModelTypes.js';
import type { BlockOf, Ctx } from '../context.js';
import { drawGrid, gridLead, headerCell, shareWidths, type GridCell, type GridOptions } from '../grid.js';
import { pdfStyles as S } from '../styles.js';
import type { BlockRenderer } from './blockRenderer.js';

type Table = BlockOf<'table'>;

function tableCell(cell: TableCell, dense: boolean): GridCell {
  const band = cell.band ? S.band[cell.band] : undefined;
  const plain = dense ? S.text.tableCellDense : S.text.tableCell;
  return {
    text: cell.text,
    style: cell.strong || band ? S.text.tableCellStrong : plain,
    ...(cell.sub ? { sub: cell.sub } : {}),
    ...(band ? { fill: band.fill } : {}),
  };
}

function tableGrid(ctx: Ctx, block: Table): GridOptions {
  return {
    widths: shareWidths(
      ctx.doc,
      block.columns.map((column) => column.width),
    ),
    header: block.columns.map((column) => headerCell(column.header)),
    rows: block.rows.map((row) => row.map((cell) => tableCell(cell, block.dense === true))),
  };
}

/** A table with a header row repeated on every page it runs over. */
export const table: BlockRenderer<Table> = {
  lead: (ctx, block) => gridLead(ctx, tableGrid(ctx, block)),
  draw: (ctx, block) => drawGrid(ctx, tableGrid(ctx, block)),
};
