import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDefaultHighWaterMark, Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createTranslator } from '../../src/i18n/catalogue.js';
import type { IssuedReportsTable } from '../../src/db/schema.js';
import type { ArchiveEntry, ExportItem } from '../../src/repositories/archiveRepository.js';
import { writeArchiveZip } from '../../src/services/archiveZip.js';
import { retentionCutoff } from '../../src/services/reportDisposal.js';

const t = createTranslator('en');
const header = { exportedAt: '2026-12-03T10:00:00.000Z', exportedBy: 'Lela', organisation: 'Caucasus Risk Partners', filter: {} };

function entryOf(index: number, pdf: Buffer): ArchiveEntry {
  const report: IssuedReportsTable = {
    id: `id-${index}`,
    scope: 'org',
    organisation_id: 'org',
    assessment_id: 'a',
    client_id: null,
    client_name: 'Kartli Logistics',
    company_name: 'Kartli Logistics',
    report_number: `RP-2026-${String(index + 1).padStart(6, '0')}`,
    revision: 1,
    questionnaire_version: '2.0',
    language: 'en',
    overall_band: 'high',
    pdf_sha256: createHash('sha256').update(pdf).digest('hex'),
    pdf_size: pdf.length,
    content_fingerprint: 'f'.repeat(64),
    issued_by_user_id: null,
    issued_by_name: 'Nino',
    issued_at: '2026-01-01T00:00:00.000Z',
  };
  return { report, onHold: false };
}

/** A reader of the ZIP that takes nothing until told to, then everything; it keeps only a count of the bytes. */
function controlledReader() {
  let flowing = false;
  let received = 0;
  const waiting: (() => void)[] = [];
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      const take = () => {
        received += chunk.length;
        callback();
      };
      if (flowing) take();
      else waiting.push(take);
    },
  });
  return {
    stream,
    received: () => received,
    flow() {
      flowing = true;
      for (const take of waiting.splice(0)) take();
    },
  };
}

/** A PDF as the store gives it: after a turn of the event loop. */
const fetched = (pdf: Buffer) => new Promise<Buffer>((resolve) => setImmediate(() => resolve(pdf)));

/** V8's collector, to count which PDFs are still held by anything. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

/**
 * PDFs the streams between the writer and the reader may hold on their own: two stream buffers
 * (yazl's output and the reader's) of Node's default size, which Node 22 raised from 16 kB to
 * 64 kB. A constant either way: what must not grow is the count with the number of reports.
 */
function bufferedPdfs(size: number): number {
  return Math.ceil((2 * getDefaultHighWaterMark(false)) / size);
}

describe('the archive ZIP writer', () => {
  it('takes the next PDF only as the reader takes the ZIP: a thousand reports never sit in memory', async () => {
    const count = 1000;
    const size = 64 * 1024;
    let pulled = 0;
    let mostAhead = 0;
    let closed = false;
    let heldHalfway = -1;
    const gc = collector();
    const handedOut: WeakRef<Buffer>[] = [];
    const reader = controlledReader();
    async function* items(): AsyncGenerator<ExportItem> {
      try {
        for (let index = 0; index < count; index += 1) {
          pulled += 1;
          // Bytes handed to the writer that the reader has not taken yet, whenever a new PDF is fetched.
          mostAhead = Math.max(mostAhead, pulled * size - reader.received());
          if (index === count / 2) {
            // Halfway: of the PDFs written so far, how many does anything (the ZIP, its streams) still hold?
            gc();
            heldHalfway = handedOut.filter((ref) => ref.deref() !== undefined).length;
          }
          const pdf = await fetched(Buffer.alloc(size, index % 251));
          handedOut.push(new WeakRef(pdf));
          yield { entry: entryOf(index, pdf), pdf };
        }
      } finally {
        closed = true;
      }
    }

    const written = writeArchiveZip(items(), reader.stream, header, t);
    await settle();
    // Nobody reads: the writer stops after a PDF or two instead of fetching all thousand.
    const slack = bufferedPdfs(size);
    expect(pulled).toBeLessThanOrEqual(1 + slack);
    reader.flow();
    const outcome = await written;
    expect(outcome).toEqual({ reports: count, pdfs: count });
    expect(pulled).toBe(count);
    expect(closed).toBe(true);
    expect(reader.received()).toBeGreaterThan(count * size);
    // At every fetch, what was fetched but not yet read stayed within a few PDFs' worth.
    expect(mostAhead).toBeLessThanOrEqual((2 + slack) * size);
    // And nothing keeps the PDFs already written: 500 of them went through, one or two are still referenced.
    expect(heldHalfway).toBeGreaterThanOrEqual(0);
    expect(heldHalfway).toBeLessThanOrEqual(1 + slack);
  }, 60_000);

  it('stops fetching and closes the reports when the reader goes away midway', async () => {
    let pulled = 0;
    let closed = false;
    const reader = controlledReader();
    async function* items(): AsyncGenerator<ExportItem> {
      try {
        for (let index = 0; index < 100; index += 1) {
          pulled += 1;
          const pdf = await fetched(Buffer.alloc(64 * 1024, index));
          yield { entry: entryOf(index, pdf), pdf };
        }
      } finally {
        closed = true;
      }
    }
    const written = writeArchiveZip(items(), reader.stream, header, t);
    await settle();
    reader.stream.destroy();
    await expect(written).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    expect(closed).toBe(true);
    expect(pulled).toBeLessThanOrEqual(2 + bufferedPdfs(64 * 1024));
  });
});

describe('the retention period', () => {
  it('ends a whole number of calendar years after the issue, to the minute', () => {
    expect(retentionCutoff(new Date('2026-03-01T10:00:00.000Z'), 7)).toBe('2019-03-01T10:00:00.000Z');
    expect(retentionCutoff(new Date('2028-02-29T00:00:00.000Z'), 1)).toBe('2027-03-01T00:00:00.000Z');
  });

  it('is read from ISSUED_REPORT_RETENTION_YEARS: 7 years unless set, a whole number from 1 to 100', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'riskplan-config-'));
    try {
      expect(loadConfig({ DATA_DIR: dataDir }).issuedReportRetentionYears).toBe(7);
      expect(loadConfig({ DATA_DIR: dataDir, ISSUED_REPORT_RETENTION_YEARS: '10' }).issuedReportRetentionYears).toBe(10);
      for (const value of ['0', '101', 'seven', '2.5']) {
        expect(() => loadConfig({ DATA_DIR: dataDir, ISSUED_REPORT_RETENTION_YEARS: value }), value).toThrow(ConfigError);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
