import type { Generated } from 'kysely';

/** Timestamps are ISO 8601 UTC strings: portable across SQLite and PostgreSQL and sortable as text. */
export interface AssessmentsTable {
  id: string;
  questionnaire_version: string;
  created_at: string;
  updated_at: string;
  /** Bumped on every save; lets a save detect that another one happened in between. */
  revision: Generated<number>;
}

export interface ResumeTokensTable {
  /** SHA-256 of the resume secret, hex. The secret itself is never stored. */
  token_hash: string;
  assessment_id: string;
  created_at: string;
}

export interface AnswersTable {
  assessment_id: string;
  question_id: string;
  /** JSON: a string, or an array of strings for checkboxes. */
  value_json: string;
  note: string | null;
  updated_at: string;
}

export interface SectionProgressTable {
  assessment_id: string;
  section_id: string;
  status: 'in_progress' | 'completed';
  updated_at: string;
  /** How many times the section has been saved; 0 before the first save. */
  revision: Generated<number>;
}

export interface SessionsTable {
  sid: string;
  data: string;
  /** Milliseconds since the epoch. */
  expires_at: number | string;
}

/** One action of an assessment's action plan. Null owner, due date or status: the default applies. */
export interface ActionPlanEntriesTable {
  assessment_id: string;
  /** The action's id in the risk register (a recommendation id, or `find_out:<questionId>`); opaque, at most 120 characters. */
  action_id: string;
  /** At most 120 characters. */
  owner: string | null;
  /** Calendar date 'YYYY-MM-DD'. */
  due_date: string | null;
  status: 'to_do' | 'in_progress' | 'done' | null;
  updated_at: string;
}

/** The assessor's band for a scenario, with a written reason (src/scoring/judgement.ts). */
export interface RatingOverridesTable {
  assessment_id: string;
  scenario_id: string;
  band: 'low' | 'medium' | 'high' | 'critical';
  /** 1 to 1000 characters. */
  reason: string;
  /** The signed-in user who recorded it; null for an anonymous assessment. */
  recorded_by: string | null;
  recorded_at: string;
}

/** The assessor's wording of a recommended action for one assessment. */
export interface ActionRewordingsTable {
  assessment_id: string;
  /** The recommendation id. */
  action_id: string;
  /** 1 to 500 characters. */
  text: string;
  recorded_by: string | null;
  recorded_at: string;
}

/** The firm's own actions on an assessment. Null owner or due date: the default applies. */
export interface FirmActionsTable {
  /** A UUID. */
  id: string;
  assessment_id: string;
  /** 1 to 500 characters. */
  text: string;
  owner: string | null;
  due_date: string | null;
  /** 1 (most urgent) to 4, the scale of recommended actions. */
  priority: number;
  status: 'to_do' | 'in_progress' | 'done';
  /** JSON array of the scenario ids the action treats. */
  treats_json: string;
  recorded_by: string | null;
  recorded_at: string;
  updated_at: string;
}

/** rate-limiter-flexible's counters (its own layout): one row per limiter and client address. */
export interface RateLimitsTable {
  /** `<limiter>:<client address>`. */
  key: string;
  points: number;
  /** Milliseconds since the epoch when the window ends. */
  expire: number | string | null;
}

/** Rewritten by the readiness check to prove the database can be written (see writeProbe.ts). */
export interface WriteProbeTable {
  /** Row 1 is the probe; a second row is inserted and rolled back to prove the database can still grow. */
  id: number;
  checked_at: string;
  padding: string | null;
}

export interface DatabaseSchema {
  assessments: AssessmentsTable;
  resume_tokens: ResumeTokensTable;
  answers: AnswersTable;
  section_progress: SectionProgressTable;
  sessions: SessionsTable;
  action_plan_entries: ActionPlanEntriesTable;
  rating_overrides: RatingOverridesTable;
  action_rewordings: ActionRewordingsTable;
  firm_actions: FirmActionsTable;
  rate_limits: RateLimitsTable;
  write_probe: WriteProbeTable;
}
