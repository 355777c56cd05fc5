import { randomUUID } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { DatabaseSchema, LegalHoldsTable } from '../db/schema.js';

type Trx = Transaction<DatabaseSchema>;

export type LegalHold = Selectable<LegalHoldsTable>;

/** Who placed or released a hold: a user, by id and by their name at the time. */
export interface HoldActor {
  userId: string | null;
  name: string;
}

/**
 * Legal holds on report numbers. A hold covers every revision of its number in its numbering
 * scope and is in force until released; released holds stay, as the record of what was held when.
 */
export function createLegalHoldRepository(db: Db) {
  return {
    /** The holds on a number, newest first (those in force and those released). */
    async holdsOn(scope: string, reportNumber: string, trx: Trx | Db = db): Promise<LegalHold[]> {
      return trx.selectFrom('legal_holds').selectAll().where('scope', '=', scope).where('report_number', '=', reportNumber).orderBy('placed_at', 'desc').orderBy('id', 'desc').execute();
    },

    async place(trx: Trx, hold: { scope: string; reportNumber: string; reason: string; by: HoldActor; at: string }): Promise<void> {
      await trx
        .insertInto('legal_holds')
        .values({
          id: randomUUID(),
          scope: hold.scope,
          report_number: hold.reportNumber,
          reason: hold.reason,
          placed_by_user_id: hold.by.userId,
          placed_by_name: hold.by.name,
          placed_at: hold.at,
          released_by_user_id: null,
          released_by_name: null,
          released_at: null,
        })
        .execute();
    },

    /** Releases every hold in force on the number; how many there were. */
    async release(trx: Trx, release: { scope: string; reportNumber: string; by: HoldActor; at: string }): Promise<number> {
      const result = await trx
        .updateTable('legal_holds')
        .set({ released_by_user_id: release.by.userId, released_by_name: release.by.name, released_at: release.at })
        .where('scope', '=', release.scope)
        .where('report_number', '=', release.reportNumber)
        .where('released_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}

export type LegalHoldRepository = ReturnType<typeof createLegalHoldRepository>;
