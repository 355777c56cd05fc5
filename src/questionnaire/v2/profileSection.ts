import { checkboxes, freeText, option, radio } from '../questionBuilders.js';
import type { Section } from '../types.js';
import { dontKnow, impactAt, likelihoodAt } from './builders.js';

/**
 * Who the business is and what it depends on. These answers decide which later sections apply
 * and set the starting likelihood or impact of several scenarios.
 */
export const profileSection: Section = {
  id: 'profile',
  kind: 'profile',
  questions: [
    freeText('company_name', 'text', { required: true, hasHint: true }),
    freeText('prepared_by', 'text', { required: false, hasHint: true }),
    checkboxes('countries', [option('georgia'), option('azerbaijan')]),
    radio('sector', [
      option('energy', likelihoodAt('cyberattack', 4), likelihoodAt('terrorism', 2)),
      option('transport_logistics', likelihoodAt('crime', 3), likelihoodAt('road_cargo', 3)),
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
    radio('staff_local', [
      option('none'),
      option('from_1_to_9'),
      option('from_10_to_49', impactAt('staff_safety', 3)),
      option('from_50_to_249', impactAt('staff_safety', 4)),
      // More people on site means more people hurt if an attack happens.
      option('from_250', impactAt('terrorism', 5), impactAt('staff_safety', 4)),
    ]),
    radio('staff_expatriate', [
      option('none'),
      option('from_1_to_4', impactAt('staff_safety', 4)),
      // Relocating or evacuating staff and their families is the main cost of escalation.
      option('from_5_to_19', impactAt('geopolitical_escalation', 4), impactAt('staff_safety', 5)),
      option('from_20', impactAt('geopolitical_escalation', 4), impactAt('staff_safety', 5)),
    ]),
    radio('cross_border', [option('yes'), option('no')]),
    radio('road_transport', [option('own_vehicles'), option('hired_vehicles'), option('no')]),
    radio('energy_dependence', [
      option('critical', impactAt('energy_disruption', 4)),
      option('significant', impactAt('energy_disruption', 3)),
      option('limited', impactAt('energy_disruption', 2)),
      dontKnow(),
    ]),
    radio('uses_ports', [option('directly'), option('through_suppliers'), option('no'), dontKnow()]),
    radio('critical_it', [
      option('essential', impactAt('cyberattack', 4)),
      option('important', impactAt('cyberattack', 3)),
      option('minor', impactAt('cyberattack', 2)),
      dontKnow(),
    ]),
    radio('online_services', [option('yes', likelihoodAt('cyberattack', 4)), option('no')]),
    radio('critical_activity_count', [option('one'), option('two'), option('three'), option('four'), option('five')]),
  ],
};
