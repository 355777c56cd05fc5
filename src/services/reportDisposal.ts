import type { AuditLog } from '../audit/auditLog.js';
import type { DurableWriter } from '../db/durableWrites.js';
import type { ArchiveEntry, ArchiveRepository } from '../repositories/archiveRepository.js';
import { ANONYMOUS_SCOPE } from '../repositories/issuedReportRepository.js';
import type { AuditParty } from './legalHoldService.js';

/** What became of one report a disposal was asked for. Only 'disposed' changed anything. */
export type DisposalOutcome = 'disposed' | 'held' | 'not_due' | 'already_disposed' | 'not_found';

/** Who disposes: a user (the admin who confirmed), or the automatic clean-up (no user). */
export interface Disposer {
  userId: string | null;
  name: string;
}

/** The reports of a scope whose retention ended and whose content is still kept. */
export interface DisposalList {
  /** Not under a legal hold: an admin may confirm their disposal. */
  due: ArchiveEntry[];
  dueTotal: number;
  /** Under a legal hold: kept until it is released. */
  held: ArchiveEntry[];
  heldTotal: number;
}

/** Most reports one confirmation lists and disposes of (each in its own transaction). */
export const DISPOSAL_BATCH = 100;

/**
 * The moment before which an issue's retention has ended: `now` less the period, in whole
 * calendar years (UTC). An issue of 2019-03-01 kept 7 years is due from 2026-03-01 at the same time.
 */
export function retentionCutoff(now: Date, years: number): string {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff.toISOString();
}

/** When an issue's retention ends: its issue instant plus the period in whole calendar years (the inverse of retentionCutoff). */
export function retentionEnd(issuedAt: string, years: number): string {
  const end = new Date(issuedAt);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return end.toISOString();
}

/** The databases' own refusal (a trigger on both stores): a hold placed after the re-check and before the insert. */
function isLegalHoldRefusal(error: unknown): boolean {
  return error instanceof Error && /under a legal hold/.test(error.message);
}

/**
 * Disposal of issued reports once their retention period ended: the record that the report was
 * issued stays in the register; its content (PDF bytes, answers) is deleted, after a disposal row
 * says who disposed of it and when. The database allows the delete only in that order and
 * refuses the disposal under a legal hold.
 */
export function createReportDisposal(deps: {
  archive: Pick<ArchiveRepository, 'entry' | 'pastRetention'>;
  durably: DurableWriter;
  auditLog: AuditLog;
  retentionYears: number;
  /** The name a disposal by the automatic clean-up is recorded under. */
  automaticName: string;
  clock?: () => Date;
}) {
  const clock = deps.clock ?? (() => new Date());
  const cutoff = () => retentionCutoff(clock(), deps.retentionYears);

  /**
   * Disposes of one report in one durable transaction: re-checks that it is the scope's, still
   * kept, past its retention and not held, then records the disposal, deletes the content and
   * writes the audit line. Any failure leaves all three undone.
   */
  async function dispose(scope: string, reportId: string, by: Disposer, party: AuditParty): Promise<DisposalOutcome> {
    const dueBefore = cutoff();
    try {
      return await deps.durably(async (trx) => {
        const found = await deps.archive.entry(scope, reportId, trx);
        if (!found) return 'not_found';
        if (found.disposal) return 'already_disposed';
        if (found.report.issued_at > dueBefore) return 'not_due';
        if (found.onHold) return 'held';
        const { report } = found;
        const at = clock().toISOString();
        // Another instance or admin disposing of it at the same moment: the first one counts.
        const recorded = await trx
          .insertInto('report_disposals')
          .values({ report_id: report.id, disposed_at: at, disposed_by_user_id: by.userId, disposed_by_name: by.name })
          .onConflict((oc) => oc.column('report_id').doNothing())
          .executeTakeFirst();
        if (Number(recorded.numInsertedOrUpdatedRows ?? 0n) !== 1) return 'already_disposed';
        await trx.deleteFrom('issued_report_contents').where('report_id', '=', report.id).execute();
        await deps.auditLog.recordWithin(trx, {
          ...party,
          event: 'report.disposed',
          subject: `${report.report_number} rev ${report.revision}`,
          detail: { reportId: report.id, issuedAt: report.issued_at, sha256: report.pdf_sha256, retentionYears: deps.retentionYears },
        });
        return 'disposed';
      });
    } catch (error) {
      if (isLegalHoldRefusal(error)) return 'held';
      throw error;
    }
  }

  return {
    retentionYears: deps.retentionYears,
    dispose,

    /** What the disposal page lists: due reports and held ones, oldest first, at most DISPOSAL_BATCH of each. */
    async listFor(scope: string): Promise<DisposalList> {
      const dueBefore = cutoff();
      const [due, held] = await Promise.all([
        deps.archive.pastRetention(scope, dueBefore, { held: false, limit: DISPOSAL_BATCH }),
        deps.archive.pastRetention(scope, dueBefore, { held: true, limit: DISPOSAL_BATCH }),
      ]);
      return { due: due.entries, dueTotal: due.total, held: held.entries, heldTotal: held.total };
    },

    /**
     * Anonymous self-assessments' issued reports have no admin to confirm their disposal: the
     * clean-up disposes of those past the period itself, each recorded in the audit log with no
     * organisation and the clean-up's name. Held ones are kept. Returns how many were disposed of.
     */
    async disposeDueAnonymous(): Promise<number> {
      const cleanUp: Disposer = { userId: null, name: deps.automaticName };
      const party: AuditParty = { actor: { userId: null, name: deps.automaticName }, organisationId: null, ip: null };
      let disposed = 0;
      for (;;) {
        const batch = await deps.archive.pastRetention(ANONYMOUS_SCOPE, cutoff(), { held: false, limit: DISPOSAL_BATCH });
        let disposedNow = 0;
        for (const { report } of batch.entries) {
          if ((await dispose(ANONYMOUS_SCOPE, report.id, cleanUp, party)) === 'disposed') disposedNow += 1;
        }
        disposed += disposedNow;
        // A batch that disposed of nothing (all held or taken meanwhile) would be listed again: stop.
        if (batch.entries.length < DISPOSAL_BATCH || disposedNow === 0) return disposed;
      }
    },
  };
}

export type ReportDisposal = ReturnType<typeof createReportDisposal>;
