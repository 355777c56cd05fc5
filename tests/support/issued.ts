import { createHash, randomUUID } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Database } from '../../src/db/database.js';
import type { IssuedReportsTable } from '../../src/db/schema.js';
import type { Answers } from '../../src/questionnaire/types.js';
import { ANONYMOUS_SCOPE, createIssuedReportRepository, formatReportNumber } from '../../src/repositories/issuedReportRepository.js';

/** A small, real one-page PDF naming a report number (what file-type, pdftotext and qpdf accept). */
export function smallPdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A fixed creation date: the same text gives the same bytes.
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date('2026-01-01T00:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text(text);
    doc.end();
  });
}

export interface SeededIssue {
  /** The firm; null for an anonymous self-assessment. */
  organisationId: string | null;
  assessmentId?: string;
  clientId?: string | null;
  clientName?: string | null;
  companyName?: string;
  /** A further revision of this number; a new number of the issue year when not given. */
  reportNumber?: string;
  revision?: number;
  band?: IssuedReportsTable['overall_band'];
  issuedByUserId?: string | null;
  issuedByName?: string;
  issuedAt?: Date;
  questionnaireVersion?: string;
  pdf?: Buffer;
  /** The answers stored with it (none unless given). */
  answers?: Answers;
}

/**
 * Stores an issued report straight through the register's repository, for suites that read the
 * register (archive, verify, retention) without rendering a real report for every row. Takes the
 * next number of its scope and year exactly as issuing does.
 */
export async function seedIssuedReport(database: Database, seed: SeededIssue): Promise<IssuedReportsTable & { pdf: Buffer }> {
  const repository = createIssuedReportRepository(database.db);
  const scope = seed.organisationId ?? ANONYMOUS_SCOPE;
  const issuedAt = seed.issuedAt ?? new Date();
  const year = issuedAt.getUTCFullYear();
  return database.db.transaction().execute(async (trx) => {
    let reportNumber = seed.reportNumber;
    if (!reportNumber) {
      const sequence = await repository.peekNextSequence(scope, year, trx);
      if (!(await repository.claimNumber(trx, scope, { kind: 'new', year, sequence }))) throw new Error('seedIssuedReport: the number was taken meanwhile');
      reportNumber = formatReportNumber(year, sequence);
    }
    const revision = seed.revision ?? 1;
    const pdf = seed.pdf ?? (await smallPdf(`${reportNumber} rev ${revision}`));
    const row: IssuedReportsTable = {
      id: randomUUID(),
      scope,
      organisation_id: seed.organisationId,
      assessment_id: seed.assessmentId ?? randomUUID(),
      client_id: seed.clientId ?? null,
      client_name: seed.clientName ?? null,
      company_name: seed.companyName ?? seed.clientName ?? 'Kartli Logistics LLC',
      report_number: reportNumber,
      revision,
      questionnaire_version: seed.questionnaireVersion ?? '2.0',
      language: 'en',
      overall_band: seed.band === undefined ? 'high' : seed.band,
      pdf_sha256: createHash('sha256').update(pdf).digest('hex'),
      pdf_size: pdf.length,
      content_fingerprint: createHash('sha256').update(randomUUID()).digest('hex'),
      issued_by_user_id: seed.issuedByUserId ?? null,
      issued_by_name: seed.issuedByName ?? 'Nino Beridze',
      issued_at: issuedAt.toISOString(),
    };
    await repository.insert(trx, { row, pdf, answersJson: JSON.stringify(seed.answers ?? {}) });
    return { ...row, pdf };
  });
}
