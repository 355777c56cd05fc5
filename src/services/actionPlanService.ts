import type { Translate } from '../i18n/catalogue.js';
import { effectiveAnswers } from '../questionnaire/visibility.js';
import type { ActionPlanRepository } from '../repositories/actionPlanRepository.js';
import { actionText, standardActionText } from '../presenters/actionWording.js';
import { actionsInPlanOrder, type PlanItem, type StoredFirmAction } from '../scoring/judgement.js';
import type { Band, Priority, RecommendedAction, RiskRegister } from '../scoring/types.js';
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
 * One line of the action plan as every consumer shows it (the action plan page, the report, the
 * exports): a recommended action or one of the firm's own, worded, with its priority, owner, due
 * date and status. `actionPlanFor` lists them most urgent first.
 */
export interface ActionPlanItem extends ActionPlanEntry {
  /** 'recommended': an action of the register (`actionId` is its recommendation id); 'firm': one of the firm's own (`actionId` is its id). */
  source: 'recommended' | 'firm';
  /** The words shown: the assessor's wording, the firm's own text, or the standard text. */
  text: string;
  /** For a recommended action the assessor reworded: the standard text it replaces. */
  standardText?: string;
  priority: Priority;
  /** The band whose colour the priority takes. */
  band: Band;
  /** Applicable scenario ids the action treats. */
  treats: readonly string[];
  /** For a recommended action whose priority an assessor's rating moved: the calculated priority. */
  calculatedPriority?: Priority;
}

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

/** A firm's own action as a plan entry: its stored owner and due date, else the defaults of its priority. */
function firmEntry(stored: StoredFirmAction | undefined, item: PlanItem, defaults: ActionPlanDefaults): ActionPlanEntry | undefined {
  if (!stored) return undefined;
  return {
    actionId: stored.id,
    owner: stored.owner ?? defaults.ownerFor({ recommendationId: stored.id, pillar: FIRM_ACTION_PILLAR, priority: item.priority }),
    dueDate: stored.dueDate ?? defaultDueDate(defaults.assessmentDate, item.priority, defaults.dueDays),
    status: stored.status,
    ownerIsDefault: stored.owner === null,
    dueDateIsDefault: stored.dueDate === null,
    statusIsDefault: false,
  };
}

/** The firm's own actions belong to no pillar: the crisis lead owns them until someone is named. */
const FIRM_ACTION_PILLAR = 'firm';

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

    /** What an empty owner of the firm's own action means, and a due date to give as an example. */
    firmActionDefaults(state: AssessmentState): { owner: string; exampleDueDate: string } {
      const defaults = defaultsFor(state);
      return {
        owner: defaults.ownerFor({ recommendationId: '', pillar: FIRM_ACTION_PILLAR, priority: 3 }),
        exampleDueDate: defaultDueDate(defaults.assessmentDate, 3, defaults.dueDays),
      };
    },

    /**
     * The whole plan, most urgent first: the register's actions with the owners, due dates and
     * statuses chosen for them, and the firm's own actions, each worded as it is shown.
     */
    async actionPlanFor(state: AssessmentState, register: RiskRegister): Promise<ActionPlanItem[]> {
      const defaults = defaultsFor(state);
      const recommended = new Map(
        mergeActionPlan(register.actions, await repository.load(state.assessment.id), defaults).map((entry) => [entry.actionId, entry]),
      );
      const firm = new Map(state.judgement.firmActions.map((action) => [action.id, action]));
      const version = state.questionnaire.version;
      return actionsInPlanOrder(register).flatMap((item): ActionPlanItem[] => {
        const entry = item.kind === 'recommended' ? recommended.get(item.id) : firmEntry(firm.get(item.id), item, defaults);
        if (!entry) return [];
        const reworded = item.kind === 'recommended' && item.action.rewording !== undefined;
        const calculated = item.kind === 'recommended' ? item.action.calculated : undefined;
        return [
          {
            ...entry,
            source: item.kind,
            text: actionText(options.t, version, item),
            ...(reworded ? { standardText: standardActionText(options.t, version, item.id) } : {}),
            priority: item.priority,
            band: item.band,
            treats: item.treats,
            ...(calculated ? { calculatedPriority: calculated.priority } : {}),
          },
        ];
      });
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
