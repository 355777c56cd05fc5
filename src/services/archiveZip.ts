import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { Translate } from '../i18n/catalogue.js';
import { issuedPdfName, manifestCsv, manifestEntryOf, manifestJson, sha256Sums, type ManifestEntry, type ManifestHeader } from '../report/archiveManifest.js';
import type { ExportItem } from '../repositories/archiveRepository.js';

/** Bytes handed to the ZIP at a time: what may wait in its stream buffers besides the PDF being read. */
const CHUNK_BYTES = 64 * 1024;

/** What an export wrote. */
export interface ArchiveZipOutcome {
  reports: number;
  pdfs: number;
}

/**
 * A PDF's bytes as a stream of copied chunks. Copies, not views: once the last chunk is taken, the
 * PDF's own buffer is no longer referenced by the ZIP's pipes and can go before the next is read.
 */
function chunksOf(bytes: Buffer): Readable {
  function* copies() {
    for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) yield Buffer.from(bytes.subarray(offset, offset + CHUNK_BYTES));
  }
  return Readable.from(copies(), { objectMode: false, highWaterMark: CHUNK_BYTES });
}

/**
 * Adds one PDF to the ZIP and resolves once the ZIP has read all of it. The ZIP reads an entry
 * only when the entries before it are written and its output has room (pipes with backpressure),
 * so the caller, which fetches the next PDF only after this resolves, moves at the pace of
 * whoever reads the output.
 */
function addPdf(zip: ZipFile, name: string, bytes: Buffer, mtime: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    const source = chunksOf(bytes);
    source.once('end', resolve);
    source.once('error', reject);
    // Stored, not deflated: a PDF's streams are compressed already, and storing costs no CPU.
    zip.addReadStreamLazy(name, { mtime, size: bytes.length, compress: false }, (callback) => callback(null, source));
  });
}

/**
 * Streams a ZIP of the issued reports to `output`: each report's PDF as issued (none for a
 * disposed one), then manifest.json, manifest.csv and SHA256SUMS. PDFs are taken from `items` one
 * at a time, each only once the previous one is in the ZIP, so memory holds one PDF and the
 * manifests' few hundred bytes per report, however many reports there are. Rejects when the
 * output fails or closes early (a client that went away); `items` is then closed.
 */
export async function writeArchiveZip(items: AsyncIterable<ExportItem>, output: Writable, header: ManifestHeader, t: Translate): Promise<ArchiveZipOutcome> {
  const zip = new ZipFile();
  // yazl's output is a PassThrough (its types say only "a readable stream").
  const zipped = zip.outputStream as Readable;
  // A ZIP error ends the output with it, which rejects `written`.
  zip.on('error', (error: Error) => zipped.destroy(error));
  const written = pipeline(zipped, output);
  // Stops the loop below if the output ends before the ZIP does (it never fulfils first otherwise).
  const endedEarly = written.then(() => Promise.reject(new Error('the output ended before the archive was complete')));
  endedEarly.catch(() => undefined);

  const entries: ManifestEntry[] = [];
  try {
    for await (const { entry, pdf } of items) {
      entries.push(manifestEntryOf(entry, pdf !== undefined));
      if (pdf) await Promise.race([addPdf(zip, issuedPdfName(entry.report.report_number, entry.report.revision), pdf, new Date(entry.report.issued_at)), endedEarly]);
    }
  } catch (error) {
    // A read that failed midway: cut the output, so the reader sees a broken download, not a short ZIP that looks whole.
    zipped.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  const mtime = new Date(header.exportedAt);
  zip.addBuffer(Buffer.from(manifestJson(header, entries), 'utf8'), 'manifest.json', { mtime });
  zip.addBuffer(Buffer.from(manifestCsv(entries, t), 'utf8'), 'manifest.csv', { mtime });
  zip.addBuffer(Buffer.from(sha256Sums(entries), 'utf8'), 'SHA256SUMS', { mtime });
  zip.end();
  await written;
  return { reports: entries.length, pdfs: entries.filter((entry) => entry.file).length };
}
