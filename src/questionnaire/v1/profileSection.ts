import type { Section } from '../types.js';
import {
  checkboxes,
  freeText,
  impactAt,
  likelihoodAt,
  option,
  radio,
} from './builders.js';

/**
 * Who the business is and what it depends on. These answers decide which exposure sections
 * apply and set the starting likelihood or impact of several scenarios.
 */
export const profileSection: Section = {
  id: 'profile',
  kind: 'profile',
  questions: [
    freeText('company_name', 'text', { required: true, hasHint: true }),
    // Printed on the report's cover as its preparer; there are no accounts to take it from.
    freeText('prepared_by', 'text', { required: false, hasHint: true }),
    checkboxes('countries', [option('georgia'), option('azerbaijan')]),
    radio('sector', [
      option('energy', likelihoodAt('cyberattack', 4), likelihoodAt('terrorism', 2)),
      option('transport_logistics', likelihoodAt('crime', 3)),
      option('finance', likelihoodAt('cyberattack', 4), likelihoodAt('crime', 3)),
      option('retail_hospitality', likelihoodAt('crime', 3)),
      option('technology_telecoms', likelihoodAt('cyberattack', 4)),
      option('manufacturing_construction'),
      option('agriculture_food'),
      option('professional_services'),
      option('non_profit'),
      option('other'),
    ]),
    radio('sites', [option('one'), option('two_to_five'), option('six_or_more', likelihoodAt('crime', 3))]),
    checkboxes('site_locations', [
      option('capital_city'),
      option('other_city'),
      option('industrial_area'),
      option('rural_area'),
      option('near_border'),
    ]),
    radio('staff_local', [
      option('none'),
      option('from_1_to_9'),
      option('from_10_to_49'),
      option('from_50_to_249'),
      // More people on site means more people hurt if an attack happens.
      option('from_250', impactAt('terrorism', 5)),
    ]),
    radio('staff_expatriate', [
      option('none'),
      option('from_1_to_4'),
      // Relocating or evacuating staff and their families is the main cost of escalation.
      option('from_5_to_19', impactAt('geopolitical_escalation', 4)),
      option('from_20', impactAt('geopolitical_escalation', 4)),
    ]),
    radio('cross_border', [option('yes'), option('no')]),
    radio('energy_dependence', [
      option('critical', impactAt('energy_disruption', 4)),
      option('significant', impactAt('energy_disruption', 3)),
      option('limited', impactAt('energy_disruption', 2)),
      option('dont_know', impactAt('energy_disruption', 3)),
    ]),
    radio('uses_ports', [
      option('directly'),
      option('through_suppliers'),
      option('no'),
      option('dont_know'),
    ]),
    radio('critical_it', [
      option('essential', impactAt('cyberattack', 4)),
      option('important', impactAt('cyberattack', 3)),
      option('minor', impactAt('cyberattack', 2)),
      option('dont_know', impactAt('cyberattack', 3)),
    ]),
    radio('online_services', [option('yes', likelihoodAt('cyberattack', 4)), option('no')]),
  ],
};
