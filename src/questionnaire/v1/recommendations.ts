import type { Condition, Recommendation } from '../types.js';
import type { PillarIdV1, ScenarioIdV1 } from './builders.js';
import {
  dependsOnEnergy,
  hasExpatriateStaff,
  movesAcrossBorders,
  usesSeaRoutes,
} from './profileConditions.js';

function recommend(
  id: string,
  pillar: PillarIdV1,
  treats: readonly ScenarioIdV1[],
  recommendIf: Condition,
): Recommendation {
  return { id, pillar, treats, recommendIf };
}

const isNot = (question: string, value: string): Condition => ({ not: { question, equals: value } });

/*
 * Each action is recommended when the control it describes is not in place. An action about a
 * question that only some businesses see (expatriate staff, border work, energy, sea routes)
 * also checks the profile answer that shows that question: an unanswered, hidden question must
 * not trigger advice the business does not need.
 */
export const recommendationsV1: readonly Recommendation[] = [
  // 1. Conduct thorough risk assessments
  recommend(
    'review_risks_yearly',
    'risk_assessment',
    ['crime', 'political_unrest', 'terrorism', 'cyberattack', 'geopolitical_escalation'],
    { any: [isNot('risk_review', 'at_least_yearly'), isNot('risk_owner', 'named_person')] },
  ),
  recommend('protect_sites', 'risk_assessment', ['crime'], {
    any: [
      {
        not: {
          all: [
            { question: 'site_security', includes: 'access_control' },
            { question: 'site_security', includes: 'alarm_or_cctv' },
          ],
        },
      },
      {
        all: [
          { question: 'valuables_on_site', oneOf: ['significant', 'some', 'dont_know'] },
          { not: { question: 'site_security', includes: 'secure_storage' } },
        ],
      },
    ],
  }),
  recommend(
    'brief_staff',
    'risk_assessment',
    ['crime', 'terrorism', 'political_unrest'],
    isNot('security_briefing', 'all_staff_yearly'),
  ),
  recommend('list_critical_systems', 'risk_assessment', ['cyberattack'], isNot('critical_assets_listed', 'documented')),
  recommend(
    'check_insurance',
    'risk_assessment',
    ['crime', 'political_unrest', 'cyberattack'],
    isNot('insurance_review', 'checked_covered'),
  ),

  // 2. Develop contingency plans
  recommend(
    'write_and_exercise_plan',
    'contingency',
    [
      'cyberattack',
      'political_unrest',
      'terrorism',
      'border_disruption',
      'energy_disruption',
      'maritime_disruption',
      'geopolitical_escalation',
    ],
    { any: [isNot('continuity_plan', 'written_exercised'), isNot('critical_activities', 'documented')] },
  ),
  recommend('keep_working_elsewhere', 'contingency', ['political_unrest', 'energy_disruption', 'terrorism'], {
    any: [
      isNot('alternate_working', 'tested'),
      { all: [dependsOnEnergy, isNot('backup_power', 'tested')] },
    ],
  }),
  recommend(
    'check_staff_safety',
    'contingency',
    ['terrorism', 'political_unrest', 'geopolitical_escalation'],
    isNot('staff_contact_check', 'tested'),
  ),
  recommend('plan_expatriate_evacuation', 'contingency', ['geopolitical_escalation'], {
    all: [hasExpatriateStaff, isNot('expatriate_evacuation', 'planned_rehearsed')],
  }),
  recommend(
    'secure_alternative_supply',
    'contingency',
    ['border_disruption', 'maritime_disruption', 'geopolitical_escalation'],
    {
      any: [
        isNot('supplier_alternatives', 'all_critical'),
        { all: [movesAcrossBorders, isNot('border_alternatives', 'tested')] },
        { all: [usesSeaRoutes, isNot('sea_alternatives', 'tested')] },
      ],
    },
  ),

  // 3. Stay informed
  recommend('assign_monitoring', 'stay_informed', ['political_unrest', 'geopolitical_escalation', 'terrorism'], {
    any: [
      isNot('monitoring_routine', 'named_person_routine'),
      { question: 'information_sources', includes: 'none' },
    ],
  }),
  recommend(
    'agree_action_triggers',
    'stay_informed',
    ['geopolitical_escalation', 'political_unrest', 'border_disruption'],
    isNot('action_triggers', 'agreed_written'),
  ),
  recommend(
    'consult_security_adviser',
    'stay_informed',
    ['geopolitical_escalation', 'terrorism', 'political_unrest'],
    isNot('security_adviser', 'retained'),
  ),
  recommend('track_staff_travel', 'stay_informed', ['crime', 'terrorism', 'political_unrest'], {
    question: 'travel_tracking',
    oneOf: ['sometimes', 'no'],
  }),
  recommend('receive_cyber_alerts', 'stay_informed', ['cyberattack'], isNot('threat_alerts', 'yes')),

  // 4. Collaborate with local authorities
  recommend(
    'build_police_contacts',
    'authorities',
    ['crime', 'political_unrest', 'terrorism'],
    isNot('police_contacts', 'all_sites'),
  ),
  recommend(
    'set_reporting_procedure',
    'authorities',
    ['crime', 'terrorism'],
    isNot('incident_reporting', 'written_procedure'),
  ),
  recommend('know_cyber_reporting', 'authorities', ['cyberattack'], isNot('cyber_reporting', 'yes')),
  recommend('work_with_border_authorities', 'authorities', ['border_disruption'], {
    all: [
      movesAcrossBorders,
      {
        any: [
          isNot('border_authority_contacts', 'yes'),
          { not: { question: 'customs_documents', oneOf: ['always_checked', 'not_applicable'] } },
        ],
      },
    ],
  }),
  recommend(
    'join_local_networks',
    'authorities',
    ['political_unrest', 'crime', 'terrorism'],
    isNot('local_security_networks', 'regularly'),
  ),

  // 5. Invest in cybersecurity
  recommend('require_mfa', 'cybersecurity', ['cyberattack'], {
    any: [isNot('mfa', 'all_accounts'), isNot('account_management', 'yes')],
  }),
  recommend('keep_tested_backups', 'cybersecurity', ['cyberattack'], isNot('backups', 'tested_offline')),
  recommend('apply_updates', 'cybersecurity', ['cyberattack'], isNot('updates', 'within_two_weeks')),
  recommend('train_staff_phishing', 'cybersecurity', ['cyberattack'], isNot('phishing_training', 'yearly')),
  recommend(
    'prepare_cyber_incident_plan',
    'cybersecurity',
    ['cyberattack'],
    isNot('cyber_incident_plan', 'written_tested'),
  ),
];
