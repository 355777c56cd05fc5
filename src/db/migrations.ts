import { sql, SqliteAdapter, type ColumnDefinitionBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * Migrations are plain code kept in this one list so they ship inside the compiled app and run
 * on SQLite and PostgreSQL alike: only portable column types (text, integer, bigint).
 */
/** The tables nobody may change or delete from once written: the register and the audit log. */
const APPEND_ONLY_TABLES = ['issued_reports', 'report_disposals', 'audit_log'] as const;

/**
 * The database itself refuses changes to issued records, so neither a bug nor someone with SQL
 * access through the app changes history. Contents may only be deleted once their disposal is
 * recorded, and a disposal is refused while a legal hold on the report's number is in force.
 */
async function appendOnlyOnSqlite(db: Kysely<unknown>): Promise<void> {
  for (const table of APPEND_ONLY_TABLES) {
    for (const operation of ['update', 'delete']) {
      await sql
        .raw(`create trigger ${table}_no_${operation} before ${operation} on ${table} begin select raise(abort, '${table} is append-only: rows cannot be changed or deleted'); end`)
        .execute(db);
    }
  }
  await sql
    .raw(`create trigger issued_report_contents_no_update before update on issued_report_contents begin select raise(abort, 'issued_report_contents cannot be changed'); end`)
    .execute(db);
  await sql
    .raw(
      `create trigger issued_report_contents_delete_only_disposed before delete on issued_report_contents
       when not exists (select 1 from report_disposals where report_id = old.report_id)
       begin select raise(abort, 'issued_report_contents can only be deleted once their disposal is recorded'); end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger report_disposals_not_on_hold before insert on report_disposals
       when exists (select 1 from issued_reports r join legal_holds h on h.scope = r.scope and h.report_number = r.report_number
                    where r.id = new.report_id and h.released_at is null)
       begin select raise(abort, 'this report is under a legal hold and cannot be disposed of'); end`,
    )
    .execute(db);
}

async function appendOnlyOnPostgres(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create function riskplan_refuse_change() returns trigger language plpgsql as $$
       begin raise exception '% is append-only: rows cannot be changed or deleted', tg_table_name using errcode = 'insufficient_privilege'; end $$`,
    )
    .execute(db);
  for (const table of APPEND_ONLY_TABLES) {
    await sql.raw(`create trigger ${table}_no_change before update or delete on ${table} for each row execute function riskplan_refuse_change()`).execute(db);
    // Row triggers do not see TRUNCATE.
    await sql.raw(`create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function riskplan_refuse_change()`).execute(db);
  }
  await sql.raw(`create trigger issued_report_contents_no_update before update on issued_report_contents for each row execute function riskplan_refuse_change()`).execute(db);
  await sql.raw(`create trigger issued_report_contents_no_truncate before truncate on issued_report_contents for each statement execute function riskplan_refuse_change()`).execute(db);
  await sql
    .raw(
      `create function riskplan_contents_delete_only_disposed() returns trigger language plpgsql as $$
       begin
         if not exists (select 1 from report_disposals where report_id = old.report_id) then
           raise exception 'issued_report_contents can only be deleted once their disposal is recorded' using errcode = 'insufficient_privilege';
         end if;
         return old;
       end $$`,
    )
    .execute(db);
  await sql.raw(`create trigger issued_report_contents_delete_only_disposed before delete on issued_report_contents for each row execute function riskplan_contents_delete_only_disposed()`).execute(db);
  await sql
    .raw(
      `create function riskplan_disposal_not_on_hold() returns trigger language plpgsql as $$
       begin
         if exists (select 1 from issued_reports r join legal_holds h on h.scope = r.scope and h.report_number = r.report_number
                    where r.id = new.report_id and h.released_at is null) then
           raise exception 'this report is under a legal hold and cannot be disposed of' using errcode = 'insufficient_privilege';
         end if;
         return new;
       end $$`,
    )
    .execute(db);
  await sql.raw(`create trigger report_disposals_not_on_hold before insert on report_disposals for each row execute function riskplan_disposal_not_on_hold()`).execute(db);
}

const migrations: Record<string, Migration> = {
  '0001_assessments': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('assessments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('questionnaire_version', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('resume_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('answers')
        .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('value_json', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('answers_pk', ['assessment_id', 'question_id'])
        .execute();
      await db.schema
        .createTable('section_progress')
        .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
        .addColumn('section_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('section_progress_pk', ['assessment_id', 'section_id'])
        .execute();
      await db.schema.createIndex('resume_tokens_assessment').on('resume_tokens').column('assessment_id').execute();
    },
  },
  '0002_sessions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sessions')
        .addColumn('sid', 'text', (c) => c.primaryKey())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
    },
  },
  '0003_section_revision': {
    async up(db: Kysely<unknown>) {
      // Counts saves of a section, so a save made from a stale page is detected, not lost.
      await db.schema.alterTable('section_progress').addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  },
  '0004_action_plan_entries': {
    async up(db: Kysely<unknown>) {
      // What the user chose for each recommended action. Null owner, due date or status means "the
      // default", which is worked out when read. The checks hold on both stores: length() counts
      // characters on SQLite and PostgreSQL alike.
      await db.schema
        .createTable('action_plan_entries')
        .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
        .addColumn('action_id', 'text', (c) => c.notNull())
        .addColumn('owner', 'text')
        .addColumn('due_date', 'text')
        .addColumn('status', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('action_plan_entries_pk', ['assessment_id', 'action_id'])
        .addCheckConstraint('action_plan_entries_action_id_length', sql`length(action_id) between 1 and 120`)
        .addCheckConstraint('action_plan_entries_owner_length', sql`owner is null or length(owner) <= 120`)
        .addCheckConstraint('action_plan_entries_due_date_form', sql`due_date is null or length(due_date) = 10`)
        .addCheckConstraint('action_plan_entries_status', sql`status is null or status in ('to_do', 'in_progress', 'done')`)
        .execute();
    },
  },
  '0005_write_probe': {
    async up(db: Kysely<unknown>) {
      // One row that /healthz rewrites to prove the database accepts writes (a read says nothing
      // about a full disk or a read-only database).
      await db.schema
        .createTable('write_probe')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('checked_at', 'text', (c) => c.notNull())
        .addColumn('padding', 'text')
        .execute();
      await sql`insert into write_probe (id, checked_at) values (1, ${new Date().toISOString()})`.execute(db);
    },
  },
  '0006_rate_limits_and_retention': {
    async up(db: Kysely<unknown>) {
      // rate-limiter-flexible's table, with the columns its SQLite and PostgreSQL stores expect
      // (created here, not by the library, so it exists on every instance before the first request).
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'varchar(255)', (c) => c.primaryKey())
        .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('expire', 'bigint')
        .execute();
      // The clean-up deletes by these; without the indexes each run would read every row.
      await db.schema.createIndex('rate_limits_expire').on('rate_limits').column('expire').execute();
      await db.schema.createIndex('assessments_updated_at').on('assessments').column('updated_at').execute();
    },
  },
  '0007_accounts': {
    async up(db: Kysely<unknown>) {
      // Firms that use RiskPlan with accounts. Anonymous assessments belong to none.
      await db.schema
        .createTable('organisations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('organisations_name_length', sql`length(name) between 1 and 120`)
        .execute();
      // Emails are stored trimmed and lower-cased, so the unique index holds case-insensitively on
      // both stores. No password until the user accepts their invitation.
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('disabled_at', 'text')
        .addColumn('last_signed_in_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint('users_role', sql`role in ('admin', 'consultant', 'compliance')`)
        .addCheckConstraint('users_email_form', sql`length(email) between 3 and 254 and email = lower(trim(email))`)
        .addCheckConstraint('users_display_name_length', sql`length(display_name) between 1 and 120`)
        .execute();
      await db.schema.createIndex('users_organisation').on('users').column('organisation_id').execute();
      // One-time links that let an invited user set their password. Only the secret's hash is kept.
      await db.schema
        .createTable('invitations')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema.createIndex('invitations_user').on('invitations').column('user_id').execute();
    },
  },
  '0008_clients': {
    async up(db: Kysely<unknown>) {
      // A consultant firm's client companies. Ids are random: a guessed or sequential id finds nothing.
      await db.schema
        .createTable('clients')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        // The name as searches compare it (see searchableText): SQLite's lower() folds only ASCII.
        .addColumn('name_search', 'text', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('sector', 'text')
        .addColumn('contact_name', 'text')
        .addColumn('contact_email', 'text')
        .addColumn('contact_phone', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint('clients_name_length', sql`length(name) between 1 and 200`)
        .addCheckConstraint('clients_country', sql`country in ('GE', 'AZ', 'GE_AZ')`)
        .addCheckConstraint('clients_sector_length', sql`sector is null or length(sector) <= 120`)
        .addCheckConstraint('clients_contact_name_length', sql`contact_name is null or length(contact_name) <= 120`)
        .addCheckConstraint('clients_contact_email_length', sql`contact_email is null or length(contact_email) <= 254`)
        .addCheckConstraint('clients_contact_phone_length', sql`contact_phone is null or length(contact_phone) <= 40`)
        .execute();
      await db.schema.createIndex('clients_organisation_name').on('clients').columns(['organisation_id', 'name_search']).execute();
      // An assessment made by a firm belongs to the firm and one of its clients; an anonymous one
      // has neither. The summary columns hold the overall rating as of `summary_revision`, so
      // lists can filter and page by rating in SQL (refreshed when a list finds them stale).
      const assessmentColumns: [string, (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder][] = [
        ['organisation_id', (c) => c.references('organisations.id')],
        ['client_id', (c) => c.references('clients.id')],
        ['created_by_user_id', (c) => c.references('users.id')],
        ['previous_assessment_id', (c) => c],
        ['summary_band', (c) => c],
        ['summary_ready', (c) => c],
        ['summary_revision', (c) => c],
      ];
      for (const [name, build] of assessmentColumns) {
        const type = name === 'summary_ready' || name === 'summary_revision' ? 'integer' : 'text';
        await db.schema.alterTable('assessments').addColumn(name, type, build).execute();
      }
      await db.schema.createIndex('assessments_organisation_created').on('assessments').columns(['organisation_id', 'created_at']).execute();
      await db.schema.createIndex('assessments_client').on('assessments').column('client_id').execute();
    },
  },
  '0009_organisation_branding': {
    async up(db: Kysely<unknown>) {
      // The consultant firm's name and logo that an organisation's reports carry: one row per
      // organisation. The logo is the PNG that prepareLogo made, as base64 text, which both stores
      // keep alike. A logo is stored whole or not at all; the checks count characters on both
      // stores. coalesce: a comparison with null is unknown, and a check that is unknown passes.
      await db.schema
        .createTable('organisation_branding')
        .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
        .addColumn('firm_name', 'text', (c) => c.notNull())
        .addColumn('logo_png_base64', 'text')
        .addColumn('logo_mime', 'text')
        .addColumn('logo_width', 'integer')
        .addColumn('logo_height', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint('organisation_branding_firm_name_length', sql`length(firm_name) between 1 and 120`)
        .addCheckConstraint(
          'organisation_branding_logo_whole',
          sql`(logo_png_base64 is null and logo_mime is null and logo_width is null and logo_height is null)
            or (coalesce(length(logo_png_base64), 0) between 1 and 700000 and coalesce(logo_mime, '') = 'image/png'
              and coalesce(logo_width, 0) between 1 and 1200 and coalesce(logo_height, 0) between 1 and 1200)`,
        )
        .execute();
    },
  },
  '0010_assessor_judgement': {
    async up(db: Kysely<unknown>) {
      // The assessor's judgement, beside the calculation: their band for a scenario with a written
      // reason, their wording of a recommended action, and the firm's own actions. Each records
      // who (a signed-in user's id; null for an anonymous assessment) and when, and goes with its
      // assessment. The length checks hold on both stores (length() counts characters on each).
      await db.schema
        .createTable('rating_overrides')
        .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('band', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('rating_overrides_pk', ['assessment_id', 'scenario_id'])
        .addCheckConstraint('rating_overrides_scenario_id_length', sql`length(scenario_id) between 1 and 120`)
        .addCheckConstraint('rating_overrides_band', sql`band in ('low', 'medium', 'high', 'critical')`)
        .addCheckConstraint('rating_overrides_reason_length', sql`length(reason) between 1 and 1000`)
        .addCheckConstraint('rating_overrides_recorded_by_length', sql`recorded_by is null or length(recorded_by) <= 120`)
        .execute();
      await db.schema
        .createTable('action_rewordings')
        .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
        .addColumn('action_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('action_rewordings_pk', ['assessment_id', 'action_id'])
        .addCheckConstraint('action_rewordings_action_id_length', sql`length(action_id) between 1 and 120`)
        .addCheckConstraint('action_rewordings_text_length', sql`length(text) between 1 and 500`)
        .addCheckConstraint('action_rewordings_recorded_by_length', sql`recorded_by is null or length(recorded_by) <= 120`)
        .execute();
      await db.schema
        .createTable('firm_actions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('owner', 'text')
        .addColumn('due_date', 'text')
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        // JSON array of scenario ids.
        .addColumn('treats_json', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint('firm_actions_text_length', sql`length(text) between 1 and 500`)
        .addCheckConstraint('firm_actions_owner_length', sql`owner is null or length(owner) <= 120`)
        .addCheckConstraint('firm_actions_due_date_form', sql`due_date is null or length(due_date) = 10`)
        .addCheckConstraint('firm_actions_priority', sql`priority between 1 and 4`)
        .addCheckConstraint('firm_actions_status', sql`status in ('to_do', 'in_progress', 'done')`)
        .addCheckConstraint('firm_actions_treats_length', sql`length(treats_json) <= 2000`)
        .addCheckConstraint('firm_actions_recorded_by_length', sql`recorded_by is null or length(recorded_by) <= 120`)
        .execute();
      await db.schema.createIndex('firm_actions_assessment').on('firm_actions').columns(['assessment_id', 'recorded_at']).execute();
    },
  },
  '0011_share_links': {
    async up(db: Kysely<unknown>) {
      // Read-only links a consultant hands a client. Only the secret's SHA-256 is kept, so a copy
      // of the database opens nothing. A link is never deleted when withdrawn: the share page
      // keeps the record of who shared what and until when, and who withdrew it.
      await db.schema
        .createTable('share_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
        .addColumn('created_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      await db.schema.createIndex('share_links_assessment').on('share_links').columns(['assessment_id', 'created_at']).execute();
    },
  },

  '0012_issued_reports_and_audit': {
    async up(db: Kysely<unknown>) {
      // Report numbers: one counter per numbering scope (an organisation's id, or "anonymous") and
      // year. Taken in the same transaction as the issued report it numbers, so a number is used
      // exactly when its report is stored: no gaps, no repeats.
      await db.schema
        .createTable('report_number_counters')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last_number', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('report_number_counters_pk', ['scope', 'year'])
        .execute();
      // The register of issued reports: what was issued, when, by whom, on which questionnaire.
      // Append-only (triggers below). No foreign key to the assessment: an issued report outlives
      // an abandoned anonymous assessment's clean-up, so a PDF in hand can still be verified.
      await db.schema
        .createTable('issued_reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
        .addColumn('assessment_id', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text')
        .addColumn('client_name', 'text')
        .addColumn('company_name', 'text', (c) => c.notNull())
        .addColumn('report_number', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('questionnaire_version', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('overall_band', 'text')
        .addColumn('pdf_sha256', 'text', (c) => c.notNull())
        .addColumn('pdf_size', 'integer', (c) => c.notNull())
        .addColumn('content_fingerprint', 'text', (c) => c.notNull())
        .addColumn('issued_by_user_id', 'text')
        .addColumn('issued_by_name', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('issued_reports_number_revision', ['scope', 'report_number', 'revision'])
        .addCheckConstraint('issued_reports_number_form', sql`length(report_number) between 14 and 20`)
        .addCheckConstraint('issued_reports_revision', sql`revision >= 1`)
        .addCheckConstraint('issued_reports_sha256_form', sql`length(pdf_sha256) = 64`)
        .addCheckConstraint('issued_reports_band', sql`overall_band is null or overall_band in ('low', 'medium', 'high', 'critical')`)
        .execute();
      await db.schema.createIndex('issued_reports_sha256').on('issued_reports').column('pdf_sha256').execute();
      await db.schema.createIndex('issued_reports_scope_issued').on('issued_reports').columns(['scope', 'issued_at']).execute();
      await db.schema.createIndex('issued_reports_assessment').on('issued_reports').columns(['assessment_id', 'issued_at']).execute();
      // What an issued report holds: the exact PDF bytes and the answers as they stood. Kept apart
      // from the register so disposal can remove the content and keep the record that it existed.
      // Never changed; deleted only once a disposal is recorded for it (triggers below).
      await db.schema
        .createTable('issued_report_contents')
        .addColumn('report_id', 'text', (c) => c.primaryKey().references('issued_reports.id'))
        .addColumn('pdf', sql`bytea`, (c) => c.notNull())
        .addColumn('answers_json', 'text', (c) => c.notNull())
        .execute();
      // A disposal, confirmed by an admin once the retention period ended (or by the clean-up for
      // an anonymous assessment's issues). Append-only.
      await db.schema
        .createTable('report_disposals')
        .addColumn('report_id', 'text', (c) => c.primaryKey().references('issued_reports.id'))
        .addColumn('disposed_at', 'text', (c) => c.notNull())
        .addColumn('disposed_by_user_id', 'text')
        .addColumn('disposed_by_name', 'text', (c) => c.notNull())
        .execute();
      // A legal hold on a report number (every revision of it): while one is in force nothing of
      // that number is disposed of. Released, never deleted.
      await db.schema
        .createTable('legal_holds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('report_number', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('placed_by_user_id', 'text')
        .addColumn('placed_by_name', 'text', (c) => c.notNull())
        .addColumn('placed_at', 'text', (c) => c.notNull())
        .addColumn('released_by_user_id', 'text')
        .addColumn('released_by_name', 'text')
        .addColumn('released_at', 'text')
        .addCheckConstraint('legal_holds_reason_length', sql`length(reason) between 1 and 1000`)
        .execute();
      await db.schema.createIndex('legal_holds_number').on('legal_holds').columns(['scope', 'report_number']).execute();
      // Who did what, when and from where. Append-only. organisation_id is null for events of
      // anonymous assessments.
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('ip', 'text')
        .addColumn('subject', 'text')
        .addColumn('detail', 'text')
        .addCheckConstraint('audit_log_event_length', sql`length(event) between 1 and 60`)
        .addCheckConstraint('audit_log_subject_length', sql`subject is null or length(subject) <= 300`)
        .addCheckConstraint('audit_log_detail_length', sql`detail is null or length(detail) <= 2000`)
        .addCheckConstraint('audit_log_ip_length', sql`ip is null or length(ip) <= 64`)
        .execute();
      await db.schema.createIndex('audit_log_organisation_at').on('audit_log').columns(['organisation_id', 'at']).execute();
      // Every change to an assessment's answers: who, when, the value before and after (JSON;
      // null when there was none). Goes with its assessment.
      await db.schema
        .createTable('answer_changes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('old_value_json', 'text')
        .addColumn('new_value_json', 'text')
        .addColumn('changed_by_user_id', 'text')
        .addColumn('changed_by_name', 'text')
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('answer_changes_assessment').on('answer_changes').columns(['assessment_id', 'changed_at']).execute();
      if (db.getExecutor().adapter instanceof SqliteAdapter) await appendOnlyOnSqlite(db);
      else await appendOnlyOnPostgres(db);
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

export const knownMigrationNames: ReadonlySet<string> = new Set(Object.keys(migrations));
