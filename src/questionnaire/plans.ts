import { conditionHolds } from './conditions.js';
import type { Answers, Condition } from './types.js';

/**
 * The contingency plans of a questionnaire version (2.0 on), as data: one page per scenario in
 * a fixed shape. Each step is a catalogue key and may hold only when a condition over the
 * answers holds, so the plan follows from the answers.
 */

/** People named in the contacts section (see the version's role map). */
export type PlanRole = 'crisisLead' | 'deputy' | 'itLead' | 'insurer' | 'bank' | 'keySuppliers';

export interface PlanStep {
  key: string;
  when?: Condition;
}

/** One line of "who tells whom": the teller's role, and a catalogue key for whom and how. */
export interface PlanMessage {
  who: PlanRole;
  whomKey: string;
  when?: Condition;
}

export interface OnePagePlan {
  trigger: string;
  firstHour: readonly PlanStep[];
  firstDay: readonly PlanStep[];
  firstWeek: readonly PlanStep[];
  /** Who does what, in this order; each role's duty is the key `<prefix>.duty.<role>`. */
  roles: readonly PlanRole[];
  tells: readonly PlanMessage[];
}

export function stepsThatApply(steps: readonly PlanStep[], answers: Answers): string[] {
  return steps.filter((step) => step.when === undefined || conditionHolds(step.when, answers)).map((step) => step.key);
}

export function messagesThatApply(messages: readonly PlanMessage[], answers: Answers): PlanMessage[] {
  return messages.filter((m) => m.when === undefined || conditionHolds(m.when, answers));
}
