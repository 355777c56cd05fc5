import { actionText } from '../../presenters/actionWording.js';
import { messageKeys } from '../../questionnaire/messageKeys.js';
import type { PlanItem } from '../../scoring/judgement.js';
import type { ChecklistGroup, ChecklistItem, ReportBlock, ReportSection, ReportSubsection } from '../reportModelTypes.js';
import { heading, paragraph, refOf, type Context } from './context.js';

/**
 * The action plan of questionnaire 2.0: at most `mainActionCount` recommended actions in the
 * checklist, with the firm's own among them, most urgent first, each with its owner and due date;
 * the "don't know" answers as a short list of things to find out; the remaining recommended
 * actions in the appendix as further measures.
 */
export const mainActionCount = 12;

/** A due date in a narrow column: "16 Dec 2026". */
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function dueDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return shortDate.format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
}

/**
 * Under an action's text: that it is the firm's own, or that an assessor's rating set its
 * priority (with the calculated one); empty otherwise.
 */
function actionDetail(c: Context, item: PlanItem): string {
  if (item.kind === 'firm') return c.t('report.judgement.firmAction');
  const calculated = item.action.calculated;
  return calculated ? c.t('report.judgement.priorityMoved', { priority: c.t(`priority.${calculated.priority}`) }) : '';
}

export function actionItem(c: Context, item: PlanItem): ChecklistItem {
  const { t } = c;
  const line = c.actionPlan.get(item.id);
  return {
    text: actionText(t, c.v, item),
    detail: actionDetail(c, item),
    // Register references, under the priority they decide; the register names each scenario.
    ...(item.treats.length > 0 ? { treats: t('report.checklist.treatsRefs', { refs: item.treats.map((id) => refOf(c, id)).join(', ') }) } : {}),
    priority: t(`priority.${item.priority}`),
    band: item.band,
    owner: line?.owner ?? '',
    due: line ? dueDate(line.dueDate) : '',
    // "To do" is what an unticked box already says; only progress is worth printing.
    ...(line && line.status !== 'to_do' ? { status: t(`report.actions.status.${line.status}`) } : {}),
  };
}

/** A checklist block with the shared column headers. */
export function checklistOf(t: Context['t'], groups: ChecklistGroup[]): ReportBlock {
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

/** One table, most urgent first: each action's due date already says when. */
function checklistBlock(c: Context, items: readonly PlanItem[]): ReportBlock {
  const title = c.t('report.actions.group', { count: items.length });
  return checklistOf(c.t, [{ title, items: items.map((item) => actionItem(c, item)) }]);
}

/**
 * Whether an action goes in the main checklist: the first `mainActionCount` recommended actions,
 * and every one of the firm's own, which the assessor added on purpose.
 */
function inMainChecklist(c: Context): (item: PlanItem) => boolean {
  const main = new Set(c.plan.filter((item) => item.kind === 'recommended').slice(0, mainActionCount).map((item) => item.id));
  return (item) => item.kind === 'firm' || main.has(item.id);
}

function mainActions(c: Context): readonly PlanItem[] {
  return c.plan.filter(inMainChecklist(c));
}

function furtherActions(c: Context): readonly PlanItem[] {
  const main = inMainChecklist(c);
  return c.plan.filter((item) => !main(item));
}

/** Text that ends as a sentence, for a line that goes on after it (an assessor's wording may not). */
function asSentence(text: string): string {
  return /[.!?…]["'”’)]*$/.test(text) ? text : `${text}.`;
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
      ? [checklistBlock(c, main)]
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
    blocks: [
      paragraph(c.t('report.further.intro')),
      {
        type: 'list',
        ordered: false,
        items: further.map((item) => {
          const checklistItem = actionItem(c, item);
          const pillar = item.kind === 'firm' ? c.t('report.judgement.firmAction') : c.t(messageKeys.pillarTitle(c.v, item.action.pillar));
          const refs = item.treats.map((id) => refOf(c, id)).join(', ');
          return c.t('report.further.item', {
            action: asSentence(checklistItem.text),
            priority: checklistItem.priority,
            detail: refs ? c.t('report.checklist.detailRefs', { pillar, refs }) : pillar,
          });
        }),
      },
    ],
  };
}
