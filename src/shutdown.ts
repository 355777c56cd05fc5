import type { Server } from 'node:http';
import type { Logger } from './logger.js';
import type { Draining } from './web/draining.js';

export interface RunningParts {
  server: Server;
  draining: Draining;
  /** How long requests already received may take before their connections are cut. */
  graceMs: number;
  /** Stops the app's timers and PDF render workers. */
  closeApp: () => Promise<void>;
  closeDatabase: () => Promise<void>;
  logger: Logger;
}

/** True if `promise` settles before `deadline` (a Date.now() value). */
function settlesBefore(deadline: number, promise: Promise<unknown>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
    void promise.finally(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Stops a running server in the order that loses nothing: refuse new work, finish what was
 * received, then stop timers and PDF workers, and only then close the database, so that nothing
 * queries it after it is closed. Returns the process exit code: 0 when everything finished,
 * 1 when the grace period ran out and connections had to be cut (or something failed to close).
 */
export async function drainAndStop(parts: RunningParts): Promise<number> {
  const { server, draining, graceMs, logger } = parts;
  const deadline = Date.now() + graceMs;
  draining.start();
  // Kept-alive connections with nothing in flight would otherwise be served until they time out.
  server.closeIdleConnections();
  logger.info({ requestsInFlight: draining.requestsInFlight(), graceMs }, 'draining: finishing the requests received, refusing new ones');

  const requestsFinished = await settlesBefore(deadline, draining.whenRequestsFinished());
  // Stops listening, closes idle connections, and calls back once the last connection has ended.
  const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  const allClosed = requestsFinished && (await settlesBefore(deadline, serverClosed));
  if (!allClosed) {
    const requestsCut = draining.requestsInFlight();
    server.closeAllConnections();
    // The handlers of the cut requests may still be running: closing the database under them would
    // only add errors. Exiting releases everything (SQLite commits are durable; PostgreSQL ends
    // the connections and rolls back what was not committed).
    logger.error({ requestsCut, graceMs }, 'shutdown grace period over: connections cut');
    return 1;
  }

  try {
    await parts.closeApp();
    await parts.closeDatabase();
  } catch (error) {
    logger.error({ err: error }, 'shutdown: closing the app or the database failed');
    return 1;
  }
  logger.info('all requests finished, database closed, bye');
  return 0;
}
