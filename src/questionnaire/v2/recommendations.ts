import type { Condition, Recommendation } from '../types.js';
import { scenarioIdsV2, type PillarIdV2, type ScenarioIdV2 } from './builders.js';

function recommend(
  id: string,
  pillar: PillarIdV2,
  treats: readonly ScenarioIdV2[],
  addresses: readonly string[],
  recommendIf?: Condition,
): Recommendation {
  return { id, pillar, treats, addresses, ...(recommendIf ? { recommendIf } : {}) };
}

/*
 * Each action puts in place the measures it addresses. It is recommended only when one of them
 * is shown and partly or not in place: never for a measure in place, and never for one answered
 * "don't know" (that becomes a find-out action). No two actions address the same measure, so
 * the checklist has no duplicates.
 */
export const recommendationsV2: readonly Recommendation[] = [
  // 1. Conduct thorough risk assessments
  recommend('review_risks_yearly', 'risk_assessment', ['crime', 'political_unrest', 'cyberattack', 'geopolitical_escalation'], [
    'risk_review',
    'risk_owner',
  ]),
  recommend('protect_sites', 'risk_assessment', ['crime'], ['site_security']),
  recommend('brief_staff', 'risk_assessment', ['staff_safety', 'terrorism', 'political_unrest', 'crime'], ['security_briefing']),
  recommend('check_insurance', 'risk_assessment', ['crime', 'political_unrest', 'cyberattack'], ['insurance_review']),
  recommend('secure_road_transport', 'risk_assessment', ['road_cargo'], [
    'route_security',
    'vehicle_tracking',
    'driver_procedures',
  ]),

  // 2. Develop contingency plans
  recommend('write_and_exercise_plan', 'contingency', [...scenarioIdsV2], ['continuity_plan']),
  recommend('keep_working_elsewhere', 'contingency', ['political_unrest', 'energy_disruption', 'terrorism', 'staff_safety'], [
    'alternate_working',
  ]),
  recommend('check_staff_safety', 'contingency', ['staff_safety', 'terrorism', 'political_unrest', 'geopolitical_escalation'], [
    'staff_contact_check',
  ]),
  recommend('prepare_shelter', 'contingency', ['staff_safety', 'political_unrest'], ['shelter_plan']),
  recommend('plan_expatriate_evacuation', 'contingency', ['staff_safety', 'geopolitical_escalation'], ['expatriate_evacuation']),
  recommend('secure_alternative_supply', 'contingency', ['border_disruption', 'maritime_disruption', 'geopolitical_escalation'], [
    'supplier_alternatives',
    'border_alternatives',
    'sea_alternatives',
    'safety_stock',
  ]),
  recommend('install_backup_power', 'contingency', ['energy_disruption'], ['backup_power']),

  // 3. Stay informed
  recommend('assign_monitoring', 'stay_informed', ['geopolitical_escalation', 'political_unrest', 'staff_safety'], ['monitoring_routine']),
  recommend('agree_action_triggers', 'stay_informed', ['geopolitical_escalation', 'staff_safety', 'political_unrest', 'border_disruption'], [
    'action_triggers',
  ]),
  recommend('consult_security_adviser', 'stay_informed', ['geopolitical_escalation', 'terrorism'], ['security_adviser']),
  recommend('track_staff_travel', 'stay_informed', ['staff_safety', 'crime', 'terrorism'], ['travel_tracking']),
  recommend('receive_cyber_alerts', 'stay_informed', ['cyberattack'], ['threat_alerts']),

  // 4. Collaborate with local authorities
  recommend('build_police_contacts', 'authorities', ['crime', 'political_unrest', 'road_cargo'], ['police_contacts', 'local_security_networks']),
  recommend('set_reporting_procedure', 'authorities', ['crime', 'terrorism'], ['incident_reporting']),
  recommend('know_cyber_reporting', 'authorities', ['cyberattack'], ['cyber_reporting']),
  recommend('work_with_border_authorities', 'authorities', ['border_disruption'], ['border_authority_contacts', 'customs_documents']),

  // 5. Invest in cybersecurity
  recommend('require_mfa', 'cybersecurity', ['cyberattack'], ['mfa', 'account_management']),
  recommend('keep_tested_backups', 'cybersecurity', ['cyberattack'], ['backups']),
  recommend('apply_updates', 'cybersecurity', ['cyberattack'], ['updates']),
  recommend('train_staff_phishing', 'cybersecurity', ['cyberattack'], ['phishing_training']),
  recommend('prepare_cyber_incident_plan', 'cybersecurity', ['cyberattack'], ['cyber_incident_plan']),
];
