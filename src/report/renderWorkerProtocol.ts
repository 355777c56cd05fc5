import type { MessagePort } from 'node:worker_threads';
import { ownBytes, type ReportBranding } from './reportBranding.js';
import type { ReportModel } from './reportModelTypes.js';

/**
 * What the render pool and a render worker say to each other. A worker warms up first and says
 * `ready`, or `warmUpFailed` if it cannot (it then takes no work and the pool retries later);
 * then it answers each `{ id, model, branding? }` with the PDF bytes or an error.
 */

export interface RenderRequest {
  id: number;
  model: ReportModel;
  /** The consultant firm's name and logo, when the report carries them (see reportBranding.ts). */
  branding?: ReportBranding;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'warmUpFailed'; message: string }
  | { type: 'done'; id: number; pdf: Uint8Array }
  | { type: 'failed'; id: number; message: string };

export interface RenderWorkerParts {
  warmUp: () => Promise<void>;
  render: (model: ReportModel, branding?: ReportBranding) => Promise<Uint8Array>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs the worker's side of the protocol on `port` (the worker's `parentPort`). */
export function serveRenderRequests(port: MessagePort, parts: RenderWorkerParts): void {
  const answer = (request: RenderRequest): void => {
    parts.render(request.model, request.branding).then(
      (bytes) => {
        // Hand the bytes over without copying: a buffer of its own, transferred.
        const pdf = ownBytes(bytes);
        const message: WorkerMessage = { type: 'done', id: request.id, pdf };
        port.postMessage(message, [pdf.buffer as ArrayBuffer]);
      },
      (error: unknown) => port.postMessage({ type: 'failed', id: request.id, message: messageOf(error) } satisfies WorkerMessage),
    );
  };
  // Parse the fonts and compile the hot paths before taking work, so that the time limit of
  // the first render measures rendering, not start-up. A failed warm-up is said as such: a
  // worker that cannot warm up would fail every render, and saying `ready` anyway made the pool
  // hand it work and restart it in a tight loop.
  parts.warmUp().then(
    () => {
      port.on('message', answer);
      port.postMessage({ type: 'ready' } satisfies WorkerMessage);
    },
    (error: unknown) => port.postMessage({ type: 'warmUpFailed', message: messageOf(error) } satisfies WorkerMessage),
  );
}
