import type { Scenario } from '../types.js';
import { hasStaffInTheRegion, movesAcrossBorders, movesGoodsByRoad, usesSeaRoutes } from './profileConditions.js';

/**
 * The risk scenarios of questionnaire 2.0.
 *
 * Base levels stand in when no answer sets a level; they are modest, so that a high score is
 * always explained by an answer.
 *
 * `maxReduction`: how many levels measures can take off each factor when every applicable
 * measure is fully in place. Where the business cannot stop the event (unrest, an energy cut, a
 * border closure, a regional crisis), measures prepare it but do not make the event rarer, so
 * likelihood does not fall at all; where its own measures prevent the event (a break-in, a
 * phishing attack) they lower likelihood too. docs/SCORING.md gives the reasons in full.
 *
 * `disrupts`: what the scenario takes away and for how long, as a planning assumption for the
 * impact analysis. These durations are RiskPlan's own planning figures, not forecasts.
 */
export const scenariosV2: readonly Scenario[] = [
  {
    id: 'cyberattack',
    baseLikelihood: 3,
    baseImpact: 3,
    sources: ['article_2025_10', 'nist_csf_2'],
    maxReduction: { likelihood: 2, impact: 2 },
    disrupts: [{ resource: 'it_systems', outage: 'week_1' }],
  },
  {
    id: 'political_unrest',
    baseLikelihood: 2,
    baseImpact: 3,
    sources: ['article_2025_10'],
    maxReduction: { likelihood: 0, impact: 2 },
    disrupts: [
      { resource: 'premises', outage: 'days_3' },
      { resource: 'staff_on_site', outage: 'days_3' },
    ],
  },
  {
    id: 'crime',
    baseLikelihood: 2,
    baseImpact: 2,
    sources: ['article_2025_10'],
    maxReduction: { likelihood: 2, impact: 1 },
    disrupts: [{ resource: 'premises', outage: 'day_1' }],
  },
  {
    id: 'road_cargo',
    baseLikelihood: 2,
    baseImpact: 3,
    appliesIf: movesGoodsByRoad,
    sources: ['article_2025_10'],
    maxReduction: { likelihood: 2, impact: 2 },
    disrupts: [{ resource: 'transport', outage: 'days_3' }],
  },
  {
    id: 'staff_safety',
    baseLikelihood: 2,
    baseImpact: 3,
    appliesIf: hasStaffInTheRegion,
    sources: ['article_2025_10'],
    maxReduction: { likelihood: 0, impact: 3 },
    disrupts: [{ resource: 'staff_on_site', outage: 'week_1' }],
  },
  {
    id: 'terrorism',
    baseLikelihood: 1,
    baseImpact: 4,
    sources: ['article_2025_10'],
    maxReduction: { likelihood: 1, impact: 2 },
    disrupts: [
      { resource: 'premises', outage: 'week_1' },
      { resource: 'staff_on_site', outage: 'week_1' },
    ],
  },
  {
    id: 'border_disruption',
    baseLikelihood: 3,
    baseImpact: 3,
    appliesIf: movesAcrossBorders,
    sources: ['article_2025_10'],
    maxReduction: { likelihood: 1, impact: 2 },
    disrupts: [
      { resource: 'transport', outage: 'week_1' },
      { resource: 'suppliers', outage: 'week_1' },
    ],
  },
  {
    id: 'energy_disruption',
    baseLikelihood: 2,
    baseImpact: 3,
    sources: ['article_2025_10'],
    maxReduction: { likelihood: 0, impact: 3 },
    disrupts: [{ resource: 'power', outage: 'day_1' }],
  },
  {
    id: 'maritime_disruption',
    baseLikelihood: 2,
    baseImpact: 3,
    appliesIf: usesSeaRoutes,
    sources: ['article_2025_10'],
    maxReduction: { likelihood: 0, impact: 2 },
    disrupts: [{ resource: 'suppliers', outage: 'month_1' }],
  },
  {
    id: 'geopolitical_escalation',
    baseLikelihood: 2,
    baseImpact: 3,
    sources: ['article_2025_10'],
    maxReduction: { likelihood: 0, impact: 3 },
    disrupts: [{ resource: 'suppliers', outage: 'month_1' }],
  },
];
