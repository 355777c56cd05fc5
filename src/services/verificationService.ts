import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { IssueOnRecord, VerificationRepository } from '../repositories/verificationRepository.js';

/**
 * "Is this PDF genuine?": a PDF (or its SHA-256) matches an issued report when its bytes are
 * exactly the bytes that were issued. Changing even one byte changes the SHA-256, so an altered
 * file, a draft or a file from elsewhere matches nothing. The bytes are hashed in memory and
 * never kept.
 */

/** A SHA-256 as the register stores it: 64 lower-case hex digits. */
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The SHA-256 of the bytes, lower-case hex. */
export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A pasted SHA-256 in the register's form, or undefined when it is not one. Spaces around it and
 * upper-case digits are accepted (sha256sum prints lower case, Windows' certutil and
 * PowerShell's Get-FileHash print upper case).
 */
export function normalisedSha256(text: string): string | undefined {
  const candidate = text.trim().toLowerCase();
  return SHA256_HEX.test(candidate) ? candidate : undefined;
}

export type UploadCheck = 'pdf' | 'empty' | 'notPdf';

/** Whether the upload is a PDF, read from its bytes (never from its name or declared type). */
export async function checkUpload(bytes: Buffer): Promise<UploadCheck> {
  if (bytes.length === 0) return 'empty';
  const type = await fileTypeFromBuffer(bytes);
  return type?.mime === 'application/pdf' ? 'pdf' : 'notPdf';
}

/** Who issued it, as far as the verify page says. */
export type Issuer = { kind: 'firm'; name: string | null } | { kind: 'selfAssessment' };

/** A genuine issue: what the verify page shows of it, and what its audit line needs. */
export interface GenuineIssue {
  reportId: string;
  reportNumber: string;
  revision: number;
  issuedAt: string;
  issuer: Issuer;
  /** The issuing firm, whose audit log records the check; null for a self-assessment. */
  organisationId: string | null;
  /** The content was disposed of after its retention period: only the record that it existed remains. */
  contentDisposed: boolean;
}

/**
 * The issuer of a firm's report: the firm name its admin set for reports, else the organisation's
 * name. Nothing is said about a self-assessment's company: the name in it was typed by whoever
 * made it and nobody checked it, so the verify page does not repeat it with RiskPlan's authority.
 */
function issuerOf(issue: IssueOnRecord): Issuer {
  if (issue.organisationId === null) return { kind: 'selfAssessment' };
  return { kind: 'firm', name: issue.firmName ?? issue.organisationName };
}

export function createVerificationService(repository: VerificationRepository) {
  return {
    /** The issued report whose PDF has this SHA-256 (in the register's form), or undefined. */
    async issueWithSha256(sha256: string): Promise<GenuineIssue | undefined> {
      const found = await repository.issueWithSha256(sha256);
      return (
        found && {
          reportId: found.reportId,
          reportNumber: found.reportNumber,
          revision: found.revision,
          issuedAt: found.issuedAt,
          issuer: issuerOf(found),
          organisationId: found.organisationId,
          contentDisposed: found.disposedAt !== null,
        }
      );
    },
  };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
