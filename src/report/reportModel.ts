import { messageKeys } from '../questionnaire/messageKeys.js';
import type { Answers, Question, Questionnaire, Section, Source } from '../questionnaire/types.js';
import { methodText } from '../presenters/methodText.js';
import { effectiveAnswers, relevantSections, shownQuestions } from '../questionnaire/visibility.js';
import type { Band, RiskRegister, ScenarioScore, ScoreDriver, Timeframe } from '../scoring/types.js';
import {
  applicableKeys,
  applicableMessages,
  contactSources,
  countryContactSources,
  keepingPlansCurrent,
  planFor,
  recoveryTargetKey,
  type ContactRole,
} from './contingencyPlans.js';
import type {
  ChecklistGroup,
  Entry,
  EntryDetail,
  Fact,
  ReportBlock,
  ReportModel,
  ReportSection,
  ReportSubsection,
  TableCell,
} from './reportModelTypes.js';
import {
  answerInWords,
  bandLabel,
  change,
  formatDate,
  formatPublished,
  heading,
  joinList,
  levelLabel,
  paragraph,
  rating,
  refOf,
  scenarioTitle,
  shorten,
  textOf,
  timeFormat,
  type Context,
  type ReportInput,
} from './model/context.js';
import { actionItem, actionPlanSection, checklistOf, furtherMeasuresSubsection } from './model/actionList.js';
import { actionText } from '../presenters/actionWording.js';
import { actionsInPlanOrder, ratedBandOf } from '../scoring/judgement.js';
import {
  countsJudgementNote,
  overallJudgement,
  overallJudgementFact,
  overrideDetail,
  ratingAfterCell,
  ratingAfterText,
  registerJudgementNote,
} from './model/judgement.js';
import { emergencyNumbersBlock } from './model/emergencyNumbers.js';
import { heatMapBlock } from './model/heatMap.js';
import { onePagePlansSection } from './model/onePagePlans.js';
import { ratingReasons } from './model/whyThisRating.js';

export type * from './reportModelTypes.js';

export { formatDate, formatPublished } from './model/context.js';
export type { ReportInput, ReportMeta } from './model/context.js';

/** Question ids of questionnaire 1.0 that the report reads directly. */
const companyQuestion = 'company_name';
const countriesQuestion = 'countries';

/**
 * Which scenarios get a contingency plan: each one rated High or Critical after current
 * measures. When none is, each one rated Medium, so that a business with no serious risk still
 * gets plans for its most significant ones. Medium risks next to serious ones are left to the
 * checklist: a plan for every scenario would bury the ones that matter.
 */
export function plannedScenarios(register: RiskRegister): { basis: 'serious' | 'medium' | 'none'; scenarios: ScenarioScore[] } {
  // The band that counts: the assessor's where they rated a scenario differently.
  const serious = register.scenarios.filter((s) => ratedBandOf(s) === 'high' || ratedBandOf(s) === 'critical');
  if (serious.length > 0) return { basis: 'serious', scenarios: serious };
  const medium = register.scenarios.filter((s) => ratedBandOf(s) === 'medium');
  return medium.length > 0 ? { basis: 'medium', scenarios: medium } : { basis: 'none', scenarios: [] };
}

const timeframeOrder: readonly Timeframe[] = ['within_7_days', 'within_30_days', 'within_90_days', 'within_12_months'];

const topRiskCount = 5;
const firstActionCount = 5;
/** The running header is one line: a longer company name is shortened there (in full on the cover). */
const headerCompanyChars = 70;
const metadataCompanyChars = 150;

/* ------------------------------------------------------------------------------------------ */
/* Cover and executive summary                                                                 */
/* ------------------------------------------------------------------------------------------ */

function countriesInWords(c: Context): string | undefined {
  const question = c.questionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === countriesQuestion);
  const value = c.answers[countriesQuestion]?.value;
  if (!question || value === undefined || (Array.isArray(value) && value.length === 0)) return undefined;
  const values = Array.isArray(value) ? value : [value];
  return joinList(c.t, values.map((entry) => c.t(messageKeys.optionLabel(c.v, countriesQuestion, entry))));
}

function coverFacts(c: Context): Fact[] {
  const { t, meta } = c;
  const facts: Fact[] = [
    {
      label: t(meta.draft ? 'report.cover.draftDate' : 'report.cover.issued'),
      value: t('report.date.issued', { date: c.issuedDate, time: timeFormat.format(meta.issuedAt) }),
    },
    { label: t('report.cover.preparedBy'), value: meta.preparedBy },
  ];
  if (meta.consultantFirm?.trim()) facts.push({ label: t('report.cover.consultantFirm'), value: meta.consultantFirm.trim() });
  facts.push(
    { label: t('report.cover.reportId'), value: meta.draft ? t('report.cover.draftId', { reportId: meta.reportId }) : meta.reportId },
    // Printed, not only in the metadata: a reader holding a paper copy or a forwarded file learns where to check it.
    ...(meta.verifyUrl ? [{ label: t('report.cover.verify'), value: t('report.cover.verifyAt', { url: meta.verifyUrl }) }] : []),
    { label: t('report.cover.version'), value: c.questionnaire.version },
    { label: t('report.cover.countries'), value: countriesInWords(c) ?? t('report.countries.none') },
    ...overallJudgementFact(c),
  );
  return facts;
}

function worstScenario(c: Context): ScenarioScore | undefined {
  return c.register.scenarios[0];
}

/** The opening of the summary: what the report covers and the overall rating. */
function summaryOpening(c: Context): ReportBlock[] {
  const { t, register } = c;
  const worst = worstScenario(c);
  return [
    paragraph(
      t('report.summary.intro', {
        company: c.company,
        countries: countriesInWords(c) ?? t('report.countries.none'),
        version: c.questionnaire.version,
      }),
      'lead',
    ),
    {
      type: 'rating',
      label: t('report.summary.rating.label'),
      value: bandLabel(c, register.overallBand),
      band: register.overallBand,
      text: [
        overallJudgement(c),
        worst
          ? t('report.summary.rating.text', {
              scenario: `${refOf(c, worst.scenarioId)} ${scenarioTitle(c, worst.scenarioId)}, ${ratingAfterText(c, worst)}`,
            })
          : t('report.summary.rating.none'),
      ]
        .filter(Boolean)
        .join(' '),
    },
  ];
}

/** How many scenarios fall in each band, and the top risks before and after measures. */
function topRisks(c: Context): ReportBlock[] {
  const { t, register } = c;
  if (register.scenarios.length === 0) return [];
  const count = (band: Band) => register.scenarios.filter((s) => ratedBandOf(s) === band).length;
  return [
    paragraph(
      [
        t('report.summary.counts', {
          total: register.scenarios.length,
          critical: count('critical'),
          high: count('high'),
          medium: count('medium'),
          low: count('low'),
        }),
        countsJudgementNote(c),
      ]
        .filter(Boolean)
        .join(' '),
    ),
    heading(t('report.summary.topRisks')),
    {
      type: 'table',
      columns: [
        { header: t('report.register.col.ref'), width: 0.08 },
        { header: t('report.register.col.scenario'), width: 0.48 },
        { header: t('report.register.col.before'), width: 0.22 },
        { header: t('report.register.col.after'), width: 0.22 },
      ],
      rows: register.scenarios.slice(0, topRiskCount).map((s) => [
        { text: refOf(c, s.scenarioId), strong: true },
        { text: scenarioTitle(c, s.scenarioId) },
        { text: rating(c, s.inherentBand, s.inherentScore), band: s.inherentBand },
        ratingAfterCell(c, s),
      ]),
    },
  ];
}

/** Questionnaire 1.0: the first actions as a list with their timeframes. */
function firstActions(c: Context): ReportBlock[] {
  const { t } = c;
  if (c.plan.length === 0) return [heading(t('report.summary.firstActions')), paragraph(t('report.summary.noActions'))];
  return [
    heading(t('report.summary.firstActions')),
    paragraph(t('report.summary.firstActions.intro'), 'muted'),
    {
      type: 'list',
      ordered: true,
      items: c.plan.slice(0, firstActionCount).map((item) =>
        t('report.summary.firstAction', {
          action: actionText(t, c.v, item),
          timeframe: t(`timeframe.${item.action.timeframe}`),
        }),
      ),
    },
  ];
}

function summarySection(c: Context): ReportSection {
  const { t } = c;
  const blocks: ReportBlock[] = [
    ...summaryOpening(c),
    ...topRisks(c),
    heading(t('report.summary.heatMap')),
    heatMapBlock(c),
    ...firstActions(c),
  ];
  return { id: 'summary', title: t('report.summary.title'), blocks, subsections: [] };
}

/**
 * Questionnaire 2.0: page one is what a manager reads first: the rating, what is not known,
 * the five most urgent actions with owners and dates, and the emergency numbers.
 */
function summarySectionV2(c: Context): ReportSection {
  const { t, register } = c;
  const blocks: ReportBlock[] = [...summaryOpening(c)];
  if (register.findOut.length > 0) {
    blocks.push({ type: 'callout', text: t('report.summary.unknowns', { count: register.findOut.length }), tone: 'warning' });
  }
  blocks.push(heading(t('report.summary.urgentActions')));
  blocks.push(
    c.plan.length > 0
      ? {
          type: 'table',
          columns: [
            { header: t('report.checklist.col.action'), width: 0.56 },
            { header: t('report.checklist.col.owner'), width: 0.24 },
            { header: t('report.checklist.col.due'), width: 0.2 },
          ],
          rows: c.plan.slice(0, firstActionCount).map((planned) => {
            const item = actionItem(c, planned);
            return [{ text: item.text }, { text: item.owner ?? '' }, { text: item.due ?? '', band: planned.band }];
          }),
        }
      : paragraph(t('report.summary.noActions')),
  );
  const numbers = emergencyNumbersBlock(c);
  if (numbers) blocks.push(heading(t('report.plan2.emergency')), numbers);
  // Page one stays one page: the counts close it, and the heat map opens the register.
  blocks.push(...topRisks(c).slice(0, 1));
  return { id: 'summary', title: t('report.summary.title'), blocks, subsections: [] };
}

/* ------------------------------------------------------------------------------------------ */
/* Risk register                                                                               */
/* ------------------------------------------------------------------------------------------ */

function registerRow(c: Context, s: ScenarioScore): TableCell[] {
  const { t } = c;
  return [
    { text: refOf(c, s.scenarioId), strong: true },
    { text: scenarioTitle(c, s.scenarioId) },
    {
      text: change(c, s.likelihood, s.residualLikelihood),
      sub: change(c, t(`likelihood.${s.likelihood}`), t(`likelihood.${s.residualLikelihood}`)),
    },
    {
      text: change(c, s.impact, s.residualImpact),
      sub: change(c, t(`impact.${s.impact}`), t(`impact.${s.residualImpact}`)),
    },
    { text: rating(c, s.inherentBand, s.inherentScore), band: s.inherentBand },
    ratingAfterCell(c, s),
  ];
}

function questionById(c: Context, id: string): Question | undefined {
  for (const section of c.questionnaire.sections) {
    const question = section.questions.find((q) => q.id === id);
    if (question) return question;
  }
  return undefined;
}

function driverDetail(c: Context, driver: ScoreDriver) {
  const { t } = c;
  const question = questionById(c, driver.questionId);
  const factor = t(`report.factor.${driver.factor}`);
  const label =
    driver.kind === 'sets'
      ? t('report.register.driver.sets', { factor, level: driver.amount })
      : t('report.register.driver.reduces', { factor, amount: driver.amount });
  const answer = question?.options
    ? t(messageKeys.optionLabel(c.v, driver.questionId, driver.optionValue))
    : driver.optionValue;
  return {
    label,
    text: t('report.register.driver.answer', { answer, question: t(messageKeys.questionText(c.v, driver.questionId)) }),
  };
}

/**
 * Questionnaire 2.0: what raised the rating, what it would stop, and how many of its measures
 * are in place. The results page lists each measure; the report counts them, because the
 * checklist already names every one that is missing.
 */
function reasonDetails(c: Context, s: ScenarioScore): EntryDetail[] {
  const { t } = c;
  const reasons = ratingReasons(t, c.questionnaire, s);
  const details: EntryDetail[] = [];
  if (reasons.raisedBy.length > 0) details.push({ label: `${t('why.heading.raisedBy')}:`, text: reasons.raisedBy.join(' · ') });
  if (reasons.stops.length > 0) details.push({ label: `${t('why.heading.stops')}:`, text: reasons.stops.join(' · ') });
  const { counts } = reasons;
  if (counts.full + counts.partial + counts.none + counts.unknown > 0) {
    details.push({ label: t('report.register.measures'), text: t('report.register.measureCounts', counts) });
  }
  return details;
}

function driverEntry(c: Context, s: ScenarioScore): Entry {
  const { t } = c;
  const calculated = c.questionnaire.plans !== undefined ? reasonDetails(c, s) : s.drivers.map((driver) => driverDetail(c, driver));
  const override = overrideDetail(c, s);
  const details = override ? [override, ...calculated] : calculated;
  return {
    term: t('report.register.term', {
      ref: refOf(c, s.scenarioId),
      scenario: scenarioTitle(c, s.scenarioId),
      likelihood: change(c, s.likelihood, s.residualLikelihood),
      impact: change(c, s.impact, s.residualImpact),
    }),
    details: details.length > 0 ? details : [{ label: t('report.register.driver.none'), text: t('report.register.driver.noneText') }],
  };
}

function registerSection(c: Context): ReportSection {
  const { t, register } = c;
  const blocks: ReportBlock[] = [];
  if (c.questionnaire.plans !== undefined) blocks.push(heading(t('report.summary.heatMap')), heatMapBlock(c));
  if (register.scenarios.length === 0) {
    blocks.push(paragraph(t('report.register.none')));
  } else {
    blocks.push(paragraph(t('report.register.intro')), ...registerJudgementNote(c), {
      type: 'table',
      columns: [
        { header: t('report.register.col.ref'), width: 0.07 },
        { header: t('report.register.col.scenario'), width: 0.29 },
        { header: t('report.register.col.likelihood'), width: 0.16 },
        { header: t('report.register.col.impact'), width: 0.16 },
        { header: t('report.register.col.before'), width: 0.16 },
        { header: t('report.register.col.after'), width: 0.16 },
      ],
      rows: register.scenarios.map((s) => registerRow(c, s)),
    });
  }
  if (register.notApplicable.length > 0) {
    blocks.push(
      paragraph(
        t('report.register.notApplicable', {
          scenarios: joinList(t, register.notApplicable.map((id) => scenarioTitle(c, id))),
        }),
        'muted',
      ),
    );
  }
  if (register.scenarios.length > 0) {
    const whyIntro = c.questionnaire.plans !== undefined ? 'report.register.whyIntro.graded' : 'report.register.whyIntro';
    blocks.push(heading(t('report.register.why')), paragraph(t(whyIntro), 'muted'), {
      type: 'entries',
      items: register.scenarios.map((s) => driverEntry(c, s)),
    });
  }
  return { id: 'register', title: t('report.register.title'), blocks, subsections: [] };
}

/* ------------------------------------------------------------------------------------------ */
/* Checklist                                                                                   */
/* ------------------------------------------------------------------------------------------ */

function checklistSection(c: Context): ReportSection {
  const { t } = c;
  const groups: ChecklistGroup[] = timeframeOrder
    .map((timeframe) => {
      const items = c.plan.filter((item) => item.action.timeframe === timeframe);
      return {
        title: t('report.checklist.group', { timeframe: t(`timeframe.${timeframe}`), count: items.length }),
        items: items.map((item) => {
          const pillar = item.kind === 'firm' ? t('report.judgement.firmAction') : t(messageKeys.pillarTitle(c.v, item.action.pillar));
          return {
            text: actionText(t, c.v, item),
            detail:
              item.treats.length > 0
                ? t('report.checklist.detail', { pillar, scenarios: joinList(t, item.treats.map((id) => scenarioTitle(c, id))) })
                : pillar,
            priority: t(`priority.${item.priority}`),
            band: item.band,
          };
        }),
      };
    })
    .filter((group) => group.items.length > 0);
  const blocks: ReportBlock[] =
    groups.length > 0
      ? [
          paragraph(t('report.checklist.intro')),
          checklistOf(t, groups),
        ]
      : [paragraph(t('report.checklist.none'))];
  return { id: 'checklist', title: t('report.checklist.title'), blocks, subsections: [] };
}

/* ------------------------------------------------------------------------------------------ */
/* Contingency plans                                                                           */
/* ------------------------------------------------------------------------------------------ */

interface ContactRow {
  cells: TableCell[];
  missing: boolean;
}

function personValue(c: Context, name: string | undefined, phone: string | undefined): string | undefined {
  if (name && phone) return c.t('report.value.nameAndPhone', { name: name, phone: phone });
  if (name) return c.t('report.value.phoneNotGiven', { name: name });
  return phone ? phone : undefined;
}

function contactRows(c: Context, role: ContactRole, dutyKey: string | undefined): ContactRow[] {
  const { t } = c;
  const duty = t(dutyKey ?? `report.duty.${role}`);
  if (role === 'emergency' || role === 'police') {
    return countryContactSources[role]
      .filter((source) => c.asked.has(source.question))
      .map((source) => {
        const value = textOf(c.answers, source.question);
        return {
          cells: [
            { text: t(source.label), strong: true },
            { text: value ? value : t('report.value.numberNotGiven') },
            { text: duty },
          ],
          missing: value === undefined,
        };
      });
  }
  const source = contactSources[role];
  const value = source.detail
    ? textOf(c.answers, source.detail)
    : personValue(c, source.name ? textOf(c.answers, source.name) : undefined, source.phone ? textOf(c.answers, source.phone) : undefined);
  return [
    {
      cells: [
        { text: t(source.label), strong: true },
        { text: value && source.detail ? value : (value ?? t('report.value.notGiven')) },
        { text: duty },
      ],
      missing: value === undefined,
    },
  ];
}

function planSubsection(c: Context, s: ScenarioScore): ReportSubsection {
  const { t, answers } = c;
  const plan = planFor(c.v, s.scenarioId);
  const steps = (keys: string[]): ReportBlock => ({ type: 'steps', items: keys.map((key) => t(key)) });
  const seen = new Set<ContactRole>();
  const contacts = plan.contacts
    .filter((contact) => (seen.has(contact.role) ? false : (seen.add(contact.role), true)))
    .flatMap((contact) => contactRows(c, contact.role, contact.duty));
  const target = recoveryTargetKey(plan, answers);

  const after = ratingAfterCell(c, s);
  const factors = t('report.plans.rating', {
    band: bandLabel(c, s.residualBand),
    likelihood: levelLabel(c, 'likelihood', s.residualLikelihood),
    impact: levelLabel(c, 'impact', s.residualImpact),
    score: s.residualScore,
  });
  const blocks: ReportBlock[] = [
    {
      type: 'rating',
      label: t('report.plans.ratingLabel'),
      value: after.text,
      band: ratedBandOf(s),
      compact: true,
      // An assessor's rating: the calculated one stays beside it.
      text: after.sub ? `${after.sub} · ${factors}` : factors,
    },
    paragraph(t(messageKeys.scenarioDescription(c.v, s.scenarioId)), 'muted'),
    heading(t('report.plans.triggers')),
    { type: 'list', ordered: false, items: applicableKeys(plan.triggers, answers).map((key) => t(key)) },
    heading(t('report.plans.contacts')),
    {
      type: 'table',
      columns: [
        { header: t('report.plans.contacts.col.role'), width: 0.21 },
        { header: t('report.plans.contacts.col.contact'), width: 0.37 },
        { header: t('report.plans.contacts.col.duty'), width: 0.42 },
      ],
      rows: contacts.map((row) => row.cells),
    },
  ];
  if (contacts.some((row) => row.missing)) blocks.push({ type: 'callout', text: t('report.plans.missingContacts'), tone: 'warning' });
  blocks.push(
    heading(t('report.plans.firstHour')),
    steps(applicableKeys(plan.firstHour, answers)),
    heading(t('report.plans.firstDay')),
    steps(applicableKeys(plan.firstDay, answers)),
    heading(t('report.plans.firstWeek')),
    steps(applicableKeys(plan.firstWeek, answers)),
    heading(t('report.plans.communications')),
    {
      type: 'table',
      columns: [
        { header: t('report.plans.communications.col.who'), width: 0.2 },
        { header: t('report.plans.communications.col.whom'), width: 0.24 },
        { header: t('report.plans.communications.col.how'), width: 0.3 },
        { header: t('report.plans.communications.col.when'), width: 0.26 },
      ],
      rows: applicableMessages(plan, answers).map((line) => [
        { text: t(line.who) },
        { text: t(line.whom), strong: true },
        { text: t(line.how) },
        { text: t(line.when) },
      ]),
    },
    heading(t('report.plans.recovery')),
    { type: 'list', ordered: true, items: applicableKeys(plan.recovery, answers).map((key) => t(key)) },
  );
  if (target) blocks.push({ type: 'callout', text: t('report.plans.recoveryTarget', { target: t(target) }), tone: 'info' });
  blocks.push(heading(t('report.plans.exercise')), {
    type: 'list',
    ordered: false,
    items: [t(`report.plans.exercise.${ratedBandOf(s)}`), ...applicableKeys(plan.exercise, answers).map((key) => t(key))],
  });

  return {
    id: `plan-${s.scenarioId}`,
    title: t('report.plans.planTitle', { ref: refOf(c, s.scenarioId), scenario: scenarioTitle(c, s.scenarioId) }),
    newPage: true,
    blocks,
  };
}

function plansSection(c: Context): ReportSection {
  const { t } = c;
  const { basis, scenarios: planned } = plannedScenarios(c.register);
  const listed = joinList(
    t,
    planned.map((s) => `${refOf(c, s.scenarioId)} ${scenarioTitle(c, s.scenarioId)} (${s.override ? ratingAfterText(c, s) : bandLabel(c, s.residualBand)})`),
  );
  const intro = t(`report.plans.intro.${basis}`, { scenarios: listed });
  const blocks: ReportBlock[] = [paragraph(intro)];
  if (planned.length > 0) {
    blocks.push({ type: 'list', ordered: false, items: applicableKeys(keepingPlansCurrent, c.answers).map((key) => t(key)) });
  }
  return {
    id: 'plans',
    title: t('report.plans.title'),
    blocks,
    subsections: planned.map((s) => planSubsection(c, s)),
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Appendix                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** Questionnaire 2.0: each section's answers as a two-column table, notes under the answer. */
function answersTable(c: Context, section: Section): ReportBlock {
  const { t } = c;
  return {
    type: 'table',
    dense: true,
    columns: [
      { header: t('report.appendix.question'), width: 0.55 },
      { header: t('report.appendix.answerColumn'), width: 0.45 },
    ],
    rows: shownQuestions(section, c.answers).map((question) => {
      const stored = c.answers[question.id];
      const note = stored?.note?.trim();
      return [
        { text: t(messageKeys.questionText(c.v, question.id)) },
        { text: answerInWords(c, question, stored?.value), ...(note ? { sub: t('report.appendix.noteInline', { note: note }) } : {}) },
      ];
    }),
  };
}

function answersSubsection(c: Context): ReportSubsection {
  const { t } = c;
  const blocks: ReportBlock[] = [paragraph(t('report.appendix.answers.intro'), 'muted')];
  for (const section of relevantSections(c.questionnaire, c.answers)) {
    blocks.push(heading(t(messageKeys.sectionTitle(c.v, section.id))));
    if (c.questionnaire.plans !== undefined) {
      blocks.push(answersTable(c, section));
      continue;
    }
    const items: Entry[] = shownQuestions(section, c.answers).map((question) => {
      const stored = c.answers[question.id];
      const details = [{ label: t('report.appendix.answer'), text: answerInWords(c, question, stored?.value) }];
      const note = stored?.note?.trim();
      if (note) details.push({ label: t('report.appendix.note'), text: note });
      return { term: t(messageKeys.questionText(c.v, question.id)), details };
    });
    blocks.push({ type: 'entries', items });
  }
  return { id: 'answers', title: t('report.appendix.answers.title'), newPage: false, blocks };
}

function methodSubsection(c: Context): ReportSubsection {
  const blocks: ReportBlock[] = methodText(c.v, c.t).flatMap((part) => [
    ...(part.heading ? [heading(part.heading)] : []),
    ...part.paragraphs.map((text) => paragraph(text)),
    ...(part.list ? [{ type: 'list', ordered: false, items: part.list } as ReportBlock] : []),
    ...(part.after ?? []).map((text) => paragraph(text)),
  ]);
  return { id: 'method', title: c.t('report.appendix.method.title'), newPage: false, blocks };
}

function sourceEntry(c: Context, source: Source): Entry {
  const { t } = c;
  const details = [];
  if (source.published) details.push({ label: t('report.appendix.sources.published'), text: formatPublished(source.published) });
  const urlKey = messageKeys.sourceUrl(c.v, source.id);
  const url = t(urlKey).trim();
  if (url !== '' && url !== `[${urlKey}]`) details.push({ label: t('report.appendix.sources.url'), text: url });
  return { term: t(messageKeys.sourceCitation(c.v, source.id)), details };
}

function sourcesSubsection(c: Context): ReportSubsection {
  return {
    id: 'sources',
    title: c.t('report.appendix.sources.title'),
    newPage: false,
    blocks: [
      paragraph(c.t('report.appendix.sources.intro'), 'muted'),
      { type: 'entries', items: c.questionnaire.sources.map((source) => sourceEntry(c, source)) },
    ],
  };
}

function aboutSubsection(c: Context): ReportSubsection {
  const { t } = c;
  return {
    id: 'about',
    title: t('report.appendix.about.title'),
    newPage: false,
    blocks: [
      {
        type: 'facts',
        rows: [...coverFacts(c), { label: t('report.appendix.about.generatedBy'), value: t('report.appendix.about.generator') }],
      },
    ],
  };
}

function appendixSection(c: Context): ReportSection {
  const further = c.questionnaire.plans ? furtherMeasuresSubsection(c) : undefined;
  return {
    id: 'appendix',
    title: c.t('report.appendix.title'),
    blocks: [paragraph(c.t('report.appendix.intro'))],
    subsections: [
      ...(further ? [further] : []),
      answersSubsection(c),
      methodSubsection(c),
      sourcesSubsection(c),
      aboutSubsection(c),
    ],
  };
}

/**
 * The sections in reading order. Questionnaire 2.0 (which carries its own one-page plans) gets
 * the action plan and dependency-based plans; 1.0 keeps the report it always had.
 */
function sectionsOf(c: Context): ReportSection[] {
  const plans = c.questionnaire.plans;
  if (plans === undefined) {
    return [summarySection(c), registerSection(c), checklistSection(c), plansSection(c), appendixSection(c)];
  }
  return [summarySectionV2(c), registerSection(c), actionPlanSection(c), onePagePlansSection(c, plans), appendixSection(c)];
}

/* ------------------------------------------------------------------------------------------ */
/* The model                                                                                   */
/* ------------------------------------------------------------------------------------------ */

function askedQuestions(questionnaire: Questionnaire, answers: Answers): Set<string> {
  return new Set(
    relevantSections(questionnaire, answers).flatMap((section) => shownQuestions(section, answers).map((q) => q.id)),
  );
}

/**
 * The document's subject: what it is and its report id; a draft says it is not an issued report,
 * and an issued report tells its reader where to check that it is genuine.
 */
function documentSubject(c: Context, company: string): string {
  const { t, meta } = c;
  const subject = t(meta.draft ? 'report.document.subjectDraft' : 'report.document.subject', { company, date: c.issuedDate, reportId: meta.reportId });
  return meta.verifyUrl ? `${subject}. ${t('report.document.verify', { url: meta.verifyUrl })}` : subject;
}

/**
 * Builds the report from an assessment's answers and its risk register. Pure: the same input
 * gives the same model, and the model holds every string the renderers print.
 */
export function buildReportModel(input: ReportInput): ReportModel {
  const { questionnaire, register, translate: t, meta } = input;
  // Only answers to questions the business was shown count; stale ones are kept in storage only.
  const answers = effectiveAnswers(questionnaire, input.answers);
  const companyName = textOf(answers, companyQuestion) ?? '';
  const refs = new Map(register.scenarios.map((s, index) => [s.scenarioId, `R${index + 1}`]));
  const c: Context = {
    t,
    v: questionnaire.version,
    questionnaire,
    answers,
    register,
    meta,
    asked: askedQuestions(questionnaire, answers),
    actionPlan: new Map((input.actionPlan ?? []).map((line) => [line.actionId, line])),
    plan: actionsInPlanOrder(register),
    refs,
    company: companyName ? companyName : t('report.company.unnamed'),
    issuedDate: formatDate(meta.issuedAt),
  };
  const plainCompany = companyName || t('report.company.unnamed');
  const metadataCompany = shorten(plainCompany, metadataCompanyChars);
  const author = [meta.preparedBy.trim(), meta.consultantFirm?.trim()].filter(Boolean).join(', ');

  return {
    lang: 'en',
    companyName,
    issuedAtIso: meta.issuedAt.toISOString(),
    documentInfo: {
      title: t('report.document.title', { company: metadataCompany }),
      author,
      subject: documentSubject(c, metadataCompany),
      keywords: t('report.document.keywords', { reportId: meta.reportId }),
      creator: t('report.document.creator'),
    },
    header: {
      left: shorten(plainCompany, headerCompanyChars),
      right: t('report.header.date', { date: c.issuedDate }),
    },
    footer: {
      left: t(meta.draft ? 'report.footer.draft' : 'report.footer.reportId', { reportId: meta.reportId, version: questionnaire.version }),
      pageTemplate: t('report.footer.page'),
    },
    labels: { contents: t('report.contents'), cover: t('report.bookmark.cover'), preparedByFirm: t('branding.report.preparedBy') },
    cover: {
      kicker: t('report.cover.kicker'),
      title: t('report.cover.title'),
      company: c.company,
      facts: coverFacts(c),
      rating: {
        label: t('report.cover.rating'),
        value: bandLabel(c, register.overallBand),
        band: register.overallBand,
      },
      notice: t('report.cover.notice'),
    },
    sections: sectionsOf(c),
  };
}
