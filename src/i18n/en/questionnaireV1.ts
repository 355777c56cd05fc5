import {
  flattenQuestionnaireWording,
  type QuestionWording,
  type ScenarioWording,
  type SectionWording,
  type SourceWording,
} from '../questionnaireWording.js';

/**
 * English wording of questionnaire 1.0. Written as nested tables for readability and flattened
 * into catalogue keys with `flattenQuestionnaireWording`, so a key can only be spelt one way. The integrity test
 * checks that every key the questionnaire needs is here and that nothing here is left over.
 *
 * Statements about the region are attributed to the source article ("the article ...") or to a
 * named source; nothing here states an emergency number or a figure that no source backs.
 */

const version = '1.0';

const dontKnow = "Don't know";

const sections: Readonly<Record<string, SectionWording>> = {
  profile: {
    title: 'About your business',
    intro:
      'These answers describe your business and decide which of the later sections apply to you. You can come back and change them at any time; the sections that follow adjust to your answers.',
  },
  cross_border: {
    title: 'Cross-border operations',
    intro:
      'You said that your business moves goods or people across a national border. The source article reports that a joint Georgia–Azerbaijan border security initiative, launched in late 2024, was followed by a 30% reduction in detected smuggling and a 20% decrease in illegal migration attempts in its first six months (results reported in early October 2025). These questions measure how much a delay or closure at a crossing would affect you.',
  },
  energy: {
    title: 'Energy supply',
    intro:
      'The source article notes that Azerbaijan is a key energy supplier to Europe and that protecting energy infrastructure from sabotage and terrorism is a shared priority of both countries. These questions look at how an interruption to power, gas or fuel would affect your operations.',
  },
  maritime: {
    title: 'Sea routes and ports',
    intro:
      "The source article notes Georgia's location on the Black Sea and Azerbaijan's proximity to the Caspian Sea, and that cooperation on maritime security between the two is growing. These questions look at how much your business depends on goods moving through ports on either sea.",
  },
  political_violence: {
    title: 'Unrest, terrorism and regional tension',
    intro:
      'The source article describes a complex regional picture: both countries balance relations with Russia, Turkey and Iran, the aftermath of the 2020 Nagorno-Karabakh conflict still shapes regional security, and, citing the International Crisis Group, geopolitical competition and unresolved conflicts remain significant threats. These questions look at how close your sites, staff and trade are to these risks.',
  },
  risk_assessment: {
    title: 'Risk assessment',
    intro:
      "The article's first practical tip is to assess security risks to your operations regularly, including cyber threats, political instability and criminal activity. These questions cover how you do that and how your sites and staff are protected. The scoring follows the likelihood-and-impact approach of ISO 31000.",
  },
  contingency: {
    title: 'Contingency planning',
    intro:
      'The second tip is to prepare contingency plans for disruption caused by a security incident. These questions follow the main steps of business continuity planning described in ISO 22301: know your critical activities, plan how to keep them going, and exercise the plan.',
  },
  stay_informed: {
    title: 'Staying informed',
    intro:
      'The third tip is to monitor regional security developments and consult security experts about emerging threats. These questions cover who in your business watches for change and what they do with what they learn.',
  },
  authorities: {
    title: 'Working with the authorities',
    intro:
      'The fourth tip is to build strong relationships with local law enforcement and security agencies. These questions cover your contacts with the police and other authorities and how your staff report incidents.',
  },
  cybersecurity: {
    title: 'Cybersecurity',
    intro:
      'The fifth tip is to invest in cybersecurity to protect your data and systems. The article names cyber threats among the dangers that the two countries’ security services work together against. These questions cover the basic protections, grouped along the lines of the NIST Cybersecurity Framework 2.0: protect, detect, respond and recover.',
  },
  contacts: {
    title: 'Key contacts',
    intro:
      'Your contingency plan lists the people and numbers you will need in a crisis. Only the crisis lead is required; you can add the others later. What you type here is printed in the plan exactly as you enter it.',
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
    hint: 'Select all that apply.',
    options: { georgia: 'Georgia', azerbaijan: 'Azerbaijan' },
  },
  sector: {
    text: 'Which sector is your business mainly in?',
    hint: 'Choose the closest match. Some sectors are more often targeted by cyberattacks or crime.',
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
    hint: 'Count offices, shops, warehouses, plants and other premises you use regularly.',
    options: { one: 'One', two_to_five: 'Two to five', six_or_more: 'Six or more' },
  },
  site_locations: {
    text: 'Where are your sites?',
    hint: 'Select all that apply.',
    options: {
      capital_city: 'In a capital city (Tbilisi or Baku)',
      other_city: 'In another city or town',
      industrial_area: 'In an industrial area, port or free zone',
      rural_area: 'In a rural or remote area',
      near_border: 'Close to a national border',
    },
  },
  staff_local: {
    text: 'How many local staff do you employ?',
    hint: 'Include part-time staff and contractors who work on your sites.',
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
    hint: 'Staff from other countries who live or are posted here. Count their families if they live with them.',
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
  energy_dependence: {
    text: 'How much do your operations depend on a steady supply of electricity, gas or fuel?',
    hint: 'Think of your most important site.',
    options: {
      critical: 'Critically: operations stop within hours without it',
      significant: 'Significantly: operations slow down but can continue for a day or more',
      limited: 'A little: mostly office work that could move elsewhere',
      dont_know: dontKnow,
    },
  },
  uses_ports: {
    text: 'Do your goods, or your main suppliers’ goods, travel through Black Sea or Caspian Sea ports?',
    hint: 'Include goods shipped by sea by others on your behalf.',
    options: {
      directly: 'Yes, we ship or receive goods through these ports ourselves',
      through_suppliers: 'Yes, our main suppliers or customers depend on these ports',
      no: 'No',
      dont_know: dontKnow,
    },
  },
  critical_it: {
    text: 'How much does your business depend on its IT systems?',
    hint: 'Include email, accounts, payments, online sales and any systems that control production or logistics.',
    options: {
      essential: 'Essential: we cannot trade for more than a day without them',
      important: 'Important: we can work on paper or by phone for a few days',
      minor: 'Minor: we could manage without them for a week or more',
      dont_know: dontKnow,
    },
  },
  online_services: {
    text: 'Do customers order, pay or sign in online with you?',
    hint: 'Services on the internet are reachable by attackers anywhere, so they raise the likelihood of a cyberattack.',
    options: { yes: 'Yes', no: 'No' },
  },

  // Cross-border operations
  border_movements: {
    text: 'What do you move across borders?',
    hint: 'Select all that apply.',
    options: {
      export_goods: 'Goods we export',
      import_goods: 'Goods we import',
      transit_goods: 'Goods in transit to or from other countries',
      staff_travel: 'Staff travelling for work',
      passengers: 'Passengers or customers we carry',
    },
  },
  border_frequency: {
    text: 'How often do your goods or people cross a border?',
    hint: 'The more often you cross, the more likely a closure or delay catches you.',
    options: {
      daily: 'Every day',
      weekly: 'Every week',
      monthly_or_less: 'Once a month or less',
      dont_know: dontKnow,
    },
  },
  border_dependence: {
    text: 'How much of your revenue depends on goods or people crossing borders?',
    hint: 'An estimate is enough.',
    options: {
      more_than_half: 'More than half',
      quarter_to_half: 'Between a quarter and a half',
      less_than_quarter: 'Less than a quarter',
      dont_know: dontKnow,
    },
  },
  border_delay_tolerance: {
    text: 'If the crossing you use were closed, how long could you carry on before customers or operations suffered?',
    hint: 'Consider stock on hand, customer deadlines and perishable goods.',
    options: {
      less_than_a_day: 'Less than a day',
      up_to_a_week: 'Up to a week',
      more_than_a_week: 'More than a week',
      dont_know: dontKnow,
    },
  },
  border_alternatives: {
    text: 'Do you have an alternative route or crossing if your usual one is closed?',
    hint: 'Another crossing point, another mode of transport or another forwarder.',
    options: {
      tested: 'Yes, and we have used it in the last 12 months',
      identified: 'Yes, but we have not used it',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  customs_documents: {
    text: 'Are shipment and travel documents checked as complete before each crossing?',
    hint: 'For example by your own staff or a licensed customs broker. Incomplete papers are a common cause of goods being held.',
    options: {
      always_checked: 'Yes, every time',
      sometimes: 'Sometimes',
      no: 'No',
      not_applicable: 'Not applicable: we move only people',
    },
  },

  // Energy supply
  power_cuts: {
    text: 'In the last 12 months, how often did any of your sites lose mains power for more than an hour?',
    hint: 'Your own experience is the best guide to how likely an outage is.',
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
    hint: 'For example pipelines, power stations, substations, fuel terminals or storage.',
    options: {
      operate: 'We operate energy infrastructure',
      next_to: 'One or more of our sites is next to it',
      no: 'No',
      dont_know: dontKnow,
    },
  },
  fuel_deliveries: {
    text: 'Do your operations depend on regular fuel deliveries?',
    hint: 'For example diesel for vehicles or generators, or gas cylinders.',
    options: {
      daily_or_weekly: 'Yes, daily or weekly',
      occasionally: 'Occasionally',
      no: 'No',
      dont_know: dontKnow,
    },
  },
  backup_power: {
    text: 'Do you have backup power for your critical equipment?',
    hint: 'A generator or uninterruptible power supply (UPS) large enough for the equipment that must keep running.',
    options: {
      tested: 'Yes, and it was tested under load in the last six months',
      untested: 'Yes, but it has not been tested recently',
      none: 'No',
      dont_know: dontKnow,
    },
  },

  // Sea routes and ports
  sea_routes: {
    text: 'Which seas do your goods travel across?',
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
    text: 'In the last 12 months, were any of your shipments held up at a port or at sea?',
    hint: 'For example by port closures, storms, congestion or inspections.',
    options: {
      often: 'Often',
      sometimes: 'Sometimes',
      never: 'Never',
      dont_know: dontKnow,
    },
  },
  sea_alternatives: {
    text: 'Do you have an alternative port, route or mode of transport if your usual one is unavailable?',
    hint: 'For example another port, rail or road freight, or air freight for urgent goods.',
    options: {
      tested: 'Yes, and we have used it in the last 12 months',
      identified: 'Yes, but we have not used it',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  safety_stock: {
    text: 'How much stock of critical goods or materials do you keep?',
    hint: 'Stock bridges a gap while shipments are delayed.',
    options: {
      over_four_weeks: 'More than four weeks',
      one_to_four_weeks: 'One to four weeks',
      under_one_week: 'Less than a week',
      not_applicable: 'Not applicable: we do not hold stock',
    },
  },

  // Unrest, terrorism and regional tension
  site_proximity: {
    text: 'Are any of your sites within a few minutes’ walk of any of these?',
    hint: 'Select all that apply. Demonstrations often gather near government buildings and main squares, and crowded places can attract attacks.',
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
    text: 'In the last two years, have protests, strikes or road blockades disrupted your operations or your staff’s journeys?',
    hint: 'Include days when staff could not reach work or deliveries could not get through.',
    options: {
      several_times: 'Yes, several times',
      once: 'Yes, once',
      never: 'No',
      dont_know: dontKnow,
    },
  },
  high_profile: {
    text: 'Is your business high-profile?',
    hint: 'For example a well-known international brand, links with a foreign government, or frequent media attention.',
    options: { yes: 'Yes', no: 'No', dont_know: dontKnow },
  },
  conflict_proximity: {
    text: 'Are any of your sites, routes or staff in or near areas affected by the 2020 Nagorno-Karabakh conflict or its aftermath, or close to a contested boundary?',
    hint: 'The article notes that the aftermath of the 2020 conflict continues to shape security in the region.',
    options: { yes: 'Yes', no: 'No', dont_know: dontKnow },
  },
  regional_trade_links: {
    text: 'Does your business depend on suppliers, customers, finance or transport routes linked to any of these countries?',
    hint: 'Select all that apply. The article notes that both countries balance relations with these regional powers.',
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
    hint: 'A review looks at threats, how exposed you are and whether your protections still work.',
    options: {
      at_least_yearly: 'At least once a year, and after major changes',
      after_incidents_only: 'Only after something has gone wrong',
      never: 'We have not reviewed them',
      dont_know: dontKnow,
    },
  },
  risk_owner: {
    text: 'Is one person responsible for managing security risks?',
    hint: 'Someone who follows up actions and reports to the management.',
    options: {
      named_person: 'Yes, a named person',
      shared_informally: 'Several people share it informally',
      nobody: 'No',
    },
  },
  valuables_on_site: {
    text: 'Do you keep cash, high-value goods or valuable equipment at your sites?',
    hint: 'Cash takings, stock that is easy to resell, vehicles, laptops or specialist equipment.',
    options: {
      significant: 'Yes, significant amounts',
      some: 'Some',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  site_security: {
    text: 'Which of these protections do your main sites have?',
    hint: 'Select all that apply.',
    options: {
      access_control: 'Controlled entry: locked doors, visitor sign-in, keys or codes changed when people leave',
      alarm_or_cctv: 'A monitored alarm or CCTV',
      guards: 'Security guards',
      secure_storage: 'A safe or locked store for cash and valuables',
      none: 'None of these',
    },
  },
  security_briefing: {
    text: 'Do staff receive a personal security briefing?',
    hint: 'How to travel safely, what to do if caught up in a demonstration or attack, and how to report a concern.',
    options: {
      all_staff_yearly: 'Yes, all staff, at least once a year',
      new_staff_only: 'Only when they join',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  critical_assets_listed: {
    text: 'Have you listed the systems and data your business cannot work without?',
    hint: 'With who can access each one and what losing it would cost.',
    options: {
      documented: 'Yes, in writing, and it is up to date',
      partly: 'Partly',
      no: 'No',
      dont_know: dontKnow,
    },
  },
  insurance_review: {
    text: 'Have you checked what your insurance covers if a security incident stops your business?',
    hint: 'Policies often exclude some events, such as civil unrest, terrorism or cyberattacks, or need them added.',
    options: {
      checked_covered: 'Yes, we know what is covered and what is excluded',
      not_checked: 'We have insurance but have not checked',
      no_cover: 'We have no business interruption cover',
      dont_know: dontKnow,
    },
  },

  // Contingency planning
  continuity_plan: {
    text: 'Do you have a written plan for keeping critical operations going during a disruption?',
    hint: 'Exercising means walking through a realistic scenario with the people who would use the plan.',
    options: {
      written_exercised: 'Yes, and we exercised it in the last 12 months',
      written_not_exercised: 'Yes, but we have not exercised it',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  critical_activities: {
    text: 'Have you identified your critical activities and how long each can stop before the harm becomes serious?',
    hint: 'For example: payroll can wait three days, customer deliveries only one.',
    options: {
      documented: 'Yes, in writing',
      partly: 'Partly',
      no: 'No',
    },
  },
  alternate_working: {
    text: 'If one of your sites could not be used, could staff work from somewhere else?',
    hint: 'From home, another of your sites or a rented space.',
    options: {
      tested: 'Yes, and we have tried it in the last 12 months',
      possible_untested: 'Yes, in principle, but we have not tried it',
      not_possible: 'No',
      dont_know: dontKnow,
    },
  },
  staff_contact_check: {
    text: 'Could you contact all your staff within an hour and confirm that they are safe?',
    hint: 'For example a call tree or a messaging group with up-to-date numbers.',
    options: {
      tested: 'Yes, and we have tested it in the last six months',
      untested: 'Yes, but we have not tested it',
      none: 'No',
    },
  },
  expatriate_evacuation: {
    text: 'Have you planned how expatriate staff and their families would leave the country or move to safety if the situation worsened?',
    hint: 'Routes, transport, documents, who decides, and help from an assistance provider or embassy.',
    options: {
      planned_rehearsed: 'Yes, and we have rehearsed it',
      planned: 'Yes, but we have not rehearsed it',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  supplier_alternatives: {
    text: 'Do you have an alternative for each of your critical suppliers?',
    hint: 'A second supplier who could deliver at short notice.',
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
    text: 'Does someone check these sources on a routine and pass on what matters?',
    hint: 'Early warning gives you time to send staff home, move stock or change routes.',
    options: {
      named_person_routine: 'Yes, a named person on a set routine',
      ad_hoc: 'Only when something big happens',
      nobody: 'No',
    },
  },
  action_triggers: {
    text: 'Have you agreed which developments would make you act, and what you would do?',
    hint: 'For example demonstrations near a site, a border crossing closing or a sharp rise in regional tension.',
    options: {
      agreed_written: 'Yes, agreed and written down',
      informal: 'Informally',
      none: 'No',
    },
  },
  security_adviser: {
    text: 'Do you consult security experts?',
    hint: 'The article advises consulting security experts to stay informed about emerging threats.',
    options: {
      retained: 'Yes, we have an adviser we can call at short notice',
      occasionally: 'Occasionally, when a question comes up',
      never: 'No',
    },
  },
  travel_tracking: {
    text: 'When staff travel for work, do you know where they are and how to reach them?',
    hint: 'For example shared itineraries and check-in calls.',
    options: {
      always: 'Always',
      sometimes: 'Sometimes',
      no: 'No',
      not_applicable: 'Not applicable: our staff do not travel for work',
    },
  },
  threat_alerts: {
    text: 'Does someone receive and act on alerts about cyber threats and software weaknesses?',
    hint: 'For example from your IT provider or the makers of the software you use.',
    options: { yes: 'Yes', no: 'No', dont_know: dontKnow },
  },

  // Working with the authorities
  police_contacts: {
    text: 'Do you have a named contact at the local police for your sites?',
    hint: 'Someone who knows your business and whom you can call about a concern.',
    options: {
      all_sites: 'Yes, for all our sites',
      some_sites: 'For some sites',
      none: 'No',
    },
  },
  incident_reporting: {
    text: 'Do staff know how and when to report crimes, threats and suspicious activity to the authorities?',
    hint: 'A short written procedure: what to report, to whom and how quickly.',
    options: {
      written_procedure: 'Yes, there is a written procedure',
      informal: 'Informally',
      none: 'No',
    },
  },
  cyber_reporting: {
    text: 'Do you know which authority to report a cyber incident or data breach to in each country where you operate?',
    hint: 'Some incidents must be reported within a deadline. Check the rules that apply to you in each country.',
    options: { yes: 'Yes', no: 'No' },
  },
  border_authority_contacts: {
    text: 'Do you have working contacts with the customs and border authorities at the crossings you use?',
    hint: 'Contacts you can call to find out why a shipment is held or when a crossing will reopen.',
    options: { yes: 'Yes', no: 'No', dont_know: dontKnow },
  },
  local_security_networks: {
    text: 'Do you take part in local security or emergency meetings with the authorities or other businesses?',
    hint: 'For example briefings for a business district, industrial park or chamber of commerce.',
    options: {
      regularly: 'Regularly',
      occasionally: 'Occasionally',
      never: 'Never',
    },
  },

  // Cybersecurity
  mfa: {
    text: 'Do you require multi-factor authentication for email, remote access and administrator accounts?',
    hint: 'A second step, such as a code from an app, as well as a password.',
    options: {
      all_accounts: 'Yes, for all of these accounts',
      some_accounts: 'For some of them',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  account_management: {
    text: 'Are accounts removed promptly when people leave, and are administrator rights limited to those who need them?',
    hint: 'Old and over-powerful accounts are a common way in for attackers.',
    options: { yes: 'Yes', partly: 'Partly', no: 'No', dont_know: dontKnow },
  },
  backups: {
    text: 'Do you back up your critical systems and data?',
    hint: 'An offline copy cannot be encrypted by ransomware. A test means restoring data from the backup.',
    options: {
      tested_offline: 'Yes, with an offline or separate copy, and we test restoring it',
      regular_untested: 'Yes, regularly, but we have not tested restoring it',
      none: 'No',
      dont_know: dontKnow,
    },
  },
  updates: {
    text: 'Are security updates installed on computers, phones and servers within two weeks of release?',
    hint: 'Include routers, firewalls and the software your business runs on.',
    options: {
      within_two_weeks: 'Yes',
      irregular: 'Not always',
      dont_know: dontKnow,
    },
  },
  phishing_training: {
    text: 'Are staff trained to recognise phishing and fraudulent payment requests?',
    hint: 'Fake emails and messages are the most common start of an attack.',
    options: {
      yearly: 'Yes, at least once a year',
      once: 'Once, some time ago',
      never: 'No',
    },
  },
  cyber_incident_plan: {
    text: 'Do you have a plan for responding to a cyberattack?',
    hint: 'Who to call, how to isolate systems, how to keep working and how to recover.',
    options: {
      written_tested: 'Yes, written and tested',
      written: 'Yes, written but not tested',
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
    hint: 'Who takes over when the crisis lead cannot be reached.',
  },
  deputy_phone: { text: 'Deputy crisis lead: phone number' },
  it_lead_name: {
    text: 'IT lead: name and organisation',
    hint: 'Your own IT manager or your IT provider’s contact for emergencies.',
  },
  it_lead_phone: { text: 'IT lead: phone number' },
  insurer: {
    text: 'Insurer',
    hint: 'Company, policy number and claims line.',
  },
  bank: {
    text: 'Bank',
    hint: 'Bank, and a contact or line for urgent payments and fraud.',
  },
  key_suppliers: {
    text: 'Key suppliers',
    hint: 'One per line: supplier, what they provide, contact name and phone number.',
  },
  emergency_number_georgia: {
    text: 'Emergency number your sites in Georgia use',
    hint: 'RiskPlan does not fill this in. Confirm the number with the national emergency service before you rely on it.',
  },
  police_number_georgia: {
    text: 'Police number for your sites in Georgia',
    hint: 'The general police number or your local station. Confirm it with the police before you rely on it.',
  },
  emergency_number_azerbaijan: {
    text: 'Emergency number your sites in Azerbaijan use',
    hint: 'RiskPlan does not fill this in. Confirm the number with the national emergency service before you rely on it.',
  },
  police_number_azerbaijan: {
    text: 'Police number for your sites in Azerbaijan',
    hint: 'The general police number or your local station. Confirm it with the police before you rely on it.',
  },
};

const scenarios: Readonly<Record<string, ScenarioWording>> = {
  cyberattack: {
    title: 'Cyberattack',
    description:
      'An attack on your IT systems or data, such as ransomware, payment fraud by email or theft of customer data, that stops operations or causes loss. The source article names cyberattacks among the threats that Georgia and Azerbaijan work together against, including attacks on critical infrastructure.',
  },
  political_unrest: {
    title: 'Political unrest',
    description:
      'Demonstrations, strikes or road blockades that close a site, stop staff getting to work or hold up deliveries. The source article lists political instability among the risks that businesses in the region should assess.',
  },
  crime: {
    title: 'Crime against staff or premises',
    description:
      'Theft, burglary, robbery, fraud or violence affecting your people, premises, cash or goods. The source article lists criminal activity among the risks to assess, and transnational organised crime among the threats the two countries address together.',
  },
  terrorism: {
    title: 'Terrorism',
    description:
      'An attack, or a credible threat of one, at or near one of your sites or affecting staff while they travel. The source article names counter-terrorism as a priority of Georgia–Azerbaijan cooperation, including preventing the transit of foreign terrorist fighters. It starts as rare but severe; your answers raise its likelihood only where your sites or profile are more exposed.',
  },
  border_disruption: {
    title: 'Border and supply-chain disruption',
    description:
      'A closure, delay or extra checks at a border crossing that hold up your goods, staff or customers. The source article describes joint patrols and surveillance on the Georgia–Azerbaijan border against smuggling and illegal migration, and reports that the joint initiative launched in late 2024 was followed by a 30% reduction in detected smuggling and a 20% decrease in illegal migration attempts in its first six months.',
  },
  energy_disruption: {
    title: 'Energy disruption',
    description:
      'A loss of electricity, gas or fuel long enough to stop or slow your operations, whether from a fault, bad weather or an attack on energy infrastructure. The source article notes Azerbaijan’s role as a key energy supplier to Europe and that protecting energy infrastructure from sabotage and terrorism is a shared priority.',
  },
  maritime_disruption: {
    title: 'Disruption to sea routes',
    description:
      'Closure, congestion or insecurity at Black Sea or Caspian ports, or on shipping routes, that delays goods you or your suppliers depend on. The source article notes the importance of both seas for regional maritime security.',
  },
  geopolitical_escalation: {
    title: 'Regional escalation',
    description:
      'A sharp rise in regional tension that closes routes, disrupts trade or payments, or makes it necessary to relocate staff. The source article describes both countries balancing relations with Russia, Turkey and Iran, and the continuing effect of the aftermath of the 2020 Nagorno-Karabakh conflict.',
  },
};

const recommendations: Readonly<Record<string, string>> = {
  // Conduct thorough risk assessments
  review_risks_yearly:
    'Name one person responsible for security risks and have them review this assessment at least once a year and after any major change, such as a new site, a new market or a serious incident.',
  protect_sites:
    'Control who enters each site (locked entrances, visitor sign-in, keys and codes changed when people leave), cover entrances with a monitored alarm or CCTV, and keep cash and valuables in a safe or locked store.',
  brief_staff:
    'Give every member of staff, and visitors from abroad, a short personal security briefing at least once a year: safe travel, what to do if caught up in a demonstration or attack, and how to report a concern.',
  list_critical_systems:
    'List the systems and data your business cannot work without, who can access each one and what losing it would cost; use the list to set your cybersecurity priorities.',
  check_insurance:
    'Ask your insurer or broker in writing whether your policies cover business interruption, civil unrest, terrorism and cyberattacks, and decide whether to add cover for the gaps.',

  // Develop contingency plans
  write_and_exercise_plan:
    'List your critical activities and how long each can stop before the harm becomes serious, write a short continuity plan for keeping them going, and exercise it at least once a year with a walk-through of one scenario.',
  keep_working_elsewhere:
    'Make sure critical work can continue if a site is closed or loses power: try working from home or another site once a year, and where operations depend on power, keep a backup generator or UPS for critical equipment and test it under load every six months.',
  check_staff_safety:
    'Set up a way to reach every member of staff within an hour and confirm they are safe, such as a call tree or messaging group with up-to-date numbers, and test it twice a year.',
  plan_expatriate_evacuation:
    'Write a relocation and evacuation plan for expatriate staff and their families (triggers, routes, transport, documents, who decides) and rehearse it once a year.',
  secure_alternative_supply:
    'For each critical supplier and route, agree an alternative (a second supplier, another border crossing or port, or another mode of transport) and try it with a trial order or shipment before you need it.',

  // Stay informed
  assign_monitoring:
    'Give one person the job of following official announcements, reliable news and expert advice, weekly in normal times and daily when tension rises, and of passing what matters to managers the same day.',
  agree_action_triggers:
    'Agree in writing which developments will make you act and what you will do, for example demonstrations near a site, a border crossing closing or a sharp rise in regional tension, so that decisions are quick and not improvised.',
  consult_security_adviser:
    'Arrange access to a security adviser who knows the region before you need one, and ask them to review this plan and brief managers on emerging threats.',
  track_staff_travel:
    'Keep a record of where staff are when they travel for work, with their itinerary and a check-in arrangement, so that you can reach them quickly if something happens.',
  receive_cyber_alerts:
    'Make sure a named person receives security alerts from your IT provider and the makers of your main software, and that critical updates are acted on within days.',

  // Collaborate with local authorities
  build_police_contacts:
    'Introduce yourself to the local police for each site, agree a named contact, and keep their details in your contingency plan.',
  set_reporting_procedure:
    'Write a one-page procedure telling staff what to report to the authorities (crimes, threats, suspicious activity), to whom and how quickly, and keep a log of what was reported.',
  know_cyber_reporting:
    'Find out, for each country where you operate, which authority receives reports of cyber incidents and data breaches and whether a deadline applies, and put the details in your incident plan.',
  work_with_border_authorities:
    'Check shipment and travel documents before every crossing, using a licensed customs broker where that helps, and keep working contacts with customs and border officials at the crossings you use.',
  join_local_networks:
    'Take part in local security or emergency meetings with the authorities and neighbouring businesses, for example through a chamber of commerce or business district.',

  // Invest in cybersecurity
  require_mfa:
    'Require multi-factor authentication for email, remote access and administrator accounts, remove accounts on the day people leave, and limit administrator rights to those who need them.',
  keep_tested_backups:
    'Keep offline or separate backups of critical systems and data, and restore one each quarter to prove that the backups work.',
  apply_updates:
    'Install security updates on computers, phones, servers and network equipment within two weeks of release, and replace systems that no longer receive updates.',
  train_staff_phishing:
    'Train all staff at least once a year to recognise phishing and fake payment requests, and agree a rule that changes to bank details are always confirmed by phone.',
  prepare_cyber_incident_plan:
    'Write a short cyber incident plan (who to call, how to isolate affected systems, how to keep working and how to restore) and test it once a year with your IT lead or provider.',
};

const pillars: Readonly<Record<string, string>> = {
  risk_assessment: 'Conduct thorough risk assessments',
  contingency: 'Develop contingency plans',
  stay_informed: 'Stay informed',
  authorities: 'Collaborate with local authorities',
  cybersecurity: 'Invest in cybersecurity',
};

const sources: Readonly<Record<string, SourceWording>> = {
  article_2025_10: {
    citation:
      '“Georgia and Azerbaijan Strengthen Security Ties in Tbilisi Meeting”, news article, Tbilisi, 25 October 2025. The source of the five practical tips and of the regional context, including the reported results of the joint border security initiative.',
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
};

function flatten(): Record<string, string> {
  return flattenQuestionnaireWording(version, { sections, questions, scenarios, recommendations, pillars, sources });
}

export const questionnaireV1Messages: Readonly<Record<string, string>> = Object.freeze(flatten());
