import type { Translate } from '../i18n/catalogue.js';
import { effectiveAnswers } from '../questionnaire/visibility.js';
import type { ActionPlanRepository } from '../repositories/actionPlanRepository.js';
import type { RecommendedAction, RiskRegister } from '../scoring/types.js';
import {
  calendarDateOf,
  DEFAULT_ACTION_STATUS,
  defaultDueDate,
  dueDateRange,
  mergeActionPlan,
  type ActionPlanDefaults,
  type ActionPlanEntry,
  type ActionStatus,
  type DueDateRange,
  type DueDays,
  type StoredActionPlanEntry,
} from './actionPlan.js';
import type { AssessmentState } from './assessmentService.js';
import { defaultOwnerFor } from './defaultOwner.js';

export type { ActionPlanEntry } from './actionPlan.js';

/**
 * What the user sent for one action. An absent value leaves what is stored; an empty owner or
 * due date goes back to the default. Values are already validated (see actionPlanForm.ts).
 */
export interface ActionPlanChange {
  actionId: string;
  owner?: string;
  dueDate?: string;
  status?: ActionStatus;
}

/** Null when the value is empty or the default, so the stored row keeps following the default. */
function unlessDefault<T extends string>(value: T | undefined, current: T | null, defaultValue: T): T | null {
  if (value === undefined) return current;
  return value === '' || value === defaultValue ? null : value;
}

/** The action plan of an assessment: defaults from its date, priorities and contacts, and the user's choices. */
export function createActionPlanService(repository: ActionPlanRepository, options: { dueDays: DueDays; t: Translate; clock?: () => Date }) {
  const clock = options.clock ?? (() => new Date());

  function assessmentDateOf(state: AssessmentState): Date {
    return new Date(state.assessment.createdAt);
  }

  function defaultsFor(state: AssessmentState): ActionPlanDefaults {
    const answers = effectiveAnswers(state.questionnaire, state.answers);
    return {
      assessmentDate: assessmentDateOf(state),
      dueDays: options.dueDays,
      ownerFor: (action) => defaultOwnerFor(action.pillar, answers, state.questionnaire.roles, options.t),
    };
  }

  function defaultsOf(state: AssessmentState, actions: readonly RecommendedAction[]): Map<string, { owner: string; dueDate: string }> {
    const defaults = defaultsFor(state);
    return new Map(
      actions.map((action) => [
        action.recommendationId,
        { owner: defaults.ownerFor(action), dueDate: defaultDueDate(defaults.assessmentDate, action.priority, defaults.dueDays) },
      ]),
    );
  }

  return {
    dueDays: options.dueDays,

    /** The date due dates count from: the UTC calendar date the assessment was started, YYYY-MM-DD. */
    assessmentDate(state: AssessmentState): string {
      return calendarDateOf(assessmentDateOf(state));
    },

    /** The due dates the form accepts: from the assessment date to five years later. */
    dueDateRange(state: AssessmentState): DueDateRange {
      return dueDateRange(assessmentDateOf(state));
    },

    /** The default owner and due date of each action, for the form to say what "empty" means. */
    defaultsOf,

    /** The plan for the register's actions, most urgent first: what the page shows and the report prints. */
    async actionPlanFor(state: AssessmentState, register: RiskRegister): Promise<ActionPlanEntry[]> {
      return mergeActionPlan(register.actions, await repository.load(state.assessment.id), defaultsFor(state));
    },

    /** Saves the changes to actions of the register in one transaction; changes to other ids are ignored. */
    async save(state: AssessmentState, register: RiskRegister, changes: readonly ActionPlanChange[]): Promise<void> {
      const defaults = defaultsOf(state, register.actions);
      const stored = new Map((await repository.load(state.assessment.id)).map((entry) => [entry.actionId, entry]));
      const entries: StoredActionPlanEntry[] = changes.flatMap((change) => {
        const fallback = defaults.get(change.actionId);
        if (!fallback) return [];
        const current = stored.get(change.actionId);
        return [
          {
            actionId: change.actionId,
            owner: unlessDefault(change.owner, current?.owner ?? null, fallback.owner),
            dueDate: unlessDefault(change.dueDate, current?.dueDate ?? null, fallback.dueDate),
            status: unlessDefault(change.status, current?.status ?? null, DEFAULT_ACTION_STATUS),
          },
        ];
      });
      // Nothing sent for any current action: nothing changed, so the assessment's revision stays.
      if (entries.length > 0) await repository.save(state.assessment.id, entries, clock().toISOString());
    },
  };
}

export type ActionPlanService = ReturnType<typeof createActionPlanService>;
