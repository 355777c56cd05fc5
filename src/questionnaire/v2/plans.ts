import type { OnePagePlan, PlanMessage, PlanRole, PlanStep } from '../plans.js';
import type { Condition } from '../types.js';
import type { ScenarioIdV2 } from './builders.js';
import { hasExpatriateStaff, movesAcrossBorders } from './profileConditions.js';

/**
 * The one-page contingency plans of questionnaire 2.0. Wording: `2.0.plan.<scenario>.<step>`
 * and the shared steps `2.0.plan.common.<step>` (src/i18n/en/plansV2.ts). Every plan opens with
 * the same safety step and closes its first week with the same review, so the crisis team
 * meets one pattern whatever happens.
 */
const v = '2.0';
const common = (name: string): PlanStep => ({ key: `${v}.plan.common.${name}` });

function plan(
  scenario: ScenarioIdV2,
  parts: {
    hour: readonly (string | [string, Condition])[];
    day: readonly (string | [string, Condition])[];
    week: readonly (string | [string, Condition])[];
    roles: readonly PlanRole[];
    tells: readonly [PlanRole, string, Condition?][];
  },
): OnePagePlan {
  const step = (part: string) => (entry: string | [string, Condition]): PlanStep =>
    typeof entry === 'string'
      ? { key: `${v}.plan.${scenario}.${part}.${entry}` }
      : { key: `${v}.plan.${scenario}.${part}.${entry[0]}`, when: entry[1] };
  const tell = ([who, whom, when]: [PlanRole, string, Condition?]): PlanMessage => ({
    who,
    whomKey: `${v}.plan.tell.${whom}`,
    ...(when ? { when } : {}),
  });
  return {
    trigger: `${v}.plan.${scenario}.trigger`,
    firstHour: [common('hour.safety'), ...parts.hour.map(step('hour'))],
    firstDay: parts.day.map(step('day')),
    firstWeek: [...parts.week.map(step('week')), common('week.review')],
    roles: ['crisisLead', ...parts.roles],
    tells: parts.tells.map(tell),
  };
}

const hasBackups: Condition = { question: 'backups', oneOf: ['tested_offline', 'regular_untested'] };
const canWorkElsewhere: Condition = { question: 'alternate_working', oneOf: ['tested', 'possible_untested'] };

export const plansV2: Readonly<Record<ScenarioIdV2, OnePagePlan>> = {
  cyberattack: plan('cyberattack', {
    hour: ['disconnect', 'noRansom'],
    day: ['report', ['restore', hasBackups], ['rebuild', { not: hasBackups }]],
    week: ['closeWayIn'],
    roles: ['itLead', 'bank', 'insurer'],
    tells: [
      ['itLead', 'bankByPhone'],
      ['crisisLead', 'staffOutsideEmail'],
      ['crisisLead', 'customersStatement'],
    ],
  }),
  political_unrest: plan('political_unrest', {
    hour: ['stayOrLeave', ['holdDrivers', movesAcrossBorders]],
    day: ['openTomorrow', ['workElsewhere', canWorkElsewhere]],
    week: ['deliveries'],
    roles: ['deputy', 'keySuppliers', 'insurer'],
    tells: [
      ['crisisLead', 'staffGroup'],
      ['crisisLead', 'customersAndSuppliers'],
    ],
  }),
  crime: plan('crime', {
    hour: ['noResistance', 'police'],
    day: ['secure', 'listLosses'],
    week: ['reviewSecurity'],
    roles: ['deputy', 'insurer', 'bank'],
    tells: [
      ['crisisLead', 'policeReport'],
      ['crisisLead', 'insurerClaim'],
    ],
  }),
  road_cargo: plan('road_cargo', {
    hour: ['driverSafe', 'police'],
    day: ['tellCustomer', 'recover'],
    week: ['reviewRoutes'],
    roles: ['deputy', 'insurer', 'keySuppliers'],
    tells: [
      ['crisisLead', 'policeReport'],
      ['crisisLead', 'insurerClaim'],
      ['crisisLead', 'customersStatement'],
    ],
  }),
  staff_safety: plan('staff_safety', {
    hour: ['headcount', 'shelterOrMove'],
    day: ['decideEvacuation', ['expatriates', hasExpatriateStaff]],
    week: ['families'],
    roles: ['deputy', 'insurer'],
    tells: [
      ['crisisLead', 'staffGroup'],
      ['crisisLead', 'families'],
      ['crisisLead', 'embassies', hasExpatriateStaff],
    ],
  }),
  terrorism: plan('terrorism', {
    hour: ['followAuthorities', 'headcount'],
    day: ['support', 'keepClosed'],
    week: ['reopen'],
    roles: ['deputy', 'insurer'],
    tells: [
      ['crisisLead', 'staffGroup'],
      ['crisisLead', 'families'],
    ],
  }),
  border_disruption: plan('border_disruption', {
    hour: ['holdDrivers', 'checkOfficial'],
    day: ['otherRoute', 'tellCustomers'],
    week: ['stock'],
    roles: ['deputy', 'keySuppliers'],
    tells: [
      ['crisisLead', 'drivers'],
      ['crisisLead', 'customersAndSuppliers'],
    ],
  }),
  energy_disruption: plan('energy_disruption', {
    hour: ['backupPower', 'protectEquipment'],
    day: ['fuel', ['workElsewhere', canWorkElsewhere]],
    week: ['priorities'],
    roles: ['deputy', 'keySuppliers'],
    tells: [
      ['crisisLead', 'staffGroup'],
      ['crisisLead', 'customersStatement'],
    ],
  }),
  maritime_disruption: plan('maritime_disruption', {
    hour: ['confirmDelay'],
    day: ['otherPort', 'tellCustomers'],
    week: ['stock'],
    roles: ['keySuppliers', 'insurer'],
    tells: [
      ['crisisLead', 'customersAndSuppliers'],
      ['crisisLead', 'insurerClaim'],
    ],
  }),
  geopolitical_escalation: plan('geopolitical_escalation', {
    hour: ['confirmNews'],
    day: ['paymentsAndSupply', ['expatriates', hasExpatriateStaff]],
    week: ['otherSuppliers'],
    roles: ['deputy', 'bank', 'keySuppliers'],
    tells: [
      ['crisisLead', 'staffGroup'],
      ['crisisLead', 'bankByPhone'],
      ['crisisLead', 'customersAndSuppliers'],
    ],
  }),
};
