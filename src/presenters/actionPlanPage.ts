import type { Translate } from '../i18n/catalogue.js';
import { messageKeys } from '../questionnaire/messageKeys.js';
import type { RecommendedAction } from '../scoring/types.js';
import { ACTION_STATUSES, type ActionPlanEntry, type DueDateRange, type DueDays } from '../services/actionPlan.js';
import { actionPlanFieldName, type ActionPlanField, type ActionPlanFormAction } from '../web/forms/actionPlanForm.js';
import type { FieldError, FormValues } from '../web/forms/fields.js';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

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

export interface ActionPlanRowView {
  actionId: string;
  /** "Action 1": the number the error summary refers to. */
  numberLabel: string;
  text: string;
  band: string;
  priorityLabel: string;
  treats: string;
  owner: FieldView;
  dueDate: FieldView;
  status: FieldView & { options: { value: string; label: string; selected: boolean }[] };
}

export interface ActionPlanPageView {
  rows: ActionPlanRowView[];
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
  actions: readonly RecommendedAction[];
  /** The plan as stored, in the same order as the actions. */
  entries: readonly ActionPlanEntry[];
  formActions: readonly ActionPlanFormAction[];
  dueDays: DueDays;
  dueDateRange: DueDateRange;
  /** What the user typed, when the page is shown again after an error. */
  typed?: FormValues;
  errors?: FieldError[];
  /** The page came back because the database refused the save: the title says "Error:". */
  notSaved?: boolean;
}

/** Everything the action plan page prints, already worked out: the template only prints it. */
export function actionPlanPage(input: ActionPlanPageInput, t: Translate): ActionPlanPageView {
  const errors = input.errors ?? [];
  const errorFor = new Map(errors.map((error) => [error.field, error.message]));
  const fieldLabels: Record<string, string> = {};
  const rows = input.actions.map((action, index): ActionPlanRowView => {
    const entry = input.entries[index];
    const defaults = input.formActions[index];
    if (!entry || !defaults || entry.actionId !== action.recommendationId) throw new Error(`The action plan does not match the actions at ${action.recommendationId}`);
    const text = t(messageKeys.recommendationText(input.version, action.recommendationId));
    const field = (kind: ActionPlanField, stored: string, hint?: string): FieldView => {
      const name = actionPlanFieldName(kind, action.recommendationId);
      const typed = input.typed?.[name];
      const error = errorFor.get(name);
      const label = t(kind === 'dueDate' ? 'ui.actionPlan.dueDate' : kind === 'owner' ? 'ui.actionPlan.owner' : 'ui.actionPlan.status');
      fieldLabels[name] = t('ui.actionPlan.fieldFor', { field: label, number: index + 1 });
      const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
      return { name, id: name, value: typeof typed === 'string' ? typed : stored, describedBy, ...(hint ? { hint } : {}), ...(error ? { error } : {}) };
    };
    const status = field('status', entry.status);
    return {
      actionId: action.recommendationId,
      numberLabel: t('ui.actionPlan.number', { number: index + 1 }),
      text,
      band: action.band,
      priorityLabel: t('ui.results.priority', { priority: t(`priority.${action.priority}`) }),
      treats: action.treats.map((id) => t(messageKeys.scenarioTitle(input.version, id))).join(', '),
      owner: field('owner', entry.owner, t('ui.actionPlan.ownerHint', { owner: defaults.defaultOwner })),
      dueDate: field(
        'dueDate',
        entry.dueDate,
        t('ui.actionPlan.dueDateHint', { date: formatCalendarDate(defaults.defaultDueDate) }),
      ),
      status: {
        ...status,
        options: ACTION_STATUSES.map((value) => ({ value, label: t(`ui.actionPlan.status.${value}`), selected: value === status.value })),
      },
    };
  });
  const [urgent, high, medium, low] = input.dueDays;
  const dueRule = t('ui.actionPlan.dueRule', { urgent, high, medium, low });
  const errorSummary = errors.map((error) => ({ href: `#${error.href}`, text: `${error.message} – ${fieldLabels[error.field] ?? ''}` }));
  const title = `${errors.length > 0 || input.notSaved === true ? `${t('ui.errorTitlePrefix')} ` : ''}${t('ui.actionPlan.title')}`;
  return { rows, dueRule, dueDateRange: input.dueDateRange, errors, errorSummary, title };
}
