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

/** An organisation's consultant firm name and logo, printed on its reports (see src/branding/). */
export interface OrganisationBrandingTable {
  organisation_id: string;
  /** 1 to 120 characters. */
  firm_name: string;
  /** A PNG made by prepareLogo (8-bit RGB, no alpha, no metadata), base64. The four logo columns are all set or all null. */
  logo_png_base64: string | null;
  logo_mime: 'image/png' | null;
  logo_width: number | null;
  logo_height: number | null;
  updated_at: string;
}

export interface DatabaseSchema {
  assessments: AssessmentsTable;
  resume_tokens: ResumeTokensTable;
  answers: AnswersTable;
  section_progress: SectionProgressTable;
  sessions: SessionsTable;
  action_plan_entries: ActionPlanEntriesTable;
  rate_limits: RateLimitsTable;
  write_probe: WriteProbeTable;
  organisation_branding: OrganisationBrandingTable;
}
