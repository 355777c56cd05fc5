import type { Translate } from '../i18n/catalogue.js';
import { messageKeys } from '../questionnaire/messageKeys.js';
import { bandOrder, priorities } from '../scoring/bands.js';
import { ACTION_TEXT_MAX, OVERRIDE_REASON_MAX, type RatingOverride, type StoredFirmAction } from '../scoring/judgement.js';
import type { ScenarioScore } from '../scoring/types.js';
import { ACTION_STATUSES, type DueDateRange } from '../services/actionPlan.js';
import { choiceInputId, type FieldError, type FormValues } from '../web/forms/fields.js';

/**
 * Everything the judgement pages print (a rating override, an action's wording, the firm's own
 * action), already worked out: the templates only print it. Each field keeps what the user typed
 * when the form comes back with an error.
 */

/** Notices the action plan page shows after a judgement page sends the user back to it (`?done=`). */
export const ACTION_PLAN_NOTICES = ['wording_saved', 'wording_reset', 'firm_added', 'firm_saved', 'firm_deleted'] as const;
export type ActionPlanNotice = 'saved' | 'not_saved' | (typeof ACTION_PLAN_NOTICES)[number];
/** Notices the results page shows after the rating page (`?done=`). */
export const RESULTS_NOTICES = ['rating_saved', 'rating_removed'] as const;
export type ResultsNotice = (typeof RESULTS_NOTICES)[number];

/** A notice named in a query string, if it is one of `allowed`. */
export function noticeFrom<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export interface TextFieldView {
  name: string;
  /** Also the input's id, which the error summary links to. */
  id: string;
  label: string;
  value: string;
  hint?: string;
  error?: string;
  describedBy: string;
}

export interface ChoiceView {
  value: string;
  label: string;
  id: string;
  checked: boolean;
}

export interface ChoiceFieldView extends Omit<TextFieldView, 'value' | 'id'> {
  options: ChoiceView[];
}

interface FormState {
  typed?: FormValues | undefined;
  errors?: readonly FieldError[] | undefined;
}

function errorOf(state: FormState, name: string): string | undefined {
  return state.errors?.find((error) => error.field === name)?.message;
}

function describedBy(name: string, hint: string | undefined, error: string | undefined): string {
  return [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
}

function textField(state: FormState, name: string, label: string, stored: string, hint?: string): TextFieldView {
  const typed = state.typed?.[name];
  const error = errorOf(state, name);
  return {
    name,
    id: name,
    label,
    value: typeof typed === 'string' ? typed : stored,
    describedBy: describedBy(name, hint, error),
    ...(hint ? { hint } : {}),
    ...(error ? { error } : {}),
  };
}

/** Radios or checkboxes: checked as typed when the form comes back, else as stored. */
function choiceField(state: FormState, name: string, label: string, options: readonly { value: string; label: string }[], stored: readonly string[], hint?: string): ChoiceFieldView {
  const typed = state.typed?.[name];
  const chosen = state.typed ? (typeof typed === 'string' ? [typed] : (typed ?? [])) : stored;
  const error = errorOf(state, name);
  const values = options.map((option) => option.value);
  return {
    name,
    label,
    describedBy: describedBy(name, hint, error),
    options: options.map((option) => ({ ...option, id: choiceInputId(name, values, option.value), checked: chosen.includes(option.value) })),
    ...(hint ? { hint } : {}),
    ...(error ? { error } : {}),
  };
}

function errorSummaryOf(state: FormState): { href: string; text: string }[] {
  return (state.errors ?? []).map((error) => ({ href: `#${error.href}`, text: error.message }));
}

function titleOf(t: Translate, title: string, state: FormState & { notSaved?: boolean }): string {
  return `${(state.errors?.length ?? 0) > 0 || state.notSaved === true ? `${t('ui.errorTitlePrefix')} ` : ''}${title}`;
}

/** "Rated High by the assessor; calculated Medium (6)." and the reason, for a scenario the assessor rated. */
export function overrideLines(t: Translate, score: ScenarioScore): { rating: string; reason: string } | undefined {
  if (!score.override) return undefined;
  return {
    rating: t('ui.judgement.ratedBy', {
      band: t(`band.${score.override.band}`),
      calculated: t('report.rating', { band: t(`band.${score.residualBand}`), score: score.residualScore }),
    }),
    reason: t('ui.judgement.reason', { reason: score.override.reason }),
  };
}

/* The rating page --------------------------------------------------------------------------- */

export interface RatingPageView {
  title: string;
  scenarioId: string;
  scenarioTitle: string;
  scenarioDescription: string;
  calculated: string;
  /** The assessor's rating as it stands, when there is one. */
  current?: { rating: string; reason: string };
  band: ChoiceFieldView;
  reason: TextFieldView;
  reasonMax: number;
  errorSummary: { href: string; text: string }[];
}

export function ratingPage(
  version: string,
  score: ScenarioScore,
  override: RatingOverride | undefined,
  state: FormState & { notSaved?: boolean },
  t: Translate,
): RatingPageView {
  const current = overrideLines(t, score);
  return {
    title: titleOf(t, t('ui.judgement.rating.title'), state),
    scenarioId: score.scenarioId,
    scenarioTitle: t(messageKeys.scenarioTitle(version, score.scenarioId)),
    scenarioDescription: t(messageKeys.scenarioDescription(version, score.scenarioId)),
    calculated: t('ui.judgement.rating.calculatedValue', {
      rating: t('report.rating', { band: t(`band.${score.residualBand}`), score: score.residualScore }),
      likelihood: `${score.residualLikelihood} ${t(`likelihood.${score.residualLikelihood}`)}`,
      impact: `${score.residualImpact} ${t(`impact.${score.residualImpact}`)}`,
    }),
    ...(current ? { current } : {}),
    band: choiceField(
      state,
      'band',
      t('ui.judgement.rating.band'),
      bandOrder.map((band) => ({
        value: band,
        label: band === score.residualBand ? t('ui.judgement.rating.calculatedOption', { band: t(`band.${band}`) }) : t(`band.${band}`),
      })),
      override ? [override.band] : [],
      t('ui.judgement.rating.bandHint'),
    ),
    reason: textField(state, 'reason', t('ui.judgement.rating.reason'), override?.reason ?? '', t('ui.judgement.rating.reasonHint', { max: OVERRIDE_REASON_MAX })),
    reasonMax: OVERRIDE_REASON_MAX,
    errorSummary: errorSummaryOf(state),
  };
}

/* The wording page -------------------------------------------------------------------------- */

export interface WordingPageView {
  title: string;
  actionId: string;
  standardText: string;
  reworded: boolean;
  text: TextFieldView;
  textMax: number;
  errorSummary: { href: string; text: string }[];
}

export function wordingPage(
  action: { actionId: string; standardText: string; currentText: string; reworded: boolean },
  state: FormState & { notSaved?: boolean },
  t: Translate,
): WordingPageView {
  return {
    title: titleOf(t, t('ui.judgement.wording.title'), state),
    actionId: action.actionId,
    standardText: action.standardText,
    reworded: action.reworded,
    text: textField(state, 'text', t('ui.judgement.wording.text'), action.currentText, t('ui.judgement.wording.textHint', { max: ACTION_TEXT_MAX })),
    textMax: ACTION_TEXT_MAX,
    errorSummary: errorSummaryOf(state),
  };
}

/* The firm's own action --------------------------------------------------------------------- */

export interface FirmActionPageView {
  title: string;
  /** Undefined for a new action. */
  firmActionId?: string;
  text: TextFieldView;
  textMax: number;
  owner: TextFieldView;
  dueDate: TextFieldView;
  dueDateRange: DueDateRange;
  priority: ChoiceFieldView;
  status: ChoiceFieldView;
  treats: ChoiceFieldView;
  errorSummary: { href: string; text: string }[];
}

export interface FirmActionPageInput {
  version: string;
  stored?: StoredFirmAction | undefined;
  /** Scenario ids that apply, in register order. */
  scenarioIds: readonly string[];
  defaultOwner: string;
  /** How the suggested due date follows the priority, with the configured days. */
  dueRule: string;
  dueDateRange: DueDateRange;
}

export function firmActionPage(input: FirmActionPageInput, state: FormState & { notSaved?: boolean }, t: Translate): FirmActionPageView {
  const { stored } = input;
  return {
    title: titleOf(t, t(stored ? 'ui.judgement.firm.editTitle' : 'ui.judgement.firm.addTitle'), state),
    ...(stored ? { firmActionId: stored.id } : {}),
    text: textField(state, 'text', t('ui.judgement.firm.text'), stored?.text ?? '', t('ui.judgement.firm.textHint', { max: ACTION_TEXT_MAX })),
    textMax: ACTION_TEXT_MAX,
    owner: textField(state, 'owner', t('ui.judgement.firm.owner'), stored?.owner ?? '', t('ui.judgement.firm.ownerHint', { owner: input.defaultOwner })),
    dueDate: textField(state, 'dueDate', t('ui.judgement.firm.dueDate'), stored?.dueDate ?? '', t('ui.judgement.firm.dueDateHint', { rule: input.dueRule })),
    dueDateRange: input.dueDateRange,
    priority: choiceField(
      state,
      'priority',
      t('ui.judgement.firm.priority'),
      priorities.map((priority) => ({ value: String(priority), label: t(`priority.${priority}`) })),
      stored ? [String(stored.priority)] : [],
      t('ui.judgement.firm.priorityHint'),
    ),
    status: choiceField(
      state,
      'status',
      t('ui.judgement.firm.status'),
      ACTION_STATUSES.map((status) => ({ value: status, label: t(`ui.actionPlan.status.${status}`) })),
      [stored?.status ?? 'to_do'],
    ),
    treats: choiceField(
      state,
      'treats',
      t('ui.judgement.firm.treats'),
      input.scenarioIds.map((id) => ({ value: id, label: t(messageKeys.scenarioTitle(input.version, id)) })),
      stored?.treats ?? [],
      t('ui.judgement.firm.treatsHint'),
    ),
    errorSummary: errorSummaryOf(state),
  };
}
