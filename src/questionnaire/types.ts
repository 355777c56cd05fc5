/**
 * The shape of a questionnaire version. A questionnaire is data: sections, questions,
 * risk scenarios and recommendations, each with a stable id. Wording lives in the message
 * catalogue under keys derived from those ids (see `messageKeys.ts`), never here.
 */

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

export interface AnswerOption {
  value: string;
  /** A "none of these" style option: it cannot be combined with others (checkboxes). */
  exclusive?: boolean;
  effects?: readonly Effect[];
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
}

export type SectionKind = 'profile' | 'pillar' | 'exposure' | 'contacts';

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
}

export interface Recommendation {
  id: string;
  /** The scenarios this action treats: its priority follows the worst of them. */
  treats: readonly string[];
  /** Recommended only when this holds, typically "the control is not in place". */
  recommendIf?: Condition;
  /** Which pillar of the article's practical tips the action belongs to. */
  pillar: string;
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
}
