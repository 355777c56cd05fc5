import { parentPort } from 'node:worker_threads';
import { renderReportPdf } from './pdf/document.js';
import { warmUpPdfRenderer } from './pdf/warmUp.js';
import { serveRenderRequests } from './renderWorkerProtocol.js';

/**
 * The render worker: draws report models off the main thread (protocol in
 * renderWorkerProtocol.ts).
 *
 * It runs at normal priority on purpose. `os.setPriority(19)` here does lower this thread alone
 * on Linux (checked in /proc/self/task/<tid>/stat), but on a host whose other processes are
 * busy (a shared CI runner, measured at load 18 on 2 cores) a nice-19 worker got so little CPU
 * that a small render overran a 1 s limit it meets at nice 0, and PDF downloads timed out.
 */
if (parentPort) serveRenderRequests(parentPort, { warmUp: warmUpPdfRenderer, render: renderReportPdf });
