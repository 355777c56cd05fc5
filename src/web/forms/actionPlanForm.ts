import type { Request } from 'express';
import { body, matchedData, validationResult, type ValidationChain } from 'express-validator';
import type { Translate } from '../../i18n/catalogue.js';
import { ACTION_STATUSES, isWithin, parseCalendarDate, type ActionStatus, type DueDateRange } from '../../services/actionPlan.js';
import type { ActionPlanChange } from '../../services/actionPlanService.js';
import type { FieldError, FormValues } from './sectionForm.js';
import { characterCount } from './fields.js';

export const OWNER_MAX_LENGTH = 120;

export type ActionPlanField = 'owner' | 'dueDate' | 'status';
const FIELD_PREFIXES: Readonly<Record<ActionPlanField, string>> = { owner: 'owner', dueDate: 'due', status: 'status' };

/**
 * An action id is opaque (`find_out:<questionId>` among others), but a field name must be a plain
 * express-validator path and an id a valid HTML id: letters, digits and `_` stay, anything else
 * becomes `-<hex>-`. No two ids share a name, and the name is also the input's id.
 */
export function actionPlanFieldName(field: ActionPlanField, actionId: string): string {
  const encoded = Array.from(actionId, (char) => (/^[A-Za-z0-9_]$/.test(char) ? char : `-${(char.codePointAt(0) ?? 0).toString(16)}-`)).join('');
  return `${FIELD_PREFIXES[field]}-${encoded}`;
}

/** What the form needs to know of each action it shows. */
export interface ActionPlanFormAction {
  actionId: string;
  /** Accepted whatever its length: it is what the page shows until the user changes it. */
  defaultOwner: string;
  /** The example in the message for a date that is not a real one. */
  defaultDueDate: string;
}

/** What a due date may be: empty (the suggested date), or a real date in the range. `example` shows the format. */
export interface DueDateRules {
  range: DueDateRange;
  formatDate: (iso: string) => string;
  example: string;
}

/** The checks of a due date field, after its presence and type checks. */
export function dueDateChecks(chain: ValidationChain, rules: DueDateRules, t: Translate): ValidationChain {
  const { range, formatDate } = rules;
  return chain
    .trim()
    .custom((date: string) => date === '' || parseCalendarDate(date) !== undefined)
    .withMessage(t('error.date', { example: rules.example }))
    .bail()
    .custom((date: string) => date === '' || isWithin(date, range))
    .withMessage(t('error.dateRange', { earliest: formatDate(range.earliest), latest: formatDate(range.latest) }));
}

/** Every value is optional: a field missing from the post leaves what is stored (say, an action added since the page was shown). */
function chainsFor(action: ActionPlanFormAction, range: DueDateRange, formatDate: (iso: string) => string, t: Translate): ValidationChain[] {
  const single = (field: ActionPlanField) =>
    body(actionPlanFieldName(field, action.actionId)).optional().isString().withMessage(t('error.oneAnswer')).bail();
  return [
    single('owner')
      .stripLow()
      .trim()
      .custom((owner: string) => owner === action.defaultOwner || characterCount(owner) <= OWNER_MAX_LENGTH)
      .withMessage(t('error.tooLong', { max: OWNER_MAX_LENGTH })),
    dueDateChecks(single('dueDate'), { range, formatDate, example: action.defaultDueDate }, t),
    single('status').isIn(ACTION_STATUSES).withMessage(t('error.invalidOption')),
  ];
}

/** What the user typed for the fields the form shows, as typed (a value sent twice is joined). */
export function typedActionPlanValues(req: Request, actions: readonly ActionPlanFormAction[]): FormValues {
  const raw = (req.body ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const action of actions) {
    for (const field of Object.keys(FIELD_PREFIXES) as ActionPlanField[]) {
      const name = actionPlanFieldName(field, action.actionId);
      const value = raw[name];
      if (typeof value === 'string') values[name] = value;
      else if (Array.isArray(value)) values[name] = value.filter((v): v is string => typeof v === 'string').join(', ');
    }
  }
  return values;
}

export type ActionPlanFormResult = { ok: true; changes: ActionPlanChange[] } | { ok: false; errors: FieldError[]; values: FormValues };

/** Validates the action plan form: only the fields of the actions shown are read; anything else is ignored. */
export async function readActionPlanForm(
  req: Request,
  actions: readonly ActionPlanFormAction[],
  range: DueDateRange,
  formatDate: (iso: string) => string,
  t: Translate,
): Promise<ActionPlanFormResult> {
  for (const action of actions) {
    for (const chain of chainsFor(action, range, formatDate, t)) await chain.run(req);
  }
  const result = validationResult(req);
  if (!result.isEmpty()) {
    const errors = result.array({ onlyFirstError: true }).flatMap((error) =>
      error.type === 'field' ? [{ field: error.path, href: error.path, message: String(error.msg) }] : [],
    );
    return { ok: false, errors, values: typedActionPlanValues(req, actions) };
  }
  const data = matchedData(req, { locations: ['body'] });
  const read = (field: ActionPlanField, actionId: string) => data[actionPlanFieldName(field, actionId)] as string | undefined;
  const changes = actions.flatMap((action): ActionPlanChange[] => {
    const owner = read('owner', action.actionId);
    const dueDate = read('dueDate', action.actionId);
    const status = read('status', action.actionId) as ActionStatus | undefined;
    if (owner === undefined && dueDate === undefined && status === undefined) return [];
    return [{ actionId: action.actionId, ...(owner === undefined ? {} : { owner }), ...(dueDate === undefined ? {} : { dueDate }), ...(status === undefined ? {} : { status }) }];
  });
  return { ok: true, changes };
}
