import { checkboxes, exclusiveOption, option, radio } from '../questionBuilders.js';
import type { Section } from '../types.js';
import {
  dontKnow,
  impactAt,
  inPlace,
  likelihoodAt,
  lowersImpact,
  lowersLikelihood,
  measure,
  notApplicable,
  notInPlace,
  partly,
  unknown,
} from './builders.js';
import {
  dependsOnEnergy,
  movesAcrossBorders,
  movesGoodsByRoad,
  operatesInTheRegion,
  usesSeaRoutes,
} from './profileConditions.js';

/*
 * Exposure sections ask only what the profile makes relevant. Their answers set levels; the
 * measures that belong to one exposure (another route, backup power) are asked next to it.
 * "Don't know" on an exposure question scores as its worst answer and becomes a find-out action.
 */

export const crossBorderSection: Section = {
  id: 'cross_border',
  kind: 'exposure',
  showIf: movesAcrossBorders,
  questions: [
    radio('border_frequency', [
      option('daily', likelihoodAt('border_disruption', 4)),
      option('weekly', likelihoodAt('border_disruption', 3)),
      option('monthly_or_less', likelihoodAt('border_disruption', 2)),
      dontKnow(),
    ]),
    radio('border_dependence', [
      option('more_than_half', impactAt('border_disruption', 5)),
      option('quarter_to_half', impactAt('border_disruption', 4)),
      option('less_than_quarter', impactAt('border_disruption', 2)),
      dontKnow(),
    ]),
    measure('border_alternatives', [lowersImpact('border_disruption', 3)], [
      inPlace('tested'),
      partly('identified_untested'),
      notInPlace('none'),
      unknown(),
    ]),
    measure('customs_documents', [lowersLikelihood('border_disruption', 2)], [
      inPlace('always_checked'),
      partly('sometimes'),
      notInPlace('no'),
      notApplicable(),
    ]),
    measure('border_authority_contacts', [lowersImpact('border_disruption', 1)], [
      inPlace('yes'),
      notInPlace('no'),
      unknown(),
    ]),
  ],
};

export const roadTransportSection: Section = {
  id: 'road_transport_risks',
  kind: 'exposure',
  showIf: movesGoodsByRoad,
  questions: [
    radio('road_trips', [
      option('daily', likelihoodAt('road_cargo', 4)),
      option('weekly', likelihoodAt('road_cargo', 3)),
      option('monthly_or_less', likelihoodAt('road_cargo', 2)),
      dontKnow(),
    ]),
    radio('cargo_value', [
      option('high', impactAt('road_cargo', 4), likelihoodAt('crime', 3)),
      option('medium', impactAt('road_cargo', 3)),
      option('low', impactAt('road_cargo', 2)),
      dontKnow(),
    ]),
    measure('route_security', [lowersLikelihood('road_cargo', 3)], [
      inPlace('every_trip'),
      partly('some_trips'),
      notInPlace('no'),
      unknown(),
    ]),
    measure('vehicle_tracking', [lowersLikelihood('road_cargo', 1), lowersImpact('road_cargo', 2)], [
      inPlace('all_vehicles'),
      partly('some_vehicles'),
      notInPlace('none'),
      unknown(),
    ]),
    measure('driver_procedures', [lowersImpact('road_cargo', 2)], [
      inPlace('written_trained'),
      partly('informal'),
      notInPlace('none'),
      unknown(),
    ]),
  ],
};

export const energySection: Section = {
  id: 'energy',
  kind: 'exposure',
  showIf: dependsOnEnergy,
  questions: [
    radio('power_cuts', [
      // "Never" keeps the base level: a business asked about cuts must not rate below one that was not.
      option('never'),
      option('once_or_twice', likelihoodAt('energy_disruption', 3)),
      option('several_times', likelihoodAt('energy_disruption', 4)),
      option('monthly_or_more', likelihoodAt('energy_disruption', 5)),
      dontKnow(),
    ]),
    radio('energy_infrastructure', [
      option('operate', likelihoodAt('energy_disruption', 3), likelihoodAt('terrorism', 2)),
      option('next_to', likelihoodAt('terrorism', 2)),
      option('no'),
      dontKnow(),
    ]),
    radio('fuel_deliveries', [
      option('daily_or_weekly', impactAt('energy_disruption', 4)),
      option('occasionally'),
      option('no'),
      dontKnow(),
    ]),
    measure('backup_power', [lowersImpact('energy_disruption', 3)], [
      inPlace('tested'),
      partly('untested'),
      notInPlace('none'),
      unknown(),
    ]),
  ],
};

export const maritimeSection: Section = {
  id: 'maritime',
  kind: 'exposure',
  showIf: usesSeaRoutes,
  questions: [
    checkboxes('sea_routes', [option('black_sea'), option('caspian'), { ...exclusiveOption('dont_know'), dontKnow: true }]),
    radio('sea_dependence', [
      option('most', impactAt('maritime_disruption', 4)),
      option('some', impactAt('maritime_disruption', 3)),
      option('little', impactAt('maritime_disruption', 2)),
      dontKnow(),
    ]),
    radio('sea_delays', [
      option('often', likelihoodAt('maritime_disruption', 4)),
      option('sometimes', likelihoodAt('maritime_disruption', 3)),
      option('never'),
      dontKnow(),
    ]),
    measure('sea_alternatives', [lowersImpact('maritime_disruption', 3)], [
      inPlace('tested'),
      partly('identified_untested'),
      notInPlace('none'),
      unknown(),
    ]),
    measure('safety_stock', [lowersImpact('maritime_disruption', 2)], [
      inPlace('over_four_weeks'),
      partly('one_to_four_weeks'),
      notInPlace('under_one_week'),
      notApplicable(),
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
      option('main_squares', likelihoodAt('political_unrest', 3), likelihoodAt('staff_safety', 3)),
      option('transport_hubs', likelihoodAt('terrorism', 2)),
      option('crowded_places', likelihoodAt('terrorism', 2)),
      exclusiveOption('none'),
      { ...exclusiveOption('dont_know'), dontKnow: true },
    ]),
    radio('unrest_history', [
      option('several_times', likelihoodAt('political_unrest', 4), likelihoodAt('staff_safety', 4)),
      option('once', likelihoodAt('political_unrest', 3), likelihoodAt('staff_safety', 3)),
      option('never'),
      dontKnow(),
    ]),
    radio('high_profile', [
      option('yes', likelihoodAt('political_unrest', 3), likelihoodAt('terrorism', 2)),
      option('no'),
      dontKnow(),
    ]),
    radio('conflict_proximity', [
      option(
        'yes',
        likelihoodAt('geopolitical_escalation', 3),
        impactAt('geopolitical_escalation', 4),
        likelihoodAt('staff_safety', 3),
      ),
      option('no'),
      dontKnow(),
    ]),
    checkboxes('regional_trade_links', [
      option('russia', impactAt('geopolitical_escalation', 4)),
      option('turkey', impactAt('geopolitical_escalation', 4)),
      option('iran', impactAt('geopolitical_escalation', 4)),
      exclusiveOption('none'),
      { ...exclusiveOption('dont_know'), dontKnow: true },
    ]),
  ],
};

export const exposureSections: readonly Section[] = [
  crossBorderSection,
  roadTransportSection,
  energySection,
  maritimeSection,
  politicalViolenceSection,
];
