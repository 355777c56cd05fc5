import type { Kysely, Migration, MigrationProvider } from 'kysely';

/**
 * Migrations are plain code kept in this one list so they ship inside the compiled app and run
 * on SQLite and PostgreSQL alike: only portable column types (text, integer, bigint).
 */
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
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

export const knownMigrationNames: ReadonlySet<string> = new Set(Object.keys(migrations));
