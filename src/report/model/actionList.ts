import { messageKeys } from '../../questionnaire/messageKeys.js';
import type { RecommendedAction, Timeframe } from '../../scoring/types.js';
import type { ChecklistGroup, ChecklistItem, ReportBlock, ReportSection, ReportSubsection } from '../reportModelTypes.js';
import { formatDate, joinList, paragraph, scenarioTitle, heading, type Context } from './context.js';

/**
 * The action plan of questionnaire 2.0: at most `mainActionCount` actions in the checklist, most
 * urgent first, each with its owner and due date; the "don't know" answers as a short list of
 * things to find out; the remaining actions in the appendix as further measures.
 */
export const mainActionCount = 12;

const timeframeOrder: readonly Timeframe[] = ['within_7_days', 'within_30_days', 'within_90_days', 'within_12_months'];

function dueDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return formatDate(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
}

export function actionItem(c: Context, action: RecommendedAction): ChecklistItem {
  const { t } = c;
  const line = c.actionPlan.get(action.recommendationId);
  return {
    text: t(messageKeys.recommendationText(c.v, action.recommendationId)),
    detail: t('report.checklist.detail', {
      pillar: t(messageKeys.pillarTitle(c.v, action.pillar)),
      scenarios: joinList(t, action.treats.map((id) => scenarioTitle(c, id))),
    }),
    priority: t(`priority.${action.priority}`),
    band: action.band,
    owner: line?.owner ?? '',
    due: line ? dueDate(line.dueDate) : '',
  };
}

function checklistBlock(c: Context, actions: readonly RecommendedAction[]): ReportBlock {
  const { t } = c;
  const groups: ChecklistGroup[] = timeframeOrder
    .map((timeframe) => {
      const inGroup = actions.filter((action) => action.timeframe === timeframe);
      return {
        title: t('report.checklist.group', { timeframe: t(`timeframe.${timeframe}`), count: inGroup.length }),
        items: inGroup.map((action) => actionItem(c, action)),
      };
    })
    .filter((group) => group.items.length > 0);
  return {
    type: 'checklist',
    headers: {
      done: t('report.checklist.col.done'),
      action: t('report.checklist.col.action'),
      priority: t('report.checklist.col.priority'),
      owner: t('report.checklist.col.owner'),
      due: t('report.checklist.col.due'),
    },
    groups,
  };
}

export function mainActions(c: Context): RecommendedAction[] {
  return c.register.actions.slice(0, mainActionCount);
}

export function furtherActions(c: Context): RecommendedAction[] {
  return c.register.actions.slice(mainActionCount);
}

function findOutBlocks(c: Context): ReportBlock[] {
  const { t, register } = c;
  if (register.findOut.length === 0) return [];
  return [
    heading(t('report.findOut.title')),
    paragraph(t('report.findOut.intro', { count: register.findOut.length })),
    {
      type: 'steps',
      items: register.findOut.map((item) =>
        t('report.findOut.item', { question: t(messageKeys.questionText(c.v, item.questionId)) }),
      ),
    },
  ];
}

export function actionPlanSection(c: Context): ReportSection {
  const { t } = c;
  const main = mainActions(c);
  const further = furtherActions(c).length;
  const blocks: ReportBlock[] =
    main.length > 0
      ? [paragraph(t('report.actions.intro', { count: main.length })), checklistBlock(c, main)]
      : [paragraph(t('report.checklist.none'))];
  if (further > 0) blocks.push(paragraph(t('report.actions.further', { count: further }), 'muted'));
  blocks.push(...findOutBlocks(c));
  return { id: 'checklist', title: t('report.checklist.title'), blocks, subsections: [] };
}

/** The actions beyond the main checklist, for the appendix; undefined when there are none. */
export function furtherMeasuresSubsection(c: Context): ReportSubsection | undefined {
  const further = furtherActions(c);
  if (further.length === 0) return undefined;
  return {
    id: 'further-measures',
    title: c.t('report.further.title'),
    newPage: false,
    blocks: [paragraph(c.t('report.further.intro')), checklistBlock(c, further)],
  };
}
