import type { HeatMapRow } from '../../reportModelTypes.js';
import { contentWidth, ensureSpace, layout, left, tag, tagText, type BlockOf, type Ctx } from '../context.js';
import { pdfStyles as S } from '../styles.js';
import type { BlockRenderer } from './blockRenderer.js';

type HeatMap = BlockOf<'heatMap'>;

/** The matrix's geometry, and its key under it: drawn as one piece, never split. */
function heatMapLayout(ctx: Ctx, block: HeatMap) {
  const width = contentWidth(ctx.doc);
  const labelWidth = S.space.heatLabelWidth;
  const cellWidth = (width - labelWidth) / 5;
  const cellHeight = S.space.heatCellHeight;
  const axisHeight = ctx.text.lineHeight(S.text.heatAxis) + 4;
  const gridHeight = cellHeight * 5;
  const legendHeight = ctx.text.lineHeight(S.text.legend) + 6;
  const height = axisHeight + gridHeight + S.space.heatColumnLabelHeight + axisHeight + legendHeight;
  const key = block.key ? layout(ctx, S.text.muted, block.key, width) : undefined;
  return { width, labelWidth, cellWidth, cellHeight, axisHeight, gridHeight, legendHeight, height, key };
}

type HeatMapLayout = ReturnType<typeof heatMapLayout>;

function drawHeatMapRow(ctx: Ctx, row: HeatMapRow, top: number, grid: HeatMapLayout): void {
  const { doc, text } = ctx;
  const { labelWidth, cellWidth, cellHeight } = grid;
  const x0 = left(doc);
  const label = layout(ctx, S.text.heatLabel, row.label, labelWidth - 6);
  text.draw(label, x0, top + (cellHeight - label.height) / 2, labelWidth - 6, 'right');
  row.cells.forEach((cell, column) => {
    const x = x0 + labelWidth + column * cellWidth;
    const band = S.band[cell.band];
    doc.rect(x, top, cellWidth, cellHeight).fillColor(cell.refs ? band.strong : band.fill).fill();
    doc.rect(x, top, cellWidth, cellHeight).lineWidth(S.line.grid).strokeColor(S.colour.white).stroke();
    text.draw(layout(ctx, S.text.heatScore, String(cell.score), cellWidth - 6), x + 3, top + 3, cellWidth - 6, 'right');
    if (cell.refs) {
      const refs = layout(ctx, { ...S.text.heatRef, color: band.text }, cell.refs, cellWidth - 8, cellHeight - 8);
      text.draw(refs, x + 4, top + (cellHeight - refs.height) / 2 + 2, cellWidth - 8, 'center');
    }
  });
}

/**
 * The likelihood-by-impact matrix: one figure with a description in words. The colours and
 * positions are its meaning, and the description says the same for screen readers.
 */
export const heatMap: BlockRenderer<HeatMap> = {
  lead(ctx, block) {
    const grid = heatMapLayout(ctx, block);
    return grid.height + (grid.key?.height ?? 0);
  },
  draw(ctx, block) {
    const { doc, text } = ctx;
    const grid = heatMapLayout(ctx, block);
    ensureSpace(doc, grid.height + (grid.key?.height ?? 0));
    const top = doc.y;
    const x0 = left(doc);
    const gridTop = top + grid.axisHeight;
    const gridLeft = x0 + grid.labelWidth;
    const gridWidth = grid.cellWidth * 5;
    tag(
      ctx,
      'Figure',
      () => {
        text.draw(layout(ctx, S.text.heatAxis, block.likelihoodAxis, grid.labelWidth - 6), x0, top, grid.labelWidth - 6, 'right');
        block.rows.forEach((row, index) => drawHeatMapRow(ctx, row, gridTop + index * grid.cellHeight, grid));
        const labelsTop = gridTop + grid.gridHeight + 3;
        block.columnLabels.forEach((label, column) => {
          const x = gridLeft + column * grid.cellWidth + 2;
          text.draw(layout(ctx, S.text.heatLabel, label, grid.cellWidth - 4), x, labelsTop, grid.cellWidth - 4, 'center');
        });
        const axisTop = gridTop + grid.gridHeight + S.space.heatColumnLabelHeight;
        text.draw(layout(ctx, S.text.heatAxis, block.impactAxis, gridWidth), gridLeft, axisTop, gridWidth, 'center');
        let legendX = gridLeft;
        const legendY = axisTop + grid.axisHeight + 2;
        for (const item of block.legend) {
          doc.rect(legendX, legendY, S.space.heatSwatch, S.space.heatSwatch).fillColor(S.band[item.band].strong).fill();
          const label = layout(ctx, S.text.legend, item.label, grid.width);
          text.draw(label, legendX + S.space.heatSwatch + 4, legendY, label.width + 1);
          legendX += S.space.heatSwatch + 4 + label.width + 14;
        }
      },
      { alt: block.description, bbox: [x0, top, x0 + grid.width, top + grid.height] },
    );
    doc.x = x0;
    doc.y = top + grid.height + 2;
    if (grid.key) tagText(ctx, 'P', grid.key, x0, doc.y, grid.width);
    doc.y += S.space.blockGap;
  },
};
