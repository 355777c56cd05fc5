import {
  flattenQuestionnaireWording,
  type QuestionWording,
  type ScenarioWording,
  type SectionWording,
  type SourceWording,
} from '../questionnaireWording.js';
import { activityQuestionIds, maxCriticalActivities } from '../../questionnaire/v2/impactAnalysisSections.js';

/**
 * English wording of questionnaire 2.0. Written as nested tables for readability and flattened
 * into catalogue keys with `flattenQuestionnaireWording`, so a key can only be spelt one way. The integrity test
 * checks that every key the questionnaire needs is here and that nothing here is left over.
 *
 * Plain-language rules (docs/GLOSSARY.md, tests/unit/plainLanguage.test.ts): sentences of at
 * most 25 words, no idioms, one word for one thing ("measure", never "control"). Statements
 * about the region are attributed to "the article (October 2025)" or to a named source, and no
 * statistic from the article appears: none of them explains one business's rating.
 */

const version = '2.0';

const dontKnow = "Don't know";

// ---------------------------------------------------------------------------------------------
// Business impact analysis: activity_1 .. activity_5 share their wording.

/** Labels of the duration scale (impactAnalysisSections.ts `durationsV2`). */
const durationLabels = {
  hour_1: '1 hour',
  hours_4: '4 hours',
  day_1: '1 day',
  days_3: '3 days',
  week_1: '1 week',
  weeks_2: '2 weeks',
  month_1: '1 month or more',
} as const;
type Duration = keyof typeof durationLabels;

const pick = (ids: readonly Duration[]): Record<string, string> =>
  Object.fromEntries(ids.map((id) => [id, durationLabels[id]]));

/** An outage of one hour leaves no shorter target; a target of a month leaves no longer outage. */
const outageLabels = pick(['hours_4', 'day_1', 'days_3', 'week_1', 'weeks_2', 'month_1']);
const recoveryLabels = pick(['hour_1', 'hours_4', 'day_1', 'days_3', 'week_1', 'weeks_2']);

/** Labels of what an activity can need (impactAnalysisSections.ts `resourcesV2`). */
const resourceLabels: Readonly<Record<string, string>> = {
  staff_on_site: 'Staff at the site',
  it_systems: 'IT systems',
  suppliers: 'Key suppliers',
  premises: 'Premises',
  power: 'Power supply',
  transport: 'Road transport or border crossings',
};

function activitySections(): Record<string, SectionWording> {
  const out: Record<string, SectionWording> = {};
  for (let n = 1; n <= maxCriticalActivities; n++) {
    out[`activity_${n}`] = {
      title: `Critical activity ${n}`,
      intro:
        n === 1
          ? 'This is your business impact analysis. For each critical activity, say how long it can stop, how soon it must run again and what it needs. The plans use these answers to show which scenarios would stop your work.'
          : 'Answer the same questions for your next most important critical activity.',
    };
  }
  return out;
}

function activityQuestions(): Record<string, QuestionWording> {
  const out: Record<string, QuestionWording> = {};
  for (let n = 1; n <= maxCriticalActivities; n++) {
    const ids = activityQuestionIds(n);
    out[ids.name] = {
      text: 'What is the name of this critical activity?',
      hint: 'A short name that your staff would know, for example "Deliveries to customers" or "Payroll".',
    };
    out[ids.tolerableOutage] = {
      text: 'How long could this activity stop before the harm to your business becomes serious?',
      hint: 'This is the tolerable outage. Think of lost income, lost customers, contract penalties and legal duties.',
      options: outageLabels,
    };
    out[ids.recoveryTarget] = {
      text: 'How soon must this activity run again after it stops?',
      hint: 'This is the recovery time target. It must be shorter than the tolerable outage.',
      options: recoveryLabels,
    };
    out[ids.needs] = {
      text: 'What does this activity need in order to continue?',
      hint: 'Select all that apply. The plans use this to see which scenarios would stop the activity.',
      options: resourceLabels,
    };
    out[ids.workaround] = {
      text: 'If something this activity needs is lost, do you have a workaround?',
      hint: 'A workaround is another way to continue the activity, such as another site, another supplier or paper forms.',
      options: {
        tested: 'Yes, and we have tested it',
        untested: 'Yes, but we have never tested it',
        none: 'No',
      },
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const sections: Readonly<Record<string, SectionWording>> = {
  profile: {
    title: 'About your business',
    intro:
      'These answers describe your business. They decide which later sections apply to you and set the starting likelihood or impact of several scenarios. You can change them at any time.',
  },
  ...activitySections(),
  cross_border: {
    title: 'Cross-border operations',
    intro:
      'You said that your business moves goods or people across a national border. The article (October 2025) reports joint patrols and surveillance on the Georgia–Azerbaijan border against smuggling and illegal migration. These questions ask how a delay or closure at a crossing would affect you.',
  },
  road_transport_risks: {
    title: 'Road transport and cargo',
    intro:
      'You said that your business moves goods by road. The article (October 2025) names cross-border crime and organised crime among the threats that the two countries act against together. These questions ask about theft of cargo and incidents on the road.',
  },
  energy: {
    title: 'Energy supply',
    intro:
      'The article (October 2025) notes that Azerbaijan is a key energy supplier to Europe. It says that both countries treat the protection of energy infrastructure from sabotage and terrorism as a shared priority. These questions ask how a loss of power, gas or fuel would affect you.',
  },
  maritime: {
    title: 'Sea routes and ports',
    intro:
      "The article (October 2025) notes Georgia's location on the Black Sea and Azerbaijan's nearness to the Caspian Sea. It reports growing cooperation on maritime security. These questions ask how much you depend on goods that pass through ports on either sea.",
  },
  political_violence: {
    title: 'Unrest, terrorism and regional tension',
    intro:
      'The article (October 2025) says that both countries balance their relations with Russia, Turkey and Iran. It adds that the aftermath of the 2020 Nagorno-Karabakh conflict still shapes security in the region. These questions ask how close your sites, staff and trade are to these risks.',
  },
  risk_assessment: {
    title: 'Risk assessment',
    intro:
      'The first practical tip in the article (October 2025) is to assess the security risks to your operations regularly. It names cyber threats, political instability and criminal activity. These questions cover how you review risks and protect your sites and staff.',
  },
  contingency: {
    title: 'Contingency planning',
    intro:
      'The second practical tip in the article (October 2025) is to prepare contingency plans for disruption caused by a security incident. These questions follow the main steps of ISO 22301: plan how to continue critical activities, and exercise the plan.',
  },
  stay_informed: {
    title: 'Staying informed',
    intro:
      'The third practical tip in the article (October 2025) is to follow regional security developments and to consult security experts. These questions cover who watches for change in your business and what they do about it.',
  },
  authorities: {
    title: 'Working with the authorities',
    intro:
      'The fourth practical tip in the article (October 2025) is to build strong relationships with local police and security agencies. These questions cover your contacts with the authorities and how your staff report incidents.',
  },
  cybersecurity: {
    title: 'Cybersecurity',
    intro:
      'The fifth practical tip in the article (October 2025) is to invest in cybersecurity to protect your data and systems. These questions follow the NIST Cybersecurity Framework 2.0: protect, detect, respond and recover.',
  },
  contacts: {
    title: 'Key contacts',
    intro:
      'Your contingency plans name the people to call in a crisis. Only the crisis lead is required, and you can add the others later. The plans print what you type here exactly as you type it.',
  },
};

const questions: Readonly<Record<string, QuestionWording>> = {
  // About your business
  company_name: {
    text: 'What is the name of your business?',
    hint: 'The name as it should appear on the report.',
  },
  prepared_by: {
    text: 'Who is filling in this assessment?',
    hint: 'Your name and role, for example "Nino Beridze, Operations Manager". The report names you as the person who prepared it.',
  },
  countries: {
    text: 'Where does your business operate?',
    hint: 'Select all that apply. The plans print the emergency numbers for each country you choose.',
    options: { georgia: 'Georgia', azerbaijan: 'Azerbaijan' },
  },
  sector: {
    text: 'Which sector is your business mainly in?',
    hint: 'Choose the closest match. Some sectors are targets of cyberattacks or crime more often than others.',
    options: {
      energy: 'Energy, oil, gas or utilities',
      transport_logistics: 'Transport, logistics or freight',
      finance: 'Banking, finance or insurance',
      retail_hospitality: 'Retail, hotels or hospitality',
      technology_telecoms: 'Technology or telecommunications',
      manufacturing_construction: 'Manufacturing or construction',
      agriculture_food: 'Agriculture or food production',
      professional_services: 'Professional services, such as legal, consulting or accounting',
      non_profit: 'Non-profit or international organisation',
      other: 'Another sector',
    },
  },
  sites: {
    text: 'How many sites does your business have in Georgia and Azerbaijan?',
    hint: 'Count offices, shops, warehouses, plants and other premises that you use regularly.',
    options: { one: 'One', two_to_five: 'Two to five', six_or_more: 'Six or more' },
  },
  staff_local: {
    text: 'How many local staff do you employ?',
    hint: 'Include part-time staff and contractors who work at your sites.',
    options: {
      none: 'None',
      from_1_to_9: '1 to 9',
      from_10_to_49: '10 to 49',
      from_50_to_249: '50 to 249',
      from_250: '250 or more',
    },
  },
  staff_expatriate: {
    text: 'How many expatriate staff work for you in the region?',
    hint: 'Staff from other countries who live or work here. Count their families if they live with them.',
    options: {
      none: 'None',
      from_1_to_4: '1 to 4',
      from_5_to_19: '5 to 19',
      from_20: '20 or more',
    },
  },
  cross_border: {
    text: 'Does your business move goods or people across a national border?',
    hint: 'For example exports, imports, goods in transit, staff who travel between countries, or passengers you carry.',
    options: { yes: 'Yes', no: 'No' },
  },
  road_transport: {
    text: 'Does your business move goods by road?',
    hint: 'Include deliveries to customers and goods that you collect from suppliers.',
    options: {
      own_vehicles: 'Yes, in our own vehicles',
      hired_vehicles: 'Yes, with a hired carrier',
      no: 'No',
    },
  },
  energy_dependence: {
    text: 'How much does your work depend on a steady supply of electricity, gas or fuel?',
    hint: 'Think of your most important site.',
    options: {
      critical: 'Completely: work stops within hours without it',
      significant: 'A lot: work slows but can continue for a day or more',
      limited: 'A little: mostly office work that could move elsewhere',
      dont_know: dontKnow,
    },
  },
  uses_ports: {
    text: 'Do your goods, or your main suppliers’ goods, pass through Black Sea or Caspian Sea ports?',
    hint: 'Include goods that others ship by sea for you.',
    options: {
      directly: 'Yes, we ship or receive goods through these ports ourselves',
      through_suppliers: 'Yes, our main suppliers or customers depend on these ports',
      no: 'No',
      dont_know: dontKnow,
    },
  },
  critical_it: {
    text: 'How much does your business depend on its IT systems?',
    hint: 'Include email, accounts, payments, online sales and any systems that run production or logistics.',
    options: {
      essential: 'Completely: we cannot trade for more than a day without them',
      important: 'A lot: we can work on paper or by phone for a few days',
      minor: 'A little: we could manage without them for a week or more',
      dont_know: dontKnow,
    },
  },
  online_services: {
    text: 'Do customers order, pay or sign in online with you?',
    hint: 'Attackers anywhere can reach services on the internet. This makes a cyberattack more likely.',
    options: { yes: 'Yes', no: 'No' },
  },
  critical_activity_count: {
    text: 'How many critical activities does your business have?',
    hint: 'A critical activity is work that must continue, or restart quickly, to avoid serious harm. You will describe each one next, most important first.',
    options: {
      one: 'One',
      two: 'Two',
      three: 'Three',
      four: 'Four',
      five: 'Five or more: we will describe the five most important',
    },
  },

  // Business impact analysis
  ...activityQuestions(),

  // Cross-border operations
  border_frequency: {
    text: 'How often do your goods or people cross a border?',
    hint: 'The more often you cross, the more likely it is that a closure or delay affects you.',
    options: {
      daily: 'Every day',
      weekly: 'Every week',
      monthly_or_less: 'Once a month or less',
      dont_know: dontKnow,
    },
  },
  border_dependence: {
    text: 'How much of your income depends on goods or people crossing borders?',
    hint: 'An estimate is enough.',
    options: {
      more_than_half: 'More than half',
      quarter_to_half: 'Between a quarter and a half',
      less_than_quarter: 'Less than a quarter',
      dont_know: dontKnow,
    },
  },
  border_alternatives: {
    text: 'Do you have another route or crossing that you could use if your usual one closes?',
    hint: 'Another crossing point, another type of transport or another freight forwarder.',
    options: {
      tested: 'Yes, and we have used it in the last 12 months',
      identified_untested: 'We know of one, but we have never used it',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  customs_documents: {
    text: 'Does someone check that shipment and travel documents are complete before each crossing?',
    hint: 'Your own staff or a licensed customs broker. Incomplete papers are a common reason for goods being held.',
    options: {
      always_checked: 'Yes, before every crossing',
      sometimes: 'Sometimes',
      no: 'No',
      not_applicable: 'Not applicable: we move only people',
    },
  },
  border_authority_contacts: {
    text: 'Do you have contacts at the customs and border authorities of the crossings you use?',
    hint: 'People you can call to ask why a shipment is held or when a crossing will open again.',
    options: {
      yes: 'Yes, we have their names and numbers',
      no: 'No',
      dont_know: dontKnow,
    },
  },

  // Road transport and cargo
  road_trips: {
    text: 'How often do vehicles carry your goods between towns, to ports or to border crossings?',
    hint: 'Count trips in your own vehicles and trips by a hired carrier.',
    options: {
      daily: 'Every day',
      weekly: 'Every week',
      monthly_or_less: 'Once a month or less',
      dont_know: dontKnow,
    },
  },
  cargo_value: {
    text: 'How attractive to thieves is a typical load?',
    hint: 'Goods that are valuable and easy to sell, such as electronics, fuel, medicines, alcohol or tobacco, attract theft.',
    options: {
      high: 'High: valuable goods that are easy to sell',
      medium: 'Medium',
      low: 'Low: goods of little value to a thief',
      dont_know: dontKnow,
    },
  },
  route_security: {
    text: 'Do you agree routes, stops and overnight parking before each trip to avoid risk?',
    hint: 'For example guarded parking, no stops in isolated places and a route agreed with the driver.',
    options: {
      every_trip: 'Yes, for every trip',
      some_trips: 'For some trips only',
      no: 'No',
      dont_know: dontKnow,
    },
  },
  vehicle_tracking: {
    text: 'Do the vehicles that carry your goods have tracking that someone watches during the trip?',
    hint: 'A GPS tracker or the carrier’s tracking service, with a person who acts if a vehicle stops or leaves its route.',
    options: {
      all_vehicles: 'Yes, all vehicles',
      some_vehicles: 'Some vehicles only',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  driver_procedures: {
    text: 'Do drivers know what to do if they are stopped, threatened or have an accident?',
    hint: 'For example: do not resist, move to a safe place, then call the police and the crisis lead with the exact location.',
    options: {
      written_trained: 'Yes, it is written down and drivers are trained in it',
      informal: 'Drivers are told, but nothing is written down',
      none: 'No',
      dont_know: dontKnow,
    },
  },

  // Energy supply
  power_cuts: {
    text: 'In the last 12 months, how often did any of your sites lose mains power for more than an hour?',
    hint: 'Your own experience is the best guide to how likely a power cut is.',
    options: {
      never: 'Never',
      once_or_twice: 'Once or twice',
      several_times: 'Several times',
      monthly_or_more: 'Every month or more often',
      dont_know: dontKnow,
    },
  },
  energy_infrastructure: {
    text: 'Do you operate energy infrastructure, or are any of your sites next to it?',
    hint: 'For example pipelines, power stations, substations, fuel terminals or fuel storage.',
    options: {
      operate: 'We operate energy infrastructure',
      next_to: 'One or more of our sites is next to it',
      no: 'No',
      dont_know: dontKnow,
    },
  },
  fuel_deliveries: {
    text: 'Does your work depend on regular fuel deliveries?',
    hint: 'For example diesel for vehicles or generators, or gas cylinders.',
    options: {
      daily_or_weekly: 'Yes, every day or every week',
      occasionally: 'Occasionally',
      no: 'No',
      dont_know: dontKnow,
    },
  },
  backup_power: {
    text: 'Do you have backup power for the equipment that must not stop?',
    hint: 'A generator or uninterruptible power supply (UPS) large enough for that equipment. A test means running it under full load.',
    options: {
      tested: 'Yes, and we tested it under load in the last six months',
      untested: 'Yes, but we have not tested it in the last six months',
      none: 'No',
      dont_know: dontKnow,
    },
  },

  // Sea routes and ports
  sea_routes: {
    text: 'Which seas do your goods cross?',
    hint: 'Select all that apply.',
    options: {
      black_sea: 'Black Sea, through ports in Georgia',
      caspian: 'Caspian Sea, through ports in Azerbaijan',
      dont_know: dontKnow,
    },
  },
  sea_dependence: {
    text: 'How much of the goods you buy or sell travel by sea?',
    hint: 'An estimate is enough.',
    options: {
      most: 'Most of them',
      some: 'Some of them',
      little: 'Very little',
      dont_know: dontKnow,
    },
  },
  sea_delays: {
    text: 'In the last 12 months, were any of your shipments delayed at a port or at sea?',
    hint: 'For example by port closures, storms, congestion or inspections.',
    options: {
      often: 'Often',
      sometimes: 'Sometimes',
      never: 'Never',
      dont_know: dontKnow,
    },
  },
  sea_alternatives: {
    text: 'Do you have another port, route or type of transport if your usual one cannot be used?',
    hint: 'For example another port, rail or road freight, or air freight for urgent goods.',
    options: {
      tested: 'Yes, and we have used it in the last 12 months',
      identified_untested: 'We know of one, but we have never used it',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  safety_stock: {
    text: 'How much stock of critical goods or materials do you keep?',
    hint: 'Stock lets you continue working while shipments are delayed.',
    options: {
      over_four_weeks: 'More than four weeks',
      one_to_four_weeks: 'One to four weeks',
      under_one_week: 'Less than a week',
      not_applicable: 'Not applicable: we do not hold stock',
    },
  },

  // Unrest, terrorism and regional tension
  site_proximity: {
    text: 'Are any of your sites within a few minutes’ walk of any of these places?',
    hint: 'Select all that apply. Demonstrations often gather near government buildings and main squares. Crowded places can attract attacks.',
    options: {
      government_buildings: 'Parliament, ministries or other government buildings',
      diplomatic_sites: 'Embassies or international organisations',
      main_squares: 'Main squares or avenues where demonstrations are held',
      transport_hubs: 'Airports, major stations or bus terminals',
      crowded_places: 'Shopping centres, hotels, stadiums or other crowded places',
      none: 'None of these',
      dont_know: dontKnow,
    },
  },
  unrest_history: {
    text: 'In the last two years, did protests, strikes or road blockades disrupt your work or your staff’s journeys?',
    hint: 'Include days when staff could not reach work or deliveries could not arrive.',
    options: {
      several_times: 'Yes, several times',
      once: 'Yes, once',
      never: 'No',
      dont_know: dontKnow,
    },
  },
  high_profile: {
    text: 'Is your business well known to the public?',
    hint: 'For example a well-known international brand, links with a foreign government, or frequent attention in the media.',
    options: { yes: 'Yes', no: 'No', dont_know: dontKnow },
  },
  conflict_proximity: {
    text: 'Are any of your sites, routes or staff near areas affected by the 2020 Nagorno-Karabakh conflict, or near a contested boundary?',
    hint: 'The article (October 2025) notes that the aftermath of this conflict still shapes security in the region.',
    options: { yes: 'Yes', no: 'No', dont_know: dontKnow },
  },
  regional_trade_links: {
    text: 'Does your business depend on suppliers, customers, finance or transport routes linked to any of these countries?',
    hint: 'Select all that apply. The article (October 2025) notes that both countries balance their relations with these three.',
    options: {
      russia: 'Russia',
      turkey: 'Turkey (Türkiye)',
      iran: 'Iran',
      none: 'None of these',
      dont_know: dontKnow,
    },
  },

  // Risk assessment
  risk_review: {
    text: 'How often do you review the security risks to your business?',
    hint: 'A review looks at the scenarios that could affect you and checks that your measures still work.',
    options: {
      at_least_yearly: 'At least once a year, and after major changes',
      after_incidents_only: 'Only after something has gone wrong',
      never: 'We have never reviewed them',
      dont_know: dontKnow,
    },
  },
  risk_owner: {
    text: 'Is one person responsible for managing security risks?',
    hint: 'Someone who makes sure that actions are done and reports to the management.',
    options: {
      named_person: 'Yes, a named person',
      shared_informally: 'Several people share it, but no one is named',
      nobody: 'No',
    },
  },
  valuables_on_site: {
    text: 'Do you keep cash, high-value goods or valuable equipment at your sites?',
    hint: 'Cash takings, stock that is easy to resell, vehicles, laptops or specialist equipment.',
    options: {
      significant: 'Yes, large amounts',
      some: 'Some',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  site_security: {
    text: 'Are your sites protected against break-ins and theft?',
    hint: 'Protected means locked entrances with visitor sign-in, an alarm or CCTV that someone watches, and a safe for cash and valuables.',
    options: {
      all_sites: 'Yes, all our sites have all of these',
      some_sites: 'Some sites, or only some of these',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  security_briefing: {
    text: 'Do staff receive a personal security briefing?',
    hint: 'How to travel safely, what to do if caught in a demonstration or attack, and how to report a concern.',
    options: {
      all_staff_yearly: 'Yes, all staff, at least once a year',
      new_staff_only: 'Only when they join',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  insurance_review: {
    text: 'Have you checked what your insurance covers, and what it excludes, if a security incident stops your business?',
    hint: 'Policies often exclude civil unrest, terrorism or cyberattacks, or cover them only if you add them.',
    options: {
      checked: 'Yes, we know what is covered and what is excluded',
      not_checked: 'We have insurance, but we have not checked',
      no_cover: 'We have no business interruption cover',
      dont_know: dontKnow,
    },
  },

  // Contingency planning
  continuity_plan: {
    text: 'Do you have a written contingency plan for continuing your critical activities during a disruption?',
    hint: 'To exercise a plan means to talk through a realistic scenario with the people who would use it.',
    options: {
      written_exercised: 'Yes, and we exercised it in the last 12 months',
      written_not_exercised: 'Written down, but not exercised in the last 12 months',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  alternate_working: {
    text: 'If one of your sites could not be used, could staff work from somewhere else?',
    hint: 'From home, from another of your sites or from a rented space.',
    options: {
      tested: 'Yes, and we have tried it in the last 12 months',
      possible_untested: 'Possible, but we have never tried it',
      not_possible: 'No',
      dont_know: dontKnow,
    },
  },
  staff_contact_check: {
    text: 'Could you contact all your staff within an hour and confirm that they are safe?',
    hint: 'For example a call tree or a messaging group with current phone numbers.',
    options: {
      tested: 'Yes, and we tested it in the last six months',
      untested: 'Yes, but we have not tested it',
      none: 'No',
    },
  },
  shelter_plan: {
    text: 'Do staff know where to shelter, and when to leave a site, if unrest or an attack happens nearby?',
    hint: 'For example a safe room away from windows, a way out that avoids the street, and who decides that staff leave.',
    options: {
      yes: 'Yes, it is written down and staff know it',
      partly: 'Partly: only some sites or some staff',
      no: 'No',
      dont_know: dontKnow,
    },
  },
  expatriate_evacuation: {
    text: 'Have you planned how expatriate staff and their families would leave the country, or move somewhere safer, if the situation became worse?',
    hint: 'Routes, transport, documents, who decides, and help from an assistance company or embassy.',
    options: {
      planned_rehearsed: 'Yes, and we have rehearsed it',
      written_not_rehearsed: 'Written down, but never rehearsed',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  supplier_alternatives: {
    text: 'Do you have another supplier for each of your critical suppliers?',
    hint: 'A second supplier who could deliver within days.',
    options: {
      all_critical: 'Yes, for all critical suppliers',
      some: 'For some of them',
      none: 'No',
      dont_know: dontKnow,
    },
  },

  // Staying informed
  information_sources: {
    text: 'Which sources do you use to follow security developments?',
    hint: 'Select all that apply.',
    options: {
      official_announcements: 'Official announcements and government travel advice',
      news_media: 'News media',
      security_adviser: 'A security adviser or consultancy',
      business_networks: 'Chambers of commerce or industry associations',
      none: 'None of these',
    },
  },
  monitoring_routine: {
    text: 'Does someone check these sources regularly and tell managers what matters?',
    hint: 'Early warning gives you time to send staff home, move stock or change routes.',
    options: {
      named_person_routine: 'Yes, a named person on a set routine',
      ad_hoc: 'Only when something big happens',
      nobody: 'No',
    },
  },
  action_triggers: {
    text: 'Have you agreed which events would make you act, and what you would do?',
    hint: 'For example demonstrations near a site, a border crossing closing or a sharp rise in regional tension.',
    options: {
      agreed_written: 'Yes, agreed and written down',
      informal: 'Talked about, but not written down',
      none: 'No',
    },
  },
  security_adviser: {
    text: 'Do you consult security experts?',
    hint: 'The article (October 2025) advises businesses to consult security experts about new threats.',
    options: {
      retained: 'Yes, we have an adviser we can call the same day',
      occasionally: 'Occasionally, when a question arises',
      never: 'No',
    },
  },
  travel_tracking: {
    text: 'When staff travel for work, do you know where they are and how to reach them?',
    hint: 'For example shared travel plans and agreed check-in calls.',
    options: {
      always: 'Always',
      sometimes: 'Sometimes',
      no: 'No',
      not_applicable: 'Not applicable: our staff do not travel for work',
    },
  },
  threat_alerts: {
    text: 'Does someone receive and act on alerts about cyber threats and software weaknesses?',
    hint: 'For example alerts from your IT provider or from the makers of the software you use.',
    options: { yes: 'Yes, a named person', no: 'No', dont_know: dontKnow },
  },

  // Working with the authorities
  police_contacts: {
    text: 'Do you have a named contact at the local police for your sites?',
    hint: 'Someone who knows your business and whom you can call about a concern.',
    options: {
      all_sites: 'Yes, for all our sites',
      some_sites: 'For some sites only',
      none: 'No',
    },
  },
  incident_reporting: {
    text: 'Do staff know how and when to report crimes, threats and suspicious activity to the authorities?',
    hint: 'A short written procedure: what to report, to whom and how quickly.',
    options: {
      written_procedure: 'Yes, there is a written procedure',
      informal: 'Staff are told, but nothing is written down',
      none: 'No',
    },
  },
  cyber_reporting: {
    text: 'Do you know which authority receives reports of cyber incidents in each country where you operate?',
    hint: 'Some incidents must be reported within a deadline. Check the rules that apply to you in each country.',
    options: { yes: 'Yes, we have it written down', no: 'No' },
  },
  local_security_networks: {
    text: 'Do you take part in local security or emergency meetings with the authorities or other businesses?',
    hint: 'For example briefings for a business district, an industrial park or a chamber of commerce.',
    options: {
      regularly: 'Regularly',
      occasionally: 'Occasionally',
      never: 'Never',
    },
  },

  // Cybersecurity
  mfa: {
    text: 'Do you require multi-factor authentication for email, remote access and administrator accounts?',
    hint: 'A second step as well as a password, such as a code from an app.',
    options: {
      all_accounts: 'Yes, for all of these accounts',
      some_accounts: 'For some of them',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  account_management: {
    text: 'Do you remove accounts on the day people leave, and give administrator rights only to those who need them?',
    hint: 'Old accounts and accounts with too many rights are a common way in for attackers.',
    options: { yes: 'Yes, always', partly: 'Sometimes', no: 'No', dont_know: dontKnow },
  },
  backups: {
    text: 'Do you keep backup copies of your critical systems and data?',
    hint: 'Ransomware cannot encrypt an offline copy. A test means restoring data from the backup.',
    options: {
      tested_offline: 'Yes, with an offline or separate copy, and we test restoring it',
      regular_untested: 'Yes, regularly, but we have never tested restoring it',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  updates: {
    text: 'Are security updates installed on computers, phones and servers within two weeks of release?',
    hint: 'Include routers, firewalls and the software your business runs on.',
    options: {
      within_two_weeks: 'Yes, within two weeks',
      irregular: 'Sometimes, but not always within two weeks',
      none: 'No, we do not install updates',
      dont_know: dontKnow,
    },
  },
  phishing_training: {
    text: 'Are staff trained to recognise phishing and false payment requests?',
    hint: 'Fake emails and messages are the most common start of an attack.',
    options: {
      yearly: 'Yes, at least once a year',
      once: 'Once, more than a year ago',
      never: 'No',
    },
  },
  cyber_incident_plan: {
    text: 'Do you have a plan for responding to a cyberattack?',
    hint: 'Who to call, how to isolate systems, how to continue working and how to recover. To exercise a plan means to talk it through with the people who would use it.',
    options: {
      written_tested: 'Yes, written down and exercised in the last 12 months',
      written: 'Written down, but not exercised in the last 12 months',
      none: 'No',
      dont_know: dontKnow,
    },
  },

  // Key contacts
  crisis_lead_name: {
    text: 'Crisis lead: name and role',
    hint: 'The person who takes decisions in a crisis.',
  },
  crisis_lead_phone: {
    text: 'Crisis lead: phone number',
    hint: 'Include the country code.',
  },
  deputy_name: {
    text: 'Deputy crisis lead: name and role',
    hint: 'The person who acts as crisis lead when no one can reach the crisis lead.',
  },
  deputy_phone: { text: 'Deputy crisis lead: phone number' },
  it_lead_name: {
    text: 'IT lead: name and organisation',
    hint: 'Your own IT manager, or the emergency contact at your IT provider.',
  },
  it_lead_phone: { text: 'IT lead: phone number' },
  insurer: {
    text: 'Insurer',
    hint: 'Company, policy number and claims phone number.',
  },
  bank: {
    text: 'Bank',
    hint: 'Bank, and a contact or phone number for urgent payments and fraud.',
  },
  key_suppliers: {
    text: 'Key suppliers',
    hint: 'One per line: supplier, what they provide, contact name and phone number.',
  },
  local_police: {
    text: 'Nearest police station: name and phone number',
    hint: 'The station nearest to your main site. The plans already print the national emergency numbers.',
  },
};

const scenarios: Readonly<Record<string, ScenarioWording>> = {
  cyberattack: {
    title: 'Cyberattack',
    description:
      'An attack on your IT systems or data, such as ransomware, payment fraud by email or theft of customer data. The article (October 2025) names cyberattacks among the threats that the two countries act against together.',
  },
  political_unrest: {
    title: 'Political unrest',
    description:
      'Demonstrations, strikes or road blockades that close a site, stop staff reaching work or delay deliveries. The article (October 2025) lists political instability among the risks that businesses should assess.',
  },
  crime: {
    title: 'Crime against staff or premises',
    description:
      'Theft, burglary, robbery, fraud or violence against your staff, premises, cash or goods. The article (October 2025) lists criminal activity among the risks that businesses should assess.',
  },
  road_cargo: {
    title: 'Cargo theft and road incidents on transit routes',
    description:
      'Theft of goods or vehicles, an attack on a driver, or a serious accident while your goods travel by road. The article (October 2025) names cross-border crime and organised crime among the threats that the two countries act against together.',
  },
  staff_safety: {
    title: 'Staff safety during unrest: evacuation or shelter',
    description:
      'Local or expatriate staff caught in unrest who must shelter, move to safety or leave the country. The article (October 2025) lists political instability among the risks that businesses should assess.',
  },
  terrorism: {
    title: 'Terrorism',
    description:
      'An attack, or a credible threat of one, at or near your sites or against staff while they travel. The article (October 2025) names counter-terrorism as a priority of cooperation between Georgia and Azerbaijan.',
  },
  border_disruption: {
    title: 'Border and supply-chain disruption',
    description:
      'A closure, delay or extra checks at a border crossing that stop your goods, staff or customers. The article (October 2025) reports joint patrols and surveillance on the Georgia–Azerbaijan border against smuggling and illegal migration.',
  },
  energy_disruption: {
    title: 'Energy disruption',
    description:
      'A loss of electricity, gas or fuel that stops or slows your work, caused by a fault, bad weather or an attack. The article (October 2025) calls the protection of energy infrastructure from sabotage and terrorism a shared priority.',
  },
  maritime_disruption: {
    title: 'Disruption to sea routes',
    description:
      'Closure, delays or insecurity at Black Sea or Caspian ports, or on shipping routes, that delay goods you depend on. The article (October 2025) notes that both seas matter for regional maritime security.',
  },
  geopolitical_escalation: {
    title: 'Regional escalation',
    description:
      'A sharp rise in regional tension that closes routes, disrupts trade or payments, or forces you to move staff. The article (October 2025) notes the aftermath of the 2020 Nagorno-Karabakh conflict and relations with Russia, Turkey and Iran.',
  },
};

/** One imperative sentence each, naming a concrete first step, at most 25 words. */
const recommendations: Readonly<Record<string, string>> = {
  // Conduct thorough risk assessments
  review_risks_yearly:
    'Name one person responsible for security risks, and have them review this assessment every year and after any major change.',
  protect_sites:
    'Visit each site to check locks, visitor sign-in, alarm or CCTV and a safe, and fix the most serious weakness first.',
  brief_staff:
    'Give all staff, and visitors from abroad, a short security briefing on safe travel, unrest, attacks and reporting concerns, and repeat it yearly.',
  check_insurance:
    'Ask your insurer or broker in writing what your policies cover and exclude for business interruption, civil unrest, terrorism and cyberattacks.',
  secure_road_transport:
    'Agree safe routes, stops and guarded parking for each regular trip, track vehicles during trips, and give drivers a written procedure for incidents.',

  // Develop contingency plans
  write_and_exercise_plan:
    'Write a one-page contingency plan for your most critical activity, and exercise it once a year by talking through one scenario.',
  keep_working_elsewhere:
    'Choose where staff would work if a site closed, and test it once a year by working from there for one day.',
  check_staff_safety:
    'Create a call tree or messaging group that reaches every member of staff within an hour, and test it twice a year.',
  prepare_shelter:
    'Choose a safe room and a safe way out at each site, name who decides that staff shelter or leave, and brief staff.',
  plan_expatriate_evacuation:
    'Write an evacuation plan for expatriate staff and their families, with triggers, routes, transport, documents and who decides, and rehearse it yearly.',
  secure_alternative_supply:
    'For each critical supplier, crossing and port, agree an alternative or hold extra stock, and test the alternative with a trial order.',
  install_backup_power:
    'Install a generator or UPS large enough for the equipment that must not stop, and test it under load every six months.',

  // Stay informed
  assign_monitoring:
    'Give one person the job of following official announcements and reliable news every week, and every day when tension rises.',
  agree_action_triggers:
    'Write down which events will make you act, such as unrest near a site or a border closure, and what you will do.',
  consult_security_adviser:
    'Find a security adviser who knows the region before you need one, and ask them to review your contingency plans.',
  track_staff_travel:
    'Keep a record of each work trip, with the travel plan and agreed check-in times, so that you can reach travelling staff quickly.',
  receive_cyber_alerts:
    'Name one person to receive security alerts from your IT provider and software makers, and to act on critical alerts within days.',

  // Collaborate with local authorities
  build_police_contacts:
    'Introduce yourself to the local police for each site, agree a named contact, and join local business security meetings.',
  set_reporting_procedure:
    'Write a one-page procedure that tells staff what to report to the authorities, to whom and how quickly, and keep a log.',
  know_cyber_reporting:
    'Confirm which authority receives reports of cyber incidents in each country where you operate, and add it to your cyber incident plan.',
  work_with_border_authorities:
    'Check shipment documents before every crossing, with a licensed customs broker if needed, and get a contact at customs for each crossing you use.',

  // Invest in cybersecurity
  require_mfa:
    'Require multi-factor authentication for email, remote access and administrator accounts, and remove accounts on the day people leave.',
  keep_tested_backups:
    'Keep an offline or separate backup of critical data, and restore one file from it every three months to prove that it works.',
  apply_updates:
    'Use automatic security updates where you can, install the rest within two weeks, and replace systems that no longer receive updates.',
  train_staff_phishing:
    'Train all staff every year to spot phishing and false payment requests, and always confirm changes to bank details by phone.',
  prepare_cyber_incident_plan:
    'Write a one-page cyber incident plan with your IT lead: who to call, how to isolate systems and how to restore them.',
};

const pillars: Readonly<Record<string, string>> = {
  risk_assessment: 'Conduct thorough risk assessments',
  contingency: 'Develop contingency plans',
  stay_informed: 'Stay informed',
  authorities: 'Collaborate with local authorities',
  cybersecurity: 'Invest in cybersecurity',
};

/** The four sources shared with 1.0 keep 1.0's citations word for word. */
const sources: Readonly<Record<string, SourceWording>> = {
  article_2025_10: {
    citation:
      '“Georgia and Azerbaijan Strengthen Security Ties in Tbilisi Meeting”, news article, Tbilisi, 25 October 2025. The source of the five practical tips and of the regional context.',
    // The copy the questionnaire was built from records no publisher or web address.
    url: '',
  },
  iso_31000: {
    citation:
      'ISO 31000:2018, Risk management — Guidelines. International Organization for Standardization. Used for the likelihood-and-impact structure of the scoring; no text is reproduced.',
    url: 'https://www.iso.org/standard/65694.html',
  },
  iso_22301: {
    citation:
      'ISO 22301:2019, Security and resilience — Business continuity management systems — Requirements. International Organization for Standardization. Used for the structure of the contingency questions; no text is reproduced.',
    url: 'https://www.iso.org/standard/75106.html',
  },
  nist_csf_2: {
    citation:
      'National Institute of Standards and Technology, The NIST Cybersecurity Framework (CSF) 2.0, NIST CSWP 29, 26 February 2024. Used for the structure of the cybersecurity questions; no text is reproduced.',
    url: 'https://doi.org/10.6028/NIST.CSWP.29',
  },
  ge_112: {
    citation:
      'LEPL Public Safety Command Center 112 of the Ministry of Internal Affairs of Georgia: 112 is the single number for police, fire and ambulance.',
    url: 'https://112.gov.ge',
  },
  az_mes: {
    citation:
      'Ministry of Emergency Situations of the Republic of Azerbaijan: 112 emergencies, 101 fire, 102 police, 103 ambulance.',
    url: 'https://www.fhn.gov.az',
  },
};

/** The service behind each emergency number that the plans print (emergencyNumbers.ts). */
const emergencyServices: Readonly<Record<string, string>> = {
  ge_all: 'for police, fire and ambulance',
  az_emergency: 'for emergencies',
  az_fire: 'for fire',
  az_police: 'for police',
  az_ambulance: 'for an ambulance',
};

/** Catalogue key of the service name of an emergency number of questionnaire 2.0. */
const emergencyServiceKey = (id: string): string => `${version}.emergency.${id}`;

function flatten(): Record<string, string> {
  const out = flattenQuestionnaireWording(version, { sections, questions, scenarios, recommendations, pillars, sources });
  for (const [id, name] of Object.entries(emergencyServices)) out[emergencyServiceKey(id)] = name;
  return out;
}

export const questionnaireV2Messages: Readonly<Record<string, string>> = Object.freeze(flatten());
