import { bandOrder, heatMapCells, levels } from '../../scoring/bands.js';
import type { HeatMapRow, ReportBlock } from '../reportModelTypes.js';
import { bandLabel, levelLabel, refOf, scenarioTitle, type Context } from './context.js';
import { heatMapJudgementKey, heatMapRef } from './judgement.js';

/** The 5x5 matrix with each scenario placed by its rating after measures, and its description in words. */
export function heatMapBlock(c: Context): ReportBlock {
  const { t } = c;
  const scores = new Map(c.register.scenarios.map((s) => [s.scenarioId, s]));
  const marker = (id: string) => heatMapRef(c, scores.get(id), id);
  const rows: HeatMapRow[] = heatMapCells(c.register).map((row) => {
    const likelihood = row[0]?.likelihood ?? 1;
    return {
      label: levelLabel(c, 'likelihood', likelihood),
      cells: row.map((cell) => ({
        band: cell.band,
        score: cell.score,
        refs: cell.scenarioIds.map(marker).join(', '),
        description: t('report.heatMap.cell', {
          likelihood: cell.likelihood,
          impact: cell.impact,
          score: cell.score,
          band: bandLabel(c, cell.band),
          scenarios: cell.scenarioIds.map((id) => `${marker(id)} ${scenarioTitle(c, id)}`).join(', '),
        }).trim(),
      })),
    };
  });
  const placements = c.register.scenarios.map((s) =>
    t('report.heatMap.placement', {
      ref: refOf(c, s.scenarioId),
      scenario: scenarioTitle(c, s.scenarioId),
      likelihood: s.residualLikelihood,
      impact: s.residualImpact,
      band: bandLabel(c, s.residualBand),
    }),
  );
  const keyEntries = c.register.scenarios.map((s) =>
    t('report.heatMap.keyEntry', { ref: refOf(c, s.scenarioId), scenario: scenarioTitle(c, s.scenarioId) }),
  );
  return {
    type: 'heatMap',
    description: t('report.heatMap.description', {
      placements: placements.length > 0 ? placements.join(' ') : t('report.heatMap.empty'),
    }),
    likelihoodAxis: t('report.heatMap.likelihood'),
    impactAxis: t('report.heatMap.impact'),
    rows,
    columnLabels: levels.map((impact) => levelLabel(c, 'impact', impact)),
    legend: bandOrder.map((band) => ({ band, label: bandLabel(c, band) })),
    key: keyEntries.length > 0 ? [t('report.heatMap.key', { entries: keyEntries.join(' · ') }), heatMapJudgementKey(c)].filter(Boolean).join(' ') : '',
  };
}

