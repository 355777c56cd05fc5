import { dateFormat } from '../report/model/context.js';
import type { Translate } from '../i18n/catalogue.js';
import { messageKeys } from '../questionnaire/messageKeys.js';
import { ACTION_STATUSES, type DueDateRange, type DueDays } from '../services/actionPlan.js';
import type { ActionPlanItem } from '../services/actionPlanService.js';
import { actionPlanFieldName, type ActionPlanField, type ActionPlanFormAction } from '../web/forms/actionPlanForm.js';
import type { FieldError, FormValues } from '../web/forms/fields.js';


/** '2026-12-16' as "16 December 2026". The date is a UTC calendar date, so it is printed in UTC. */
export function formatCalendarDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}

interface FieldView {
  name: string;
  /** Also the input's id, which the error summary links to. */
  id: string;
  value: string;
  hint?: string;
  error?: string;
  describedBy: string;
}

/** What every row of the plan shows. */
interface PlanRowBase {
  actionId: string;
  /** "Action 1": the number the error summary refers to. */
  numberLabel: string;
  text: string;
  band: string;
  priorityLabel: string;
  treats: string;
}

/** A recommended action: its owner, due date and status are fields of the plan's form. */
export interface ActionPlanRowView extends PlanRowBase {
  kind: 'recommended';
  /** The assessor reworded it: the standard text it replaces, worded for the page. */
  standardWording?: string;
  /** An assessor's rating set its priority: "Priority set by the assessor's rating; calculated Medium." */
  priorityMoved?: string;
  owner: FieldView;
  dueDate: FieldView;
  status: FieldView & { options: { value: string; label: string; selected: boolean }[] };
}

/** One of the firm's own actions: shown with its values, changed on a page of its own. */
export interface FirmActionRowView extends PlanRowBase {
  kind: 'firm';
  owner: string;
  dueDate: string;
  status: string;
}

export interface ActionPlanPageView {
  /** Every action, most urgent first: the recommended ones with their fields, the firm's own with links. */
  rows: (ActionPlanRowView | FirmActionRowView)[];
  /** How the suggested due dates are worked out, with the configured days. */
  dueRule: string;
  /** The dates a due date may take, for the date inputs' min and max. */
  dueDateRange: DueDateRange;
  errors: FieldError[];
  /** The error summary's links, each to its field: "Enter a real date – Due date, action 3". */
  errorSummary: { href: string; text: string }[];
  /** The page title, with the error prefix when there are errors. */
  title: string;
}

export interface ActionPlanPageInput {
  version: string;
  /** The whole plan, most urgent first (`ActionPlanService.actionPlanFor`). */
  items: readonly ActionPlanItem[];
  /** The recommended actions the form shows, with their defaults. */
  formActions: readonly ActionPlanFormAction[];
  dueDays: DueDays;
  dueDateRange: DueDateRange;
  /** What the user typed, when the page is shown again after an error. */
  typed?: FormValues;
  errors?: FieldError[];
  /** The page came back because the database refused the save: the title says "Error:". */
  notSaved?: boolean;
}

/** How the suggested due dates follow the priority, with the configured days. */
export function dueRuleText(t: Translate, dueDays: DueDays): string {
  const [urgent, high, medium, low] = dueDays;
  return t('ui.actionPlan.dueRule', { urgent, high, medium, low });
}

/** Everything the action plan page prints, already worked out: the template only prints it. */
export function actionPlanPage(input: ActionPlanPageInput, t: Translate): ActionPlanPageView {
  const errors = input.errors ?? [];
  const errorFor = new Map(errors.map((error) => [error.field, error.message]));
  const fieldLabels: Record<string, string> = {};
  const formActions = new Map(input.formActions.map((action) => [action.actionId, action]));
  const treatsOf = (item: ActionPlanItem) => item.treats.map((id) => t(messageKeys.scenarioTitle(input.version, id))).join(', ');
  const rows = input.items.map((item, index): ActionPlanRowView | FirmActionRowView => {
    const common = {
      actionId: item.actionId,
      numberLabel: t('ui.actionPlan.number', { number: index + 1 }),
      text: item.text,
      band: item.band,
      priorityLabel: t('ui.results.priority', { priority: t(`priority.${item.priority}`) }),
      treats: treatsOf(item),
    };
    if (item.source === 'firm') {
      return {
        kind: 'firm',
        ...common,
        owner: item.owner,
        dueDate: formatCalendarDate(item.dueDate),
        status: t(`ui.actionPlan.status.${item.status}`),
      };
    }
    const defaults = formActions.get(item.actionId);
    if (!defaults) throw new Error(`The action plan form does not match the plan at ${item.actionId}`);
    const field = (kind: ActionPlanField, stored: string, hint?: string): FieldView => {
      const name = actionPlanFieldName(kind, item.actionId);
      const typed = input.typed?.[name];
      const error = errorFor.get(name);
      const label = t(kind === 'dueDate' ? 'ui.actionPlan.dueDate' : kind === 'owner' ? 'ui.actionPlan.owner' : 'ui.actionPlan.status');
      fieldLabels[name] = t('ui.actionPlan.fieldFor', { field: label, number: index + 1 });
      const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
      return { name, id: name, value: typeof typed === 'string' ? typed : stored, describedBy, ...(hint ? { hint } : {}), ...(error ? { error } : {}) };
    };
    const status = field('status', item.status);
    return {
      kind: 'recommended',
      ...common,
      ...(item.standardText ? { standardWording: t('ui.judgement.wording.standardWas', { text: item.standardText }) } : {}),
      ...(item.calculatedPriority ? { priorityMoved: t('ui.judgement.priorityMoved', { priority: t(`priority.${item.calculatedPriority}`) }) } : {}),
      owner: field('owner', item.owner, t('ui.actionPlan.ownerHint', { owner: defaults.defaultOwner })),
      dueDate: field(
        'dueDate',
        item.dueDate,
        t('ui.actionPlan.dueDateHint', { date: formatCalendarDate(defaults.defaultDueDate) }),
      ),
      status: {
        ...status,
        options: ACTION_STATUSES.map((value) => ({ value, label: t(`ui.actionPlan.status.${value}`), selected: value === status.value })),
      },
    };
  });
  const dueRule = dueRuleText(t, input.dueDays);
  const errorSummary = errors.map((error) => ({ href: `#${error.href}`, text: `${error.message} – ${fieldLabels[error.field] ?? ''}` }));
  const title = `${errors.length > 0 || input.notSaved === true ? `${t('ui.errorTitlePrefix')} ` : ''}${t('ui.actionPlan.title')}`;
  return { rows, dueRule, dueDateRange: input.dueDateRange, errors, errorSummary, title };
}
