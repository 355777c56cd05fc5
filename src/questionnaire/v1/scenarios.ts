import type { Scenario } from '../types.js';
import { movesAcrossBorders, usesSeaRoutes } from './profileConditions.js';

/**
 * The risk scenarios of questionnaire 1.0. Base levels are used when no answer sets a level;
 * they are deliberately modest, so that a high score is always explained by an answer.
 * Terrorism starts rare but severe: rare events with grave consequences are still planned for.
 */
export const scenariosV1: readonly Scenario[] = [
  { id: 'cyberattack', baseLikelihood: 3, baseImpact: 3, sources: ['article_2025_10', 'nist_csf_2'] },
  { id: 'political_unrest', baseLikelihood: 2, baseImpact: 3, sources: ['article_2025_10'] },
  { id: 'crime', baseLikelihood: 2, baseImpact: 2, sources: ['article_2025_10'] },
  { id: 'terrorism', baseLikelihood: 1, baseImpact: 4, sources: ['article_2025_10'] },
  {
    id: 'border_disruption',
    baseLikelihood: 3,
    baseImpact: 3,
    appliesIf: movesAcrossBorders,
    sources: ['article_2025_10'],
  },
  // Applies to every business: every site draws on the grid. The profile's dependence answer
  // sets how much an outage would hurt, and "limited" dependence keeps the impact low.
  { id: 'energy_disruption', baseLikelihood: 2, baseImpact: 3, sources: ['article_2025_10'] },
  {
    id: 'maritime_disruption',
    baseLikelihood: 2,
    baseImpact: 3,
    appliesIf: usesSeaRoutes,
    sources: ['article_2025_10'],
  },
  { id: 'geopolitical_escalation', baseLikelihood: 2, baseImpact: 3, sources: ['article_2025_10'] },
];
