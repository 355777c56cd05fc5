import type { Db } from '../db/database.js';
import type { Band } from '../scoring/types.js';
import { containsText } from './clientRepository.js';

/** Where an assessment stands, for lists: results ready or not. */
export type AssessmentStatus = 'in_progress' | 'ready';

/** What a list of a firm's assessments may be narrowed to. Dates are calendar dates, 'YYYY-MM-DD', on the start date. */
export interface AssessmentFilter {
  clientId?: string;
  /** Part of the client's name. */
  search?: string;
  status?: AssessmentStatus;
  band?: Band;
  startedFrom?: string;
  startedTo?: string;
}

export interface AssessmentListRow {
  id: string;
  clientId: string;
  clientName: string;
  createdAt: string;
  updatedAt: string;
  status: AssessmentStatus;
  /** The overall rating once results are ready. */
  band?: Band;
  createdByName?: string;
  previousAssessmentId?: string;
}

export interface AssessmentListPage {
  rows: AssessmentListRow[];
  total: number;
}

/** The day after a calendar date, for an inclusive "to" date compared with ISO timestamps. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/**
 * Reads across a firm's assessments: the lists consultants search and filter. The overall rating
 * lives in summary columns worked out from the answers by the service (see refreshSummaries in
 * practiceService.ts), so filtering and paging by rating happen in SQL.
 */
export function createPracticeRepository(db: Db) {
  return {
    /** The firm's assessments whose summary is older than their last save. */
    async staleSummaryIds(organisationId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('assessments')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where((eb) => eb.or([eb('summary_revision', 'is', null), eb('summary_revision', '!=', eb.ref('revision'))]))
        .execute();
      return rows.map((row) => row.id);
    },

    /** Records the summary as of a revision; a save made meanwhile leaves it stale for the next list. */
    async saveSummary(id: string, summary: { ready: boolean; band: Band | undefined; revision: number }): Promise<void> {
      await db
        .updateTable('assessments')
        .set({ summary_ready: summary.ready ? 1 : 0, summary_band: summary.band ?? null, summary_revision: summary.revision })
        .where('id', '=', id)
        .where('revision', '=', summary.revision)
        .execute();
    },

    async list(organisationId: string, filter: AssessmentFilter, page: { offset: number; limit: number }): Promise<AssessmentListPage> {
      let query = db
        .selectFrom('assessments as a')
        .innerJoin('clients as c', 'c.id', 'a.client_id')
        .leftJoin('users as u', 'u.id', 'a.created_by_user_id')
        .where('a.organisation_id', '=', organisationId);
      if (filter.clientId) query = query.where('a.client_id', '=', filter.clientId);
      if (filter.search) query = query.where(containsText('c.name_search', filter.search));
      if (filter.status) query = query.where('a.summary_ready', '=', filter.status === 'ready' ? 1 : 0);
      if (filter.band) query = query.where('a.summary_band', '=', filter.band);
      if (filter.startedFrom) query = query.where('a.created_at', '>=', `${filter.startedFrom}T00:00:00.000Z`);
      if (filter.startedTo) query = query.where('a.created_at', '<', dayAfter(filter.startedTo));
      const [rows, count] = await Promise.all([
        query
          .select([
            'a.id',
            'a.client_id as clientId',
            'c.name as clientName',
            'a.created_at as createdAt',
            'a.updated_at as updatedAt',
            'a.summary_ready as ready',
            'a.summary_band as band',
            'u.display_name as createdByName',
            'a.previous_assessment_id as previousAssessmentId',
          ])
          .orderBy('a.created_at', 'desc')
          .orderBy('a.id')
          .offset(page.offset)
          .limit(page.limit)
          .execute(),
        query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(count.total),
        rows: rows.map((row) => ({
          id: row.id,
          clientId: row.clientId ?? '',
          clientName: row.clientName,
          createdAt: row.createdAt,
          updatedAt: row.updatedAt,
          status: Number(row.ready) === 1 ? 'ready' : 'in_progress',
          ...(row.band ? { band: row.band as Band } : {}),
          ...(row.createdByName ? { createdByName: row.createdByName } : {}),
          ...(row.previousAssessmentId ? { previousAssessmentId: row.previousAssessmentId } : {}),
        })),
      };
    },
  };
}

export type PracticeRepository = ReturnType<typeof createPracticeRepository>;
