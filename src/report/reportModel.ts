import type { Translate } from '../i18n/catalogue.js';
import { messageKeys } from '../questionnaire/messageKeys.js';
import type { Answers, AnswerValue, Question, Questionnaire, Source } from '../questionnaire/types.js';
import { effectiveAnswers, relevantSections, shownQuestions } from '../questionnaire/visibility.js';
import { bandOrder, heatMapCells, levels } from '../scoring/bands.js';
import type { Band, Level, RiskRegister, ScenarioScore, ScoreDriver, Timeframe } from '../scoring/types.js';
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
  Fact,
  HeatMapRow,
  ReportBlock,
  ReportModel,
  ReportSection,
  ReportSubsection,
  TableCell,
} from './reportModelTypes.js';
import { withBreakOpportunities } from './textBreaks.js';

export type * from './reportModelTypes.js';

export interface ReportMeta {
  reportId: string;
  issuedAt: Date;
  preparedBy: string;
  consultantFirm?: string;
}

export interface ReportInput {
  questionnaire: Questionnaire;
  answers: Answers;
  register: RiskRegister;
  translate: Translate;
  meta: ReportMeta;
}

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
  const serious = register.scenarios.filter((s) => s.residualBand === 'high' || s.residualBand === 'critical');
  if (serious.length > 0) return { basis: 'serious', scenarios: serious };
  const medium = register.scenarios.filter((s) => s.residualBand === 'medium');
  return medium.length > 0 ? { basis: 'medium', scenarios: medium } : { basis: 'none', scenarios: [] };
}

const timeframeOrder: readonly Timeframe[] = ['within_7_days', 'within_30_days', 'within_90_days', 'within_12_months'];

const topRiskCount = 5;
const firstActionCount = 5;
/** The running header is one line: a longer company name is shortened there (in full on the cover). */
const headerCompanyChars = 70;
const metadataCompanyChars = 150;

/** Everything the builder needs, worked out once. */
interface Context {
  t: Translate;
  v: string;
  questionnaire: Questionnaire;
  answers: Answers;
  register: RiskRegister;
  meta: ReportMeta;
  /** Ids of the questions the business was asked. */
  asked: ReadonlySet<string>;
  refs: ReadonlyMap<string, string>;
  company: string;
  issuedDate: string;
}

/* ------------------------------------------------------------------------------------------ */
/* Formatting                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/** Text that a user typed, ready to lay out: long unbroken runs get break opportunities. */
const typed = withBreakOpportunities;

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });

export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** A source's publication date as ISO 8601 (a day or a month) in words; anything else as given. */
export function formatPublished(published: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (day) return formatDate(new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))));
  const month = /^(\d{4})-(\d{2})$/.exec(published);
  if (month) return monthFormat.format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
  return published;
}

function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

function joinList(t: Translate, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(t('report.list.separator'))}${t('report.list.lastSeparator')}${items.at(-1) ?? ''}`;
}

function textOf(answers: Answers, questionId: string): string | undefined {
  const value = answers[questionId]?.value;
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text !== undefined && text.trim() !== '' ? text.trim() : undefined;
}

function scenarioTitle(c: Context, scenarioId: string): string {
  return c.t(messageKeys.scenarioTitle(c.v, scenarioId));
}

function bandLabel(c: Context, band: Band): string {
  return c.t(`band.${band}`);
}

function rating(c: Context, band: Band, score: number): string {
  return c.t('report.rating', { band: bandLabel(c, band), score });
}

function levelLabel(c: Context, factor: 'likelihood' | 'impact', level: Level): string {
  return c.t('report.level', { level, label: c.t(`${factor}.${level}`) });
}

function change(c: Context, before: string | number, after: string | number): string {
  return before === after ? String(before) : c.t('report.change', { before, after });
}

function refOf(c: Context, scenarioId: string): string {
  return c.refs.get(scenarioId) ?? '';
}

/** An answer in words: option labels for choices, the text as typed otherwise. */
function answerInWords(c: Context, question: Question, value: AnswerValue | undefined): string {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const given = values.filter((entry) => entry.trim() !== '');
  if (given.length === 0) return c.t('report.value.notAnswered');
  if (question.options) {
    return given.map((entry) => c.t(messageKeys.optionLabel(c.v, question.id, entry))).join('; ');
  }
  return typed(given.join('\n'));
}

function paragraph(text: string, style: 'lead' | 'body' | 'muted' = 'body'): ReportBlock {
  return { type: 'paragraph', text, style };
}

function heading(text: string): ReportBlock {
  return { type: 'heading', text };
}

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
    { label: t('report.cover.issued'), value: t('report.date.issued', { date: c.issuedDate, time: timeFormat.format(meta.issuedAt) }) },
    { label: t('report.cover.preparedBy'), value: typed(meta.preparedBy) },
  ];
  if (meta.consultantFirm?.trim()) facts.push({ label: t('report.cover.consultantFirm'), value: typed(meta.consultantFirm.trim()) });
  facts.push(
    { label: t('report.cover.reportId'), value: typed(meta.reportId) },
    { label: t('report.cover.version'), value: c.questionnaire.version },
    { label: t('report.cover.countries'), value: countriesInWords(c) ?? t('report.countries.none') },
  );
  return facts;
}

function worstScenario(c: Context): ScenarioScore | undefined {
  return c.register.scenarios[0];
}

function heatMapBlock(c: Context): ReportBlock {
  const { t } = c;
  const rows: HeatMapRow[] = heatMapCells(c.register).map((row) => {
    const likelihood = row[0]?.likelihood ?? 1;
    return {
      label: levelLabel(c, 'likelihood', likelihood),
      cells: row.map((cell) => ({
        band: cell.band,
        score: cell.score,
        refs: cell.scenarioIds.map((id) => refOf(c, id)).join(', '),
        description: t('report.heatMap.cell', {
          likelihood: cell.likelihood,
          impact: cell.impact,
          score: cell.score,
          band: bandLabel(c, cell.band),
          scenarios: cell.scenarioIds.map((id) => `${refOf(c, id)} ${scenarioTitle(c, id)}`).join(', '),
        }).trim(),
      })),
    };
  });
  const placements = c.register.scenarios.map((s) =>
    t('report.heatMap.placement', {
      ref: refOf(c, s.scenarioId),
      scenario: scenarioTitle(c, s.scenarioId),
      likelihood: s.residualLikelihood,
      impact: s.residualImpact,
      band: bandLabel(c, s.residualBand),
    }),
  );
  const keyEntries = c.register.scenarios.map((s) =>
    t('report.heatMap.keyEntry', { ref: refOf(c, s.scenarioId), scenario: scenarioTitle(c, s.scenarioId) }),
  );
  return {
    type: 'heatMap',
    description: t('report.heatMap.description', {
      placements: placements.length > 0 ? placements.join(' ') : t('report.heatMap.empty'),
    }),
    likelihoodAxis: t('report.heatMap.likelihood'),
    impactAxis: t('report.heatMap.impact'),
    rows,
    columnLabels: levels.map((impact) => levelLabel(c, 'impact', impact)),
    legend: bandOrder.map((band) => ({ band, label: bandLabel(c, band) })),
    key: keyEntries.length > 0 ? t('report.heatMap.key', { entries: keyEntries.join(' · ') }) : '',
  };
}

function summarySection(c: Context): ReportSection {
  const { t, register } = c;
  const worst = worstScenario(c);
  const count = (band: Band) => register.scenarios.filter((s) => s.residualBand === band).length;
  const blocks: ReportBlock[] = [
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
      text: worst
        ? t('report.summary.rating.text', {
            scenario: `${refOf(c, worst.scenarioId)} ${scenarioTitle(c, worst.scenarioId)}, ${rating(c, worst.residualBand, worst.residualScore)}`,
          })
        : t('report.summary.rating.none'),
    },
  ];
  if (register.scenarios.length > 0) {
    blocks.push(
      paragraph(
        t('report.summary.counts', {
          total: register.scenarios.length,
          critical: count('critical'),
          high: count('high'),
          medium: count('medium'),
          low: count('low'),
        }),
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
          { text: rating(c, s.residualBand, s.residualScore), band: s.residualBand },
        ]),
      },
    );
  }
  blocks.push(heading(t('report.summary.heatMap')), heatMapBlock(c), heading(t('report.summary.firstActions')));
  if (register.actions.length > 0) {
    blocks.push(paragraph(t('report.summary.firstActions.intro'), 'muted'), {
      type: 'list',
      ordered: true,
      items: register.actions.slice(0, firstActionCount).map((action) =>
        t('report.summary.firstAction', {
          action: t(messageKeys.recommendationText(c.v, action.recommendationId)),
          timeframe: t(`timeframe.${action.timeframe}`),
        }),
      ),
    });
  } else {
    blocks.push(paragraph(t('report.summary.noActions')));
  }
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
    { text: rating(c, s.residualBand, s.residualScore), band: s.residualBand },
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

function driverEntry(c: Context, s: ScenarioScore): Entry {
  const { t } = c;
  return {
    term: t('report.register.term', {
      ref: refOf(c, s.scenarioId),
      scenario: scenarioTitle(c, s.scenarioId),
      likelihood: change(c, s.likelihood, s.residualLikelihood),
      impact: change(c, s.impact, s.residualImpact),
    }),
    details:
      s.drivers.length > 0
        ? s.drivers.map((driver) => driverDetail(c, driver))
        : [{ label: t('report.register.driver.none'), text: t('report.register.driver.noneText') }],
  };
}

function registerSection(c: Context): ReportSection {
  const { t, register } = c;
  const blocks: ReportBlock[] = [];
  if (register.scenarios.length === 0) {
    blocks.push(paragraph(t('report.register.none')));
  } else {
    blocks.push(paragraph(t('report.register.intro')), {
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
    blocks.push(heading(t('report.register.why')), paragraph(t('report.register.whyIntro'), 'muted'), {
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
  const { t, register } = c;
  const groups: ChecklistGroup[] = timeframeOrder
    .map((timeframe) => {
      const actions = register.actions.filter((action) => action.timeframe === timeframe);
      return {
        title: t('report.checklist.group', { timeframe: t(`timeframe.${timeframe}`), count: actions.length }),
        items: actions.map((action) => ({
          text: t(messageKeys.recommendationText(c.v, action.recommendationId)),
          detail: t('report.checklist.detail', {
            pillar: t(messageKeys.pillarTitle(c.v, action.pillar)),
            scenarios: joinList(t, action.treats.map((id) => scenarioTitle(c, id))),
          }),
          priority: t(`priority.${action.priority}`),
          band: action.band,
        })),
      };
    })
    .filter((group) => group.items.length > 0);
  const blocks: ReportBlock[] =
    groups.length > 0
      ? [
          paragraph(t('report.checklist.intro')),
          {
            type: 'checklist',
            headers: {
              done: t('report.checklist.col.done'),
              action: t('report.checklist.col.action'),
              priority: t('report.checklist.col.priority'),
              owner: t('report.checklist.col.owner'),
              due: t('report.checklist.col.due'),
            },
            groups,
          },
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
  if (name && phone) return c.t('report.value.nameAndPhone', { name: typed(name), phone: typed(phone) });
  if (name) return c.t('report.value.phoneNotGiven', { name: typed(name) });
  return phone ? typed(phone) : undefined;
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
            { text: value ? typed(value) : t('report.value.numberNotGiven') },
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
        { text: value && source.detail ? typed(value) : (value ?? t('report.value.notGiven')) },
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

  const blocks: ReportBlock[] = [
    {
      type: 'rating',
      label: t('report.plans.ratingLabel'),
      value: rating(c, s.residualBand, s.residualScore),
      band: s.residualBand,
      compact: true,
      text: t('report.plans.rating', {
        band: bandLabel(c, s.residualBand),
        likelihood: levelLabel(c, 'likelihood', s.residualLikelihood),
        impact: levelLabel(c, 'impact', s.residualImpact),
        score: s.residualScore,
      }),
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
    items: [t(`report.plans.exercise.${s.residualBand}`), ...applicableKeys(plan.exercise, answers).map((key) => t(key))],
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
    planned.map((s) => `${refOf(c, s.scenarioId)} ${scenarioTitle(c, s.scenarioId)} (${bandLabel(c, s.residualBand)})`),
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

function answersSubsection(c: Context): ReportSubsection {
  const { t } = c;
  const blocks: ReportBlock[] = [paragraph(t('report.appendix.answers.intro'), 'muted')];
  for (const section of relevantSections(c.questionnaire, c.answers)) {
    const items: Entry[] = shownQuestions(section, c.answers).map((question) => {
      const stored = c.answers[question.id];
      const details = [{ label: t('report.appendix.answer'), text: answerInWords(c, question, stored?.value) }];
      const note = stored?.note?.trim();
      if (note) details.push({ label: t('report.appendix.note'), text: typed(note) });
      return { term: t(messageKeys.questionText(c.v, question.id)), details };
    });
    blocks.push(heading(t(messageKeys.sectionTitle(c.v, section.id))), { type: 'entries', items });
  }
  return { id: 'answers', title: t('report.appendix.answers.title'), newPage: false, blocks };
}

/** The method text of the catalogue, in reading order: [heading, paragraphs, list items]. */
const methodParts: readonly { heading?: string; paragraphs: readonly string[]; list?: readonly string[]; after?: readonly string[] }[] = [
  { paragraphs: ['method.intro'] },
  { heading: 'method.scenarios.heading', paragraphs: ['method.scenarios.body'] },
  { heading: 'method.likelihood.heading', paragraphs: ['method.likelihood.body'] },
  { heading: 'method.impact.heading', paragraphs: ['method.impact.body'] },
  { heading: 'method.controls.heading', paragraphs: ['method.controls.body', 'method.controls.inherentResidual'] },
  {
    heading: 'method.matrix.heading',
    paragraphs: ['method.matrix.body'],
    list: ['method.bands.low', 'method.bands.medium', 'method.bands.high', 'method.bands.critical'],
    after: ['method.overall'],
  },
  {
    heading: 'method.actions.heading',
    paragraphs: ['method.actions.body'],
    list: ['method.actions.critical', 'method.actions.high', 'method.actions.medium', 'method.actions.low'],
  },
  { heading: 'method.answers.heading', paragraphs: ['method.notApplicable.body', 'method.dontKnow.body', 'method.unanswered.body'] },
  { heading: 'method.framework.heading', paragraphs: ['method.framework.body'] },
  { heading: 'method.limits.heading', paragraphs: ['method.limits.body'] },
];

function methodSubsection(c: Context): ReportSubsection {
  const { t } = c;
  const blocks: ReportBlock[] = methodParts.flatMap((part) => [
    ...(part.heading ? [heading(t(part.heading))] : []),
    ...part.paragraphs.map((key) => paragraph(t(key))),
    ...(part.list ? [{ type: 'list', ordered: false, items: part.list.map((key) => t(key)) } as ReportBlock] : []),
    ...(part.after ?? []).map((key) => paragraph(t(key))),
  ]);
  return { id: 'method', title: t('report.appendix.method.title'), newPage: false, blocks };
}

function sourceEntry(c: Context, source: Source): Entry {
  const { t } = c;
  const details = [];
  if (source.published) details.push({ label: t('report.appendix.sources.published'), text: formatPublished(source.published) });
  const urlKey = messageKeys.sourceUrl(c.v, source.id);
  const url = t(urlKey).trim();
  if (url !== '' && url !== `[${urlKey}]`) details.push({ label: t('report.appendix.sources.url'), text: typed(url) });
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
  return {
    id: 'appendix',
    title: c.t('report.appendix.title'),
    blocks: [paragraph(c.t('report.appendix.intro'))],
    subsections: [answersSubsection(c), methodSubsection(c), sourcesSubsection(c), aboutSubsection(c)],
  };
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
    refs,
    company: companyName ? typed(companyName) : t('report.company.unnamed'),
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
      subject: t('report.document.subject', { company: metadataCompany, date: c.issuedDate, reportId: meta.reportId }),
      keywords: t('report.document.keywords', { reportId: meta.reportId }),
      creator: t('report.document.creator'),
    },
    header: {
      left: typed(shorten(plainCompany, headerCompanyChars)),
      right: t('report.header.date', { date: c.issuedDate }),
    },
    footer: {
      left: t('report.footer.reportId', { reportId: meta.reportId, version: questionnaire.version }),
      pageTemplate: t('report.footer.page'),
    },
    labels: { contents: t('report.contents'), cover: t('report.bookmark.cover') },
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
    sections: [summarySection(c), registerSection(c), checklistSection(c), plansSection(c), appendixSection(c)],
  };
}
