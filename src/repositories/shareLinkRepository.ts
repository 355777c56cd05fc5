import type { Db } from '../db/database.js';

export interface NewShareLinkRecord {
  id: string;
  tokenHash: string;
  assessmentId: string;
  createdByUserId: string;
  now: string;
  expiresAt: string;
}

/** A link as the share page lists it. */
export interface ShareLinkRecord {
  id: string;
  createdByName: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedByName: string | null;
}

/** What opening a link needs: the assessment it opens, who shared it and until when. */
export interface ShareLinkTarget {
  assessmentId: string;
  /** Null once the user who shared it is gone. */
  sharedByName: string | null;
  organisationName: string;
  expiresAt: string;
  revokedAt: string | null;
}

export type WithdrawResult = 'withdrawn' | 'not_active' | 'not_found';

/** The read-only links to firms' assessments. Every change is scoped to the assessment and its organisation. */
export function createShareLinkRepository(db: Db) {
  /** The assessment, when it is the organisation's: a link is never read or changed through another firm's id. */
  const assessmentOf = (assessmentId: string, organisationId: string) =>
    db.selectFrom('assessments').select('id').where('id', '=', assessmentId).where('organisation_id', '=', organisationId);

  return {
    async create(record: NewShareLinkRecord): Promise<void> {
      await db
        .insertInto('share_links')
        .values({
          id: record.id,
          token_hash: record.tokenHash,
          assessment_id: record.assessmentId,
          created_by_user_id: record.createdByUserId,
          created_at: record.now,
          expires_at: record.expiresAt,
          revoked_at: null,
          revoked_by_user_id: null,
        })
        .execute();
    },

    /** The assessment's links, newest first, when the assessment is the organisation's (none otherwise). */
    async list(assessmentId: string, organisationId: string): Promise<ShareLinkRecord[]> {
      const rows = await db
        .selectFrom('share_links as s')
        .leftJoin('users as creator', 'creator.id', 's.created_by_user_id')
        .leftJoin('users as revoker', 'revoker.id', 's.revoked_by_user_id')
        .select(['s.id', 'creator.display_name as created_by_name', 's.created_at', 's.expires_at', 's.revoked_at', 'revoker.display_name as revoked_by_name'])
        .where('s.assessment_id', 'in', assessmentOf(assessmentId, organisationId))
        .orderBy('s.created_at', 'desc')
        .orderBy('s.id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        createdByName: row.created_by_name,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at,
        revokedByName: row.revoked_by_name,
      }));
    },

    /** Withdraws a link of the assessment that has not been withdrawn yet; an expired one is withdrawn too (it says so on the list). */
    async withdraw(change: { linkId: string; assessmentId: string; organisationId: string; userId: string; now: string }): Promise<WithdrawResult> {
      const result = await db
        .updateTable('share_links')
        .set({ revoked_at: change.now, revoked_by_user_id: change.userId })
        .where('id', '=', change.linkId)
        .where('assessment_id', 'in', assessmentOf(change.assessmentId, change.organisationId))
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) > 0) return 'withdrawn';
      const known = await db
        .selectFrom('share_links')
        .select('id')
        .where('id', '=', change.linkId)
        .where('assessment_id', 'in', assessmentOf(change.assessmentId, change.organisationId))
        .executeTakeFirst();
      return known ? 'not_active' : 'not_found';
    },

    /** The link with this secret's hash, with who shared it; one read. */
    async findByTokenHash(tokenHash: string): Promise<ShareLinkTarget | undefined> {
      const row = await db
        .selectFrom('share_links as s')
        .innerJoin('assessments as a', 'a.id', 's.assessment_id')
        .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
        .leftJoin('users as u', 'u.id', 's.created_by_user_id')
        .select(['s.assessment_id', 'u.display_name', 'o.name as organisation_name', 's.expires_at', 's.revoked_at'])
        .where('s.token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row
        ? { assessmentId: row.assessment_id, sharedByName: row.display_name, organisationName: row.organisation_name, expiresAt: row.expires_at, revokedAt: row.revoked_at }
        : undefined;
    },
  };
}

export type ShareLinkRepository = ReturnType<typeof createShareLinkRepository>;
