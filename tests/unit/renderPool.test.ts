import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { warmUpModel } from '../../src/report/pdf/warmUp.js';
import {
  createPdfRenderPool,
  PdfRenderPoolBusyError,
  PdfRenderUnavailableError,
  type PdfRenderPool,
  type PdfRenderPoolOptions,
} from '../../src/report/renderPool.js';
import type { GatedRenderWorkerData } from '../fixtures/renderWorkers/gatedRenderWorker.js';

const gatedWorker = new URL('../fixtures/renderWorkers/gatedRenderWorker.ts', import.meta.url);
const crashingWorker = new URL('../fixtures/renderWorkers/crashingRenderWorker.ts', import.meta.url);

interface LogLine {
  level: number;
  time: number;
  msg: string;
  attempt?: number;
  retryInMs?: number;
  reason?: string;
  err?: unknown;
}

const pools: PdfRenderPool[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A pool whose log lines are kept, parsed, in `lines`. */
function poolWithLog(options: PdfRenderPoolOptions): { pool: PdfRenderPool; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as LogLine) });
  const pool = createPdfRenderPool({ ...options, logger });
  pools.push(pool);
  return { pool, lines };
}

/** A file path that does not exist yet, in a folder removed after the test. */
function gateFile(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'riskplan-pool-'));
  folders.push(folder);
  return path.join(folder, 'open');
}

function gated(data: GatedRenderWorkerData) {
  return { url: gatedWorker, data };
}

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

// Each test starts real worker threads (TypeScript through tsx): seconds each on a busy machine.
const slow = { timeout: 90_000 };

describe('the PDF render pool when its worker cannot start', slow, () => {
  it('given a warm-up that fails, retries after a growing delay up to the cap, one error line per attempt, and says it is not ready', async () => {
    const { pool, lines } = poolWithLog({
      size: 1,
      timeoutMs: 5_000,
      worker: gated({ warmUpGate: gateFile() }),
      restartBackoff: { firstMs: 200, maxMs: 800 },
    });
    await until(() => lines.length >= 1);
    expect(pool.isReady()).toBe(false);
    expect(pool.hasCapacity()).toBe(false);
    await until(() => lines.length >= 5, 45_000);

    const attempts = lines.slice(0, 5);
    expect(attempts.map((line) => line.msg)).toEqual(Array(5).fill('a PDF render worker could not start; retrying later'));
    expect(attempts.map((line) => line.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(attempts.map((line) => line.retryInMs)).toEqual([200, 400, 800, 800, 800]);
    // Not a loop: each attempt came at least its announced delay after the one before.
    for (let i = 1; i < attempts.length; i++) {
      const [previous, current] = [attempts[i - 1], attempts[i]];
      expect((current?.time ?? 0) - (previous?.time ?? 0)).toBeGreaterThanOrEqual(previous?.retryInMs ?? Infinity);
    }
    for (const line of attempts) {
      expect(line.level).toBe(50);
      expect(line.reason).toContain('fixture: warm-up blocked');
      expect(JSON.stringify(line)).not.toContain('    at ');
    }
    expect(pool.isReady()).toBe(false);
  });

  it('given a warm-up that fails, refuses renders at once instead of queueing them for nothing', async () => {
    const { pool, lines } = poolWithLog({ size: 1, timeoutMs: 5_000, worker: gated({ warmUpGate: gateFile() }), restartBackoff: { firstMs: 1_000, maxMs: 1_000 } });
    // Asked while the first start is under way: queued, then refused when that start fails.
    const early = pool.render(warmUpModel);
    await expect(early).rejects.toBeInstanceOf(PdfRenderUnavailableError);
    expect(lines).toHaveLength(1);

    expect(pool.hasCapacity()).toBe(false);
    expect(pool.reserve()).toBeUndefined();
    const asked = Date.now();
    await expect(pool.render(warmUpModel)).rejects.toBeInstanceOf(PdfRenderUnavailableError);
    expect(Date.now() - asked).toBeLessThan(200);
  });

  it('given a worker that dies while loading, backs off the same way', async () => {
    const { pool, lines } = poolWithLog({ size: 1, timeoutMs: 5_000, worker: { url: crashingWorker }, restartBackoff: { firstMs: 100, maxMs: 200 } });
    await until(() => lines.length >= 3, 45_000);
    expect(pool.isReady()).toBe(false);
    expect(lines[0]?.reason).toContain('fixture: the render worker crashed while loading');
    expect(lines.slice(0, 3).map((line) => line.retryInMs)).toEqual([100, 200, 200]);
  });

  it('once the warm-up can succeed, becomes ready, says so once, and renders', async () => {
    const warmUpGate = gateFile();
    const { pool, lines } = poolWithLog({ size: 1, timeoutMs: 10_000, worker: gated({ warmUpGate }), restartBackoff: { firstMs: 100, maxMs: 200 } });
    await until(() => lines.length >= 2, 45_000);
    expect(pool.isReady()).toBe(false);

    writeFileSync(warmUpGate, '');
    await until(() => pool.isReady(), 45_000);
    const pdf = await pool.render(warmUpModel);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const recovered = lines.filter((line) => line.msg === 'a PDF render worker started after failing');
    expect(recovered).toHaveLength(1);
    expect(recovered[0]?.level).toBe(30);
  });
});

describe('the PDF render pool under load', slow, () => {
  it('takes its workers plus a queue of twice as many, then reports no capacity and refuses at once; a finished render frees a place', async () => {
    const renderGate = gateFile();
    const { pool } = poolWithLog({ size: 1, timeoutMs: 20_000, worker: gated({ renderGate }) });
    expect(pool.hasCapacity()).toBe(true);
    const taken = [pool.render(warmUpModel), pool.render(warmUpModel), pool.render(warmUpModel)];
    expect(pool.hasCapacity()).toBe(false);
    expect(pool.reserve()).toBeUndefined();
    const asked = Date.now();
    await expect(pool.render(warmUpModel)).rejects.toBeInstanceOf(PdfRenderPoolBusyError);
    expect(Date.now() - asked).toBeLessThan(200);

    writeFileSync(renderGate, '');
    const pdfs = await Promise.all(taken);
    expect(pdfs.map((pdf) => pdf.subarray(0, 5).toString('latin1'))).toEqual(['%PDF-', '%PDF-', '%PDF-']);
    expect(pool.hasCapacity()).toBe(true);
  });

  it('counts reservations as taken places; a released one comes back, and its render is refused then if the pool is full', async () => {
    const renderGate = gateFile();
    const { pool } = poolWithLog({ size: 2, timeoutMs: 20_000, worker: gated({ renderGate }) });
    const reservations = Array.from({ length: 6 }, () => pool.reserve());
    expect(reservations.every((reservation) => reservation !== undefined)).toBe(true);
    expect(pool.reserve()).toBeUndefined();

    const [first, second, ...rest] = reservations;
    first?.release();
    first?.release(); // a second release gives back nothing more
    const late = pool.reserve();
    expect(late).toBeDefined();
    expect(pool.reserve()).toBeUndefined();

    // A reservation's render is taken even though the pool is full: its place was held.
    const rendering = [second, ...rest, late].map((reservation) => {
      if (!reservation) throw new Error('a reservation was expected');
      return reservation.render(warmUpModel);
    });
    expect(pool.hasCapacity()).toBe(false);
    // The released reservation holds nothing any more: its render competes like any other.
    await expect(first?.render(warmUpModel)).rejects.toBeInstanceOf(PdfRenderPoolBusyError);

    writeFileSync(renderGate, '');
    expect(await Promise.all(rendering)).toHaveLength(6);
    expect(pool.hasCapacity()).toBe(true);
  });
});
