import type { Answers, AnswerOption, Question, Questionnaire, StoredAnswer } from '../src/questionnaire/types.js';
import { relevantSections, shownQuestions } from '../src/questionnaire/visibility.js';
import type { ReportMeta } from '../src/report/reportModel.js';
import { NOTE_MAX_LENGTH } from '../src/web/forms/sectionForm.js';

/**
 * Assessments for the benchmark and for looking at the PDF: a typical one (answers a small
 * logistics business would give) and the largest one validation allows (every section
 * relevant, every free-text answer and note at its maximum length).
 */


const typicalChoices: Readonly<Record<string, string | readonly string[]>> = {
  // Questionnaire 2.0 only; 1.0 has no such questions and ignores them.
  road_transport: 'hired_vehicles',
  critical_activity_count: 'two',
  activity_1_outage: 'days_3',
  activity_1_recovery: 'day_1',
  activity_1_needs: ['transport', 'staff_on_site'],
  activity_1_workaround: 'untested',
  activity_2_outage: 'week_1',
  activity_2_recovery: 'days_3',
  activity_2_needs: ['it_systems'],
  activity_2_workaround: 'tested',
  road_trips: 'weekly',
  cargo_value: 'medium',
  route_security: 'some_trips',
  vehicle_tracking: 'some_vehicles',
  driver_procedures: 'informal',
  shelter_plan: 'partly',
  countries: ['georgia', 'azerbaijan'],
  sector: 'transport_logistics',
  sites: 'two_to_five',
  site_locations: ['capital_city', 'near_border'],
  staff_local: 'from_10_to_49',
  staff_expatriate: 'from_1_to_4',
  cross_border: 'yes',
  energy_dependence: 'significant',
  uses_ports: 'through_suppliers',
  critical_it: 'essential',
  online_services: 'yes',
  border_movements: ['export_goods', 'import_goods'],
  border_frequency: 'daily',
  border_dependence: 'more_than_half',
  border_delay_tolerance: 'less_than_a_day',
  border_alternatives: 'identified',
  customs_documents: 'sometimes',
  power_cuts: 'several_times',
  energy_infrastructure: 'no',
  fuel_deliveries: 'daily_or_weekly',
  backup_power: 'untested',
  sea_routes: ['black_sea'],
  sea_dependence: 'some',
  sea_delays: 'sometimes',
  sea_alternatives: 'none',
  safety_stock: 'one_to_four_weeks',
  site_proximity: ['main_squares'],
  unrest_history: 'once',
  high_profile: 'no',
  conflict_proximity: 'no',
  regional_trade_links: ['turkey'],
  risk_review: 'after_incidents_only',
  risk_owner: 'shared_informally',
  valuables_on_site: 'some',
  site_security: ['access_control'],
  security_briefing: 'new_staff_only',
  critical_assets_listed: 'partly',
  insurance_review: 'not_checked',
  continuity_plan: 'none',
  critical_activities: 'partly',
  alternate_working: 'possible_untested',
  staff_contact_check: 'untested',
  expatriate_evacuation: 'none',
  supplier_alternatives: 'some',
  information_sources: ['news_media', 'business_networks'],
  monitoring_routine: 'ad_hoc',
  action_triggers: 'informal',
  security_adviser: 'never',
  travel_tracking: 'sometimes',
  threat_alerts: 'no',
  police_contacts: 'some_sites',
  incident_reporting: 'informal',
  cyber_reporting: 'no',
  border_authority_contacts: 'no',
  local_security_networks: 'occasionally',
  mfa: 'some_accounts',
  account_management: 'partly',
  backups: 'regular_untested',
  updates: 'irregular',
  phishing_training: 'once',
  cyber_incident_plan: 'none',
};

const typicalTexts: Readonly<Record<string, string>> = {
  company_name: 'Kartli Caspian Logistics LLC',
  crisis_lead_name: 'Nino Beridze',
  crisis_lead_phone: '+995 555 12 34 56',
  deputy_name: 'Rashad Mammadov',
  deputy_phone: '+994 50 123 45 67',
  it_lead_name: 'Giorgi Kapanadze',
  it_lead_phone: '+995 599 98 76 54',
  insurer: 'Policy BX-2291 with our commercial insurer, claims line on the policy card',
  bank: 'Relationship manager at our main bank, account 4471',
  key_suppliers: 'Fuel: depot on the Rustavi road, account 118.\nForwarder: Baku office, contact Leyla.',
  // Questionnaire 2.0: the impact analysis
  activity_1_name: 'Deliver customer loads across the border',
  activity_2_name: 'Invoice customers and pay drivers',
  local_police: 'Rustavi police station, +995 32 200 00 00',
};

const typicalNotes: Readonly<Record<string, string>> = {
  border_frequency: 'Trucks cross most weekdays; more in harvest season.',
  backup_power: 'Generator at the Tbilisi warehouse only; last serviced two years ago.',
  mfa: 'Email has it; the accounting system does not.',
};

function choiceAnswer(question: Question, value: string | readonly string[]): StoredAnswer {
  const values = typeof value === 'string' ? [value] : value;
  const valid = values.filter((entry) => question.options?.some((option) => option.value === entry));
  const fallback = question.options?.[0]?.value ?? '';
  const chosen = valid.length > 0 ? valid : [fallback];
  return { value: question.type === 'checkboxes' ? chosen : (chosen[0] ?? fallback) };
}

/** Answers each question in turn, so that later questions see the earlier answers. */
function answerAll(questionnaire: Questionnaire, answerFor: (question: Question, sofar: Answers) => StoredAnswer | undefined): Answers {
  const answers: Record<string, StoredAnswer> = {};
  // Sections and questions only depend on earlier answers: a few passes settle them.
  for (let pass = 0; pass < 3; pass++) {
    for (const section of relevantSections(questionnaire, answers)) {
      for (const question of shownQuestions(section, answers)) {
        if (answers[question.id] !== undefined) continue;
        const answer = answerFor(question, answers);
        if (answer !== undefined) answers[question.id] = answer;
      }
    }
  }
  return answers;
}

export function typicalAnswers(questionnaire: Questionnaire): Answers {
  return answerAll(questionnaire, (question) => {
    const note = typicalNotes[question.id];
    const withNote = (answer: StoredAnswer): StoredAnswer => (note && question.allowNote ? { ...answer, note } : answer);
    if (question.options) return withNote(choiceAnswer(question, typicalChoices[question.id] ?? question.options[0]?.value ?? ''));
    const text = typicalTexts[question.id];
    return text === undefined ? undefined : withNote({ value: text });
  });
}

/** Text of exactly `length` characters, in the scripts users type, with ordinary spaces. */
export function mixedText(length: number, seed = 0): string {
  const words = ['Şəki', 'ğıəçöü', 'თბილისი', 'ბათუმი', 'Москва', 'склад', 'logistics', 'İstanbul', '№42', 'Gəncə'];
  let text = '';
  let i = seed;
  while (text.length < length) text += `${words[i++ % words.length] ?? ''} `;
  return Array.from(text).slice(0, length).join('');
}

function mostExposed(options: readonly AnswerOption[]): AnswerOption | undefined {
  // The option that sets the highest level, and no control: the most serious register.
  const weight = (option: AnswerOption) =>
    (option.effects ?? []).reduce((sum, effect) => sum + ('sets' in effect ? effect.level : -10), 0);
  return [...options].sort((a, b) => weight(b) - weight(a))[0];
}

/** Every section relevant, every question answered, every text and note at its maximum length. */
export function largestAnswers(questionnaire: Questionnaire): Answers {
  let seed = 0;
  return answerAll(questionnaire, (question) => {
    seed++;
    const note = question.allowNote ? { note: mixedText(NOTE_MAX_LENGTH, seed) } : {};
    if (question.type === 'checkboxes') {
      const options = (question.options ?? []).filter((option) => !option.exclusive);
      return { value: options.map((option) => option.value), ...note };
    }
    if (question.options) {
      // Profile answers that open the most sections: yes to cross-border, ports, energy, expatriates.
      const opening: Record<string, string> = {
        cross_border: 'yes',
        uses_ports: 'directly',
        energy_dependence: 'critical',
        staff_expatriate: 'from_20',
      };
      const chosen = opening[question.id] ?? mostExposed(question.options)?.value ?? question.options[0]?.value ?? '';
      return { value: chosen, ...note };
    }
    return { value: mixedText(question.maxLength ?? 200, seed), ...note };
  });
}

export function sampleMeta(overrides: Partial<ReportMeta> = {}): ReportMeta {
  return {
    reportId: 'RP-2026-0001',
    issuedAt: new Date('2026-11-28T09:30:00Z'),
    preparedBy: 'Leyla Həsənova',
    consultantFirm: 'Caucasus Continuity & Risk <Advisory>',
    ...overrides,
  };
}
