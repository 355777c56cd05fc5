import type { Condition } from '../types.js';

/**
 * Conditions over profile answers that several parts of the questionnaire share: an exposure
 * section, the scenario it feeds and the recommendations about its controls must all agree on
 * when they apply.
 */

/** The business moves goods or people across a national border. */
export const movesAcrossBorders: Condition = { question: 'cross_border', equals: 'yes' };

/** Energy supply matters enough to ask about it (or the business is in the energy sector). */
export const dependsOnEnergy: Condition = {
  any: [
    { question: 'energy_dependence', oneOf: ['critical', 'significant', 'dont_know'] },
    { question: 'sector', equals: 'energy' },
  ],
};

/**
 * The business or its suppliers ship through Black Sea or Caspian ports. "Don't know" counts:
 * a business unsure of its supply routes is asked about them rather than assumed unexposed.
 */
export const usesSeaRoutes: Condition = {
  question: 'uses_ports',
  oneOf: ['directly', 'through_suppliers', 'dont_know'],
};

/** The business has said where it operates; every such business faces unrest and terrorism. */
export const operatesInTheRegion: Condition = {
  question: 'countries',
  includesAny: ['georgia', 'azerbaijan'],
};

export const hasExpatriateStaff: Condition = {
  question: 'staff_expatriate',
  oneOf: ['from_1_to_4', 'from_5_to_19', 'from_20'],
};

export const operatesInGeorgia: Condition = { question: 'countries', includes: 'georgia' };
export const operatesInAzerbaijan: Condition = { question: 'countries', includes: 'azerbaijan' };
