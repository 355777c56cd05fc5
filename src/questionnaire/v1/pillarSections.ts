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
import { hasExpatriateStaff, movesAcrossBorders } from './profileConditions.js';

/*
 * One section per practical tip of the source article. Most questions ask whether a control is
 * in place: the strongest answer *reduces* likelihood or impact, a partial one may reduce a
 * little, and "don't know" reduces nothing (a control nobody can vouch for cannot be relied on).
 * Questions without effects still matter: their answers decide which actions are recommended.
 */

export const riskAssessmentSection: Section = {
  id: 'risk_assessment',
  kind: 'pillar',
  questions: [
    radio('risk_review', [
      option('at_least_yearly'),
      option('after_incidents_only'),
      option('never'),
      option('dont_know'),
    ]),
    radio('risk_owner', [option('named_person'), option('shared_informally'), option('nobody')]),
    // Crime exposure sits here because the article's first tip names criminal activity.
    radio('valuables_on_site', [
      option('significant', likelihoodAt('crime', 3), impactAt('crime', 3)),
      option('some'),
      option('none'),
      option('dont_know', likelihoodAt('crime', 3)),
    ]),
    checkboxes('site_security', [
      option('access_control', lowersLikelihood('crime', 1)),
      option('alarm_or_cctv', lowersLikelihood('crime', 1)),
      option('guards', lowersLikelihood('crime', 1)),
      option('secure_storage', lowersImpact('crime', 1)),
      exclusiveOption('none'),
    ]),
    radio('security_briefing', [
      option(
        'all_staff_yearly',
        lowersImpact('crime', 1),
        lowersImpact('terrorism', 1),
        lowersImpact('political_unrest', 1),
      ),
      option('new_staff_only', lowersImpact('crime', 1)),
      option('none'),
      option('dont_know'),
    ]),
    radio('critical_assets_listed', [
      option('documented', lowersImpact('cyberattack', 1)),
      option('partly'),
      option('no'),
      option('dont_know'),
    ]),
    radio('insurance_review', [
      option('checked_covered', lowersImpact('crime', 1)),
      option('not_checked'),
      option('no_cover'),
      option('dont_know'),
    ]),
  ],
};

export const contingencySection: Section = {
  id: 'contingency',
  kind: 'pillar',
  questions: [
    radio('continuity_plan', [
      option(
        'written_exercised',
        lowersImpact('cyberattack', 1),
        lowersImpact('political_unrest', 1),
        lowersImpact('terrorism', 1),
        lowersImpact('border_disruption', 1),
        lowersImpact('energy_disruption', 1),
        lowersImpact('maritime_disruption', 1),
        lowersImpact('geopolitical_escalation', 1),
      ),
      option('written_not_exercised'),
      option('none'),
      option('dont_know'),
    ]),
    radio('critical_activities', [option('documented'), option('partly'), option('no')]),
    radio('alternate_working', [
      option(
        'tested',
        lowersImpact('political_unrest', 1),
        lowersImpact('energy_disruption', 1),
        lowersImpact('terrorism', 1),
      ),
      option('possible_untested', lowersImpact('political_unrest', 1)),
      option('not_possible'),
      option('dont_know'),
    ]),
    radio('staff_contact_check', [
      option(
        'tested',
        lowersImpact('terrorism', 1),
        lowersImpact('political_unrest', 1),
        lowersImpact('geopolitical_escalation', 1),
      ),
      option('untested'),
      option('none'),
    ]),
    radio(
      'expatriate_evacuation',
      [
        option('planned_rehearsed', lowersImpact('geopolitical_escalation', 2)),
        option('planned', lowersImpact('geopolitical_escalation', 1)),
        option('none'),
        option('dont_know'),
      ],
      { showIf: hasExpatriateStaff },
    ),
    radio('supplier_alternatives', [
      option(
        'all_critical',
        lowersImpact('border_disruption', 1),
        lowersImpact('maritime_disruption', 1),
        lowersImpact('geopolitical_escalation', 1),
      ),
      option('some'),
      option('none'),
      option('dont_know'),
    ]),
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
    radio('monitoring_routine', [
      option(
        'named_person_routine',
        lowersImpact('political_unrest', 1),
        lowersImpact('geopolitical_escalation', 1),
      ),
      option('ad_hoc'),
      option('nobody'),
    ]),
    radio('action_triggers', [
      option(
        'agreed_written',
        lowersImpact('geopolitical_escalation', 1),
        lowersImpact('political_unrest', 1),
        lowersImpact('border_disruption', 1),
      ),
      option('informal'),
      option('none'),
    ]),
    radio('security_adviser', [
      option('retained', lowersImpact('geopolitical_escalation', 1)),
      option('occasionally'),
      option('never'),
    ]),
    radio('travel_tracking', [
      option('always', lowersImpact('crime', 1), lowersImpact('terrorism', 1)),
      option('sometimes'),
      option('no'),
      option('not_applicable'),
    ]),
    radio('threat_alerts', [option('yes', lowersLikelihood('cyberattack', 1)), option('no'), option('dont_know')]),
  ],
};

export const authoritiesSection: Section = {
  id: 'authorities',
  kind: 'pillar',
  questions: [
    radio('police_contacts', [
      option('all_sites', lowersImpact('crime', 1)),
      option('some_sites'),
      option('none'),
    ]),
    radio('incident_reporting', [
      option('written_procedure', lowersLikelihood('crime', 1), lowersLikelihood('terrorism', 1)),
      option('informal'),
      option('none'),
    ]),
    radio('cyber_reporting', [option('yes', lowersImpact('cyberattack', 1)), option('no')]),
    radio(
      'border_authority_contacts',
      [option('yes', lowersImpact('border_disruption', 1)), option('no'), option('dont_know')],
      { showIf: movesAcrossBorders },
    ),
    radio('local_security_networks', [
      option('regularly', lowersImpact('political_unrest', 1)),
      option('occasionally'),
      option('never'),
    ]),
  ],
};

export const cybersecuritySection: Section = {
  id: 'cybersecurity',
  kind: 'pillar',
  questions: [
    radio('mfa', [
      option('all_accounts', lowersLikelihood('cyberattack', 1)),
      option('some_accounts'),
      option('none'),
      option('dont_know'),
    ]),
    radio('account_management', [option('yes'), option('partly'), option('no'), option('dont_know')]),
    radio('backups', [
      option('tested_offline', lowersImpact('cyberattack', 2)),
      option('regular_untested', lowersImpact('cyberattack', 1)),
      option('none'),
      option('dont_know'),
    ]),
    radio('updates', [
      option('within_two_weeks', lowersLikelihood('cyberattack', 1)),
      option('irregular'),
      option('dont_know'),
    ]),
    radio('phishing_training', [
      option('yearly', lowersLikelihood('cyberattack', 1)),
      option('once'),
      option('never'),
    ]),
    radio('cyber_incident_plan', [
      option('written_tested', lowersImpact('cyberattack', 1)),
      option('written'),
      option('none'),
      option('dont_know'),
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
