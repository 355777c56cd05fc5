import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.js';
import type { ReportModel } from './reportModelTypes.js';
import type { RenderRequest, WorkerMessage } from './renderWorkerProtocol.js';

/**
 * A small pool of worker threads that render report PDFs, so that a big report never blocks the
 * event loop that serves requests. Each render has a time limit: a worker that overruns it is
 * terminated and replaced, and the caller gets a `PdfRenderTimeoutError`.
 *
 * The pool takes as many renders as it has workers plus a short queue. A caller about to build
 * a report model (costly) first reserves a place with `reserve()`, so that under overload it is
 * turned away before doing that work. A worker that cannot start is retried after a growing
 * delay, and the pool says it is not ready while no worker can take work.
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

/** Every worker is busy and the queue is full: try again later (HTTP 503). */
export class PdfRenderPoolBusyError extends Error {
  override readonly name = 'PdfRenderPoolBusyError';
  readonly code = 'PDF_RENDER_POOL_BUSY';
}

/** No worker could start (its warm-up keeps failing): try again later (HTTP 503). */
export class PdfRenderUnavailableError extends Error {
  override readonly name = 'PdfRenderUnavailableError';
  readonly code = 'PDF_RENDER_UNAVAILABLE';
}

export class PdfRenderPoolClosedError extends Error {
  override readonly name = 'PdfRenderPoolClosedError';
  readonly code = 'PDF_RENDER_POOL_CLOSED';
}

/** The worker module to run, for tests that need a worker which fails or holds its work. */
export interface RenderWorkerSource {
  url: URL;
  /** Given to the worker as `workerData`. */
  data?: unknown;
}

export interface RestartBackoff {
  /** Wait before the first retry of a worker that failed to start. */
  firstMs: number;
  /** The wait doubles with each failure in a row, up to this. */
  maxMs: number;
}

export interface PdfRenderPoolOptions {
  /** Worker threads (each renders one report at a time). */
  size: number;
  /** Longest a single render may take, from the moment a worker starts it. */
  timeoutMs: number;
  /** Renders that may wait for a worker (default: twice the workers); more are refused. */
  maxQueue?: number;
  restartBackoff?: RestartBackoff;
  /** Where a worker that failed to start (or started after failing) is reported. */
  logger?: Pick<Logger, 'error' | 'info'>;
  worker?: RenderWorkerSource;
}

/** A place held in the pool for one render, taken before the costly model is built. */
export interface PdfRenderReservation {
  /** Renders in the held place. May still be refused if the workers stopped being able to start. */
  render(model: ReportModel): Promise<Buffer>;
  /** Gives the place back unused. Does nothing once `render` was called or after a first release. */
  release(): void;
}

export interface PdfRenderPool {
  /** Cheap: whether a render asked for now would be taken (a free worker or room in the queue). */
  hasCapacity(): boolean;
  /** Holds a place for one render, or says (undefined) that the pool is full or cannot render. */
  reserve(): PdfRenderReservation | undefined;
  /** Renders without a reservation; refused when the pool is full. */
  render(model: ReportModel): Promise<Buffer>;
  /** Whether a render can be served: a warm worker, or the first start of one still under way. */
  isReady(): boolean;
  /** Refuses new work, fails waiting and running renders, and stops the workers. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  model: ReportModel;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

/**
 * One place for a worker. `starting`: warming up; `ready`: takes work; `waiting`: its last start
 * failed and it is retried after `failures`-dependent delay.
 */
interface Slot {
  index: number;
  worker?: Worker;
  state: 'starting' | 'ready' | 'waiting';
  /** Failed starts in a row; back to 0 once a worker of this slot is ready. */
  failures: number;
  job?: Job;
  timer?: NodeJS.Timeout;
  restartTimer?: NodeJS.Timeout;
}

/**
 * Two waiting renders per worker. A long queue only makes the people at its end wait longer for
 * a PDF, when a quick "busy, try again" would serve them better: with `npm run bench:overload`
 * (2 workers, 100 clients, on a shared and busy 2-core machine) served downloads took 39 s at
 * the median with the old queue of 64, and 8 to 13 s with a queue of 4.
 */
const queuePerWorker = 2;
const defaultRestartBackoff: RestartBackoff = { firstMs: 1_000, maxMs: 60_000 };

/**
 * A render allocates many short-lived strings, and a young generation larger than V8's default
 * spared about a tenth of a render's time when it was 48 MB. But a full young generation is
 * resident memory, in every worker: with 48 MB the app peaked at 265 MB over 90 downloads (three
 * at a time), with 16 MB at 246 MB, in the same time to within the noise of a shared machine; the
 * budget is 250 MB (docs/PERFORMANCE.md).
 */
const resourceLimits = { maxYoungGenerationSizeMb: 16 };

const defaultWorker: RenderWorkerSource = { url: new URL(import.meta.url.endsWith('.ts') ? './renderWorker.ts' : './renderWorker.js', import.meta.url) };

/**
 * How to start a worker. Compiled, the worker is `renderWorker.js` next to this file. Under tsx
 * or vitest this module is TypeScript and so is the worker, which plain Node cannot load. On
 * Node 20 `execArgv: ['--import', 'tsx']` does not reach a worker's entry module (the loader
 * hooks are registered after it is resolved), so a one-line bootstrap registers tsx in the
 * worker first and then imports the worker module. It resolves `tsx` from the working
 * directory: the project root, as under `npm run dev` and `vitest`.
 */
function startWorker(source: RenderWorkerSource): Worker {
  const options = { resourceLimits, workerData: source.data };
  if (!source.url.pathname.endsWith('.ts')) return new Worker(source.url, options);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.url.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** Stops a worker we no longer listen to; its late errors and exit mean nothing any more. */
function discard(worker: Worker | undefined): void {
  if (!worker) return;
  worker.removeAllListeners();
  worker.on('error', () => undefined);
  void worker.terminate();
}

export function createPdfRenderPool(options: PdfRenderPoolOptions): PdfRenderPool {
  const { size, timeoutMs, logger } = options;
  const maxQueue = options.maxQueue ?? queuePerWorker * size;
  const backoff = options.restartBackoff ?? defaultRestartBackoff;
  const source = options.worker ?? defaultWorker;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`A render pool needs at least one worker, not ${size}`);
  if (!(timeoutMs > 0)) throw new RangeError(`A render time limit must be positive, not ${timeoutMs}`);
  if (!Number.isInteger(maxQueue) || maxQueue < 0) throw new RangeError(`A render queue cannot hold ${maxQueue} renders`);

  const queue: Job[] = [];
  const slots: Slot[] = [];
  let reserved = 0;
  let nextId = 1;
  let closed = false;

  /** A slot that serves, or will soon: warm, or on a first start (not a retry after failures). */
  const canServe = (slot: Slot) => slot.state === 'ready' || (slot.state === 'starting' && slot.failures === 0);
  const anyCanServe = () => slots.some(canServe);
  const occupied = () => slots.filter((slot) => slot.job).length + queue.length + reserved;
  const hasCapacity = () => !closed && anyCanServe() && occupied() < size + maxQueue;

  function settle(slot: Slot): Job | undefined {
    const { job } = slot;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    return job;
  }

  function dispatch(): void {
    if (closed) return;
    for (const slot of slots) {
      if (slot.state !== 'ready' || slot.job || !slot.worker) continue;
      const job = queue.shift();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(() => {
        const overrun = settle(slot);
        launch(slot);
        overrun?.reject(new PdfRenderTimeoutError(timeoutMs));
        dispatch();
      }, timeoutMs);
      const request: RenderRequest = { id: job.id, model: job.model };
      slot.worker.postMessage(request);
    }
  }

  /** A worker that took work died: start a fresh one at once (its start worked before). */
  function crashed(slot: Slot, error: Error): void {
    const job = settle(slot);
    launch(slot);
    job?.reject(error);
    dispatch();
  }

  /**
   * A worker could not warm up (or died before it did). It would fail again at once, so its
   * slot waits, longer after each failure in a row, instead of restarting in a loop. While no
   * worker can serve, waiting renders are refused rather than left to wait for nothing.
   */
  function failedToStart(slot: Slot, reason: string): void {
    discard(slot.worker);
    slot.worker = undefined;
    slot.state = 'waiting';
    slot.failures += 1;
    const retryInMs = Math.min(backoff.maxMs, backoff.firstMs * 2 ** (slot.failures - 1));
    logger?.error({ worker: slot.index, attempt: slot.failures, retryInMs, reason }, 'a PDF render worker could not start; retrying later');
    slot.restartTimer = setTimeout(() => {
      slot.restartTimer = undefined;
      launch(slot);
    }, retryInMs);
    slot.restartTimer.unref();
    if (!anyCanServe()) {
      const error = new PdfRenderUnavailableError('No PDF render worker could start');
      for (const waiting of queue.splice(0)) waiting.reject(error);
    }
  }

  function launch(slot: Slot): void {
    discard(slot.worker);
    slot.worker = undefined;
    if (closed) return;
    const worker = startWorker(source);
    slot.worker = worker;
    slot.state = 'starting';
    const current = () => slot.worker === worker && !closed;
    worker.on('message', (message: WorkerMessage) => {
      if (!current()) return;
      if (message.type === 'warmUpFailed') {
        failedToStart(slot, message.message);
        return;
      }
      if (message.type === 'ready') {
        if (slot.failures > 0) logger?.info({ worker: slot.index, failedAttempts: slot.failures }, 'a PDF render worker started after failing');
        slot.state = 'ready';
        slot.failures = 0;
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
    const died = (reason: string) => {
      if (!current()) return;
      if (slot.state === 'ready') crashed(slot, new PdfRenderError(reason));
      else failedToStart(slot, reason);
    };
    // A worker can throw any value, not only an Error (so @types/node 24 types it as any).
    worker.on('error', (error: unknown) => died(`The PDF render worker failed: ${error instanceof Error ? error.message : String(error)}`));
    worker.on('exit', (code) => died(`The PDF render worker stopped (exit code ${code})`));
  }

  /** Queues a render; `holdsPlace` when it fills a reservation, which the capacity already counts. */
  function enqueue(model: ReportModel, holdsPlace: boolean): Promise<Buffer> {
    if (closed) return Promise.reject(new PdfRenderPoolClosedError('The PDF render pool is closed'));
    if (!anyCanServe()) return Promise.reject(new PdfRenderUnavailableError('No PDF render worker could start'));
    if (!holdsPlace && occupied() >= size + maxQueue) {
      return Promise.reject(new PdfRenderPoolBusyError(`All ${size} PDF render workers are busy and ${queue.length} renders are waiting`));
    }
    return new Promise<Buffer>((resolve, reject) => {
      queue.push({ id: nextId++, model, resolve, reject });
      dispatch();
    });
  }

  for (let index = 0; index < size; index++) {
    const slot: Slot = { index, state: 'starting', failures: 0 };
    slots.push(slot);
    launch(slot);
  }

  return {
    hasCapacity,
    isReady: () => !closed && anyCanServe(),

    reserve() {
      if (!hasCapacity()) return undefined;
      reserved += 1;
      let held = true;
      const giveBack = () => {
        if (!held) return false;
        held = false;
        reserved -= 1;
        return true;
      };
      return {
        render: (model) => enqueue(model, giveBack()),
        release: () => void giveBack(),
      };
    },

    render: (model) => enqueue(model, false),

    async close() {
      if (closed) return;
      closed = true;
      const error = new PdfRenderPoolClosedError('The PDF render pool was closed');
      for (const job of queue.splice(0)) job.reject(error);
      await Promise.all(
        slots.map(async (slot) => {
          if (slot.restartTimer) clearTimeout(slot.restartTimer);
          settle(slot)?.reject(error);
          const { worker } = slot;
          slot.worker = undefined;
          if (!worker) return;
          worker.removeAllListeners();
          worker.on('error', () => undefined);
          await worker.terminate();
        }),
      );
    },
  };
}
