import type { Section } from '../types.js';
import {
  checkboxes,
  exclusiveOption,
  impactAt,
  likelihoodAt,
  lowersImpact,
  lowersLikelihood,
  option,
  radio,
} from './builders.js';
import { dependsOnEnergy, movesAcrossBorders, operatesInTheRegion, usesSeaRoutes } from './profileConditions.js';

/*
 * Exposure sections ask only what the profile makes relevant. Their answers mostly *set*
 * levels; a few controls that belong to one exposure (an alternative route, backup power) are
 * asked here too, next to the exposure they treat.
 *
 * "Don't know" for an exposure is scored as a moderate answer: level 3 on a graded question,
 * and on a yes/no question the "yes" level capped at 3. It is never scored as the worst case.
 */

export const crossBorderSection: Section = {
  id: 'cross_border',
  kind: 'exposure',
  showIf: movesAcrossBorders,
  questions: [
    checkboxes('border_movements', [
      option('export_goods'),
      option('import_goods'),
      option('transit_goods'),
      option('staff_travel'),
      option('passengers'),
    ]),
    radio('border_frequency', [
      option('daily', likelihoodAt('border_disruption', 4)),
      option('weekly', likelihoodAt('border_disruption', 3)),
      option('monthly_or_less', likelihoodAt('border_disruption', 2)),
      option('dont_know', likelihoodAt('border_disruption', 3)),
    ]),
    radio('border_dependence', [
      option('more_than_half', impactAt('border_disruption', 5)),
      option('quarter_to_half', impactAt('border_disruption', 4)),
      option('less_than_quarter', impactAt('border_disruption', 2)),
      option('dont_know', impactAt('border_disruption', 3)),
    ]),
    radio('border_delay_tolerance', [
      option('less_than_a_day', impactAt('border_disruption', 4)),
      option('up_to_a_week', impactAt('border_disruption', 3)),
      option('more_than_a_week', impactAt('border_disruption', 2)),
      option('dont_know', impactAt('border_disruption', 3)),
    ]),
    radio('border_alternatives', [
      option('tested', lowersImpact('border_disruption', 2)),
      option('identified', lowersImpact('border_disruption', 1)),
      option('none'),
      option('dont_know'),
    ]),
    radio('customs_documents', [
      option('always_checked', lowersLikelihood('border_disruption', 1)),
      option('sometimes'),
      option('no'),
      option('not_applicable'),
    ]),
  ],
};

export const energySection: Section = {
  id: 'energy',
  kind: 'exposure',
  showIf: dependsOnEnergy,
  questions: [
    radio('power_cuts', [
      option('never'),
      option('once_or_twice', likelihoodAt('energy_disruption', 3)),
      option('several_times', likelihoodAt('energy_disruption', 4)),
      option('monthly_or_more', likelihoodAt('energy_disruption', 5)),
      option('dont_know', likelihoodAt('energy_disruption', 3)),
    ]),
    radio('energy_infrastructure', [
      option('operate', likelihoodAt('energy_disruption', 3), likelihoodAt('terrorism', 2)),
      option('next_to', likelihoodAt('terrorism', 2)),
      option('no'),
      option('dont_know', likelihoodAt('terrorism', 2)),
    ]),
    radio('fuel_deliveries', [
      option('daily_or_weekly', impactAt('energy_disruption', 4)),
      option('occasionally'),
      option('no'),
      option('dont_know', impactAt('energy_disruption', 3)),
    ]),
    radio('backup_power', [
      option('tested', lowersImpact('energy_disruption', 2)),
      option('untested', lowersImpact('energy_disruption', 1)),
      option('none'),
      option('dont_know'),
    ]),
  ],
};

export const maritimeSection: Section = {
  id: 'maritime',
  kind: 'exposure',
  showIf: usesSeaRoutes,
  questions: [
    checkboxes('sea_routes', [option('black_sea'), option('caspian'), exclusiveOption('dont_know')]),
    radio('sea_dependence', [
      option('most', impactAt('maritime_disruption', 4)),
      option('some', impactAt('maritime_disruption', 3)),
      option('little', impactAt('maritime_disruption', 2)),
      option('dont_know', impactAt('maritime_disruption', 3)),
    ]),
    radio('sea_delays', [
      option('often', likelihoodAt('maritime_disruption', 4)),
      option('sometimes', likelihoodAt('maritime_disruption', 3)),
      option('never'),
      option('dont_know', likelihoodAt('maritime_disruption', 3)),
    ]),
    radio('sea_alternatives', [
      option('tested', lowersImpact('maritime_disruption', 2)),
      option('identified', lowersImpact('maritime_disruption', 1)),
      option('none'),
      option('dont_know'),
    ]),
    radio('safety_stock', [
      option('over_four_weeks', lowersImpact('maritime_disruption', 1)),
      option('one_to_four_weeks'),
      option('under_one_week'),
      option('not_applicable'),
    ]),
  ],
};

/** Applies to every business once it has said where it operates: no one is outside these risks. */
export const politicalViolenceSection: Section = {
  id: 'political_violence',
  kind: 'exposure',
  showIf: operatesInTheRegion,
  questions: [
    checkboxes('site_proximity', [
      option('government_buildings', likelihoodAt('political_unrest', 3), likelihoodAt('terrorism', 2)),
      option('diplomatic_sites', likelihoodAt('political_unrest', 3), likelihoodAt('terrorism', 2)),
      option('main_squares', likelihoodAt('political_unrest', 3)),
      option('transport_hubs', likelihoodAt('terrorism', 2)),
      option('crowded_places', likelihoodAt('terrorism', 2)),
      exclusiveOption('none'),
      exclusiveOption('dont_know', likelihoodAt('political_unrest', 3), likelihoodAt('terrorism', 2)),
    ]),
    radio('unrest_history', [
      option('several_times', likelihoodAt('political_unrest', 4)),
      option('once', likelihoodAt('political_unrest', 3)),
      option('never'),
      option('dont_know', likelihoodAt('political_unrest', 3)),
    ]),
    radio('high_profile', [
      option('yes', likelihoodAt('political_unrest', 3), likelihoodAt('terrorism', 2)),
      option('no'),
      option('dont_know', likelihoodAt('political_unrest', 3), likelihoodAt('terrorism', 2)),
    ]),
    radio('conflict_proximity', [
      option('yes', likelihoodAt('geopolitical_escalation', 3), impactAt('geopolitical_escalation', 4)),
      option('no'),
      option('dont_know', likelihoodAt('geopolitical_escalation', 3)),
    ]),
    checkboxes('regional_trade_links', [
      option('russia', impactAt('geopolitical_escalation', 4)),
      option('turkey', impactAt('geopolitical_escalation', 4)),
      option('iran', impactAt('geopolitical_escalation', 4)),
      exclusiveOption('none'),
      exclusiveOption('dont_know', impactAt('geopolitical_escalation', 3)),
    ]),
  ],
};

export const exposureSections: readonly Section[] = [
  crossBorderSection,
  energySection,
  maritimeSection,
  politicalViolenceSection,
];
