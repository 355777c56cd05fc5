import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { DatabaseSchema } from '../db/schema.js';
import type { Answers, StoredAnswer } from '../questionnaire/types.js';

/**
 * The history of an assessment's answers (table answer_changes): one row for each answer a save
 * actually changed, written in the save's own transaction. Each side is a stored answer (its value
 * and note) as JSON, null where there was no answer.
 */

/** Who made a change; null for an anonymous assessment (whoever holds its resume link). */
export interface ChangedBy {
  userId: string;
  name: string;
}

/** One answer a save changed: what it was and what it became (undefined: no answer). */
export interface AnswerChange {
  questionId: string;
  before?: StoredAnswer;
  after?: StoredAnswer;
}

/** A row of the history as the page reads it. */
export interface AnswerHistoryEntry {
  questionId: string;
  before?: StoredAnswer;
  after?: StoredAnswer;
  changedBy?: ChangedBy;
  changedAt: string;
}

function answerJson(answer: StoredAnswer | undefined): string | null {
  if (answer === undefined) return null;
  return JSON.stringify(answer.note === undefined ? { value: answer.value } : { value: answer.value, note: answer.note });
}

function answerOf(json: string | null): StoredAnswer | undefined {
  return json === null ? undefined : (JSON.parse(json) as StoredAnswer);
}

/**
 * The answers among `questionIds` whose value or note differs between `before` and `after`, in
 * the order of `questionIds`. Compared as the JSON they are stored as, so an answer sent again
 * unchanged is no change.
 */
export function changedAnswers(questionIds: readonly string[], before: Answers, after: Answers): AnswerChange[] {
  const changes: AnswerChange[] = [];
  for (const questionId of questionIds) {
    const old = before[questionId];
    const next = after[questionId];
    if (answerJson(old) === answerJson(next)) continue;
    changes.push({ questionId, ...(old === undefined ? {} : { before: old }), ...(next === undefined ? {} : { after: next }) });
  }
  return changes;
}

/**
 * A row id: the save's key (its timestamp and this process's monotonic clock), then the row's
 * place in the save (the section's question order), then a random part that keeps ids of
 * concurrent saves in different processes apart. Two saves of one assessment can share a
 * millisecond (on a fast machine they did): the key still says which came last, so the page and
 * the bound order by the key (newest first), then by place (see HISTORY_ORDER).
 */
function changeId(changedAt: string, saveOrder: bigint, index: number): string {
  return `${changedAt}-${saveOrder.toString().padStart(20, '0')}-${String(index).padStart(4, '0')}-${randomUUID()}`;
}

/** Characters of an id that make its save's key: a 24-character ISO timestamp, '-', 20 digits. */
const SAVE_KEY_LENGTH = 45;

/** An id's save key, for ordering: newest save first (desc), then one save's rows by id (asc) in question order. */
const saveKeyOfId = sql<string>`substr(id, 1, ${sql.lit(SAVE_KEY_LENGTH)})`;

/** Far above any offset the bound needs; SQLite takes OFFSET only after a LIMIT. */
const NO_LIMIT = 1_000_000_000;

export interface RecordedChanges {
  assessmentId: string;
  changes: readonly AnswerChange[];
  changedBy: ChangedBy | null;
  changedAt: string;
  /** Keep only this many newest rows of the assessment (an anonymous one); undefined keeps all. */
  keepAtMost?: number | undefined;
}

/**
 * Writes the changes of one save inside its transaction, in one statement, and, when the
 * assessment's history is bounded, deletes its rows beyond the newest `keepAtMost`. Nothing at
 * all when nothing changed.
 */
export async function recordAnswerChanges(trx: Transaction<DatabaseSchema>, recorded: RecordedChanges): Promise<void> {
  if (recorded.changes.length === 0) return;
  const saveOrder = process.hrtime.bigint();
  const rows = recorded.changes.map((change, index) => ({
    id: changeId(recorded.changedAt, saveOrder, index),
    assessment_id: recorded.assessmentId,
    question_id: change.questionId,
    old_value_json: answerJson(change.before),
    new_value_json: answerJson(change.after),
    changed_by_user_id: recorded.changedBy?.userId ?? null,
    changed_by_name: recorded.changedBy?.name ?? null,
    changed_at: recorded.changedAt,
  }));
  await trx.insertInto('answer_changes').values(rows).execute();
  if (recorded.keepAtMost === undefined) return;
  // The history's own order (newest first), so what goes is exactly what the last page would list.
  await trx
    .deleteFrom('answer_changes')
    .where('assessment_id', '=', recorded.assessmentId)
    .where(
      'id',
      'in',
      trx
        .selectFrom('answer_changes')
        .select('id')
        .where('assessment_id', '=', recorded.assessmentId)
        .orderBy(saveKeyOfId, 'desc')
        .orderBy('id', 'asc')
        .limit(NO_LIMIT)
        .offset(recorded.keepAtMost),
    )
    .execute();
}

/** Reads an assessment's history for its page. */
export function createAnswerHistoryRepository(db: Db) {
  return {
    /** A page of the assessment's changes, newest first (one save's changes in question order). */
    async page(assessmentId: string, window: { offset: number; limit: number }): Promise<{ entries: AnswerHistoryEntry[]; total: number }> {
      const ofAssessment = db.selectFrom('answer_changes').where('assessment_id', '=', assessmentId);
      const [rows, count] = await Promise.all([
        ofAssessment.selectAll().orderBy(saveKeyOfId, 'desc').orderBy('id', 'asc').offset(window.offset).limit(window.limit).execute(),
        ofAssessment.select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const entries = rows.map((row): AnswerHistoryEntry => {
        const before = answerOf(row.old_value_json);
        const after = answerOf(row.new_value_json);
        return {
          questionId: row.question_id,
          ...(before === undefined ? {} : { before }),
          ...(after === undefined ? {} : { after }),
          ...(row.changed_by_user_id === null ? {} : { changedBy: { userId: row.changed_by_user_id, name: row.changed_by_name ?? '' } }),
          changedAt: row.changed_at,
        };
      });
      return { entries, total: Number(count.n) };
    },
  };
}

export type AnswerHistoryRepository = ReturnType<typeof createAnswerHistoryRepository>;
