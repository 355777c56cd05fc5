import type { Generated } from 'kysely';

/** Timestamps are ISO 8601 UTC strings: portable across SQLite and PostgreSQL and sortable as text. */
export interface AssessmentsTable {
  id: string;
  questionnaire_version: string;
  created_at: string;
  updated_at: string;
  /** Bumped on every save; lets a save detect that another one happened in between. */
  revision: Generated<number>;
  /** The firm whose assessment this is; null for an anonymous one. */
  organisation_id: string | null;
  /** The firm's client it assesses; null for an anonymous one. */
  client_id: string | null;
  created_by_user_id: string | null;
  /** The assessment this re-assessment started from. */
  previous_assessment_id: string | null;
  /** The overall rating when the results were last worked out (see summary_revision); null before results are ready. */
  summary_band: string | null;
  /** 1 when every relevant section was completed at summary_revision. */
  summary_ready: number | null;
  /** The revision the summary columns were worked out at; stale when it differs from revision. */
  summary_revision: number | null;
}

/** A consultant firm's client company. */
export interface ClientsTable {
  id: string;
  organisation_id: string;
  name: string;
  /** The name NFKC-normalised and lower-cased by Unicode rules, for search on both stores. */
  name_search: string;
  /** Where the client operates: Georgia, Azerbaijan or both. */
  country: 'GE' | 'AZ' | 'GE_AZ';
  sector: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: string;
  updated_at: string;
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

export type UserRole = 'admin' | 'consultant' | 'compliance';

/** A firm that uses RiskPlan with accounts. */
export interface OrganisationsTable {
  /** Random (crypto.randomUUID), never sequential. */
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  /** Random (crypto.randomUUID), never sequential. */
  id: string;
  organisation_id: string;
  /** Trimmed and lower-cased; unique. */
  email: string;
  display_name: string;
  role: UserRole;
  /** argon2id, PHC string; null until the user accepts an invitation. */
  password_hash: string | null;
  /** Set while the account is disabled: the user cannot sign in and their sessions end. */
  disabled_at: string | null;
  last_signed_in_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A one-time link to set a password. */
export interface InvitationsTable {
  /** SHA-256 of the secret in the link, hex. The secret itself is never stored. */
  token_hash: string;
  user_id: string;
  /** The admin who made the link; null once that user is gone. */
  created_by_user_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A read-only link to one assessment's results, handed by a consultant to their client. */
export interface ShareLinksTable {
  /** Random (crypto.randomUUID): names the link on the share page, never opens it. */
  id: string;
  /** SHA-256 of the secret in the link, hex. The secret itself is never stored. */
  token_hash: string;
  assessment_id: string;
  /** Who shared it; null once that user is gone. */
  created_by_user_id: string | null;
  created_at: string;
  /** The link opens nothing from this instant on. */
  expires_at: string;
  /** Set when the link was withdrawn; it opens nothing from then on. */
  revoked_at: string | null;
  revoked_by_user_id: string | null;
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

/** Where report numbers count from: an organisation's id, or "anonymous" for self-assessments. */
export type NumberingScope = string;

/** One counter per numbering scope and year: the last report number used. */
export interface ReportNumberCountersTable {
  scope: NumberingScope;
  year: number;
  last_number: number;
}

/** The register of issued reports. Append-only: the database refuses UPDATE and DELETE. */
export interface IssuedReportsTable {
  /** Random (crypto.randomUUID). */
  id: string;
  scope: NumberingScope;
  /** The firm that issued it; null for an anonymous self-assessment. */
  organisation_id: string | null;
  /** The assessment it was issued from (no foreign key: the record outlives an anonymous assessment). */
  assessment_id: string;
  client_id: string | null;
  /** The client's name when issued (a firm's report). */
  client_name: string | null;
  /** The assessed company's name as answered when issued. */
  company_name: string;
  /** RP-<year>-<six digits>, the same for every revision of one assessment's report. */
  report_number: string;
  /** 1 for the first issue, then 2, 3, … */
  revision: number;
  questionnaire_version: string;
  /** The language the PDF is in (a locale code, "en"). */
  language: string;
  /** The overall rating the report states; null when it states none. */
  overall_band: 'low' | 'medium' | 'high' | 'critical' | null;
  /** SHA-256 of the PDF bytes, lower-case hex. */
  pdf_sha256: string;
  pdf_size: number;
  /** SHA-256 of what the report was built from: issuing again with nothing changed gives this issue back. */
  content_fingerprint: string;
  issued_by_user_id: string | null;
  /** The issuer's name when issued, or the words for an anonymous holder of the resume link. */
  issued_by_name: string;
  issued_at: string;
}

/** An issued report's content. Never changed; deleted only after a recorded disposal. */
export interface IssuedReportContentsTable {
  report_id: string;
  /** The exact PDF bytes that were issued. */
  pdf: Buffer;
  /** The answers as they stood: { questionId: { value, note? } }. */
  answers_json: string;
}

/** A confirmed disposal of an issued report's content. Append-only. */
export interface ReportDisposalsTable {
  report_id: string;
  disposed_at: string;
  disposed_by_user_id: string | null;
  disposed_by_name: string;
}

/** A legal hold on every revision of a report number; in force while released_at is null. */
export interface LegalHoldsTable {
  id: string;
  scope: NumberingScope;
  report_number: string;
  reason: string;
  placed_by_user_id: string | null;
  placed_by_name: string;
  placed_at: string;
  released_by_user_id: string | null;
  released_by_name: string | null;
  released_at: string | null;
}

/** Who did what, when and from where. Append-only. */
export interface AuditLogTable {
  /** Random (crypto.randomUUID). */
  id: string;
  /** The firm whose record this is; null for events of anonymous assessments. */
  organisation_id: string | null;
  /** ISO 8601 with milliseconds. */
  at: string;
  /** One of AuditEvent (src/audit/auditEvents.ts). */
  event: string;
  actor_user_id: string | null;
  actor_name: string | null;
  /** The client address the request came from (after the configured proxies). */
  ip: string | null;
  /** What the event is about, in words a reader knows: a report number, an email, an assessment's client. */
  subject: string | null;
  /** A short JSON object with the event's particulars. */
  detail: string | null;
}

/** One change to one answer of an assessment. */
export interface AnswerChangesTable {
  id: string;
  assessment_id: string;
  question_id: string;
  /** The answer before, as JSON `{"value": ..., "note"?: ...}` (a StoredAnswer); null when there was none. */
  old_value_json: string | null;
  /** The answer after, in the same form; null when it was removed (cleared, or hidden by a changed answer). */
  new_value_json: string | null;
  changed_by_user_id: string | null;
  /** The user's name when changed; null for an anonymous assessment's holder. */
  changed_by_name: string | null;
  changed_at: string;
}

export interface DatabaseSchema {
  assessments: AssessmentsTable;
  clients: ClientsTable;
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
  organisations: OrganisationsTable;
  users: UsersTable;
  invitations: InvitationsTable;
  share_links: ShareLinksTable;
  organisation_branding: OrganisationBrandingTable;
  report_number_counters: ReportNumberCountersTable;
  issued_reports: IssuedReportsTable;
  issued_report_contents: IssuedReportContentsTable;
  report_disposals: ReportDisposalsTable;
  legal_holds: LegalHoldsTable;
  audit_log: AuditLogTable;
  answer_changes: AnswerChangesTable;
}
