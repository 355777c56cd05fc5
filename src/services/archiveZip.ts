import { Readable, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { Translate } from '../i18n/catalogue.js';
import { issuedPdfName, manifestCsv, manifestEntryOf, manifestJson, sha256Sums, type ManifestEntry, type ManifestHeader } from '../report/archiveManifest.js';
import type { ExportItem } from '../repositories/archiveRepository.js';

/**
 * Bytes handed to the ZIP at a time: the streams' own buffer size (highWaterMark), so the pipes
 * between here and the reader hold a chunk or so each besides the PDF being read.
 */
const CHUNK_BYTES = 16 * 1024;

/** What an export wrote. */
export interface ArchiveZipOutcome {
  reports: number;
  pdfs: number;
}

/**
 * A PDF's bytes as a stream of copied chunks. Copies, not views, and the stream lets go of the
 * PDF once its last chunk is out: the ZIP keeps every entry's stream function until it ends (for
 * its central directory), and nothing it keeps may hold a PDF.
 */
function chunksOf(pdf: Buffer): Readable {
  let bytes: Buffer | undefined = pdf;
  let offset = 0;
  return new Readable({
    highWaterMark: CHUNK_BYTES,
    read() {
      if (!bytes) return;
      const chunk = Buffer.from(bytes.subarray(offset, offset + CHUNK_BYTES));
      offset += chunk.length;
      if (offset >= bytes.length) bytes = undefined;
      if (chunk.length > 0) this.push(chunk);
      if (!bytes) this.push(null);
    },
  });
}

/**
 * Adds one PDF to the ZIP and resolves once the ZIP has read all of it. The ZIP reads an entry
 * only when the entries before it are written and its output has room (pipes with backpressure),
 * so the caller, which fetches the next PDF only after this resolves, moves at the pace of
 * whoever reads the output. The function handed to the ZIP gives its stream away once, so the ZIP
 * holds no reference to it afterwards.
 */
function addPdf(zip: ZipFile, name: string, bytes: Buffer, mtime: Date): Promise<void> {
  const source = chunksOf(bytes);
  const read = finished(source);
  const holder: { source: Readable | undefined } = { source };
  // Stored, not deflated: a PDF's streams are compressed already, and storing costs no CPU.
  zip.addReadStreamLazy(name, { mtime, size: bytes.length, compress: false }, (callback) => {
    const given = holder.source;
    holder.source = undefined;
    if (given) callback(null, given);
  });
  return read;
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
