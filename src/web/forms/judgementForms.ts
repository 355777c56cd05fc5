import type { Request } from 'express';
import { body, matchedData, validationResult, type ValidationChain } from 'express-validator';
import type { Translate } from '../../i18n/catalogue.js';
import { bandOrder, priorities } from '../../scoring/bands.js';
import { ACTION_TEXT_MAX, OVERRIDE_REASON_MAX } from '../../scoring/judgement.js';
import type { Band, Priority } from '../../scoring/types.js';
import { ACTION_STATUSES, type ActionStatus, type DueDateRange } from '../../services/actionPlan.js';
import type { FirmActionFields } from '../../services/judgementService.js';
import { dueDateChecks, OWNER_MAX_LENGTH } from './actionPlanForm.js';
import { characterCount, type FieldError, type FormValues } from './fields.js';

/**
 * The forms of the assessor's judgement: a rating override, the wording of an action, and one of
 * the firm's own actions. Only the fields a form defines are read; anything else is ignored. A
 * field sent twice is refused, never picked from silently.
 */

type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[]; values: FormValues };

/** What the user typed in the given fields, as typed, to put back in the form. */
export function typedValues(req: Request, fields: readonly string[]): FormValues {
  const raw = (req.body ?? {}) as Record<string, unknown>;
  const values: Record<string, string | string[]> = {};
  for (const field of fields) {
    const value = raw[field];
    if (typeof value === 'string') values[field] = value;
    else if (Array.isArray(value)) values[field] = value.filter((v): v is string => typeof v === 'string');
  }
  return values;
}

/** Runs the chains; on failure, each field's first error, linked to its first input. */
async function validate<T>(req: Request, chains: readonly ValidationChain[], fields: readonly string[], read: (data: Record<string, unknown>) => T): Promise<FormResult<T>> {
  for (const chain of chains) await chain.run(req);
  const result = validationResult(req);
  if (result.isEmpty()) return { ok: true, value: read(matchedData(req, { locations: ['body'], includeOptionals: true })) };
  const errors = result.array({ onlyFirstError: true }).flatMap((error) => (error.type === 'field' ? [{ field: error.path, href: error.path, message: String(error.msg) }] : []));
  return { ok: false, errors, values: typedValues(req, fields) };
}

/** A field that must be sent, once. */
function requiredSingle(field: string, requiredMessage: string, t: Translate): ValidationChain {
  return body(field).exists({ values: 'falsy' }).withMessage(requiredMessage).bail().isString().withMessage(t('error.oneAnswer')).bail();
}

/** A required single line or paragraph of text: control characters removed (line breaks kept where asked), trimmed, length in characters. */
function requiredText(field: string, max: number, requiredMessage: string, t: Translate, keepLineBreaks: boolean): ValidationChain {
  return requiredSingle(field, requiredMessage, t)
    .stripLow(keepLineBreaks)
    .trim()
    .notEmpty()
    .withMessage(requiredMessage)
    .bail()
    .custom((text: string) => characterCount(text) <= max)
    .withMessage(t('error.tooLong', { max }));
}

/** One of a form's own radios: required, sent once, one of the options. */
function requiredChoice(field: string, options: readonly string[], requiredMessage: string, t: Translate): ValidationChain {
  return requiredSingle(field, requiredMessage, t).isIn(options).withMessage(t('error.invalidOption'));
}

/* Rating override --------------------------------------------------------------------------- */

export const OVERRIDE_FIELDS = ['band', 'reason'] as const;

export interface OverrideInput {
  band: Band;
  reason: string;
}

/** The assessor's band (any but the calculated one: that is no override) and a reason. */
export function readOverrideForm(req: Request, calculated: Band, t: Translate): Promise<FormResult<OverrideInput>> {
  const chains = [
    requiredChoice('band', bandOrder, t('ui.judgement.error.bandRequired'), t)
      .bail()
      .custom((band: string) => band !== calculated)
      .withMessage(t('ui.judgement.error.sameAsCalculated')),
    requiredText('reason', OVERRIDE_REASON_MAX, t('ui.judgement.error.reasonRequired'), t, true),
  ];
  return validate(req, chains, OVERRIDE_FIELDS, (data) => ({ band: data.band as Band, reason: data.reason as string }));
}

/* Wording of a recommended action --------------------------------------------------------- */

export const WORDING_FIELDS = ['text'] as const;

/** One paragraph of text: line breaks would only break the checklist's rows. */
export function readWordingForm(req: Request, t: Translate): Promise<FormResult<string>> {
  const chains = [requiredText('text', ACTION_TEXT_MAX, t('ui.judgement.error.textRequired'), t, false)];
  return validate(req, chains, WORDING_FIELDS, (data) => data.text as string);
}

/* The firm's own action ------------------------------------------------------------------- */

export const FIRM_ACTION_FIELDS = ['text', 'owner', 'dueDate', 'priority', 'status', 'treats'] as const;

export interface FirmActionFormContext {
  /** The due dates accepted: from the assessment date to five years on. */
  range: DueDateRange;
  /** Scenario ids the action may treat: those that apply to this business. */
  scenarioIds: readonly string[];
  formatDate: (iso: string) => string;
  /** The example in the message for a date that is not a real one. */
  exampleDate: string;
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Text and priority are required; an empty owner or due date means the suggested one. */
export function readFirmActionForm(req: Request, context: FirmActionFormContext, t: Translate): Promise<FormResult<FirmActionFields>> {
  const optional = (field: string) => body(field).optional({ values: 'falsy' }).isString().withMessage(t('error.oneAnswer')).bail();
  const chains = [
    requiredText('text', ACTION_TEXT_MAX, t('ui.judgement.error.firmTextRequired'), t, false),
    optional('owner')
      .stripLow()
      .trim()
      .custom((owner: string) => characterCount(owner) <= OWNER_MAX_LENGTH)
      .withMessage(t('error.tooLong', { max: OWNER_MAX_LENGTH })),
    dueDateChecks(optional('dueDate'), { range: context.range, formatDate: context.formatDate, example: context.exampleDate }, t),
    requiredChoice('priority', priorities.map(String), t('ui.judgement.error.priorityRequired'), t),
    optional('status').isIn(ACTION_STATUSES).withMessage(t('error.invalidOption')),
    body('treats')
      .customSanitizer(asList)
      .custom((ids: unknown[]) => ids.every((id) => typeof id === 'string' && context.scenarioIds.includes(id)))
      .withMessage(t('error.invalidOption')),
  ];
  return validate(req, chains, FIRM_ACTION_FIELDS, (data) => {
    const text = (key: string) => (typeof data[key] === 'string' ? (data[key]) : '');
    const chosen = new Set(data.treats as string[]);
    return {
      text: text('text'),
      owner: text('owner') || null,
      dueDate: text('dueDate') || null,
      priority: Number(data.priority) as Priority,
      status: (text('status') || 'to_do') as ActionStatus,
      // In register order, each once, whatever order the browser sent them in.
      treats: context.scenarioIds.filter((id) => chosen.has(id)),
    };
  });
}
