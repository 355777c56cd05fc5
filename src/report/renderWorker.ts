import { parentPort } from 'node:worker_threads';
import { renderReportPdf } from './pdf/document.js';
import { warmUpPdfRenderer } from './pdf/warmUp.js';
import type { ReportModel } from './reportModelTypes.js';

/**
 * The render worker: draws report models off the main thread. Protocol (see renderPool.ts):
 * it says `ready` once warm, then answers each `{ id, model }` with the PDF bytes or an error.
 */

export interface RenderRequest {
  id: number;
  model: ReportModel;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; pdf: Uint8Array }
  | { type: 'failed'; id: number; message: string };

const port = parentPort;
if (port) {
  port.on('message', (request: RenderRequest) => {
    renderReportPdf(request.model).then(
      (bytes) => {
        // Hand the bytes over without copying: a buffer of its own, transferred.
        const pdf = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Uint8Array.prototype.slice.call(bytes);
        const message: WorkerMessage = { type: 'done', id: request.id, pdf };
        port.postMessage(message, [pdf.buffer as ArrayBuffer]);
      },
      (error: unknown) => {
        const message: WorkerMessage = { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
        port.postMessage(message);
      },
    );
  });
  // Parse the fonts and compile the hot paths before taking work, so that the time limit of
  // the first render measures rendering, not start-up.
  void warmUpPdfRenderer().finally(() => port.postMessage({ type: 'ready' } satisfies WorkerMessage));
}
