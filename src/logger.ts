import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

const REDACTED = '[redacted]';
/** A run of URL-safe characters this long is a token (resume tokens are 43), not a word. */
const TOKEN_LIKE = /[A-Za-z0-9_-]{32,}/g;

/**
 * Errors quote what the client sent ("Failed to decode param '<token>%E0'"): their message and
 * stack are scrubbed of anything that looks like a token before they are written.
 */
function serializeError(error: unknown): unknown {
  const serialized: unknown = pino.stdSerializers.err(error as Error);
  if (typeof serialized !== 'object' || serialized === null) return serialized;
  const fields = serialized as { message?: unknown; stack?: unknown };
  if (typeof fields.message === 'string') fields.message = fields.message.replace(TOKEN_LIKE, REDACTED);
  if (typeof fields.stack === 'string') fields.stack = fields.stack.replace(TOKEN_LIKE, REDACTED);
  return serialized;
}

/** JSON lines on stdout, or on `destination` (tests read the log from memory). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: ['req.headers.cookie', 'res.headers["set-cookie"]'], serializers: { err: serializeError } };
  return destination ? pino(options, destination) : pino(options);
}

/** Paths whose next segment is a secret: /resume/<token>. Express matches routes case-insensitively. */
const SECRET_AFTER = /^(\/+resume\/)[^/]*/i;
/** A segment this long is an identifier or a token, never a word worth keeping in a log. */
const LONG_SEGMENT = /[^/]{32,}/g;
/** Logs stay one short line, whatever a client sends. */
const MAX_LOGGED_URL = 200;

/**
 * A request URL as it may be written to a log: resume tokens and anything that looks like a
 * token replaced, query values replaced (the names stay, they tell what was asked), cut to a
 * bounded length. Every URL the app logs goes through here.
 */
export function loggableUrl(url: string): string {
  const queryStart = url.indexOf('?');
  const pathPart = queryStart === -1 ? url : url.slice(0, queryStart);
  let logged = pathPart.replace(SECRET_AFTER, `$1${REDACTED}`).replace(LONG_SEGMENT, REDACTED);
  if (queryStart !== -1) {
    const names = url
      .slice(queryStart + 1)
      .split('&')
      .filter((pair) => pair !== '')
      .map((pair) => {
        const equals = pair.indexOf('=');
        const name = (equals === -1 ? pair : pair.slice(0, equals)).replace(LONG_SEGMENT, REDACTED);
        return equals === -1 ? name : `${name}=${REDACTED}`;
      });
    logged += `?${names.join('&')}`;
  }
  return logged.length > MAX_LOGGED_URL ? `${logged.slice(0, MAX_LOGGED_URL)}…` : logged;
}

declare module 'http' {
  interface IncomingMessage {
    /** Unique across restarts and instances; every line logged for the request carries it. */
    id: string;
    /** The app's logger bound to this request's id (made when first used). */
    log: Logger;
  }
}

type LoggedRequest = IncomingMessage & { originalUrl?: string };

const BASE_LOGGER = Symbol('riskplan.baseLogger');
type TrackedRequest = LoggedRequest & { [BASE_LOGGER]?: Logger };

/**
 * `req.log`, made on first use only and then kept: most requests log nothing but their access
 * line, and the pino child loggers made for every request (pino-http made two) were a measurable
 * part of a page's CPU.
 */
const lazyRequestLog: PropertyDescriptor = {
  configurable: true,
  enumerable: false,
  get(this: TrackedRequest): Logger {
    const base = this[BASE_LOGGER];
    if (!base) throw new Error('req.log used before the access log middleware ran');
    const log = base.child({ reqId: this.id });
    Object.defineProperty(this, 'log', { value: log, configurable: true, enumerable: false, writable: true });
    return log;
  },
};

/**
 * The access log: one short line per request (about 200 bytes, not the 1.3 kB header dump of
 * pino-http's defaults): method, redacted URL, status, response time and a request id unique
 * across restarts and instances, written when the response has finished or the client went away.
 * No headers, no body, no secrets. Requests that `ignore` picks are not logged.
 */
export function accessLog(logger: Logger, ignore: (req: IncomingMessage) => boolean): (req: TrackedRequest, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const started = Date.now();
    req.id = randomUUID();
    req[BASE_LOGGER] = logger;
    Object.defineProperty(req, 'log', lazyRequestLog);
    if (!ignore(req)) {
      const done = () => {
        res.off('finish', done);
        res.off('close', done);
        const fields = {
          reqId: req.id,
          method: req.method,
          url: loggableUrl(req.originalUrl ?? req.url ?? ''),
          status: res.statusCode,
          responseTime: Date.now() - started,
          // The client went away before the response was complete.
          ...(res.writableFinished ? {} : { aborted: true }),
        };
        // Info whatever the status: the error handler and the routes log causes (at error or warn,
        // with the incident id); a 5xx access line would say it again, and a flood of deliberate
        // 503 refusals would fill the log at error level.
        logger.info(fields, res.statusCode >= 500 ? 'request errored' : 'request completed');
      };
      res.on('finish', done);
      res.on('close', done);
    }
    next();
  };
}
