/**
 * Wording of questionnaire 2.0's one-page contingency plans (src/questionnaire/v2/plans.ts).
 * Short imperative sentences, one action each. Emergency numbers are never written here: the
 * plan prints them from src/questionnaire/v2/emergencyNumbers.ts with their sources.
 */
const v = '2.0';

const common: Readonly<Record<string, string>> = {
  'hour.safety': 'Make sure everyone is safe. Call the emergency number below if anyone is hurt or in danger.',
  'week.review': 'Hold a short review: what worked, what did not, and what to change in this plan.',
};

const duties: Readonly<Record<string, string>> = {
  crisisLead: 'Starts the plan, takes the decisions and speaks for the business.',
  deputy: 'Takes over when the crisis lead cannot be reached, and keeps the log of events.',
  itLead: 'Isolates and restores systems and data, and works with outside IT support.',
  insurer: 'Receives the claim. Call within the deadline in your policy.',
  bank: 'Stops suspicious payments and keeps salaries and supplier payments going.',
  keySuppliers: 'Agree new delivery dates, routes or replacement goods.',
};

const tells: Readonly<Record<string, string>> = {
  bankByPhone: 'the bank, by phone, to stop suspicious payments',
  staffOutsideEmail: 'all staff, by phone or text message, not by company email',
  staffGroup: 'all staff, through the agreed phone or messaging group',
  customersStatement: 'affected customers, with one agreed statement',
  customersAndSuppliers: 'customers and suppliers whose deliveries change, by phone or email',
  policeReport: 'the police, to report the crime and get a case number',
  insurerClaim: 'the insurer, to open the claim',
  families: "staff members' families, by phone, once their relatives are accounted for",
  embassies: "expatriate staff's embassies, to register them and follow their advice",
  drivers: 'drivers on the road, by phone, with where to wait or which route to take',
};

const plans: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  cyberattack: {
    trigger: 'Start this plan when systems are locked, data is missing, or someone reports a suspicious payment or sign-in.',
    'hour.disconnect': 'Disconnect affected computers from the network. Do not switch them off.',
    'hour.noRansom': 'Do not pay or answer any ransom demand before the crisis lead decides with outside advice.',
    'day.report': 'Report the attack to the national cyber incident service and to the police.',
    'day.restore': 'Restore the critical systems from the last backup that is known to be clean.',
    'day.rebuild': 'You have no usable backup: ask an IT firm to rebuild the critical systems first.',
    'week.closeWayIn': 'Find out how the attacker got in, close that way in, and change all passwords.',
  },
  political_unrest: {
    trigger: 'Start this plan when protests or road closures are near a site, or staff cannot travel safely.',
    'hour.stayOrLeave': 'Decide for each site: staff stay inside, or leave early by a safe route.',
    'hour.holdDrivers': 'Tell drivers near the area to wait in a safe place.',
    'day.openTomorrow': 'Decide by evening whether each site opens tomorrow, and tell staff.',
    'day.workElsewhere': 'Move critical work to staff at home or at another site.',
    'week.deliveries': 'Agree changed delivery times with customers and suppliers.',
  },
  crime: {
    trigger: 'Start this plan after a break-in, a theft, an attack on staff or an extortion attempt.',
    'hour.noResistance': 'Staff must not resist. Their safety comes before property.',
    'hour.police': 'Call the police and keep the scene as it is until they arrive.',
    'day.secure': 'Secure the site: repair locks, doors and windows.',
    'day.listLosses': 'List what was lost or damaged, with photographs, for the police and the insurer.',
    'week.reviewSecurity': 'Review the security of the site and fix the weakness that was used.',
  },
  road_cargo: {
    trigger: 'Start this plan when a vehicle or load is stolen, a driver is attacked, or a vehicle has a serious accident.',
    'hour.driverSafe': 'Call the driver. Make sure the driver is safe and gets medical help if needed.',
    'hour.police': 'Report the theft or accident to the police, with the vehicle and load details.',
    'day.tellCustomer': 'Tell the customer that the delivery is delayed and when to expect it.',
    'day.recover': 'Send a replacement vehicle or load where you can.',
    'week.reviewRoutes': 'Review the route, the stops and the parking used, and change them where needed.',
  },
  staff_safety: {
    trigger: 'Start this plan when unrest or violence puts staff in danger where they live or work.',
    'hour.headcount': 'Account for every member of staff: where they are and whether they are safe.',
    'hour.shelterOrMove': 'Tell staff to shelter where they are, or to move to the agreed safe place.',
    'day.decideEvacuation': 'Decide whether staff stay, move to another city, or leave the country.',
    'day.expatriates': 'Follow the evacuation plan for expatriate staff and their families.',
    'week.families': 'Keep families informed every day until everyone is safe.',
  },
  terrorism: {
    trigger: 'Start this plan after an attack, or a credible threat, near a site or staff.',
    'hour.followAuthorities': 'Follow the instructions of the police and emergency services.',
    'hour.headcount': 'Account for every member of staff: where they are and whether they are safe.',
    'day.support': 'Arrange medical and emotional support for staff who were affected.',
    'day.keepClosed': 'Keep affected sites closed until the authorities say they are safe.',
    'week.reopen': 'Reopen step by step, starting with the critical activities.',
  },
  border_disruption: {
    trigger: 'Start this plan when a border crossing closes or delays become longer than one day.',
    'hour.holdDrivers': 'Tell drivers on the way where to wait.',
    'hour.checkOfficial': 'Check official announcements to learn how long the closure may last.',
    'day.otherRoute': 'Move urgent loads to the other crossing or route you have agreed.',
    'day.tellCustomers': 'Tell customers which deliveries will be late, and by how long.',
    'week.stock': 'Use safety stock for the critical activities, and order more if the closure continues.',
  },
  energy_disruption: {
    trigger: 'Start this plan when power, gas or fuel supply stops at a site for more than one hour.',
    'hour.backupPower': 'Start the backup power and keep it for the critical activities.',
    'hour.protectEquipment': 'Switch off equipment that could be damaged when the power returns.',
    'day.fuel': 'Order fuel for the backup power for at least three days.',
    'day.workElsewhere': 'Move critical work to staff at home or at another site.',
    'week.priorities': 'Agree with customers which orders come first until supply is normal.',
  },
  maritime_disruption: {
    trigger: 'Start this plan when a port you depend on closes, or shipments are more than a week late.',
    'hour.confirmDelay': 'Ask the shipping agent how long the delay is expected to last.',
    'day.otherPort': 'Check whether the goods can go through another port or by road.',
    'day.tellCustomers': 'Tell customers which deliveries will be late, and by how long.',
    'week.stock': 'Use safety stock for the critical activities, and order more if the delay continues.',
  },
  geopolitical_escalation: {
    trigger: 'Start this plan when a regional crisis closes routes, stops payments or puts staff at risk.',
    'hour.confirmNews': 'Check official announcements and your security adviser to learn what has changed.',
    'day.paymentsAndSupply': 'Check which payments, suppliers and customers the crisis affects.',
    'day.expatriates': 'Decide whether expatriate staff and their families stay or leave.',
    'week.otherSuppliers': 'Move orders to suppliers and routes outside the affected area.',
  },
};

function flatten(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [step, text] of Object.entries(common)) out[`${v}.plan.common.${step}`] = text;
  for (const [role, text] of Object.entries(duties)) out[`${v}.plan.duty.${role}`] = text;
  for (const [whom, text] of Object.entries(tells)) out[`${v}.plan.tell.${whom}`] = text;
  for (const [scenario, steps] of Object.entries(plans)) {
    for (const [step, text] of Object.entries(steps)) out[`${v}.plan.${scenario}.${step}`] = text;
  }
  return out;
}

export const plansV2Messages: Readonly<Record<string, string>> = Object.freeze(flatten());
