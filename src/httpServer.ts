import { createServer, type RequestListener, type Server } from 'node:http';
import type { HttpLimits } from './config.js';
import type { Logger } from './logger.js';

/** At most one "connections refused" warning in this long; it counts the refusals since the one before. */
const REFUSAL_LOG_INTERVAL_MS = 10_000;

/**
 * The HTTP server with limits that keep slow or numerous clients from holding it: a client that
 * sends its headers or body too slowly gets a 408 and loses its connection, an idle kept-alive
 * connection is closed, and connections past the cap are closed as soon as they open.
 */
export function createHttpServer(handler: RequestListener, limits: HttpLimits, logger: Logger): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node looks for overdue requests only this often (every 30 s by default), which would let a
      // slow client hold its connection up to 30 s past the timeouts above.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    handler,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  logRefusedConnections(server, limits.maxConnections, logger);
  return server;
}

/** Operators need to know the cap is reached, without a log line per refused connection. */
function logRefusedConnections(server: Server, maxConnections: number, logger: Logger): void {
  let refusedSinceLastLine = 0;
  let quietUntil = 0;
  server.on('drop', () => {
    if (Date.now() < quietUntil) {
      refusedSinceLastLine += 1;
      return;
    }
    logger.warn({ refused: refusedSinceLastLine + 1, maxConnections }, 'connections refused: MAX_CONNECTIONS reached');
    refusedSinceLastLine = 0;
    quietUntil = Date.now() + REFUSAL_LOG_INTERVAL_MS;
  });
}
