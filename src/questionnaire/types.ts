/**
 * The shape of a questionnaire version. A questionnaire is data: sections, questions,
 * risk scenarios and recommendations, each with a stable id. Wording lives in the message
 * catalogue under keys derived from those ids (see `messageKeys.ts`), never here.
 */

import type { OnePagePlan } from './plans.js';

/** Answer values as stored: a single choice or text is a string, checkboxes are a list. */
export type AnswerValue = string | string[];

export interface StoredAnswer {
  value: AnswerValue;
  note?: string;
}

/** All answers of one assessment, keyed by question id. */
export type Answers = Readonly<Record<string, StoredAnswer>>;

export type QuestionType = 'text' | 'textarea' | 'email' | 'tel' | 'radio' | 'checkboxes';

/** A condition over earlier answers. Used to show sections, questions and scenarios. */
export type Condition =
  | { question: string; equals: string }
  | { question: string; oneOf: readonly string[] }
  | { question: string; includes: string }
  | { question: string; includesAny: readonly string[] }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

export type RiskFactor = 'likelihood' | 'impact';

/**
 * How one answer option moves risk. Exposure and dependency options *set a level* (1-5) for a
 * scenario's likelihood or impact: the highest level set wins. Control options *reduce* the
 * likelihood or impact by a number of steps.
 */
export type Effect =
  | { scenario: string; sets: RiskFactor; level: 1 | 2 | 3 | 4 | 5 }
  | { scenario: string; reduces: RiskFactor; by: 1 | 2 };

/**
 * How far a protective measure is in place, as one answer option says (questionnaire 2.0 on).
 * "unknown" scores exactly as "none" and also asks the business to find out; "not_applicable"
 * takes the measure out of the scenario's reckoning altogether.
 */
export type MeasureCredit = 'full' | 'partial' | 'none' | 'unknown' | 'not_applicable';

/** One scenario factor that a measure question treats, and how much it counts among the others. */
export interface MeasureTarget {
  scenario: string;
  factor: RiskFactor;
  /** Relative weight among the measures that treat the same scenario factor: 1 minor .. 3 key. */
  weight: 1 | 2 | 3;
}

export interface AnswerOption {
  value: string;
  /** A "none of these" style option: it cannot be combined with others (checkboxes). */
  exclusive?: boolean;
  effects?: readonly Effect[];
  /** On a measure question: how far the measure is in place when this option is chosen. */
  credit?: MeasureCredit;
  /**
   * "Don't know" on an exposure or dependency question (questionnaire 2.0 on): scored as the
   * worst level any other option of the question sets, and turned into a find-out action.
   */
  dontKnow?: boolean;
}

export interface Question {
  /** Stable id, also the form field name: lower case letters, digits and underscores. */
  id: string;
  type: QuestionType;
  required: boolean;
  /** Maximum characters for free-text answers. */
  maxLength?: number;
  options?: readonly AnswerOption[];
  /** Whether a free-text note may be added to the answer. */
  allowNote: boolean;
  /** Shown only when this holds over answers of *earlier* sections. */
  showIf?: Condition;
  /** Whether the question has a hint message in the catalogue. */
  hasHint?: boolean;
  /**
   * Set on a question that asks whether a protective measure is in place: the scenario factors
   * it treats. Its options carry a `credit`.
   */
  measure?: readonly MeasureTarget[];
  /**
   * The answer must come before the answer to this other question of the same section on the
   * options' order (a recovery time target shorter than the tolerable outage).
   */
  shorterThan?: string;
}

export type SectionKind = 'profile' | 'impact' | 'pillar' | 'exposure' | 'contacts';

export interface Section {
  id: string;
  kind: SectionKind;
  /** Shown in the task list only when this holds over the profile answers. */
  showIf?: Condition;
  questions: readonly Question[];
}

export interface Scenario {
  id: string;
  /** Level used when no answer sets one. */
  baseLikelihood: 1 | 2 | 3 | 4 | 5;
  baseImpact: 1 | 2 | 3 | 4 | 5;
  /** Scored only when this holds (e.g. border disruption only for cross-border businesses). */
  appliesIf?: Condition;
  /** Source ids (see `sources`) that the scenario's description draws on. */
  sources: readonly string[];
  /**
   * The most that measures can lower each factor, in levels, when every applicable measure is
   * fully in place (questionnaire 2.0 on; docs/SCORING.md explains each choice).
   */
  maxReduction?: Readonly<Record<RiskFactor, 0 | 1 | 2 | 3>>;
  /**
   * What the scenario takes away and for how long, as a planning assumption: a resource that
   * a critical activity may need (an option of the impact analysis's "needs" question) and a
   * duration on the impact analysis's scale.
   */
  disrupts?: readonly { resource: string; outage: string }[];
}

export interface Recommendation {
  id: string;
  /** The scenarios this action treats: its priority follows the worst of them. */
  treats: readonly string[];
  /** Recommended only when this holds, typically "the control is not in place". */
  recommendIf?: Condition;
  /** Which pillar of the article's practical tips the action belongs to. */
  pillar: string;
  /**
   * Measure questions this action puts in place (questionnaire 2.0 on): it is recommended when
   * any of them is partly or not in place, and never when all are in place or not applicable.
   */
  addresses?: readonly string[];
}

/** One critical activity of the business impact analysis: the ids of its questions. */
export interface CriticalActivityQuestions {
  name: string;
  tolerableOutage: string;
  recoveryTarget: string;
  needs: string;
  workaround: string;
}

/**
 * The business impact analysis (ISO 22301's vocabulary): the critical activities, how long
 * each can stop, what each needs. A scenario that takes away something an activity needs for
 * longer than the activity can stop is at least `stopImpact` in impact.
 */
export interface ImpactAnalysis {
  /** Durations, shortest first: option values shared by outage and recovery-target questions. */
  durations: readonly string[];
  activities: readonly CriticalActivityQuestions[];
  /** Workaround answers that keep the activity going without the lost resource. */
  workaroundsThatWork: readonly string[];
  stopImpact: 1 | 2 | 3 | 4 | 5;
}

/** Which question holds which fact the report and plans need, so no code names question ids. */
export interface RoleMap {
  companyName: string;
  preparedBy: string;
  countries: string;
  crisisLead: { name: string; phone: string };
  deputy: { name: string; phone: string };
  itLead: { name: string; phone: string };
  insurer: string;
  bank: string;
  keySuppliers: string;
}

export interface Source {
  id: string;
  /** Publication date as printed by the source (ISO 8601). */
  published?: string;
}

export interface Questionnaire {
  version: string;
  sections: readonly Section[];
  scenarios: readonly Scenario[];
  recommendations: readonly Recommendation[];
  sources: readonly Source[];
  roles: RoleMap;
  impactAnalysis?: ImpactAnalysis;
  /** One-page contingency plans by scenario id (2.0 on; 1.0's plans live in the report code). */
  plans?: Readonly<Record<string, OnePagePlan>>;
  /** Emergency numbers the plans print, by country, each from a named source. */
  emergencyNumbers?: readonly CountryEmergencyNumbers[];
}

/** A public emergency number and the source (a `sources` id) it is taken from. */
export interface EmergencyNumber {
  /** Catalogue key suffix naming the service: `<version>.emergency.<id>`. */
  id: string;
  number: string;
  source: string;
}

export interface CountryEmergencyNumbers {
  /** Option value of the countries question. */
  country: string;
  when: Condition;
  numbers: readonly EmergencyNumber[];
}
