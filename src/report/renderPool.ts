import { Worker } from 'node:worker_threads';
import type { ReportModel } from './reportModelTypes.js';
import type { RenderRequest, WorkerMessage } from './renderWorker.js';

/**
 * A small pool of worker threads that render report PDFs, so that a big report never blocks the
 * event loop that serves requests. Each render has a time limit: a worker that overruns it is
 * terminated and replaced, and the caller gets a `PdfRenderTimeoutError`.
 */

export class PdfRenderTimeoutError extends Error {
  override readonly name = 'PdfRenderTimeoutError';
  readonly code = 'PDF_RENDER_TIMEOUT';
  constructor(readonly timeoutMs: number) {
    super(`Rendering the PDF took longer than ${timeoutMs} ms`);
  }
}

/** The renderer threw, or its worker died. */
export class PdfRenderError extends Error {
  override readonly name = 'PdfRenderError';
  readonly code = 'PDF_RENDER_FAILED';
}

/** More renders are waiting than the pool accepts: try again later (HTTP 503). */
export class PdfRenderPoolBusyError extends Error {
  override readonly name = 'PdfRenderPoolBusyError';
  readonly code = 'PDF_RENDER_POOL_BUSY';
}

export class PdfRenderPoolClosedError extends Error {
  override readonly name = 'PdfRenderPoolClosedError';
  readonly code = 'PDF_RENDER_POOL_CLOSED';
}

export interface PdfRenderPoolOptions {
  /** Worker threads (each renders one report at a time). */
  size: number;
  /** Longest a single render may take, from the moment a worker starts it. */
  timeoutMs: number;
  /** Renders that may wait for a worker; more are refused with `PdfRenderPoolBusyError`. */
  maxQueue?: number;
}

export interface PdfRenderPool {
  render(model: ReportModel): Promise<Buffer>;
  /** Refuses new work, fails waiting and running renders, and stops the workers. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  model: ReportModel;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
}

const defaultMaxQueue = 64;
/** Wait before starting a worker again after one failed to start. */
const restartDelayMs = 1_000;

/**
 * How to start a worker. Compiled, the worker is `renderWorker.js` next to this file. Under tsx
 * or vitest this module is TypeScript and so is the worker, which plain Node cannot load. On
 * Node 20 `execArgv: ['--import', 'tsx']` does not reach a worker's entry module (the loader
 * hooks are registered after it is resolved), so a one-line bootstrap registers tsx in the
 * worker first and then imports the worker module. It resolves `tsx` from the working
 * directory: the project root, as under `npm run dev` and `vitest`.
 */
function startWorker(): Worker {
  const ownUrl = import.meta.url;
  if (!ownUrl.endsWith('.ts')) return new Worker(new URL('./renderWorker.js', ownUrl), { resourceLimits });
  const entry = new URL('./renderWorker.ts', ownUrl).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

/**
 * A render allocates many short-lived strings; a larger young generation than V8's default
 * spares a good share of the garbage collection time (about a tenth of a render, measured).
 */
const resourceLimits = { maxYoungGenerationSizeMb: 48 };

export function createPdfRenderPool(options: PdfRenderPoolOptions): PdfRenderPool {
  const { size, timeoutMs } = options;
  const maxQueue = options.maxQueue ?? defaultMaxQueue;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`A render pool needs at least one worker, not ${size}`);
  if (!(timeoutMs > 0)) throw new RangeError(`A render time limit must be positive, not ${timeoutMs}`);

  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  function settle(slot: Slot): Job | undefined {
    const { job } = slot;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    return job;
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (!slot.ready || slot.job || closed) continue;
      const job = queue.shift();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(() => {
        const overrun = settle(slot);
        replace(slot);
        overrun?.reject(new PdfRenderTimeoutError(timeoutMs));
      }, timeoutMs);
      const request: RenderRequest = { id: job.id, model: job.model };
      slot.worker.postMessage(request);
    }
  }

  /** Terminates a slot's worker (if it is still running) and starts a fresh one in its place. */
  function replace(slot: Slot): void {
    const old = slot.worker;
    old.removeAllListeners();
    old.on('error', () => undefined);
    void old.terminate();
    if (closed) return;
    const index = slots.indexOf(slot);
    if (index >= 0) slots[index] = start();
  }

  function fail(slot: Slot, error: Error): void {
    const job = settle(slot);
    if (slot.ready) {
      replace(slot);
    } else {
      // A worker that cannot even start would fail again at once: fail the waiting renders
      // rather than leave them queued, and try again a little later instead of in a loop.
      for (const waiting of queue.splice(0)) waiting.reject(error);
      slot.worker.removeAllListeners();
      slot.worker.on('error', () => undefined);
      void slot.worker.terminate();
      setTimeout(() => {
        if (!closed && slots.includes(slot)) replace(slot);
      }, restartDelayMs).unref();
    }
    job?.reject(error);
    dispatch();
  }

  function start(): Slot {
    const worker = startWorker();
    const slot: Slot = { worker, ready: false };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        slot.ready = true;
      } else if (slot.job?.id === message.id) {
        const job = settle(slot);
        if (message.type === 'done') {
          job?.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
        } else {
          job?.reject(new PdfRenderError(message.message));
        }
      }
      dispatch();
    });
    // A worker can throw any value, not only an Error (so @types/node 24 types it as any).
    worker.on('error', (error: unknown) =>
      fail(slot, new PdfRenderError(`The PDF render worker failed: ${error instanceof Error ? error.message : String(error)}`)),
    );
    worker.on('exit', (code) => {
      if (!closed) fail(slot, new PdfRenderError(`The PDF render worker stopped (exit code ${code})`));
    });
    return slot;
  }

  for (let i = 0; i < size; i++) slots.push(start());

  return {
    render(model) {
      if (closed) return Promise.reject(new PdfRenderPoolClosedError('The PDF render pool is closed'));
      if (queue.length >= maxQueue) {
        return Promise.reject(new PdfRenderPoolBusyError(`${queue.length} PDF renders are already waiting`));
      }
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ id: nextId++, model, resolve, reject });
        dispatch();
      });
    },

    async close() {
      if (closed) return;
      closed = true;
      const error = new PdfRenderPoolClosedError('The PDF render pool was closed');
      for (const job of queue.splice(0)) job.reject(error);
      await Promise.all(
        slots.map(async (slot) => {
          settle(slot)?.reject(error);
          slot.worker.removeAllListeners();
          await slot.worker.terminate();
        }),
      );
    },
  };
}
