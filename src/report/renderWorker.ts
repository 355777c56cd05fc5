import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { renderReportPdf } from './pdf/document.js';
import { warmUpPdfRenderer } from './pdf/warmUp.js';
import { serveRenderRequests } from './renderWorkerProtocol.js';

/**
 * The render worker: draws report models off the main thread (protocol in
 * renderWorkerProtocol.ts).
 *
 * On two cores the workers compete with the main thread that serves pages. On Linux a nice
 * value is per thread, so raising it here lowers this worker thread alone: a page request then
 * gets the CPU ahead of a PDF that can wait a few milliseconds more. Where that is not allowed,
 * the worker runs at normal priority.
 */
const LOWEST_PRIORITY = 19;

if (parentPort) {
  try {
    setPriority(LOWEST_PRIORITY);
  } catch {
    // Not permitted on this system: render at normal priority.
  }
  serveRenderRequests(parentPort, { warmUp: warmUpPdfRenderer, render: renderReportPdf });
}
