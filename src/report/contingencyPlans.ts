import { conditionHolds } from '../questionnaire/conditions.js';
import type { Answers, Condition } from '../questionnaire/types.js';
import {
  dependsOnEnergy,
  hasExpatriateStaff,
  movesAcrossBorders,
} from '../questionnaire/v1/profileConditions.js';

/**
 * The contingency plans as data: for each scenario, what starts the plan, the steps for the
 * first hour, day and week, the contacts, who tells whom, recovery, a recovery-time target and
 * how to exercise it. Each item is a message key (wording in `src/i18n/en/report.ts`) and may
 * hold only when a condition over the answers holds, so the plan follows from the answers: a
 * business that depends on grid power gets power-loss steps, one that moves nothing across a
 * border gets no border steps.
 *
 * Nothing here states a fact about the region. Numbers (emergency, police, people) come only
 * from the user's answers; steps refer to "the number in the contacts table".
 */

export interface PlanItem {
  key: string;
  when?: Condition;
}

/** People the business names and organisations it gives details of, in the contacts section. */
export type ContactRole =
  | 'crisisLead'
  | 'deputy'
  | 'itLead'
  | 'insurer'
  | 'bank'
  | 'keySuppliers'
  | 'emergency'
  | 'police';

export interface PlanContact {
  role: ContactRole;
  /** What this contact does in this plan; defaults to `report.duty.<role>`. */
  duty?: string;
}

/** One line of "who tells whom, and how": four message keys. */
export interface PlanMessage {
  who: string;
  whom: string;
  how: string;
  when: string;
  if?: Condition;
}

export interface ScenarioPlan {
  triggers: readonly PlanItem[];
  firstHour: readonly PlanItem[];
  firstDay: readonly PlanItem[];
  firstWeek: readonly PlanItem[];
  recovery: readonly PlanItem[];
  /** The first target whose condition holds applies; the last should have none. */
  recoveryTargets: readonly PlanItem[];
  contacts: readonly PlanContact[];
  communications: readonly PlanMessage[];
  exercise: readonly PlanItem[];
}

/** Where each contact comes from in the answers: a name and a phone, or one detail. */
export interface ContactSource {
  label: string;
  name?: string;
  phone?: string;
  /** Free text as given (insurer, bank, suppliers). */
  detail?: string;
}

export interface CountryContactSource {
  label: string;
  question: string;
}

export const contactSources: Readonly<Record<Exclude<ContactRole, 'emergency' | 'police'>, ContactSource>> = {
  crisisLead: { label: 'report.role.crisisLead', name: 'crisis_lead_name', phone: 'crisis_lead_phone' },
  deputy: { label: 'report.role.deputy', name: 'deputy_name', phone: 'deputy_phone' },
  itLead: { label: 'report.role.itLead', name: 'it_lead_name', phone: 'it_lead_phone' },
  insurer: { label: 'report.role.insurer', detail: 'insurer' },
  bank: { label: 'report.role.bank', detail: 'bank' },
  keySuppliers: { label: 'report.role.keySuppliers', detail: 'key_suppliers' },
};

/** Emergency and police numbers: one per country, listed when the business was asked for it. */
export const countryContactSources: Readonly<Record<'emergency' | 'police', readonly CountryContactSource[]>> = {
  emergency: [
    { label: 'report.role.emergencyGeorgia', question: 'emergency_number_georgia' },
    { label: 'report.role.emergencyAzerbaijan', question: 'emergency_number_azerbaijan' },
  ],
  police: [
    { label: 'report.role.policeGeorgia', question: 'police_number_georgia' },
    { label: 'report.role.policeAzerbaijan', question: 'police_number_azerbaijan' },
  ],
};

/* Conditions over questionnaire 1.0 answers that the plans use. */
const oneOf = (question: string, values: readonly string[]): Condition => ({ question, oneOf: values });
const not = (condition: Condition): Condition => ({ not: condition });
const all = (...conditions: Condition[]): Condition => ({ all: conditions });
const hasBackupPower = oneOf('backup_power', ['tested', 'untested']);
const canWorkElsewhere = oneOf('alternate_working', ['tested', 'possible_untested']);
const hasUsableBackups = oneOf('backups', ['tested_offline', 'regular_untested']);
const tradesWithNeighbours: Condition = { question: 'regional_trade_links', includesAny: ['russia', 'turkey', 'iran'] };

const item = (key: string, when?: Condition): PlanItem => (when ? { key, when } : { key });
const message = (who: string, whom: string, how: string, when: string, condition?: Condition): PlanMessage => ({
  who: `report.party.${who}`,
  whom: `report.party.${whom}`,
  how: `report.how.${how}`,
  when: `report.when.${when}`,
  ...(condition ? { if: condition } : {}),
});

/**
 * Steps every plan shares; the scenario's own steps go between the opening and closing ones.
 * How to keep the plans current is said once, in `keepingPlansCurrent`.
 */
export const commonPlanItems = {
  firstHourOpening: [item('report.plan.common.hour.safety'), item('report.plan.common.hour.callLead')],
  firstHourClosing: [item('report.plan.common.hour.log')],
  firstDayClosing: [item('report.plan.common.day.insurer'), item('report.plan.common.day.oneMessage')],
  firstWeekClosing: [item('report.plan.common.week.review')],
  recoveryClosing: [item('report.plan.common.recovery.close')],
  contacts: [{ role: 'crisisLead' }, { role: 'deputy' }] as readonly PlanContact[],
} as const;

/** Applies to every plan; printed once, before the plans. */
export const keepingPlansCurrent: readonly PlanItem[] = [
  item('report.plan.common.exercise.contacts'),
  item('report.plan.common.exercise.update'),
];

/** Plans for the scenarios of questionnaire 1.0, by scenario id. */
const plansV1: Readonly<Record<string, ScenarioPlan>> = {
  cyberattack: {
    triggers: [
      item('report.plan.cyberattack.trigger.ransom'),
      item('report.plan.cyberattack.trigger.account'),
      item('report.plan.cyberattack.trigger.outage'),
      item('report.plan.cyberattack.trigger.warning'),
    ],
    firstHour: [
      item('report.plan.cyberattack.hour.disconnect'),
      item('report.plan.cyberattack.hour.itLead'),
      item('report.plan.cyberattack.hour.payments'),
      item('report.plan.cyberattack.hour.passwords'),
      item('report.plan.cyberattack.hour.noRansom'),
    ],
    firstDay: [
      item('report.plan.cyberattack.day.scope'),
      item('report.plan.cyberattack.day.report'),
      item('report.plan.cyberattack.day.personalData'),
      item('report.plan.cyberattack.day.manual'),
    ],
    firstWeek: [
      item('report.plan.cyberattack.week.restore', hasUsableBackups),
      item('report.plan.cyberattack.week.rebuild', not(hasUsableBackups)),
      item('report.plan.cyberattack.week.closeWayIn'),
      item('report.plan.cyberattack.week.mfa', not({ question: 'mfa', equals: 'all_accounts' })),
    ],
    recovery: [
      item('report.plan.cyberattack.recovery.order'),
      item('report.plan.cyberattack.recovery.watch'),
      item('report.plan.cyberattack.recovery.lessons'),
    ],
    recoveryTargets: [
      item('report.plan.cyberattack.target.essential', { question: 'critical_it', equals: 'essential' }),
      item('report.plan.cyberattack.target.important', oneOf('critical_it', ['important', 'dont_know'])),
      item('report.plan.cyberattack.target.default'),
    ],
    contacts: [
      { role: 'itLead', duty: 'report.plan.cyberattack.duty.itLead' },
      { role: 'bank', duty: 'report.plan.cyberattack.duty.bank' },
      { role: 'insurer', duty: 'report.plan.cyberattack.duty.insurer' },
      { role: 'police' },
    ],
    communications: [
      message('whoeverNotices', 'itLeadAndCrisisLead', 'phoneNotEmail', 'immediately'),
      message('itLead', 'bank', 'phone', 'firstHour'),
      message('crisisLead', 'allStaff', 'outsideMessaging', 'firstHour'),
      message('crisisLead', 'affectedCustomers', 'agreedStatement', 'firstDay'),
    ],
    exercise: [
      item('report.plan.cyberattack.exercise.restore', hasUsableBackups),
      item('report.plan.cyberattack.exercise.tabletop'),
    ],
  },

  political_unrest: {
    triggers: [
      item('report.plan.political_unrest.trigger.protests'),
      item('report.plan.political_unrest.trigger.restrictions'),
      item('report.plan.political_unrest.trigger.staffUnsafe'),
    ],
    firstHour: [
      item('report.plan.political_unrest.hour.shelterOrLeave'),
      item('report.plan.political_unrest.hour.secure'),
      item('report.plan.political_unrest.hour.whereabouts'),
      item('report.plan.political_unrest.hour.holdBorder', movesAcrossBorders),
    ],
    firstDay: [
      item('report.plan.political_unrest.day.openTomorrow'),
      item('report.plan.political_unrest.day.workElsewhere', canWorkElsewhere),
      item('report.plan.political_unrest.day.follow'),
    ],
    firstWeek: [
      item('report.plan.political_unrest.week.deliveries'),
      item('report.plan.political_unrest.week.checkIn'),
      item('report.plan.political_unrest.week.damage'),
    ],
    recovery: [
      item('report.plan.political_unrest.recovery.reopen'),
      item('report.plan.political_unrest.recovery.repair'),
      item('report.plan.political_unrest.recovery.staff'),
    ],
    recoveryTargets: [
      item('report.plan.political_unrest.target.elsewhere', canWorkElsewhere),
      item('report.plan.political_unrest.target.default'),
    ],
    contacts: [{ role: 'emergency' }, { role: 'police' }, { role: 'insurer' }, { role: 'keySuppliers' }],
    communications: [
      message('whoeverNotices', 'crisisLead', 'phone', 'unrestSeen'),
      message('crisisLead', 'allStaff', 'phoneOrGroup', 'firstHourAndEvenings'),
      message('crisisLead', 'drivers', 'phone', 'firstHour', movesAcrossBorders),
      message('crisisLead', 'customersAndSuppliers', 'emailOrPhone', 'firstDay'),
    ],
    exercise: [item('report.plan.political_unrest.exercise.contactCheck')],
  },

  crime: {
    triggers: [
      item('report.plan.crime.trigger.breakIn'),
      item('report.plan.crime.trigger.staffAttacked'),
      item('report.plan.crime.trigger.extortion'),
      item('report.plan.crime.trigger.overdue'),
    ],
    firstHour: [
      item('report.plan.crime.hour.noResistance'),
      item('report.plan.crime.hour.police'),
      item('report.plan.crime.hour.scene'),
      item('report.plan.crime.hour.care'),
    ],
    firstDay: [
      item('report.plan.crime.day.secure'),
      item('report.plan.crime.day.list'),
      item('report.plan.crime.day.cancel'),
      item('report.plan.crime.day.extortion'),
    ],
    firstWeek: [
      item('report.plan.crime.week.review'),
      item('report.plan.crime.week.brief'),
      item('report.plan.crime.week.support'),
    ],
    recovery: [
      item('report.plan.crime.recovery.replace'),
      item('report.plan.crime.recovery.claim'),
      item('report.plan.crime.recovery.followUp'),
    ],
    recoveryTargets: [item('report.plan.crime.target.default')],
    contacts: [{ role: 'police' }, { role: 'emergency' }, { role: 'insurer' }, { role: 'bank', duty: 'report.plan.crime.duty.bank' }],
    communications: [
      message('victimOrWitness', 'police', 'phone', 'immediately'),
      message('whoeverNotices', 'crisisLead', 'phone', 'afterPolice'),
      message('crisisLead', 'siteStaff', 'inPersonOrPhone', 'firstDay'),
      message('crisisLead', 'insurer', 'phoneThenWriting', 'firstDay'),
    ],
    exercise: [item('report.plan.crime.exercise.walkThrough')],
  },

  terrorism: {
    triggers: [
      item('report.plan.terrorism.trigger.attack'),
      item('report.plan.terrorism.trigger.suspiciousItem'),
      item('report.plan.terrorism.trigger.threat'),
      item('report.plan.terrorism.trigger.authorities'),
    ],
    firstHour: [
      item('report.plan.terrorism.hour.follow'),
      item('report.plan.terrorism.hour.suspiciousItem'),
      item('report.plan.terrorism.hour.evacuateOrShelter'),
      item('report.plan.terrorism.hour.account'),
      item('report.plan.terrorism.hour.holdBorder', movesAcrossBorders),
      item('report.plan.terrorism.hour.power', dependsOnEnergy),
    ],
    firstDay: [
      item('report.plan.terrorism.day.families'),
      item('report.plan.terrorism.day.openTomorrow'),
      item('report.plan.terrorism.day.media'),
    ],
    firstWeek: [
      item('report.plan.terrorism.week.support'),
      item('report.plan.terrorism.week.securityReview'),
      item('report.plan.terrorism.week.continuity'),
    ],
    recovery: [
      item('report.plan.terrorism.recovery.reopen'),
      item('report.plan.terrorism.recovery.restore'),
      item('report.plan.terrorism.recovery.review'),
    ],
    recoveryTargets: [
      item('report.plan.terrorism.target.elsewhere', { question: 'alternate_working', equals: 'tested' }),
      item('report.plan.terrorism.target.default'),
    ],
    contacts: [{ role: 'emergency' }, { role: 'police' }, { role: 'insurer' }],
    communications: [
      message('whoeverNotices', 'emergencyServices', 'phone', 'immediately'),
      message('whoeverNotices', 'crisisLead', 'phone', 'onceSafe'),
      message('crisisLead', 'allStaff', 'phoneOrGroupReply', 'firstHour'),
      message('namedPerson', 'families', 'inPersonOrPhone', 'firstDayWithServices'),
    ],
    exercise: [item('report.plan.terrorism.exercise.evacuation')],
  },

  border_disruption: {
    triggers: [
      item('report.plan.border_disruption.trigger.closure'),
      item('report.plan.border_disruption.trigger.held'),
      item('report.plan.border_disruption.trigger.newRules'),
      item('report.plan.border_disruption.trigger.incident'),
    ],
    firstHour: [
      item('report.plan.border_disruption.hour.locate'),
      item('report.plan.border_disruption.hour.officials'),
      item('report.plan.border_disruption.hour.hold'),
    ],
    firstDay: [
      item('report.plan.border_disruption.day.useAlternative', oneOf('border_alternatives', ['tested', 'identified'])),
      item('report.plan.border_disruption.day.findAlternative', not(oneOf('border_alternatives', ['tested', 'identified']))),
      item('report.plan.border_disruption.day.documents'),
      item('report.plan.border_disruption.day.authorityContacts', { question: 'border_authority_contacts', equals: 'yes' }),
      item('report.plan.border_disruption.day.customers'),
    ],
    firstWeek: [
      item('report.plan.border_disruption.week.reschedule'),
      item('report.plan.border_disruption.week.stock'),
      item('report.plan.border_disruption.week.contracts'),
    ],
    recovery: [
      item('report.plan.border_disruption.recovery.backlog'),
      item('report.plan.border_disruption.recovery.returnRoute'),
      item('report.plan.border_disruption.recovery.record'),
    ],
    recoveryTargets: [
      item('report.plan.border_disruption.target.day', { question: 'border_delay_tolerance', equals: 'less_than_a_day' }),
      item('report.plan.border_disruption.target.week', { question: 'border_delay_tolerance', equals: 'up_to_a_week' }),
      item('report.plan.border_disruption.target.twoWeeks', { question: 'border_delay_tolerance', equals: 'more_than_a_week' }),
      item('report.plan.border_disruption.target.default'),
    ],
    contacts: [{ role: 'keySuppliers', duty: 'report.plan.border_disruption.duty.keySuppliers' }, { role: 'insurer' }],
    communications: [
      message('driverOrForwarder', 'crisisLead', 'phone', 'heldUp'),
      message('crisisLead', 'driversAndTravellers', 'phone', 'firstHour'),
      message('crisisLead', 'customers', 'emailOrPhone', 'firstDay'),
      message('crisisLead', 'keySuppliers', 'phone', 'firstDay'),
    ],
    exercise: [
      item('report.plan.border_disruption.exercise.trialRoute', oneOf('border_alternatives', ['tested', 'identified'])),
      item('report.plan.border_disruption.exercise.walkThrough', not(oneOf('border_alternatives', ['tested', 'identified']))),
    ],
  },

  energy_disruption: {
    triggers: [
      item('report.plan.energy_disruption.trigger.cut'),
      item('report.plan.energy_disruption.trigger.warning'),
      item('report.plan.energy_disruption.trigger.fuel', oneOf('fuel_deliveries', ['daily_or_weekly', 'dont_know'])),
      item('report.plan.energy_disruption.trigger.infrastructure'),
    ],
    firstHour: [
      item('report.plan.energy_disruption.hour.backup', all(dependsOnEnergy, hasBackupPower)),
      item('report.plan.energy_disruption.hour.shutDown', dependsOnEnergy),
      item('report.plan.energy_disruption.hour.duration'),
      item('report.plan.energy_disruption.hour.stock', dependsOnEnergy),
      item('report.plan.energy_disruption.hour.batteries', not(dependsOnEnergy)),
    ],
    firstDay: [
      item('report.plan.energy_disruption.day.fuel', all(dependsOnEnergy, hasBackupPower)),
      item('report.plan.energy_disruption.day.rent', all(dependsOnEnergy, not(hasBackupPower))),
      item('report.plan.energy_disruption.day.workElsewhere', canWorkElsewhere),
      item('report.plan.energy_disruption.day.decide'),
    ],
    firstWeek: [
      item('report.plan.energy_disruption.week.rota', all(dependsOnEnergy, hasBackupPower)),
      item('report.plan.energy_disruption.week.damage'),
      item('report.plan.energy_disruption.week.cost'),
    ],
    recovery: [
      item('report.plan.energy_disruption.recovery.restart'),
      item('report.plan.energy_disruption.recovery.refuel', all(dependsOnEnergy, hasBackupPower)),
      item('report.plan.energy_disruption.recovery.review'),
    ],
    recoveryTargets: [
      item(
        'report.plan.energy_disruption.target.criticalBackup',
        all({ question: 'energy_dependence', equals: 'critical' }, hasBackupPower),
      ),
      item('report.plan.energy_disruption.target.critical', { question: 'energy_dependence', equals: 'critical' }),
      item('report.plan.energy_disruption.target.significant', oneOf('energy_dependence', ['significant', 'dont_know'])),
      item('report.plan.energy_disruption.target.default'),
    ],
    contacts: [
      { role: 'itLead', duty: 'report.plan.energy_disruption.duty.itLead' },
      { role: 'keySuppliers', duty: 'report.plan.energy_disruption.duty.keySuppliers' },
      { role: 'insurer' },
    ],
    communications: [
      message('siteStaff', 'crisisLead', 'phone', 'cutStopsWork'),
      message('crisisLead', 'allStaff', 'phoneOrGroup', 'firstHourAndEvenings'),
      message('crisisLead', 'fuelSupplier', 'phone', 'firstDay', all(dependsOnEnergy, hasBackupPower)),
      message('crisisLead', 'customers', 'emailOrPhone', 'firstDay'),
    ],
    exercise: [
      item('report.plan.energy_disruption.exercise.runBackup', all(dependsOnEnergy, hasBackupPower)),
      item('report.plan.energy_disruption.exercise.walkThrough'),
    ],
  },

  maritime_disruption: {
    triggers: [
      item('report.plan.maritime_disruption.trigger.port'),
      item('report.plan.maritime_disruption.trigger.warning'),
      item('report.plan.maritime_disruption.trigger.incident'),
    ],
    firstHour: [
      item('report.plan.maritime_disruption.hour.locate'),
      item('report.plan.maritime_disruption.hour.hold'),
    ],
    firstDay: [
      item('report.plan.maritime_disruption.day.useAlternative', oneOf('sea_alternatives', ['tested', 'identified'])),
      item('report.plan.maritime_disruption.day.findAlternative', not(oneOf('sea_alternatives', ['tested', 'identified']))),
      item('report.plan.maritime_disruption.day.stockLife'),
      item('report.plan.maritime_disruption.day.customers'),
    ],
    firstWeek: [
      item('report.plan.maritime_disruption.week.prioritise'),
      item('report.plan.maritime_disruption.week.insurance'),
      item('report.plan.maritime_disruption.week.orders'),
    ],
    recovery: [
      item('report.plan.maritime_disruption.recovery.backlog'),
      item('report.plan.maritime_disruption.recovery.rebuildStock'),
      item('report.plan.maritime_disruption.recovery.review'),
    ],
    recoveryTargets: [
      item('report.plan.maritime_disruption.target.overFourWeeks', { question: 'safety_stock', equals: 'over_four_weeks' }),
      item('report.plan.maritime_disruption.target.oneToFourWeeks', { question: 'safety_stock', equals: 'one_to_four_weeks' }),
      item('report.plan.maritime_disruption.target.underOneWeek', { question: 'safety_stock', equals: 'under_one_week' }),
      item('report.plan.maritime_disruption.target.default'),
    ],
    contacts: [
      { role: 'keySuppliers', duty: 'report.plan.maritime_disruption.duty.keySuppliers' },
      { role: 'insurer', duty: 'report.plan.maritime_disruption.duty.insurer' },
      { role: 'bank' },
    ],
    communications: [
      message('forwarder', 'crisisLead', 'phoneOrEmail', 'delayKnown'),
      message('crisisLead', 'customers', 'emailOrPhone', 'firstDay'),
      message('crisisLead', 'keySuppliers', 'phone', 'firstDay'),
    ],
    exercise: [item('report.plan.maritime_disruption.exercise.walkThrough')],
  },

  geopolitical_escalation: {
    triggers: [
      item('report.plan.geopolitical_escalation.trigger.clashes'),
      item('report.plan.geopolitical_escalation.trigger.sanctions'),
      item('report.plan.geopolitical_escalation.trigger.travelAdvice'),
      item('report.plan.geopolitical_escalation.trigger.adviser'),
    ],
    firstHour: [
      item('report.plan.geopolitical_escalation.hour.whereabouts'),
      item('report.plan.geopolitical_escalation.hour.alertStage'),
      item('report.plan.geopolitical_escalation.hour.expatriates', hasExpatriateStaff),
      item('report.plan.geopolitical_escalation.hour.holdBorder', movesAcrossBorders),
    ],
    firstDay: [
      item('report.plan.geopolitical_escalation.day.follow'),
      item('report.plan.geopolitical_escalation.day.sanctions', tradesWithNeighbours),
      item('report.plan.geopolitical_escalation.day.cyber'),
      item('report.plan.geopolitical_escalation.day.power', dependsOnEnergy),
    ],
    firstWeek: [
      item('report.plan.geopolitical_escalation.week.relocate'),
      item('report.plan.geopolitical_escalation.week.evacuate', hasExpatriateStaff),
      item('report.plan.geopolitical_escalation.week.cash'),
      item('report.plan.geopolitical_escalation.week.suppliers'),
    ],
    recovery: [
      item('report.plan.geopolitical_escalation.recovery.stepDown'),
      item('report.plan.geopolitical_escalation.recovery.return'),
      item('report.plan.geopolitical_escalation.recovery.review'),
    ],
    recoveryTargets: [item('report.plan.geopolitical_escalation.target.default')],
    contacts: [
      { role: 'itLead', duty: 'report.plan.geopolitical_escalation.duty.itLead' },
      { role: 'bank', duty: 'report.plan.geopolitical_escalation.duty.bank' },
      { role: 'insurer' },
      { role: 'keySuppliers' },
      { role: 'emergency' },
      { role: 'police' },
    ],
    communications: [
      message('monitoringPerson', 'crisisLead', 'phone', 'triggerMet'),
      message('crisisLead', 'expatriateStaff', 'phone', 'firstHour', hasExpatriateStaff),
      message('crisisLead', 'allStaff', 'briefing', 'firstDayThenDaily'),
      message('crisisLead', 'customersAndSuppliers', 'email', 'firstWeek'),
    ],
    exercise: [item('report.plan.geopolitical_escalation.exercise.alertStages')],
  },
};

/**
 * A plan for a scenario that has no plan of its own (a scenario added in a later questionnaire
 * version before its plan is written): the common crisis steps still apply.
 */
const genericPlan: ScenarioPlan = {
  triggers: [item('report.plan.generic.trigger.any')],
  firstHour: [item('report.plan.generic.hour.assess')],
  firstDay: [item('report.plan.generic.day.continuity')],
  firstWeek: [item('report.plan.generic.week.stabilise')],
  recovery: [item('report.plan.generic.recovery.restore')],
  recoveryTargets: [item('report.plan.generic.target.default')],
  contacts: [{ role: 'emergency' }, { role: 'police' }, { role: 'insurer' }],
  communications: [
    message('whoeverNotices', 'crisisLead', 'phone', 'immediately'),
    message('crisisLead', 'allStaff', 'phoneOrGroup', 'firstHour'),
    message('crisisLead', 'customersAndSuppliers', 'emailOrPhone', 'firstDay'),
  ],
  exercise: [item('report.plan.generic.exercise.tabletop')],
};

const plansByVersion: Readonly<Record<string, Readonly<Record<string, ScenarioPlan>>>> = { '1.0': plansV1 };

/** The plan for a scenario, with the common steps in place. Plans are written per questionnaire version. */
export function planFor(questionnaireVersion: string, scenarioId: string): ScenarioPlan {
  const own = plansByVersion[questionnaireVersion]?.[scenarioId] ?? genericPlan;
  return {
    ...own,
    firstHour: [...commonPlanItems.firstHourOpening, ...own.firstHour, ...commonPlanItems.firstHourClosing],
    firstDay: [...own.firstDay, ...commonPlanItems.firstDayClosing],
    firstWeek: [...own.firstWeek, ...commonPlanItems.firstWeekClosing],
    recovery: [...own.recovery, ...commonPlanItems.recoveryClosing],
    exercise: own.exercise,
    contacts: [...commonPlanItems.contacts, ...own.contacts],
  };
}

/** The message keys of the items whose condition holds for these answers. */
export function applicableKeys(items: readonly PlanItem[], answers: Answers): string[] {
  return items.filter((entry) => entry.when === undefined || conditionHolds(entry.when, answers)).map((entry) => entry.key);
}

/** The first recovery target whose condition holds. */
export function recoveryTargetKey(plan: ScenarioPlan, answers: Answers): string | undefined {
  return applicableKeys(plan.recoveryTargets, answers)[0];
}

export function applicableMessages(plan: ScenarioPlan, answers: Answers): PlanMessage[] {
  return plan.communications.filter((line) => line.if === undefined || conditionHolds(line.if, answers));
}

/** Every message key the plans can use, for the catalogue integrity test. */
export function allPlanMessageKeys(): string[] {
  const keys = new Set<string>();
  const plans = [...Object.values(plansByVersion).flatMap((plans) => Object.values(plans)), genericPlan];
  for (const plan of plans) {
    for (const list of [plan.triggers, plan.firstHour, plan.firstDay, plan.firstWeek, plan.recovery, plan.recoveryTargets, plan.exercise]) {
      for (const entry of list) keys.add(entry.key);
    }
    for (const contact of plan.contacts) if (contact.duty) keys.add(contact.duty);
    for (const line of plan.communications) [line.who, line.whom, line.how, line.when].forEach((key) => keys.add(key));
  }
  for (const list of [...Object.values(commonPlanItems), keepingPlansCurrent]) {
    for (const entry of list) if ('key' in entry) keys.add(entry.key);
  }
  return [...keys];
}
