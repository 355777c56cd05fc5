import { dueDateRange, isWithin, type StoredActionPlanEntry } from './actionPlan.js';

/**
 * The action plan a re-assessment starts with: the owners, due dates and statuses chosen for the
 * previous assessment's actions, so work marked done stays done and owners stay named.
 *
 * - Only actions the previous assessment recommended, and that the current questionnaire still
 *   has, travel. Whether each is recommended again depends on the new answers: the plan shows an
 *   entry only while its action is recommended (see mergeActionPlan), and keeps it otherwise.
 * - A due date before the re-assessment's date is dropped: the plan's form accepts dates from the
 *   assessment date on, and the action then gets the default date worked out from the new date.
 * - Entries that hold only defaults are not copied: the defaults follow the new assessment anyway.
 */
export function carryOverActionPlan(
  entries: readonly StoredActionPlanEntry[],
  options: { recommendedBefore: ReadonlySet<string>; stillInQuestionnaire: ReadonlySet<string>; reassessmentDate: Date },
): StoredActionPlanEntry[] {
  const range = dueDateRange(options.reassessmentDate);
  return entries.flatMap((entry) => {
    if (!options.recommendedBefore.has(entry.actionId) || !options.stillInQuestionnaire.has(entry.actionId)) return [];
    const dueDate = entry.dueDate !== null && isWithin(entry.dueDate, range) ? entry.dueDate : null;
    if (entry.owner === null && dueDate === null && entry.status === null) return [];
    return [{ actionId: entry.actionId, owner: entry.owner, dueDate, status: entry.status }];
  });
}
