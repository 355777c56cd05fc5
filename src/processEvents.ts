import type { Logger } from './logger.js';

/**
 * Sends what Node would print on its own (unhandled rejections, uncaught exceptions, warnings)
 * through the JSON log instead: one line each, the stack inside the JSON, nothing raw on stdout
 * or stderr for a log collector to split into dozens of meaningless entries.
 */
export function logProcessEvents(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  // A promise nobody awaited failed: a bug to fix, but the request that caused it is already answered.
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
  // After an uncaught exception the process state is unknown: log it and stop; the orchestrator restarts.
  process.on('uncaughtException', (error, origin) => {
    logger.fatal({ err: error, origin }, 'uncaught exception: stopping');
    exit(1);
  });
  // Node prints warnings to stderr through a listener of its own: replace it with a log line.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    logger.warn({ warning: { name: warning.name, code: (warning as { code?: unknown }).code, message: warning.message } }, 'process warning');
  });
}
