import { checkboxes, exclusiveOption, option, radio } from '../questionBuilders.js';
import type { MeasureTarget, Section } from '../types.js';
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
  scenarioIdsV2,
  unknown,
} from './builders.js';
import { hasExpatriateStaff } from './profileConditions.js';

/*
 * One section per practical tip of the source article. Most questions ask how far a measure is
 * in place: fully, partly (or in place but never tested), not at all, or "don't know", which
 * scores as "not in place" and becomes a find-out action. Intentions and untested fallbacks
 * never earn full credit, and knowing a fact (what the insurance excludes) is not a measure.
 */

/** A written, exercised continuity plan limits the harm of every scenario a little. */
const everyScenarioImpact = (weight: 1 | 2 | 3): MeasureTarget[] => scenarioIdsV2.map((id) => lowersImpact(id, weight));

export const riskAssessmentSection: Section = {
  id: 'risk_assessment',
  kind: 'pillar',
  questions: [
    // Good practice that keeps the rest current; it does not change a rating by itself.
    measure('risk_review', [], [inPlace('at_least_yearly'), partly('after_incidents_only'), notInPlace('never'), unknown()]),
    measure('risk_owner', [], [inPlace('named_person'), partly('shared_informally'), notInPlace('nobody')]),
    // Crime exposure sits here because the article's first tip names criminal activity.
    radio('valuables_on_site', [
      option('significant', likelihoodAt('crime', 4), impactAt('crime', 3)),
      option('some', likelihoodAt('crime', 3)),
      option('none'),
      dontKnow(),
    ]),
    measure('site_security', [lowersLikelihood('crime', 3), lowersImpact('crime', 1)], [
      inPlace('all_sites'),
      partly('some_sites'),
      notInPlace('none'),
      unknown(),
    ]),
    measure(
      'security_briefing',
      [
        lowersImpact('crime', 1),
        lowersImpact('terrorism', 2),
        lowersImpact('political_unrest', 1),
        lowersImpact('staff_safety', 2),
      ],
      [inPlace('all_staff_yearly'), partly('new_staff_only'), notInPlace('none'), unknown()],
    ),
    // Knowing what the insurance covers and excludes is worth doing, but it is not a measure.
    measure('insurance_review', [], [inPlace('checked'), notInPlace('not_checked'), notInPlace('no_cover'), unknown()]),
  ],
};

export const contingencySection: Section = {
  id: 'contingency',
  kind: 'pillar',
  questions: [
    measure('continuity_plan', everyScenarioImpact(2), [
      inPlace('written_exercised'),
      partly('written_not_exercised'),
      notInPlace('none'),
      unknown(),
    ]),
    measure(
      'alternate_working',
      [
        lowersImpact('political_unrest', 2),
        lowersImpact('energy_disruption', 1),
        lowersImpact('terrorism', 1),
        lowersImpact('staff_safety', 1),
      ],
      [inPlace('tested'), partly('possible_untested'), notInPlace('not_possible'), unknown()],
    ),
    measure(
      'staff_contact_check',
      [
        lowersImpact('terrorism', 2),
        lowersImpact('political_unrest', 1),
        lowersImpact('geopolitical_escalation', 1),
        lowersImpact('staff_safety', 3),
      ],
      [inPlace('tested'), partly('untested'), notInPlace('none')],
    ),
    measure('shelter_plan', [lowersImpact('staff_safety', 2), lowersImpact('political_unrest', 1)], [
      inPlace('yes'),
      partly('partly'),
      notInPlace('no'),
      unknown(),
    ]),
    measure(
      'expatriate_evacuation',
      [lowersImpact('staff_safety', 3), lowersImpact('geopolitical_escalation', 2)],
      [inPlace('planned_rehearsed'), partly('written_not_rehearsed'), notInPlace('none'), unknown()],
      { showIf: hasExpatriateStaff },
    ),
    measure(
      'supplier_alternatives',
      [
        lowersImpact('border_disruption', 2),
        lowersImpact('maritime_disruption', 2),
        lowersImpact('geopolitical_escalation', 2),
      ],
      [inPlace('all_critical'), partly('some'), notInPlace('none'), unknown()],
    ),
  ],
};

export const stayInformedSection: Section = {
  id: 'stay_informed',
  kind: 'pillar',
  questions: [
    checkboxes('information_sources', [
      option('official_announcements'),
      option('news_media'),
      option('security_adviser'),
      option('business_networks'),
      exclusiveOption('none'),
    ]),
    measure(
      'monitoring_routine',
      [
        lowersImpact('political_unrest', 1),
        lowersImpact('geopolitical_escalation', 2),
        lowersImpact('staff_safety', 1),
      ],
      [inPlace('named_person_routine'), partly('ad_hoc'), notInPlace('nobody')],
    ),
    measure(
      'action_triggers',
      [
        lowersImpact('geopolitical_escalation', 2),
        lowersImpact('political_unrest', 1),
        lowersImpact('border_disruption', 1),
        lowersImpact('staff_safety', 2),
      ],
      [inPlace('agreed_written'), partly('informal'), notInPlace('none')],
    ),
    measure('security_adviser', [lowersImpact('geopolitical_escalation', 1), lowersImpact('terrorism', 1)], [
      inPlace('retained'),
      partly('occasionally'),
      notInPlace('never'),
    ]),
    measure(
      'travel_tracking',
      [lowersImpact('crime', 1), lowersImpact('terrorism', 1), lowersImpact('staff_safety', 1)],
      [inPlace('always'), partly('sometimes'), notInPlace('no'), notApplicable()],
    ),
    measure('threat_alerts', [lowersLikelihood('cyberattack', 1)], [inPlace('yes'), notInPlace('no'), unknown()]),
  ],
};

export const authoritiesSection: Section = {
  id: 'authorities',
  kind: 'pillar',
  questions: [
    measure(
      'police_contacts',
      [lowersImpact('crime', 1), lowersImpact('political_unrest', 1), lowersImpact('road_cargo', 1)],
      [inPlace('all_sites'), partly('some_sites'), notInPlace('none')],
    ),
    measure('incident_reporting', [lowersLikelihood('crime', 1), lowersLikelihood('terrorism', 1)], [
      inPlace('written_procedure'),
      partly('informal'),
      notInPlace('none'),
    ]),
    measure('cyber_reporting', [lowersImpact('cyberattack', 1)], [inPlace('yes'), notInPlace('no')]),
    measure('local_security_networks', [lowersLikelihood('crime', 1), lowersImpact('political_unrest', 1)], [
      inPlace('regularly'),
      partly('occasionally'),
      notInPlace('never'),
    ]),
  ],
};

export const cybersecuritySection: Section = {
  id: 'cybersecurity',
  kind: 'pillar',
  questions: [
    measure('mfa', [lowersLikelihood('cyberattack', 3)], [
      inPlace('all_accounts'),
      partly('some_accounts'),
      notInPlace('none'),
      unknown(),
    ]),
    measure('account_management', [lowersLikelihood('cyberattack', 1)], [
      inPlace('yes'),
      partly('partly'),
      notInPlace('no'),
      unknown(),
    ]),
    measure('backups', [lowersImpact('cyberattack', 3)], [
      inPlace('tested_offline'),
      partly('regular_untested'),
      notInPlace('none'),
      unknown(),
    ]),
    measure('updates', [lowersLikelihood('cyberattack', 2)], [
      inPlace('within_two_weeks'),
      partly('irregular'),
      notInPlace('none'),
      unknown(),
    ]),
    measure('phishing_training', [lowersLikelihood('cyberattack', 2)], [
      inPlace('yearly'),
      partly('once'),
      notInPlace('never'),
    ]),
    measure('cyber_incident_plan', [lowersImpact('cyberattack', 2)], [
      inPlace('written_tested'),
      partly('written'),
      notInPlace('none'),
      unknown(),
    ]),
  ],
};

export const pillarSections: readonly Section[] = [
  riskAssessmentSection,
  contingencySection,
  stayInformedSection,
  authoritiesSection,
  cybersecuritySection,
];
