import type { Db } from '../db/database.js';
import type { StoredActionPlanEntry } from '../services/actionPlan.js';

/** Storage of the owners, due dates and statuses chosen for an assessment's actions. Plain data in and out; portable SQL only. */
export function createActionPlanRepository(db: Db) {
  return {
    async load(assessmentId: string): Promise<StoredActionPlanEntry[]> {
      const rows = await db
        .selectFrom('action_plan_entries')
        .select(['action_id', 'owner', 'due_date', 'status'])
        .where('assessment_id', '=', assessmentId)
        .orderBy('action_id')
        .execute();
      return rows.map((row) => ({ actionId: row.action_id, owner: row.owner, dueDate: row.due_date, status: row.status }));
    },

    /**
     * Writes every entry in one transaction (all or none), and counts the change as a save of the
     * assessment: its revision and last-save time move on, so a report issued from it differs too.
     */
    async save(assessmentId: string, entries: readonly StoredActionPlanEntry[], now: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (const entry of entries) {
          const row = { owner: entry.owner, due_date: entry.dueDate, status: entry.status, updated_at: now };
          await trx
            .insertInto('action_plan_entries')
            .values({ assessment_id: assessmentId, action_id: entry.actionId, ...row })
            .onConflict((oc) => oc.columns(['assessment_id', 'action_id']).doUpdateSet(row))
            .execute();
        }
        await trx
          .updateTable('assessments')
          .set((eb) => ({ updated_at: now, revision: eb('revision', '+', 1) }))
          .where('id', '=', assessmentId)
          .execute();
      });
    },
  };
}

export type ActionPlanRepository = ReturnType<typeof createActionPlanRepository>;
