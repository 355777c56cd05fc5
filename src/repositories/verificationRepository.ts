import type { Db } from '../db/database.js';

/** What the verify page may say about an issued report: nothing of its content. */
export interface IssueOnRecord {
  reportId: string;
  reportNumber: string;
  revision: number;
  issuedAt: string;
  /** The issuing firm; null for an anonymous self-assessment. */
  organisationId: string | null;
  /** The firm name its admin set for reports, if any. */
  firmName: string | null;
  organisationName: string | null;
  /** When the content (the PDF bytes, the answers) was disposed of; null while it is kept. */
  disposedAt: string | null;
}

/**
 * Looks an issued report up by the SHA-256 of its PDF for the verify page, in one indexed read
 * with the issuer's names and any disposal. Reads only the register, never the content, so a
 * disposed report is found as well.
 */
export function createVerificationRepository(db: Db) {
  return {
    async issueWithSha256(sha256: string): Promise<IssueOnRecord | undefined> {
      const row = await db
        .selectFrom('issued_reports')
        .leftJoin('organisation_branding', 'organisation_branding.organisation_id', 'issued_reports.organisation_id')
        .leftJoin('organisations', 'organisations.id', 'issued_reports.organisation_id')
        .leftJoin('report_disposals', 'report_disposals.report_id', 'issued_reports.id')
        .select([
          'issued_reports.id',
          'issued_reports.report_number',
          'issued_reports.revision',
          'issued_reports.issued_at',
          'issued_reports.organisation_id',
          'organisation_branding.firm_name',
          'organisations.name as organisation_name',
          'report_disposals.disposed_at',
        ])
        .where('issued_reports.pdf_sha256', '=', sha256)
        // The same bytes are never issued twice; should they be, the first issue is the one that counts.
        .orderBy('issued_reports.issued_at', 'asc')
        .limit(1)
        .executeTakeFirst();
      return (
        row && {
          reportId: row.id,
          reportNumber: row.report_number,
          revision: row.revision,
          issuedAt: row.issued_at,
          organisationId: row.organisation_id,
          firmName: row.firm_name,
          organisationName: row.organisation_name,
          disposedAt: row.disposed_at,
        }
      );
    },
  };
}

export type VerificationRepository = ReturnType<typeof createVerificationRepository>;
