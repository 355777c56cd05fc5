import type { Db } from '../db/database.js';
import type { StoredAnswer } from '../questionnaire/types.js';
import type { StoredActionPlanEntry } from '../services/actionPlan.js';
import type { AssessmentOwner } from './assessmentRepository.js';

/** Everything a re-assessment starts with, written in one transaction. */
export interface NewReassessment {
  id: string;
  questionnaireVersion: string;
  owner: AssessmentOwner & { previousAssessmentId: string };
  now: string;
  /** Answers copied from the previous assessment. */
  answers: Readonly<Record<string, StoredAnswer>>;
  /** Sections holding copied answers: they start "in progress" for the consultant to confirm. */
  sectionsToConfirm: readonly string[];
  /** Owners, due dates and statuses carried over from the previous action plan. */
  actionPlan: readonly StoredActionPlanEntry[];
  /**
   * A re-assessment of the same assessment started at or after this instant is taken as the one
   * asked for (a double click, or a second tab): it is returned and nothing new is made.
   */
  reuseStartedSince: string;
}

export interface ReassessmentSummary {
  id: string;
  createdAt: string;
}

/**
 * Storage of re-assessments: the new assessment with its copied answers, section progress and
 * action plan, and the links between an assessment and the ones started from it.
 */
export function createReassessmentRepository(db: Db) {
  return {
    /**
     * Creates the re-assessment, or returns the one of the same assessment started since
     * `reuseStartedSince`. The first statement is a no-op update of the previous assessment's row:
     * it takes that row's lock on PostgreSQL (SQLite runs one transaction at a time anyway), so two
     * requests racing here are serialised and the second one sees the first one's row.
     */
    async create(input: NewReassessment): Promise<{ assessmentId: string; created: boolean }> {
      return db.transaction().execute(async (trx) => {
        const previousId = input.owner.previousAssessmentId;
        await trx
          .updateTable('assessments')
          .set((eb) => ({ previous_assessment_id: eb.ref('previous_assessment_id') }))
          .where('id', '=', previousId)
          .execute();
        const recent = await trx
          .selectFrom('assessments')
          .select('id')
          .where('client_id', '=', input.owner.clientId)
          .where('previous_assessment_id', '=', previousId)
          .where('created_at', '>=', input.reuseStartedSince)
          .orderBy('created_at', 'desc')
          .orderBy('id')
          .limit(1)
          .executeTakeFirst();
        if (recent) return { assessmentId: recent.id, created: false };

        await trx
          .insertInto('assessments')
          .values({
            id: input.id,
            questionnaire_version: input.questionnaireVersion,
            created_at: input.now,
            updated_at: input.now,
            organisation_id: input.owner.organisationId,
            client_id: input.owner.clientId,
            created_by_user_id: input.owner.createdByUserId,
            previous_assessment_id: previousId,
          })
          .execute();
        const answers = Object.entries(input.answers).map(([questionId, answer]) => ({
          assessment_id: input.id,
          question_id: questionId,
          value_json: JSON.stringify(answer.value),
          note: answer.note ?? null,
          updated_at: input.now,
        }));
        if (answers.length > 0) await trx.insertInto('answers').values(answers).execute();
        // Revision 1, as if saved once "for later": the section page carries it, and the first
        // save by the consultant moves it on. Its time is the assessment's own creation time,
        // which is how the task list tells a copied section nobody has confirmed yet.
        const progress = input.sectionsToConfirm.map((sectionId) => ({
          assessment_id: input.id,
          section_id: sectionId,
          status: 'in_progress' as const,
          updated_at: input.now,
          revision: 1,
        }));
        if (progress.length > 0) await trx.insertInto('section_progress').values(progress).execute();
        const plan = input.actionPlan.map((entry) => ({
          assessment_id: input.id,
          action_id: entry.actionId,
          owner: entry.owner,
          due_date: entry.dueDate,
          status: entry.status,
          updated_at: input.now,
        }));
        if (plan.length > 0) await trx.insertInto('action_plan_entries').values(plan).execute();
        return { assessmentId: input.id, created: true };
      });
    },

    /** The assessment this one was started from, if it is a re-assessment. */
    async previousOf(assessmentId: string): Promise<string | undefined> {
      const row = await db.selectFrom('assessments').select('previous_assessment_id').where('id', '=', assessmentId).executeTakeFirst();
      return row?.previous_assessment_id ?? undefined;
    },

    /** Re-assessments started from this assessment, oldest first. */
    async startedFrom(assessment: { id: string; clientId: string }): Promise<ReassessmentSummary[]> {
      const rows = await db
        .selectFrom('assessments')
        .select(['id', 'created_at'])
        .where('client_id', '=', assessment.clientId)
        .where('previous_assessment_id', '=', assessment.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({ id: row.id, createdAt: row.created_at }));
    },

    /** Sections that still hold answers copied at the start and have not been saved since. */
    async sectionsStillAsCopied(assessmentId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('section_progress as p')
        .innerJoin('assessments as a', 'a.id', 'p.assessment_id')
        .select('p.section_id')
        .where('p.assessment_id', '=', assessmentId)
        .where('p.status', '=', 'in_progress')
        .where('p.revision', '=', 1)
        .whereRef('p.updated_at', '=', 'a.created_at')
        .where('a.previous_assessment_id', 'is not', null)
        .execute();
      return rows.map((row) => row.section_id);
    },
  };
}

export type ReassessmentRepository = ReturnType<typeof createReassessmentRepository>;
