import type { Condition } from '../types.js';

/**
 * Conditions over profile answers that several parts of questionnaire 2.0 share: an exposure
 * section, the scenario it feeds and the actions about its measures must agree on when they apply.
 */

export const movesAcrossBorders: Condition = { question: 'cross_border', equals: 'yes' };

/** The business moves goods by road, in its own vehicles or hired ones. */
export const movesGoodsByRoad: Condition = { question: 'road_transport', oneOf: ['own_vehicles', 'hired_vehicles'] };

export const dependsOnEnergy: Condition = {
  any: [
    { question: 'energy_dependence', oneOf: ['critical', 'significant', 'dont_know'] },
    { question: 'sector', equals: 'energy' },
  ],
};

/** "Don't know" counts: a business unsure of its supply routes is asked rather than assumed safe. */
export const usesSeaRoutes: Condition = {
  question: 'uses_ports',
  oneOf: ['directly', 'through_suppliers', 'dont_know'],
};

export const operatesInTheRegion: Condition = { question: 'countries', includesAny: ['georgia', 'azerbaijan'] };
export const operatesInGeorgia: Condition = { question: 'countries', includes: 'georgia' };
export const operatesInAzerbaijan: Condition = { question: 'countries', includes: 'azerbaijan' };

export const hasExpatriateStaff: Condition = {
  question: 'staff_expatriate',
  oneOf: ['from_1_to_4', 'from_5_to_19', 'from_20'],
};

/** Anyone works for the business in the region: their safety in unrest is a risk of its own. */
export const hasStaffInTheRegion: Condition = {
  all: [
    operatesInTheRegion,
    { any: [{ not: { question: 'staff_local', equals: 'none' } }, hasExpatriateStaff] },
  ],
};

/** The impact analysis asks about as many critical activities as the profile says there are. */
export function hasAtLeastActivities(count: number): Condition {
  const counts = ['one', 'two', 'three', 'four', 'five'];
  return { question: 'critical_activity_count', oneOf: counts.slice(count - 1) };
}
