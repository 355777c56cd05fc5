import type { Translate } from '../i18n/catalogue.js';
import type { ArchiveEntry } from '../repositories/archiveRepository.js';
import { toCsv } from './csv.js';

/** The file name of an issued PDF, in a ZIP and as a download: RP-2026-000042-rev1.pdf. */
export function issuedPdfName(reportNumber: string, revision: number): string {
  return `${reportNumber}-rev${revision}.pdf`;
}

/** One report as the manifests describe it. */
export interface ManifestEntry {
  reportNumber: string;
  revision: number;
  client: string;
  company: string;
  /** ISO 8601, UTC. */
  issuedAt: string;
  issuedBy: string;
  /** The overall rating the report states: low, medium, high, critical; null when it states none. */
  rating: string | null;
  questionnaireVersion: string;
  language: string;
  sha256: string;
  sizeBytes: number;
  /** Its file in the ZIP; null when it was disposed of (no PDF). */
  file: string | null;
  disposed: boolean;
  disposedAt: string | null;
  disposedBy: string | null;
}

/** What the export was: when, by whom, of which firm, narrowed how. */
export interface ManifestHeader {
  exportedAt: string;
  exportedBy: string;
  organisation: string;
  /** The filter as typed in the archive's form, by field name; empty when the whole archive was exported. */
  filter: Readonly<Record<string, string>>;
}

/** The manifest line of an entry; `included` says whether its PDF is in the ZIP. */
export function manifestEntryOf(entry: ArchiveEntry, included: boolean): ManifestEntry {
  const { report } = entry;
  return {
    reportNumber: report.report_number,
    revision: report.revision,
    client: report.client_name ?? report.company_name,
    company: report.company_name,
    issuedAt: report.issued_at,
    issuedBy: report.issued_by_name,
    rating: report.overall_band,
    questionnaireVersion: report.questionnaire_version,
    language: report.language,
    sha256: report.pdf_sha256,
    sizeBytes: report.pdf_size,
    file: included ? issuedPdfName(report.report_number, report.revision) : null,
    disposed: !included,
    disposedAt: entry.disposal?.at ?? null,
    disposedBy: entry.disposal?.byName ?? null,
  };
}

/** manifest.json: the header and every report, for programs. */
export function manifestJson(header: ManifestHeader, entries: readonly ManifestEntry[]): string {
  return `${JSON.stringify({ ...header, reports: entries.length, files: entries.filter((entry) => entry.file).length, entries }, null, 2)}\n`;
}

const CSV_COLUMNS = ['reportNumber', 'revision', 'client', 'company', 'issuedAt', 'issuedBy', 'rating', 'questionnaireVersion', 'language', 'sha256', 'sizeBytes', 'file', 'disposed', 'disposedAt', 'disposedBy'] as const;

/** manifest.csv: the same lines for a spreadsheet (the app's CSV: BOM, CRLF, formulas neutralised), the rating in words. */
export function manifestCsv(entries: readonly ManifestEntry[], t: Translate): string {
  const cell = (entry: ManifestEntry, column: (typeof CSV_COLUMNS)[number]): string => {
    if (column === 'rating') return entry.rating ? t(`band.${entry.rating}`) : t('archive.rating.none');
    if (column === 'disposed') return t(entry.disposed ? 'archive.manifest.yes' : 'archive.manifest.no');
    const value = entry[column];
    return value === null ? '' : String(value);
  };
  return toCsv([CSV_COLUMNS.map((column) => t(`archive.manifest.column.${column}`)), ...entries.map((entry) => CSV_COLUMNS.map((column) => cell(entry, column)))]);
}

/**
 * SHA256SUMS as `sha256sum -c` reads it: "<hex>  <name>" (two spaces: binary-safe text mode) per
 * PDF in the ZIP. The hashes are the register's, not worked out again from the bytes sent: a
 * stored PDF that no longer matches what was issued fails the check.
 */
export function sha256Sums(entries: readonly ManifestEntry[]): string {
  return entries.flatMap((entry) => (entry.file ? [`${entry.sha256}  ${entry.file}\n`] : [])).join('');
}
