import type { Priority } from '../scoring/types.js';

/**
 * The action plan's pure rules: default due dates from the assessment date and an action's
 * priority, the accepted range of due dates, and how stored choices merge with the defaults.
 *
 * Dates are calendar dates ('YYYY-MM-DD') computed in UTC: the assessment date is the UTC day
 * the assessment was started, and a due date is a whole number of days after it. No time zone
 * of the server or the user can move a date by a day.
 */

export const ACTION_STATUSES = ['to_do', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const DEFAULT_ACTION_STATUS: ActionStatus = 'to_do';

/** Days from the assessment date to the default due date, by priority 1 (most urgent) to 4. */
export type DueDays = readonly [number, number, number, number];
export const DEFAULT_DUE_DAYS: DueDays = [14, 30, 90, 180];

/** A due date may fall from the assessment date to this many years after it. */
export const DUE_DATE_MAX_YEARS = 5;
/** The largest configurable number of days: a default due date must itself be a valid due date. */
export const DUE_DAYS_MAX = 365 * DUE_DATE_MAX_YEARS;

const DAY_MS = 86_400_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);
}

/** The UTC calendar date of an instant, 'YYYY-MM-DD'. */
export function calendarDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Midnight UTC of a real calendar date ('2027-02-29' is not one), else undefined. */
export function parseCalendarDate(text: string): Date | undefined {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 April over to 1 May: a real date reads back the same. Years below 100
  // would be taken as 19xx, and a plan is never due then, so they are refused too.
  return year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/** The default due date: the assessment's UTC calendar date plus the priority's number of days. */
export function defaultDueDate(assessmentDate: Date, priority: Priority, dueDays: DueDays): string {
  const start = Date.UTC(assessmentDate.getUTCFullYear(), assessmentDate.getUTCMonth(), assessmentDate.getUTCDate());
  const days = dueDays[(priority - 1) as 0 | 1 | 2 | 3];
  return calendarDateOf(new Date(start + days * DAY_MS));
}

export interface DueDateRange {
  earliest: string;
  latest: string;
}

/** Due dates accepted for an assessment: its date to the same day five years on (29 February rolls to 1 March). */
export function dueDateRange(assessmentDate: Date): DueDateRange {
  const year = assessmentDate.getUTCFullYear();
  const latest = new Date(Date.UTC(year + DUE_DATE_MAX_YEARS, assessmentDate.getUTCMonth(), assessmentDate.getUTCDate()));
  return { earliest: calendarDateOf(assessmentDate), latest: calendarDateOf(latest) };
}

/** Whether a real calendar date falls in the range, ends included. ISO dates compare as text. */
export function isWithin(date: string, range: DueDateRange): boolean {
  return date >= range.earliest && date <= range.latest;
}

/**
 * What is stored for one action. Null means "the default": a value equal to its default is
 * stored as null, so the default owner and date follow later changes to the contacts, the
 * priority or the configured days.
 */
export interface StoredActionPlanEntry {
  actionId: string;
  owner: string | null;
  dueDate: string | null;
  status: ActionStatus | null;
}

/** The parts of a recommended action the plan needs. */
export interface PlannedAction {
  recommendationId: string;
  pillar: string;
  priority: Priority;
}

export interface ActionPlanDefaults {
  assessmentDate: Date;
  dueDays: DueDays;
  /** The owner an action gets until someone names another. */
  ownerFor: (action: PlannedAction) => string;
}

/** One action of the plan as it stands: plain data for the page and the report. */
export interface ActionPlanEntry {
  actionId: string;
  owner: string;
  dueDate: string;
  status: ActionStatus;
  ownerIsDefault: boolean;
  dueDateIsDefault: boolean;
  statusIsDefault: boolean;
}

/**
 * The plan for the given actions, in their order: each stored value where there is one, else
 * the default. Stored entries for actions no longer recommended are left out (and kept, should
 * the action come back).
 */
export function mergeActionPlan(
  actions: readonly PlannedAction[],
  storedEntries: readonly StoredActionPlanEntry[],
  defaults: ActionPlanDefaults,
): ActionPlanEntry[] {
  const stored = new Map(storedEntries.map((entry) => [entry.actionId, entry]));
  return actions.map((action) => {
    const entry = stored.get(action.recommendationId);
    const owner = entry?.owner ?? null;
    const dueDate = entry?.dueDate ?? null;
    const status = entry?.status ?? null;
    return {
      actionId: action.recommendationId,
      owner: owner ?? defaults.ownerFor(action),
      dueDate: dueDate ?? defaultDueDate(defaults.assessmentDate, action.priority, defaults.dueDays),
      status: status ?? DEFAULT_ACTION_STATUS,
      ownerIsDefault: owner === null,
      dueDateIsDefault: dueDate === null,
      statusIsDefault: status === null,
    };
  });
}
