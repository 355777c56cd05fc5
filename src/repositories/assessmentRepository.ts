import { sql, type CompiledQuery, type Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { DatabaseSchema } from '../db/schema.js';
import type { Answers, AnswerValue, StoredAnswer } from '../questionnaire/types.js';
import { changedAnswers, recordAnswerChanges, type ChangedBy } from './answerHistoryRepository.js';
import { bindPlaceholders, placeholder } from './compiledQuery.js';

export type StoredSectionStatus = 'in_progress' | 'completed';

export interface AssessmentRecord {
  id: string;
  questionnaireVersion: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
  /** The firm it belongs to and the client it assesses; both undefined for an anonymous assessment. */
  organisationId?: string;
  clientId?: string;
}

/** Who an assessment made by a firm belongs to. */
export interface AssessmentOwner {
  organisationId: string;
  clientId: string;
  createdByUserId: string;
  previousAssessmentId?: string;
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
  /**
   * The assessment's answers as read at `expectedRevision`: what the history records as the old
   * values. Right whenever the save wins, since the revision claim fails if the section was saved
   * since (the caller makes sure it read them at that revision).
   */
  previous: Answers;
  /** Who saves, for the history; null for an anonymous assessment. */
  changedBy: ChangedBy | null;
  /** Keep only this many newest history rows of the assessment (an anonymous one); undefined keeps all. */
  keepHistoryAtMost?: number | undefined;
}

export interface SectionProgress {
  status: StoredSectionStatus;
  revision: number;
}

export type SaveOutcome = 'saved' | 'conflict';

/** Everything a page of the walk needs about one assessment. */
export interface StoredAssessment {
  record: AssessmentRecord;
  answers: Answers;
  progress: Record<string, SectionProgress>;
}

/** One row of the combined read: which table it came from and its columns, in a shape all three share. */
interface CombinedRow {
  kind: 'assessment' | 'answer' | 'progress';
  key: string;
  text: string;
  extra: string | null;
  revision: number | string | null;
  organisation: string | null;
  client: string | null;
}

/** Stands for the assessment id while the combined read is compiled once, replaced at each execution. */
const ASSESSMENT_ID = placeholder('assessmentId');

/**
 * The assessment, its answers and its section progress in one statement (UNION ALL of three
 * indexed reads) instead of three: every page of the walk starts with it. Built and compiled by
 * kysely once; each call only swaps the id into the parameters.
 */
function compileCombinedRead(db: Db): CompiledQuery<CombinedRow> {
  const assessment = db
    .selectFrom('assessments')
    .select([
      sql<'assessment'>`'assessment'`.as('kind'),
      'questionnaire_version as key',
      'created_at as text',
      'updated_at as extra',
      'revision',
      'organisation_id as organisation',
      'client_id as client',
    ])
    .where('id', '=', ASSESSMENT_ID)
    .$castTo<CombinedRow>();
  const answers = db
    .selectFrom('answers')
    .select([
      sql<'answer'>`'answer'`.as('kind'),
      'question_id as key',
      'value_json as text',
      'note as extra',
      sql<null>`null`.as('revision'),
      sql<null>`null`.as('organisation'),
      sql<null>`null`.as('client'),
    ])
    .where('assessment_id', '=', ASSESSMENT_ID)
    .$castTo<CombinedRow>();
  const progress = db
    .selectFrom('section_progress')
    .select([
      sql<'progress'>`'progress'`.as('kind'),
      'section_id as key',
      'status as text',
      sql<null>`null`.as('extra'),
      'revision',
      sql<null>`null`.as('organisation'),
      sql<null>`null`.as('client'),
    ])
    .where('assessment_id', '=', ASSESSMENT_ID)
    .$castTo<CombinedRow>();
  return assessment.unionAll(answers).unionAll(progress).compile();
}

function storedAssessmentOf(id: string, rows: readonly CombinedRow[]): StoredAssessment | undefined {
  let record: AssessmentRecord | undefined;
  const answers: Record<string, StoredAnswer> = {};
  const progress: Record<string, SectionProgress> = {};
  for (const row of rows) {
    if (row.kind === 'assessment') {
      record = {
        id,
        questionnaireVersion: row.key,
        createdAt: row.text,
        updatedAt: row.extra ?? row.text,
        revision: Number(row.revision),
        ...(row.organisation === null ? {} : { organisationId: row.organisation }),
        ...(row.client === null ? {} : { clientId: row.client }),
      };
    } else if (row.kind === 'answer') {
      const value = JSON.parse(row.text) as AnswerValue;
      answers[row.key] = row.extra === null ? { value } : { value, note: row.extra };
    } else {
      progress[row.key] = { status: row.text as StoredSectionStatus, revision: Number(row.revision) };
    }
  }
  return record ? { record, answers, progress } : undefined;
}

/** A placeholder where kysely's types want a number; the number replaces it at each execution. */
const numberPlaceholder = (name: string) => placeholder(name) as unknown as number;

/**
 * The statements of a section save whose shape never changes, built and compiled once (see
 * compiledQuery.ts): the revision claim (an insert for a first save, a conditional update after)
 * and the assessment's own update.
 */
function compileSaveStatements(db: Db) {
  const progress = { status: placeholder('status') as StoredSectionStatus, updated_at: placeholder('now') };
  return {
    claimFirstRevision: db
      .insertInto('section_progress')
      .values({ assessment_id: placeholder('assessmentId'), section_id: placeholder('sectionId'), ...progress, revision: 1 })
      .onConflict((oc) => oc.columns(['assessment_id', 'section_id']).doNothing())
      .compile(),
    claimNextRevision: db
      .updateTable('section_progress')
      .set((eb) => ({ ...progress, revision: eb('revision', '+', 1) }))
      .where('assessment_id', '=', placeholder('assessmentId'))
      .where('section_id', '=', placeholder('sectionId'))
      .where('revision', '=', numberPlaceholder('expectedRevision'))
      .compile(),
    touchAssessment: db
      .updateTable('assessments')
      .set((eb) => ({ updated_at: placeholder('now'), revision: eb('revision', '+', 1) }))
      .where('id', '=', placeholder('assessmentId'))
      .compile(),
  };
}

type SaveStatements = ReturnType<typeof compileSaveStatements>;

/** Thrown inside the transaction to roll it back when another save got there first. */
class StaleSectionError extends Error {}

/**
 * Moves the section from the expected revision to the next, or throws StaleSectionError. The
 * conditional UPDATE (and, for a first save, the primary key on INSERT) makes two saves racing
 * from the same page on SQLite or PostgreSQL end with exactly one winner.
 */
async function claimSectionRevision(trx: Transaction<DatabaseSchema>, statements: SaveStatements, save: SectionSave): Promise<void> {
  const values = { assessmentId: save.assessmentId, sectionId: save.sectionId, status: save.status, now: save.now, expectedRevision: save.expectedRevision };
  const claim = save.expectedRevision === 0 ? statements.claimFirstRevision : statements.claimNextRevision;
  const { numAffectedRows } = await trx.executeQuery(bindPlaceholders(claim, values));
  if (Number(numAffectedRows ?? 0n) !== 1) throw new StaleSectionError();
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite can), so a note carrying one would save on SQLite and
 * fail with a 500 on PostgreSQL. No browser puts NUL in a form field; drop it on both stores so
 * they store the same thing. (Answer values are JSON, where NUL is escaped, so they are unaffected.)
 */
function portableText(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

/** The answers as they will be stored (a note without NUL), so the history compares like with like. */
function storedForm(answers: Readonly<Record<string, StoredAnswer>>): Record<string, StoredAnswer> {
  const stored: Record<string, StoredAnswer> = {};
  for (const [questionId, answer] of Object.entries(answers)) {
    stored[questionId] = answer.note === undefined ? answer : { value: answer.value, note: portableText(answer.note) };
  }
  return stored;
}

/** Storage of assessments, their answers and progress. Plain data in and out; portable SQL only. */
export function createAssessmentRepository(db: Db) {
  const combinedRead = compileCombinedRead(db);
  const saveStatements = compileSaveStatements(db);
  return {
    /** An anonymous assessment comes with a resume link (its token's hash); a firm's with its owner. */
    async create(input: { id: string; questionnaireVersion: string; now: string } & ({ tokenHash: string } | { owner: AssessmentOwner })): Promise<void> {
      const owner =
        'owner' in input
          ? {
              organisation_id: input.owner.organisationId,
              client_id: input.owner.clientId,
              created_by_user_id: input.owner.createdByUserId,
              previous_assessment_id: input.owner.previousAssessmentId ?? null,
            }
          : {};
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('assessments')
          .values({ id: input.id, questionnaire_version: input.questionnaireVersion, created_at: input.now, updated_at: input.now, ...owner })
          .execute();
        if ('tokenHash' in input) {
          await trx
            .insertInto('resume_tokens')
            .values({ token_hash: input.tokenHash, assessment_id: input.id, created_at: input.now })
            .execute();
        }
      });
    },

    async addResumeToken(assessmentId: string, tokenHash: string, now: string): Promise<void> {
      await db.insertInto('resume_tokens').values({ token_hash: tokenHash, assessment_id: assessmentId, created_at: now }).execute();
    },

    async findIdByTokenHash(tokenHash: string): Promise<string | undefined> {
      const row = await db.selectFrom('resume_tokens').select('assessment_id').where('token_hash', '=', tokenHash).executeTakeFirst();
      return row?.assessment_id;
    },

    /** The assessment with its answers and progress, read in one statement; undefined when there is none. */
    async load(id: string): Promise<StoredAssessment | undefined> {
      const { rows } = await db.executeQuery(bindPlaceholders(combinedRead, { assessmentId: id }));
      return storedAssessmentOf(id, rows);
    },

    /**
     * Saves one section's answers and status in a single transaction, only if nobody saved the
     * section since the user's page was rendered (compare-and-set on the section revision).
     */
    async saveSection(save: SectionSave): Promise<SaveOutcome> {
      try {
        await db.transaction().execute(async (trx) => {
          await claimSectionRevision(trx, saveStatements, save);
          const cleared = save.questionIds.filter((id) => save.answers[id] === undefined);
          if (cleared.length > 0) {
            await trx
              .deleteFrom('answers')
              .where('assessment_id', '=', save.assessmentId)
              .where('question_id', 'in', cleared)
              .execute();
          }
          const stored = storedForm(save.answers);
          const rows = Object.entries(stored).map(([questionId, answer]) => ({
            assessment_id: save.assessmentId,
            question_id: questionId,
            value_json: JSON.stringify(answer.value),
            note: answer.note ?? null,
            updated_at: save.now,
          }));
          if (rows.length > 0) {
            // One statement for the whole section, not one per answer.
            await trx
              .insertInto('answers')
              .values(rows)
              .onConflict((oc) =>
                oc.columns(['assessment_id', 'question_id']).doUpdateSet((eb) => ({
                  value_json: eb.ref('excluded.value_json'),
                  note: eb.ref('excluded.note'),
                  updated_at: eb.ref('excluded.updated_at'),
                })),
              )
              .execute();
          }
          // Compared in memory with the answers read with the revision: no read per question.
          await recordAnswerChanges(trx, {
            assessmentId: save.assessmentId,
            changes: changedAnswers(save.questionIds, save.previous, stored),
            changedBy: save.changedBy,
            changedAt: save.now,
            keepAtMost: save.keepHistoryAtMost,
          });
          await trx.executeQuery(bindPlaceholders(saveStatements.touchAssessment, { now: save.now, assessmentId: save.assessmentId }));
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
