import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { ReadinessCheck } from './routes/healthRoutes.js';

/**
 * Seconds a client turned away while this instance stops should wait: long enough for a load
 * balancer to send it elsewhere, or for a single instance to come back after a restart.
 */
export const DRAINING_RETRY_AFTER_SECONDS = 5;

/**
 * The state of an instance that has been asked to stop (SIGTERM). Requests received before that
 * moment are finished; requests that arrive afterwards get a 503 page before they touch a session
 * or the database; every response from then on closes its connection, and /healthz says not
 * ready so that load balancers stop sending traffic here.
 */
export interface Draining {
  /** Called by the HTTP server for every request, before the app sees it: remembers what was received before draining. */
  track(req: IncomingMessage, res: ServerResponse): void;
  /** Mounted before sessions: answers requests that arrived after draining began with a 503 page and Retry-After. */
  refuseNewRequests: RequestHandler;
  /** For /healthz: not ready from the moment draining begins. */
  readinessCheck: ReadinessCheck;
  /** Begins draining. Requests already received carry on. */
  start(): void;
  isDraining(): boolean;
  /** How many requests received before draining are still being answered. */
  requestsInFlight(): number;
  /** Resolves once every request received before draining has been answered (or lost its connection). */
  whenRequestsFinished(): Promise<void>;
}

export function createDraining(): Draining {
  let draining = false;
  /** Requests received before draining: these are finished, everything later is refused. */
  const received = new WeakSet<IncomingMessage>();
  const inFlight = new Set<ServerResponse>();
  const waiters: (() => void)[] = [];

  function wakeWaitersWhenIdle(): void {
    if (!draining || inFlight.size > 0) return;
    for (const wake of waiters.splice(0)) wake();
  }

  function closeAfterResponse(res: ServerResponse): void {
    // Node ends the connection after a response that says so, instead of keeping it alive.
    if (!res.headersSent) res.setHeader('Connection', 'close');
  }

  return {
    track(req, res) {
      if (draining) {
        closeAfterResponse(res);
        return;
      }
      received.add(req);
      inFlight.add(res);
      // 'close' comes after the response is sent, and also when its connection is lost first.
      res.once('close', () => {
        inFlight.delete(res);
        wakeWaitersWhenIdle();
      });
    },

    refuseNewRequests(req, res, next) {
      if (!draining || received.has(req)) {
        next();
        return;
      }
      res.setHeader('Retry-After', String(DRAINING_RETRY_AFTER_SECONDS));
      res.setHeader('Cache-Control', 'no-store');
      res.status(503).render('pages/error', { status: 'restarting', incidentId: undefined });
    },

    readinessCheck: { name: 'draining', isReady: () => !draining },

    start() {
      if (draining) return;
      draining = true;
      for (const res of inFlight) closeAfterResponse(res);
      wakeWaitersWhenIdle();
    },

    isDraining: () => draining,

    requestsInFlight: () => inFlight.size,

    whenRequestsFinished() {
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        wakeWaitersWhenIdle();
      });
    },
  };
}
