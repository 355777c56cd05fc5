import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { DatabaseSchema } from '../db/schema.js';
import type { Answers, AnswerValue, StoredAnswer } from '../questionnaire/types.js';

export type StoredSectionStatus = 'in_progress' | 'completed';

export interface AssessmentRecord {
  id: string;
  questionnaireVersion: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
}

export interface SectionSave {
  assessmentId: string;
  sectionId: string;
  /** The section's question ids: answers to these not in `answers` are removed (cleared by the user). */
  questionIds: readonly string[];
  answers: Readonly<Record<string, StoredAnswer>>;
  status: StoredSectionStatus;
  now: string;
  /** The section revision the user's page was rendered from. */
  expectedRevision: number;
}

export interface SectionProgress {
  status: StoredSectionStatus;
  revision: number;
}

export type SaveOutcome = 'saved' | 'conflict';

/** Thrown inside the transaction to roll it back when another save got there first. */
class StaleSectionError extends Error {}

function toRecord(row: { id: string; questionnaire_version: string; created_at: string; updated_at: string; revision: number }): AssessmentRecord {
  return {
    id: row.id,
    questionnaireVersion: row.questionnaire_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: Number(row.revision),
  };
}

/**
 * Moves the section from the expected revision to the next, or throws StaleSectionError. The
 * conditional UPDATE (and, for a first save, the primary key on INSERT) makes two saves racing
 * from the same page on SQLite or PostgreSQL end with exactly one winner.
 */
async function claimSectionRevision(trx: Transaction<DatabaseSchema>, save: SectionSave): Promise<void> {
  const progress = { status: save.status, updated_at: save.now };
  if (save.expectedRevision === 0) {
    const inserted = await trx
      .insertInto('section_progress')
      .values({ assessment_id: save.assessmentId, section_id: save.sectionId, ...progress, revision: 1 })
      .onConflict((oc) => oc.columns(['assessment_id', 'section_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) throw new StaleSectionError();
    return;
  }
  const updated = await trx
    .updateTable('section_progress')
    .set((eb) => ({ ...progress, revision: eb('revision', '+', 1) }))
    .where('assessment_id', '=', save.assessmentId)
    .where('section_id', '=', save.sectionId)
    .where('revision', '=', save.expectedRevision)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new StaleSectionError();
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite can), so a note carrying one would save on SQLite and
 * fail with a 500 on PostgreSQL. No browser puts NUL in a form field; drop it on both stores so
 * they store the same thing. (Answer values are JSON, where NUL is escaped, so they are unaffected.)
 */
function portableText(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

/** Storage of assessments, their answers and progress. Plain data in and out; portable SQL only. */
export function createAssessmentRepository(db: Db) {
  return {
    async create(input: { id: string; questionnaireVersion: string; tokenHash: string; now: string }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('assessments')
          .values({ id: input.id, questionnaire_version: input.questionnaireVersion, created_at: input.now, updated_at: input.now })
          .execute();
        await trx
          .insertInto('resume_tokens')
          .values({ token_hash: input.tokenHash, assessment_id: input.id, created_at: input.now })
          .execute();
      });
    },

    async addResumeToken(assessmentId: string, tokenHash: string, now: string): Promise<void> {
      await db.insertInto('resume_tokens').values({ token_hash: tokenHash, assessment_id: assessmentId, created_at: now }).execute();
    },

    async findIdByTokenHash(tokenHash: string): Promise<string | undefined> {
      const row = await db.selectFrom('resume_tokens').select('assessment_id').where('token_hash', '=', tokenHash).executeTakeFirst();
      return row?.assessment_id;
    },

    async findById(id: string): Promise<AssessmentRecord | undefined> {
      const row = await db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },

    async loadAnswers(assessmentId: string): Promise<Answers> {
      const rows = await db
        .selectFrom('answers')
        .select(['question_id', 'value_json', 'note'])
        .where('assessment_id', '=', assessmentId)
        .execute();
      const answers: Record<string, StoredAnswer> = {};
      for (const row of rows) {
        const value = JSON.parse(row.value_json) as AnswerValue;
        answers[row.question_id] = row.note === null ? { value } : { value, note: row.note };
      }
      return answers;
    },

    async loadProgress(assessmentId: string): Promise<Record<string, SectionProgress>> {
      const rows = await db
        .selectFrom('section_progress')
        .select(['section_id', 'status', 'revision'])
        .where('assessment_id', '=', assessmentId)
        .execute();
      return Object.fromEntries(rows.map((row) => [row.section_id, { status: row.status, revision: Number(row.revision) }]));
    },

    /**
     * Saves one section's answers and status in a single transaction, only if nobody saved the
     * section since the user's page was rendered (compare-and-set on the section revision).
     */
    async saveSection(save: SectionSave): Promise<SaveOutcome> {
      try {
        await db.transaction().execute(async (trx) => {
          await claimSectionRevision(trx, save);
          const cleared = save.questionIds.filter((id) => save.answers[id] === undefined);
          if (cleared.length > 0) {
            await trx
              .deleteFrom('answers')
              .where('assessment_id', '=', save.assessmentId)
              .where('question_id', 'in', cleared)
              .execute();
          }
          for (const [questionId, answer] of Object.entries(save.answers)) {
            const row = { value_json: JSON.stringify(answer.value), note: answer.note === undefined ? null : portableText(answer.note), updated_at: save.now };
            await trx
              .insertInto('answers')
              .values({ assessment_id: save.assessmentId, question_id: questionId, ...row })
              .onConflict((oc) => oc.columns(['assessment_id', 'question_id']).doUpdateSet(row))
              .execute();
          }
          await trx
            .updateTable('assessments')
            .set((eb) => ({ updated_at: save.now, revision: eb('revision', '+', 1) }))
            .where('id', '=', save.assessmentId)
            .execute();
        });
        return 'saved';
      } catch (error) {
        if (error instanceof StaleSectionError) return 'conflict';
        throw error;
      }
    },
  };
}

export type AssessmentRepository = ReturnType<typeof createAssessmentRepository>;
