import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { DatabaseSchema } from '../db/schema.js';
import type { ActionRewording, AssessmentJudgement, RatingOverride, StoredFirmAction } from '../scoring/judgement.js';
import type { Band, Priority } from '../scoring/types.js';
import type { ActionStatus } from '../services/actionPlan.js';

/**
 * Storage of the assessor's judgement: rating overrides, action rewordings and the firm's own
 * actions. Plain data in and out; portable SQL only. Every write also counts as a save of the
 * assessment (its revision and last-save time move on), so a report issued after it has a new id.
 */

function treatsOf(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}

async function touchAssessment(trx: Transaction<DatabaseSchema>, assessmentId: string, now: string): Promise<void> {
  await trx
    .updateTable('assessments')
    .set((eb) => ({ updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', assessmentId)
    .execute();
}

/** The columns of a firm action that a change writes. */
export type FirmActionFields = Pick<StoredFirmAction, 'text' | 'owner' | 'dueDate' | 'priority' | 'status' | 'treats'>;

function firmActionRow(fields: FirmActionFields) {
  return {
    text: fields.text,
    owner: fields.owner,
    due_date: fields.dueDate,
    priority: fields.priority,
    status: fields.status,
    treats_json: JSON.stringify(fields.treats),
  };
}

/** One row of the combined read, in a shape the three tables share; columns a table lacks are null. */
interface JudgementRow {
  kind: 'override' | 'rewording' | 'firm';
  key: string;
  text: string;
  band: string | null;
  owner: string | null;
  due_date: string | null;
  priority: number | string | null;
  status: string | null;
  treats_json: string | null;
  recorded_by: string | null;
  recorded_at: string;
  updated_at: string;
}

/**
 * The three tables in one statement (UNION ALL of three indexed reads). The typed nulls let
 * PostgreSQL match the columns of the branches; SQLite takes them as they are.
 */
function judgementRead(assessmentId: string) {
  const noText = sql`cast(null as text)`;
  const noNumber = sql`cast(null as integer)`;
  return sql<JudgementRow>`
    select 'override' as kind, scenario_id as key, reason as text, band, ${noText} as owner, ${noText} as due_date,
      ${noNumber} as priority, ${noText} as status, ${noText} as treats_json, recorded_by, recorded_at, recorded_at as updated_at
      from rating_overrides where assessment_id = ${assessmentId}
    union all
    select 'rewording', action_id, text, ${noText}, ${noText}, ${noText}, ${noNumber}, ${noText}, ${noText}, recorded_by, recorded_at, recorded_at
      from action_rewordings where assessment_id = ${assessmentId}
    union all
    select 'firm', id, text, ${noText}, owner, due_date, priority, status, treats_json, recorded_by, recorded_at, updated_at
      from firm_actions where assessment_id = ${assessmentId}`;
}

function judgementOf(rows: readonly JudgementRow[]): AssessmentJudgement {
  const overrides: RatingOverride[] = [];
  const rewordings: ActionRewording[] = [];
  const firmActions: StoredFirmAction[] = [];
  for (const row of rows) {
    const recorded = { recordedBy: row.recorded_by, recordedAt: row.recorded_at };
    if (row.kind === 'override') overrides.push({ scenarioId: row.key, band: row.band as Band, reason: row.text, ...recorded });
    else if (row.kind === 'rewording') rewordings.push({ actionId: row.key, text: row.text, ...recorded });
    else {
      firmActions.push({
        id: row.key,
        text: row.text,
        owner: row.owner,
        dueDate: row.due_date,
        priority: Number(row.priority) as Priority,
        status: row.status as ActionStatus,
        treats: treatsOf(row.treats_json ?? '[]'),
        ...recorded,
        updatedAt: row.updated_at,
      });
    }
  }
  // The order the assessor added them: the plan lists a priority's firm actions in it.
  firmActions.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id));
  return { overrides, rewordings, firmActions };
}

export function createJudgementRepository(db: Db) {
  /** Runs a change and the assessment's save in one transaction; true when the change touched a row. */
  async function change(assessmentId: string, now: string, write: (trx: Transaction<DatabaseSchema>) => Promise<bigint | undefined>): Promise<boolean> {
    return db.transaction().execute(async (trx) => {
      const rows = (await write(trx)) ?? 0n;
      if (rows > 0n) await touchAssessment(trx, assessmentId, now);
      return rows > 0n;
    });
  }

  return {
    /** The whole judgement of an assessment, read in one statement: every page of an assessment starts with it. */
    async load(assessmentId: string): Promise<AssessmentJudgement> {
      const { rows } = await judgementRead(assessmentId).execute(db);
      return judgementOf(rows);
    },

    /** Records or replaces the override of one scenario. */
    async saveOverride(assessmentId: string, override: RatingOverride): Promise<void> {
      const row = { band: override.band, reason: override.reason, recorded_by: override.recordedBy, recorded_at: override.recordedAt };
      await change(assessmentId, override.recordedAt, async (trx) => {
        const result = await trx
          .insertInto('rating_overrides')
          .values({ assessment_id: assessmentId, scenario_id: override.scenarioId, ...row })
          .onConflict((oc) => oc.columns(['assessment_id', 'scenario_id']).doUpdateSet(row))
          .executeTakeFirst();
        return result.numInsertedOrUpdatedRows ?? 1n;
      });
    },

    /** Removes a scenario's override; false when there was none. */
    async removeOverride(assessmentId: string, scenarioId: string, now: string): Promise<boolean> {
      return change(assessmentId, now, async (trx) => {
        const result = await trx.deleteFrom('rating_overrides').where('assessment_id', '=', assessmentId).where('scenario_id', '=', scenarioId).executeTakeFirst();
        return result.numDeletedRows;
      });
    },

    /** Records or replaces the wording of one recommended action. */
    async saveRewording(assessmentId: string, rewording: ActionRewording): Promise<void> {
      const row = { text: rewording.text, recorded_by: rewording.recordedBy, recorded_at: rewording.recordedAt };
      await change(assessmentId, rewording.recordedAt, async (trx) => {
        const result = await trx
          .insertInto('action_rewordings')
          .values({ assessment_id: assessmentId, action_id: rewording.actionId, ...row })
          .onConflict((oc) => oc.columns(['assessment_id', 'action_id']).doUpdateSet(row))
          .executeTakeFirst();
        return result.numInsertedOrUpdatedRows ?? 1n;
      });
    },

    /** Goes back to the standard wording; false when the action had none of its own. */
    async removeRewording(assessmentId: string, actionId: string, now: string): Promise<boolean> {
      return change(assessmentId, now, async (trx) => {
        const result = await trx.deleteFrom('action_rewordings').where('assessment_id', '=', assessmentId).where('action_id', '=', actionId).executeTakeFirst();
        return result.numDeletedRows;
      });
    },

    async addFirmAction(assessmentId: string, action: StoredFirmAction): Promise<void> {
      await change(assessmentId, action.recordedAt, async (trx) => {
        const result = await trx
          .insertInto('firm_actions')
          .values({
            id: action.id,
            assessment_id: assessmentId,
            ...firmActionRow(action),
            recorded_by: action.recordedBy,
            recorded_at: action.recordedAt,
            updated_at: action.updatedAt,
          })
          .executeTakeFirst();
        return result.numInsertedOrUpdatedRows ?? 1n;
      });
    },

    /** Changes a firm action of this assessment; false when it has none with that id (deleted meanwhile). */
    async updateFirmAction(assessmentId: string, id: string, fields: FirmActionFields, now: string): Promise<boolean> {
      return change(assessmentId, now, async (trx) => {
        const result = await trx
          .updateTable('firm_actions')
          .set({ ...firmActionRow(fields), updated_at: now })
          .where('assessment_id', '=', assessmentId)
          .where('id', '=', id)
          .executeTakeFirst();
        return result.numUpdatedRows;
      });
    },

    /** Deletes a firm action of this assessment; false when it has none with that id. */
    async deleteFirmAction(assessmentId: string, id: string, now: string): Promise<boolean> {
      return change(assessmentId, now, async (trx) => {
        const result = await trx.deleteFrom('firm_actions').where('assessment_id', '=', assessmentId).where('id', '=', id).executeTakeFirst();
        return result.numDeletedRows;
      });
    },
  };
}

export type JudgementRepository = ReturnType<typeof createJudgementRepository>;
