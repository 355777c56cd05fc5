/**
 * The wording of the PDF report and its printable HTML version: headings, column names, fixed
 * sentences and the contingency plan steps (see `src/report/contingencyPlans.ts`).
 *
 * Nothing here states a fact about the region: no emergency numbers, agencies or figures. Steps
 * refer to "the contacts table", which prints what the user entered. Recovery-time targets and
 * exercise intervals are planning targets for the business to confirm, not facts.
 */
export const reportMessages: Readonly<Record<string, string>> = {
  // Document
  'report.document.title': 'Security risk assessment and contingency plan: {company}',
  'report.document.subject':
    'Risk register, prioritised checklist and contingency plans for {company}, issued {date} (report {reportId})',
  'report.document.keywords':
    'security risk assessment, contingency plan, business continuity, risk register, Georgia, Azerbaijan, {reportId}',
  'report.document.creator': 'RiskPlan',
  'report.document.subjectDraft':
    'Draft risk register, prioritised checklist and contingency plans for {company}, as of {date} (draft {reportId}, not an issued report)',
  'report.document.verify': 'Verify this report at {url}',
  'report.contents': 'Contents',
  'report.bookmark.cover': 'Cover',
  'report.header.date': 'Report date: {date}',
  'report.footer.reportId': 'Report ID {reportId} · Questionnaire {version}',
  /** A draft's footer says it was not issued, in the room "Report ID" takes on an issued report's (one line, as long). */
  'report.footer.draft': '{reportId} (not issued) · Questionnaire {version}',
  'report.footer.page': 'Page {page} of {pages}',
  'report.date.issued': '{date}, {time} UTC',
  'report.list.separator': ', ',
  'report.list.lastSeparator': ' and ',

  // Cover
  'report.cover.kicker': 'SECURITY RISK ASSESSMENT',
  'report.cover.title': 'Risk assessment and contingency plan',
  'report.cover.issued': 'Date of issue',
  'report.cover.preparedBy': 'Prepared by',
  /** When nobody is named as the preparer: the business assessed itself. */
  'report.cover.preparedBySelf': '{company} (self-assessment)',
  'report.cover.consultantFirm': 'Consultant firm',
  'report.cover.reportId': 'Report ID',
  /** A draft's cover: the date it was made from, and its id marked as a draft. */
  'report.cover.draftDate': 'Draft as of',
  'report.cover.verify': 'Is it genuine?',
  'report.cover.verifyAt': 'Upload this PDF at {url}',
  'report.cover.draftId': '{reportId} (draft: not an issued report)',
  'report.cover.version': 'Questionnaire version',
  'report.cover.countries': 'Operations in',
  'report.cover.rating': 'Overall rating after current measures',
  'report.cover.notice':
    'Produced by RiskPlan from the answers given in its questionnaire; it is only as good as those answers. Keep it with your business continuity records and review it at least once a year, and whenever the business or the situation in the region changes. It holds the names and phone numbers of your crisis team: share it only with the people who need it.',
  'report.company.unnamed': 'Company name not given',
  'report.countries.none': 'Not given',

  // Values
  'report.value.notGiven': 'Not given. Write it in here:',
  'report.value.numberNotGiven': 'Not given. Confirm it with the national emergency service and write it in here:',
  'report.value.notAnswered': 'Not answered',
  'report.value.nameAndPhone': '{name}, {phone}',
  'report.value.phoneNotGiven': '{name} (no phone number given)',
  'report.rating': '{band} ({score})',
  'report.level': '{level} {label}',
  'report.change': '{before} → {after}',

  // Executive summary
  'report.summary.title': 'Executive summary',
  'report.summary.intro':
    'This report assesses the security risks that {company} faces in its operations in {countries}, from the answers given to the RiskPlan questionnaire (version {version}). It rates each risk scenario before and after the measures already in place, lists the actions to take in order of priority, and sets out a contingency plan for each significant scenario.',
  'report.summary.rating.label': 'Overall rating',
  'report.summary.rating.text':
    'The overall rating is the band of the most serious scenario after current measures: {scenario}.',
  'report.summary.rating.none': 'No risk scenario applies to the business on the answers given, so the overall rating is Low.',
  'report.summary.counts':
    '{total} risk scenarios apply to the business. After current measures: {critical} Critical, {high} High, {medium} Medium and {low} Low.',
  'report.summary.topRisks': 'Top risks',
  'report.summary.heatMap': 'Heat map',
  'report.summary.firstActions': 'First actions',
  'report.summary.firstActions.intro': 'The most urgent actions; the full checklist follows the risk register.',
  'report.summary.firstAction': '{action} ({timeframe})',
  'report.summary.noActions': 'No action is recommended: every measure the questionnaire asks about is in place.',
  'report.heatMap.likelihood': 'Likelihood',
  'report.heatMap.impact': 'Impact',
  'report.heatMap.key': 'Key: {entries}.',
  'report.heatMap.keyEntry': '{ref} {scenario}',
  'report.heatMap.description': 'Heat map of residual risk, likelihood by impact. {placements}',
  'report.heatMap.placement': '{ref} {scenario}: likelihood {likelihood}, impact {impact}, {band}.',
  'report.heatMap.empty': 'No scenario applies.',
  'report.heatMap.cell': 'Likelihood {likelihood}, impact {impact}: score {score}, {band}. {scenarios}',

  // Risk register
  'report.register.title': 'Risk register',
  'report.register.intro':
    'Each scenario that applies to the business, most serious first. Likelihood and impact run from 1 to 5, and the rating is their product, before and after the measures already in place. The scoring method is in the appendix.',
  'report.register.col.ref': 'Ref',
  'report.register.col.scenario': 'Scenario',
  'report.register.col.likelihood': 'Likelihood',
  'report.register.col.impact': 'Impact',
  'report.register.col.before': 'Before measures',
  'report.register.col.after': 'After measures',
  'report.register.none': 'No risk scenario applies to the business on the answers given.',
  'report.register.why': 'Why each scenario scored as it did',
  'report.register.whyIntro':
    'The answers that set each level, and the measures that lowered it. Measures lower each of likelihood and impact by at most two steps, and never below 1.',
  'report.register.whyIntro.graded':
    'The answers that raised each rating, the critical activities it would stop, and how many of its measures are in place.',
  'report.register.term': '{ref} {scenario}: likelihood {likelihood}, impact {impact}',
  'report.register.driver.sets': 'Sets {factor} to {level}:',
  'report.register.driver.reduces': 'Lowers {factor} by {amount}:',
  'report.register.driver.answer': '“{answer}” (answer to “{question}”)',
  'report.register.driver.none': 'Starting levels:',
  'report.register.driver.noneText': 'No answer changed the starting levels of this scenario.',
  'report.register.notApplicable': 'Not applicable to this business, and so not scored: {scenarios}.',
  'report.factor.likelihood': 'likelihood',
  'report.factor.impact': 'impact',

  // Checklist
  'report.checklist.title': 'Prioritised checklist',
  'report.checklist.intro':
    'Actions to take, most urgent first, grouped by when they should be done. Tick each one when it is done, and write in who owns it and by when. Under each action: the pillar it belongs to and the risks it treats.',
  'report.checklist.col.done': 'Done',
  'report.checklist.col.action': 'Action',
  'report.checklist.col.priority': 'Priority',
  'report.checklist.col.owner': 'Owner',
  'report.checklist.col.due': 'Due date',
  'report.checklist.detail': '{pillar} · Treats: {scenarios}',
  'report.checklist.group': '{timeframe} ({count})',
  'report.checklist.none': 'No action is recommended: every measure the questionnaire asks about is in place. Review the answers at least once a year.',

  // Contingency plans
  'report.plans.title': 'Contingency plans',
  'report.plans.intro.serious':
    'A plan for each scenario rated High or Critical after current measures: {scenarios}. Scenarios rated Medium or Low are covered by the checklist; look at them again when the situation changes. Each plan starts on a new page, so that it can be printed and pinned up on its own. For every plan:',
  'report.plans.intro.medium':
    'No scenario is rated High or Critical after current measures, so there is a plan for each scenario rated Medium: {scenarios}. Each plan starts on a new page, so that it can be printed and pinned up on its own. For every plan:',
  'report.plans.intro.none':
    'No scenario is rated Medium or above after current measures, so no scenario plan is included. In any incident: make sure everyone is safe, call the emergency number if anyone is hurt or in danger, and tell the crisis lead.',
  'report.plans.missingContacts':
    'Some contacts were not given. Write them in before this plan is needed: a plan without a number to call will fail in the first minutes.',
  'report.plans.planTitle': 'Plan {ref}: {scenario}',
  'report.plans.ratingLabel': 'Rating after current measures',
  'report.plans.rating': 'Likelihood {likelihood} × impact {impact}',
  'report.plans.triggers': 'Start this plan when',
  'report.plans.contacts': 'Roles and contacts',
  'report.plans.contacts.col.role': 'Role',
  'report.plans.contacts.col.contact': 'Name and number, as given',
  'report.plans.contacts.col.duty': 'In this plan',
  'report.plans.firstHour': 'First hour',
  'report.plans.firstDay': 'First day',
  'report.plans.firstWeek': 'First week',
  'report.plans.communications': 'Who tells whom, and how',
  'report.plans.communications.col.who': 'Who',
  'report.plans.communications.col.whom': 'Tells',
  'report.plans.communications.col.how': 'How',
  'report.plans.communications.col.when': 'When',
  'report.plans.recovery': 'Recovery',
  'report.plans.recoveryTarget': 'Recovery-time target: {target} Confirm it with the people who run the activities concerned.',
  'report.plans.exercise': 'Exercising this plan',
  'report.plans.exercise.critical':
    'Walk through this plan with the crisis team as a table-top exercise every six months: the risk is rated Critical.',
  'report.plans.exercise.high':
    'Walk through this plan with the crisis team as a table-top exercise every six months: the risk is rated High.',
  'report.plans.exercise.medium': 'Walk through this plan with the crisis team as a table-top exercise once a year.',
  'report.plans.exercise.low': 'Walk through this plan with the crisis team as a table-top exercise once a year.',

  // Roles and duties
  'report.role.crisisLead': 'Crisis lead',
  'report.role.deputy': 'Deputy crisis lead',
  'report.role.itLead': 'IT lead',
  'report.role.insurer': 'Insurer',
  'report.role.bank': 'Bank',
  'report.role.keySuppliers': 'Key suppliers',
  'report.role.emergencyGeorgia': 'Emergency number, Georgia',
  'report.role.emergencyAzerbaijan': 'Emergency number, Azerbaijan',
  'report.role.policeGeorgia': 'Police, Georgia',
  'report.role.policeAzerbaijan': 'Police, Azerbaijan',
  'report.duty.crisisLead': 'Decides to start the plan, leads the response and approves every message outside the business.',
  'report.duty.deputy': 'Stands in for the crisis lead, keeps the log and tracks where staff are.',
  'report.duty.itLead': 'Keeps systems and data safe, and restores them.',
  'report.duty.insurer': 'Told within the first day; says what evidence a claim needs.',
  'report.duty.bank': 'Stops or checks payments; advises on cash and payment routes.',
  'report.duty.keySuppliers': 'Told of changes to orders and deliveries.',
  'report.duty.emergency': 'Call first if anyone is hurt or in danger.',
  'report.duty.police': 'Report crimes and threats; get a reference number.',

  // Parties, channels and timing in "who tells whom"
  'report.party.whoeverNotices': 'Whoever notices first',
  'report.party.victimOrWitness': 'The person affected, or a witness',
  'report.party.crisisLead': 'Crisis lead',
  'report.party.itLead': 'IT lead',
  'report.party.itLeadAndCrisisLead': 'IT lead and crisis lead',
  'report.party.namedPerson': 'One person named by the crisis lead',
  'report.party.monitoringPerson': 'The person who monitors the news',
  'report.party.siteStaff': 'Staff at the site',
  'report.party.driverOrForwarder': 'The driver or forwarder',
  'report.party.forwarder': 'The forwarder or shipping line',
  'report.party.allStaff': 'All staff',
  'report.party.expatriateStaff': 'Expatriate staff and their families',
  'report.party.drivers': 'Drivers and staff due to cross the border',
  'report.party.driversAndTravellers': 'Drivers and staff in transit',
  'report.party.bank': 'Bank',
  'report.party.insurer': 'Insurer',
  'report.party.police': 'Police',
  'report.party.emergencyServices': 'Emergency services',
  'report.party.families': 'Families of anyone hurt or missing',
  'report.party.customers': 'Customers affected',
  'report.party.affectedCustomers': 'Customers and suppliers whose data or orders are affected',
  'report.party.customersAndSuppliers': 'Customers and key suppliers',
  'report.party.keySuppliers': 'Key suppliers',
  'report.party.fuelSupplier': 'Fuel supplier',
  'report.how.phone': 'Phone call',
  'report.how.phoneNotEmail': 'Phone call, not email: the attackers may read it',
  'report.how.outsideMessaging': 'Phone or a messaging app that does not run on company systems',
  'report.how.agreedStatement': 'Email or phone, with a statement the crisis lead agreed',
  'report.how.phoneOrGroup': 'Phone or the staff messaging group',
  'report.how.phoneOrGroupReply': 'Phone or the staff messaging group; everyone replies that they are safe',
  'report.how.emailOrPhone': 'Email or phone, with one agreed message',
  'report.how.phoneOrEmail': 'Phone or email',
  'report.how.phoneThenWriting': 'Phone, then in writing with the police reference',
  'report.how.inPersonOrPhone': 'In person, or by phone',
  'report.how.briefing': 'Short briefing, in person or by phone',
  'report.how.email': 'Email',
  'report.when.immediately': 'At once',
  'report.when.afterPolice': 'Straight after the police',
  'report.when.onceSafe': 'As soon as it is safe',
  'report.when.firstHour': 'Within the first hour',
  'report.when.firstHourAndEvenings': 'Within the first hour, then each evening while it lasts',
  'report.when.firstDay': 'Within the first day',
  'report.when.firstDayWithServices': 'Within the first day, together with the emergency services',
  'report.when.firstDayThenDaily': 'Within the first day, then daily',
  'report.when.firstWeek': 'Within the first week',
  'report.when.unrestSeen': 'As soon as unrest is seen near a site or route',
  'report.when.heldUp': 'As soon as a shipment or person is held up',
  'report.when.cutStopsWork': 'As soon as a cut stops critical work',
  'report.when.delayKnown': 'As soon as a delay is known',
  'report.when.triggerMet': 'As soon as a trigger above is met',

  // Steps shared by every plan
  'report.plan.common.hour.safety':
    'Make sure everyone is safe. If anyone is hurt or in danger, call the emergency number in the contacts table first.',
  'report.plan.common.hour.callLead':
    'Tell the crisis lead at once, or the deputy if the crisis lead cannot be reached. The crisis lead decides whether to start this plan.',
  'report.plan.common.hour.log':
    'Start a written log: the time, what happened, who was told and what was decided. Keep it until the incident is closed.',
  'report.plan.common.day.insurer':
    'Tell the insurer, and ask what evidence a claim needs before anything is repaired, replaced or thrown away.',
  'report.plan.common.day.oneMessage':
    'Agree one message for customers and key suppliers, and make sure only the people the crisis lead names speak for the business.',
  'report.plan.common.week.review':
    'Hold a short review: what happened, what worked and what did not. Note the changes to make to this plan.',
  'report.plan.common.recovery.close':
    'Close the incident formally once normal work is back, and file the log with this plan.',
  'report.plan.common.exercise.contacts':
    'Every three months, call each number in the contacts table to check that it still works, and update this page when anyone changes.',
  'report.plan.common.exercise.update': 'Update this plan after every exercise and every real incident.',

  // Cyberattack
  'report.plan.cyberattack.trigger.ransom': 'Files will not open, or a ransom demand appears on a screen.',
  'report.plan.cyberattack.trigger.account':
    'Someone reports a login, a payment request or a change of bank details that they did not make.',
  'report.plan.cyberattack.trigger.outage':
    'Email, systems or the website stop working, and the IT lead cannot explain why.',
  'report.plan.cyberattack.trigger.warning': 'Your IT provider, bank or a partner warns of an attack on your systems.',
  'report.plan.cyberattack.hour.disconnect':
    'Disconnect affected computers from the network and the internet (unplug the cable, turn off Wi-Fi). Do not switch them off or wipe them: evidence would be lost.',
  'report.plan.cyberattack.hour.itLead':
    'The IT lead takes charge of the technical response and calls in outside IT help if needed.',
  'report.plan.cyberattack.hour.payments':
    'Call the bank to stop or check any payment made or changed in the last few days, and ask it to watch the accounts.',
  'report.plan.cyberattack.hour.passwords':
    'From a device that is not affected, change the passwords of email and administrator accounts that may be exposed.',
  'report.plan.cyberattack.hour.noRansom':
    'Do not contact the attackers or pay a ransom without the crisis lead, the insurer and legal advice.',
  'report.plan.cyberattack.day.scope': 'Find out what is affected: which systems, which data, since when. Keep a list.',
  'report.plan.cyberattack.day.report':
    'Report the incident to the police, and to any authority the business must report to as its cyber incident plan or legal adviser sets out. Keep the reference numbers.',
  'report.plan.cyberattack.day.personalData':
    'If personal data of customers or staff may have been taken, take legal advice on whom you must tell, and by when.',
  'report.plan.cyberattack.day.manual':
    'Switch critical work to manual or paper processes where possible, so that customers are still served.',
  'report.plan.cyberattack.week.restore':
    'Restore systems from clean backups, most critical first, and check each one before it goes back on the network.',
  'report.plan.cyberattack.week.rebuild':
    'With no backup you can trust, rebuild critical systems with outside IT help, in an order the crisis lead agrees.',
  'report.plan.cyberattack.week.closeWayIn':
    'Find out how the attackers got in, and close that way in before the incident is declared over.',
  'report.plan.cyberattack.week.mfa':
    'Turn on multi-factor authentication for every account that reaches email, banking or administrator functions.',
  'report.plan.cyberattack.recovery.order':
    'Bring systems back in the order of your critical activities, checking each one for signs of the attacker.',
  'report.plan.cyberattack.recovery.watch': 'Watch accounts, payments and logins closely for at least a month.',
  'report.plan.cyberattack.recovery.lessons': 'Update the cyber incident plan with what was learned.',
  'report.plan.cyberattack.target.essential':
    'critical systems working again within 24 hours, everything else within one week.',
  'report.plan.cyberattack.target.important':
    'critical systems working again within three days, everything else within two weeks.',
  'report.plan.cyberattack.target.default': 'systems working again within one week.',
  'report.plan.cyberattack.duty.itLead': 'Leads the technical response; isolates, investigates and restores systems.',
  'report.plan.cyberattack.duty.bank': 'Stops or checks recent payments and watches the accounts.',
  'report.plan.cyberattack.duty.insurer': 'Told within the first day; may offer incident response help under the policy.',
  'report.plan.cyberattack.exercise.restore':
    'Every three months, restore one backup to a spare machine and time how long it takes.',
  'report.plan.cyberattack.exercise.tabletop':
    'Once a year, walk through a ransomware attack with the crisis team and the IT lead, from the first call to restored systems.',

  // Political unrest
  'report.plan.political_unrest.trigger.protests':
    'Protests, marches or roadblocks are announced or forming near a site or on a route that staff use.',
  'report.plan.political_unrest.trigger.restrictions':
    'The authorities announce restrictions on movement or gatherings, or a curfew.',
  'report.plan.political_unrest.trigger.staffUnsafe': 'Staff report that they cannot get to work or home safely.',
  'report.plan.political_unrest.hour.shelterOrLeave':
    'Keep staff inside and away from windows, or send them home early by a safe route before crowds grow: the crisis lead judges which is safer.',
  'report.plan.political_unrest.hour.secure':
    'Lock entrances, and move vehicles and valuable stock out of sight.',
  'report.plan.political_unrest.hour.whereabouts':
    'Check where every member of staff is, including anyone travelling or visiting clients.',
  'report.plan.political_unrest.hour.holdBorder':
    'Hold vehicles and staff due to cross the border until the route is confirmed open and safe.',
  'report.plan.political_unrest.day.openTomorrow':
    'Decide for each site whether it opens the next day, and tell staff the evening before.',
  'report.plan.political_unrest.day.workElsewhere': 'Move work to home or another site where you can.',
  'report.plan.political_unrest.day.follow':
    'Follow official announcements and your usual news sources; note any restrictions on routes or opening hours.',
  'report.plan.political_unrest.week.deliveries':
    'Agree with key customers and suppliers how deliveries will work while the unrest lasts.',
  'report.plan.political_unrest.week.checkIn': 'If unrest continues, set a daily check-in time for the crisis team.',
  'report.plan.political_unrest.week.damage':
    'Photograph any damage before it is repaired, for the insurer and the police.',
  'report.plan.political_unrest.recovery.reopen':
    'Reopen sites one at a time once routes are safe, starting with critical activities.',
  'report.plan.political_unrest.recovery.repair': 'Repair damage and restore security measures before opening normally.',
  'report.plan.political_unrest.recovery.staff': 'Ask staff how they were affected, and offer support where needed.',
  'report.plan.political_unrest.target.elsewhere':
    'critical activities running again, from home or another site if needed, within one working day.',
  'report.plan.political_unrest.target.default': 'critical activities running again within three working days.',
  'report.plan.political_unrest.exercise.contactCheck':
    'Twice a year, test the staff contact check: send a message and time how long it takes until everyone has replied.',

  // Crime
  'report.plan.crime.trigger.breakIn': 'A break-in, theft, robbery or damage to property at a site.',
  'report.plan.crime.trigger.staffAttacked':
    'A member of staff is threatened, attacked or robbed, at work or while travelling for work.',
  'report.plan.crime.trigger.extortion': 'A demand for money, a threat of violence or an attempt at extortion.',
  'report.plan.crime.trigger.overdue': 'A vehicle, driver or member of staff on a journey is overdue and cannot be reached.',
  'report.plan.crime.hour.noResistance': 'Do not resist or chase offenders: get to safety first.',
  'report.plan.crime.hour.police': 'Call the police (number in the contacts table) and ask for a reference number.',
  'report.plan.crime.hour.scene':
    'Leave the scene as it is until the police have seen it: do not tidy up or touch what the offenders touched.',
  'report.plan.crime.hour.care': 'Look after anyone who was hurt or frightened, and do not leave them alone.',
  'report.plan.crime.day.secure': 'Make the site secure: repair locks, doors and windows, or have someone guard it.',
  'report.plan.crime.day.list':
    'List what was taken or damaged, with photos, serial numbers and values, for the police and the insurer.',
  'report.plan.crime.day.cancel':
    'Cancel and replace any cards, keys, codes or passwords that were taken; call the bank if cards or cash were taken.',
  'report.plan.crime.day.extortion': 'Treat an extortion demand as a matter for the police: do not pay or negotiate alone.',
  'report.plan.crime.week.review': 'Review access control, alarms and storage at the site in the light of what happened.',
  'report.plan.crime.week.brief':
    'Brief staff on what happened, what to do differently and how to report anything suspicious.',
  'report.plan.crime.week.support': 'Offer support to the staff affected, including time off where needed.',
  'report.plan.crime.recovery.replace': 'Replace stolen equipment and stock, most critical first.',
  'report.plan.crime.recovery.claim': 'Submit the insurance claim with the police reference and the list of losses.',
  'report.plan.crime.recovery.followUp': 'Follow up with the police on the investigation.',
  'report.plan.crime.target.default': 'the site secure again within 24 hours, and normal work within three days.',
  'report.plan.crime.duty.bank': 'Blocks cards and accounts if cards, cash or banking details were taken.',
  'report.plan.crime.exercise.walkThrough':
    'Once a year, walk through a break-in and a threat against staff with the people who run each site, and check that the police number is on display at every site.',

  // Terrorism
  'report.plan.terrorism.trigger.attack':
    'An attack or explosion near a site, a route that staff use, or a place where staff are travelling.',
  'report.plan.terrorism.trigger.suspiciousItem': 'A suspicious item, package or vehicle at or near a site.',
  'report.plan.terrorism.trigger.threat': 'A credible threat against the business, a neighbouring building or the area.',
  'report.plan.terrorism.trigger.authorities': 'The authorities order an evacuation, or tell people to stay indoors.',
  'report.plan.terrorism.hour.follow': 'Follow the instructions of the police and emergency services at all times.',
  'report.plan.terrorism.hour.suspiciousItem':
    'A suspicious item: do not touch it. Move everyone away, out of sight of it, and call the police.',
  'report.plan.terrorism.hour.evacuateOrShelter':
    'Decide on what is known: evacuate by a route away from the danger, or keep everyone inside, away from windows.',
  'report.plan.terrorism.hour.account':
    'Account for every member of staff and every visitor, and give a list of anyone missing to the emergency services.',
  'report.plan.terrorism.hour.holdBorder': 'Hold staff and vehicles due to cross the border until the route is confirmed safe.',
  'report.plan.terrorism.hour.power':
    'If energy infrastructure may be affected, expect power cuts: check that backup arrangements are ready.',
  'report.plan.terrorism.day.families':
    'Contact the families of anyone hurt or missing through one named person, together with the emergency services.',
  'report.plan.terrorism.day.openTomorrow': 'Decide whether sites open the next day, following official advice.',
  'report.plan.terrorism.day.media':
    'Say nothing to the media beyond a short holding statement that the crisis lead has agreed.',
  'report.plan.terrorism.week.support': 'Arrange support for staff: time off, counselling or medical help.',
  'report.plan.terrorism.week.securityReview':
    'Review security at sites and on routes with the police or a security adviser.',
  'report.plan.terrorism.week.continuity': 'Agree with customers and suppliers how work will continue.',
  'report.plan.terrorism.recovery.reopen':
    'Reopen sites when the authorities allow it, with the staff who are ready to return.',
  'report.plan.terrorism.recovery.restore':
    'Repair damaged premises and replace equipment, working with the insurer.',
  'report.plan.terrorism.recovery.review': 'Review this plan with the staff who were involved.',
  'report.plan.terrorism.target.elsewhere':
    'critical activities running again within three working days, from another site if needed.',
  'report.plan.terrorism.target.default': 'critical activities running again within one week.',
  'report.plan.terrorism.exercise.evacuation':
    'Once a year, practise evacuating each site and sheltering inside, and time how long it takes to account for everyone.',

  // Border disruption
  'report.plan.border_disruption.trigger.closure':
    'A border crossing you use closes or slows down, and the delay is longer than the business can absorb.',
  'report.plan.border_disruption.trigger.held': 'Shipments or staff are held at the border, or documents are rejected.',
  'report.plan.border_disruption.trigger.newRules': 'New checks, rules or paperwork are announced at short notice.',
  'report.plan.border_disruption.trigger.incident': 'Security incidents are reported at or near the crossings you use.',
  'report.plan.border_disruption.hour.locate':
    'Find out where every shipment and every member of staff in transit is, and whether they are safe.',
  'report.plan.border_disruption.hour.officials':
    'Tell drivers and staff at the border to follow the instructions of border officials, and not to try another crossing without approval.',
  'report.plan.border_disruption.hour.hold': 'Hold shipments that have not left yet until the situation is clear.',
  'report.plan.border_disruption.day.useAlternative':
    'Switch to the alternative route or crossing you have identified, if it is open and safe.',
  'report.plan.border_disruption.day.findAlternative':
    'Ask your forwarder for an alternative route or crossing, and check the paperwork it needs before sending anything.',
  'report.plan.border_disruption.day.documents':
    'Check with your customs broker or forwarder that the documents for every shipment are complete and correct.',
  'report.plan.border_disruption.day.authorityContacts':
    'Ask your contacts at the border authorities how long the disruption is expected to last.',
  'report.plan.border_disruption.day.customers': 'Tell customers the expected delay and agree priorities with them.',
  'report.plan.border_disruption.week.reschedule': 'Reschedule deliveries and production around the new lead times.',
  'report.plan.border_disruption.week.stock':
    'Draw on safety stock, or order from suppliers on your side of the border.',
  'report.plan.border_disruption.week.contracts': 'Check contracts and insurance for delay clauses and costs.',
  'report.plan.border_disruption.recovery.backlog': 'Clear the backlog, priority customers first.',
  'report.plan.border_disruption.recovery.returnRoute':
    'Go back to the usual route once it runs normally again, and keep the alternative ready.',
  'report.plan.border_disruption.recovery.record':
    'Record the delay and its cost, to review how much the business depends on the crossing.',
  'report.plan.border_disruption.target.day':
    'goods moving again, by the usual or an alternative route, within 24 hours: the business cannot absorb a longer delay.',
  'report.plan.border_disruption.target.week':
    'goods moving again, by the usual or an alternative route, within one week.',
  'report.plan.border_disruption.target.twoWeeks':
    'goods moving again, by the usual or an alternative route, within two weeks.',
  'report.plan.border_disruption.target.default':
    'goods moving again, by the usual or an alternative route, within one week.',
  'report.plan.border_disruption.duty.keySuppliers': 'Told of changes to orders and routes; may supply from this side of the border.',
  'report.plan.border_disruption.exercise.trialRoute':
    'Once a year, send a small shipment by the alternative route to check that it works and how long it takes.',
  'report.plan.border_disruption.exercise.walkThrough':
    'Once a year, walk through a closure of your main crossing with your forwarder.',

  // Energy disruption
  'report.plan.energy_disruption.trigger.cut': 'A power cut at a site that is not restored within minutes.',
  'report.plan.energy_disruption.trigger.warning':
    'The grid operator or energy supplier warns of planned cuts or rationing.',
  'report.plan.energy_disruption.trigger.fuel': 'Fuel deliveries are late or cancelled.',
  'report.plan.energy_disruption.trigger.infrastructure':
    'Damage to, or an attack on, energy infrastructure is reported in your area.',
  'report.plan.energy_disruption.hour.backup':
    'Start the backup power and check that critical equipment has switched over to it.',
  'report.plan.energy_disruption.hour.shutDown':
    'Shut down equipment and computers that are not on backup power in a safe order, so that nothing is damaged when the power returns.',
  'report.plan.energy_disruption.hour.duration':
    'Ask the grid operator, energy supplier or landlord how long the cut is expected to last.',
  'report.plan.energy_disruption.hour.stock':
    'Protect stock that needs cooling or power: keep fridges and freezers closed, and move stock if the cut may be long.',
  'report.plan.energy_disruption.hour.batteries':
    'Save open work and keep laptops and phones charged from batteries while the power is off.',
  'report.plan.energy_disruption.day.fuel':
    'Check the fuel level of the backup power, and order enough fuel for at least 48 hours of running.',
  'report.plan.energy_disruption.day.rent':
    'If the cut will last and there is no backup power, hire a generator or move critical work to a site with power.',
  'report.plan.energy_disruption.day.workElsewhere': 'Move critical work to another site, or to homes that have power.',
  'report.plan.energy_disruption.day.decide':
    'Decide which activities stop and which continue, and tell customers about any delays.',
  'report.plan.energy_disruption.week.rota': 'If cuts repeat, agree a rota for running on backup power and for fuel deliveries.',
  'report.plan.energy_disruption.week.damage':
    'Check equipment for damage from the cut, or from the surge when the power returned.',
  'report.plan.energy_disruption.week.cost': 'Work out the cost of the disruption, for the insurer and for planning.',
  'report.plan.energy_disruption.recovery.restart':
    'Restart equipment in a safe order once the power is stable, critical activities first.',
  'report.plan.energy_disruption.recovery.refuel': 'Refuel and service the backup power before standing it down.',
  'report.plan.energy_disruption.recovery.review':
    'Review whether backup power, batteries or another site would have shortened the disruption.',
  'report.plan.energy_disruption.target.criticalBackup':
    'critical equipment running again on backup power within one hour, and everything else within one working day of the power returning.',
  'report.plan.energy_disruption.target.critical':
    'critical activities running again within 24 hours, on hired power or at another site.',
  'report.plan.energy_disruption.target.significant': 'critical activities running again within one working day.',
  'report.plan.energy_disruption.target.default': 'normal work within one working day of the power returning.',
  'report.plan.energy_disruption.duty.itLead': 'Shuts systems down safely and restarts them in order.',
  'report.plan.energy_disruption.duty.keySuppliers': 'Fuel and generator suppliers; told of changes to deliveries.',
  'report.plan.energy_disruption.exercise.runBackup':
    'Run the backup power under load every month, and test a full switch-over twice a year.',
  'report.plan.energy_disruption.exercise.walkThrough':
    'Once a year, walk through a cut lasting three days: what stops, what runs and who decides.',

  // Maritime disruption
  'report.plan.maritime_disruption.trigger.port': 'A port you use closes, or ships are delayed, rerouted or cancelled.',
  'report.plan.maritime_disruption.trigger.warning':
    'The shipping line or forwarder warns of route changes, surcharges or insurance restrictions.',
  'report.plan.maritime_disruption.trigger.incident': 'A security incident is reported at sea or in a port on a route you use.',
  'report.plan.maritime_disruption.hour.locate':
    'Find out from the shipping line or forwarder where every shipment at sea or in port is, and how late it will be.',
  'report.plan.maritime_disruption.hour.hold': 'Hold shipments that are not yet loaded until the route is clear.',
  'report.plan.maritime_disruption.day.useAlternative':
    'Switch to the alternative route or port you have identified, after checking its cost and transit time.',
  'report.plan.maritime_disruption.day.findAlternative':
    'Ask your forwarder for alternatives (another port, rail or road) with their cost and transit time.',
  'report.plan.maritime_disruption.day.stockLife': 'Work out how long your stock will last at the current rate of use.',
  'report.plan.maritime_disruption.day.customers': 'Tell the customers affected, with a realistic new date.',
  'report.plan.maritime_disruption.week.prioritise': 'Keep scarce stock for critical products and key customers.',
  'report.plan.maritime_disruption.week.insurance':
    'Check what the cargo insurance covers for delay, diversion, war and strikes.',
  'report.plan.maritime_disruption.week.orders': 'Agree with suppliers whether to hold, reroute or cancel orders.',
  'report.plan.maritime_disruption.recovery.backlog': 'Clear the backlog as shipments arrive, priority customers first.',
  'report.plan.maritime_disruption.recovery.rebuildStock': 'Rebuild safety stock before the next disruption.',
  'report.plan.maritime_disruption.recovery.review': 'Review routes and stock levels in the light of what happened.',
  'report.plan.maritime_disruption.target.overFourWeeks':
    'supply restored, by the usual or another route, within four weeks, before safety stock runs out.',
  'report.plan.maritime_disruption.target.oneToFourWeeks':
    'supply restored, by the usual or another route, within one week, so that safety stock does not run out.',
  'report.plan.maritime_disruption.target.underOneWeek':
    'another route running within three days: safety stock lasts less than a week.',
  'report.plan.maritime_disruption.target.default': 'supply restored, by the usual or another route, within two weeks.',
  'report.plan.maritime_disruption.duty.keySuppliers': 'Told whether to hold, reroute or cancel orders.',
  'report.plan.maritime_disruption.duty.insurer': 'Confirms cargo cover for delay and diversion.',
  'report.plan.maritime_disruption.exercise.walkThrough':
    'Once a year, walk through a four-week closure of your main sea route with your forwarder, and check that the alternative still works.',

  // Geopolitical escalation
  'report.plan.geopolitical_escalation.trigger.clashes':
    'Official sources report armed clashes, or a sharp rise in tension, in or near the region.',
  'report.plan.geopolitical_escalation.trigger.sanctions':
    'Sanctions, trade restrictions or border closures are announced that affect your trading partners.',
  'report.plan.geopolitical_escalation.trigger.travelAdvice':
    'Government travel advice changes for the countries where your staff come from or travel to.',
  'report.plan.geopolitical_escalation.trigger.adviser':
    'Your security adviser, or the action triggers you agreed, call for a higher alert stage.',
  'report.plan.geopolitical_escalation.hour.whereabouts':
    'Check where every member of staff is, especially anyone travelling in the region.',
  'report.plan.geopolitical_escalation.hour.alertStage':
    'Meet the crisis team, by phone if need be, and agree the alert stage: watch, prepare or act.',
  'report.plan.geopolitical_escalation.hour.expatriates':
    'Contact expatriate staff and their families: check their travel documents and that they know the evacuation plan.',
  'report.plan.geopolitical_escalation.hour.holdBorder':
    'Stop cross-border travel and shipments that are not essential until routes are confirmed open.',
  'report.plan.geopolitical_escalation.day.follow':
    'Follow official announcements and government travel advice, and record what changes.',
  'report.plan.geopolitical_escalation.day.sanctions':
    'Before new payments or shipments to trading partners in neighbouring countries, check sanctions and trade restrictions with the bank and a legal adviser.',
  'report.plan.geopolitical_escalation.day.cyber':
    'Expect more cyberattacks: remind staff to report suspicious emails, and check that backups are up to date.',
  'report.plan.geopolitical_escalation.day.power': 'Prepare for power cuts: check backup power and fuel.',
  'report.plan.geopolitical_escalation.week.relocate':
    'If the situation worsens, move critical activities to another site or to remote work.',
  'report.plan.geopolitical_escalation.week.evacuate':
    'Start the expatriate evacuation plan if the agreed triggers are met or travel advice says to leave.',
  'report.plan.geopolitical_escalation.week.cash': 'Review cash, payment routes and currency needs with the bank.',
  'report.plan.geopolitical_escalation.week.suppliers':
    'Agree alternative suppliers for supplies that come through affected countries or routes.',
  'report.plan.geopolitical_escalation.recovery.stepDown':
    'Step down the alert stage one stage at a time, when official advice and your adviser agree.',
  'report.plan.geopolitical_escalation.recovery.return':
    'Bring relocated staff and activities back in stages, critical activities first.',
  'report.plan.geopolitical_escalation.recovery.review':
    'Review suppliers, markets and routes for the lasting effects of the escalation.',
  'report.plan.geopolitical_escalation.target.default':
    'critical activities running, at the usual site or elsewhere, within one week of the decision to act.',
  'report.plan.geopolitical_escalation.duty.itLead': 'Checks backups and watches for cyberattacks that accompany tension.',
  'report.plan.geopolitical_escalation.duty.bank': 'Advises on payments, currency and sanctions checks.',
  'report.plan.geopolitical_escalation.exercise.alertStages':
    'Once a year, walk through the alert stages with the crisis team, and check the evacuation plan, travel documents and contact details of staff.',

  // A scenario without a plan of its own
  'report.plan.generic.trigger.any': 'The situation described above happens, or is reported as likely to happen soon.',
  'report.plan.generic.hour.assess': 'Find out what is affected: people, sites, systems, supplies and customers.',
  'report.plan.generic.day.continuity': 'Decide which activities continue, which move and which stop, and tell staff.',
  'report.plan.generic.week.stabilise': 'Agree with customers and suppliers how work will continue until things are normal.',
  'report.plan.generic.recovery.restore': 'Bring activities back in order of importance.',
  'report.plan.generic.target.default': 'critical activities running again within one week.',
  'report.plan.generic.exercise.tabletop': 'Once a year, walk through this scenario with the crisis team.',

  // Appendix
  'report.appendix.title': 'Appendix',
  'report.appendix.intro':
    'The record behind this report: every answer and note as given, how the scores were worked out, and the sources.',
  'report.appendix.answers.title': 'A. Answers as given',
  'report.appendix.answers.intro':
    'Every question the business was asked, with the answer and any note exactly as given. Questions that did not apply after the profile answers were not asked and are not listed.',
  'report.appendix.answer': 'Answer:',
  'report.appendix.note': 'Note:',
  'report.appendix.method.title': 'B. Scoring method',
  'report.appendix.sources.title': 'C. Sources',
  'report.appendix.sources.intro':
    'Statements about the region come from the sources below. The standards lend the method its structure; none of their text is reproduced.',
  'report.appendix.sources.published': 'Published:',
  'report.appendix.sources.url': 'Address:',
  'report.appendix.about.title': 'D. About this report',
  'report.appendix.about.generatedBy': 'Produced with',
  'report.appendix.about.generator': 'RiskPlan',

  // Questionnaire 2.0: page one, the action plan, find-out list and one-page plans
  'report.summary.unknowns':
    'Answers given as "don\'t know": {count}. The rating assumes the worst for each one. The checklist lists them as things to find out.',
  'report.summary.urgentActions': 'Most urgent actions',
  'report.actions.status.in_progress': 'In progress',
  'report.actions.status.done': 'Done',
  'report.actions.group': 'The {count} most urgent actions. Tick each when done; write in an owner or date where none is given.',
  'report.actions.further': 'Actions not in this list: {count}. They are in the appendix, under "Further measures".',
  'report.findOut.title': 'Find out',
  'report.findOut.intro':
    'Answers given as "don\'t know": {count}. Each one is rated as if the measure were missing. Find out the answer, then update the assessment.',
  'report.findOut.item': 'Find out and record the answer: {question}',
  'report.further.title': 'Further measures',
  'report.further.item': '{action} Priority: {priority}. {detail}.',
  'report.further.intro': 'Actions that did not fit in the main checklist. Start them once the checklist is done.',
  'report.emergency.number': '{number} {service}',
  'report.register.measureCounts':
    '{full} in place, {partial} partly, {none} not in place, {unknown} not known. The checklist lists what to add.',
  'report.register.measures': 'Measures:',
  'report.appendix.question': 'Question',
  'report.appendix.answerColumn': 'Answer',
  'report.appendix.noteInline': 'Note: {note}',
  'report.checklist.detailRefs': '{pillar} · Treats: {refs}',
  'report.checklist.treatsRefs': 'Treats: {refs}',
  'report.emergency.row': '{numbers}. Source: {source}.',
  'report.emergency.line': 'Emergency numbers: {countries}',
  'report.emergency.source.ge_112': 'Public Safety Command Center 112 of Georgia',
  'report.emergency.source.az_mes': 'Ministry of Emergency Situations of Azerbaijan',
  'report.plan2.intro.none':
    'No scenario is rated High or Critical, and none would stop a critical activity for longer than it can stop. No contingency plan is needed now.',
  'report.plan2.exercise':
    'Exercise this plan: walk through it with the crisis team once a year and after any real incident. Check the numbers every six months.',
  'report.plan2.because': 'Included because {reasons}.',
  'report.plan2.because.rated': 'it is rated {band}',
  'report.plan2.rating': 'Rated {rating} after current measures: likelihood {likelihood} × impact {impact}.',
  'report.plan2.because.stops': 'it would stop “{activity}” for about {outage}, and it can stop for {tolerable} at most',
  'report.plan2.whoDoesWhat': 'Who does what',
  'report.plan2.whoTellsWhom': 'Who tells whom',
  'report.plan2.tells': '{who} tells {whom}.',
  'report.plan2.recovery': 'Recovery target: {target}.',
  'report.plan2.target.activity': '“{activity}” running again within {target}',
  'report.plan2.target.none': 'set one for each critical activity in the impact analysis',
  'report.plan2.emergency': 'Emergency numbers',
};
