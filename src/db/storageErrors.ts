/**
 * Storage that cannot be used right now (a full disk, a read-only database, a lost connection, a
 * server shutting down) is a passing state, not a bug: the user should hear "not saved, try again
 * in a moment" (503 with Retry-After), never a false "form expired" or "not found", and the log
 * should name the store's own code (SQLITE_FULL, 53100...), not whatever error came last.
 */

/** How long a client is asked to wait before trying again. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  readonly status = 503;
  readonly retryAfterSeconds = STORAGE_RETRY_AFTER_SECONDS;

  constructor(
    /** The store's own code: an SQLite result code, a PostgreSQL SQLSTATE, a socket error code, or a pg pool state. */
    readonly storageCode: string,
    cause: unknown,
  ) {
    // The logger's error serialiser appends the cause's own message and stack after this one.
    super(`The database cannot be used right now (${storageCode})`, { cause });
  }
}

/**
 * SQLite result codes (better-sqlite3 puts the extended code, like SQLITE_IOERR_WRITE, in `code`)
 * that say the file cannot be written or reached now. SQLITE_CORRUPT is left out on purpose: it
 * does not pass by waiting.
 */
const SQLITE_UNAVAILABLE = /^SQLITE_(FULL|READONLY|IOERR|BUSY|LOCKED|CANTOPEN|PROTOCOL|NOMEM)(_|$)/;

/**
 * PostgreSQL SQLSTATE classes and codes that mean "not now": 08 connection exceptions, 53
 * insufficient resources (53100 disk full, 53300 too many connections), 57 operator intervention
 * (57014 statement timeout, 57P01..03 shutdown and restart), 58 system errors (58030 I/O), 25006
 * read-only transaction (a standby after failover), 40001 and 40P01 (serialisation failure,
 * deadlock: the same save succeeds when sent again).
 */
const POSTGRES_UNAVAILABLE = /^(08...|53...|57...|58...|25006|40001|40P01)$/;

/** Socket errors from reaching the database server. */
const NETWORK_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

/** pg and pg-pool raise these without a code. */
const POOL_MESSAGES: readonly [RegExp, string][] = [
  [/^timeout exceeded when trying to connect/i, 'pool_connect_timeout'],
  [/^Connection terminated/i, 'connection_terminated'],
  [/not queryable/i, 'connection_broken'],
];

function codeOf(error: object): string | undefined {
  const { code } = error as { code?: unknown };
  return typeof code === 'string' ? code : undefined;
}

/** The store's code when this one error (not its causes) says storage is unavailable. */
function unavailableCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = codeOf(error);
  if (code !== undefined && (SQLITE_UNAVAILABLE.test(code) || POSTGRES_UNAVAILABLE.test(code) || NETWORK_UNAVAILABLE.has(code))) return code;
  // Node 20 reports a refused dual-stack connect as an AggregateError of one error per address.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const innerCode = unavailableCodeOf(inner);
      if (innerCode !== undefined) return innerCode;
    }
  }
  if (error instanceof Error) return POOL_MESSAGES.find(([pattern]) => pattern.test(error.message))?.[1];
  return undefined;
}

/**
 * The error as a StorageUnavailableError when it (or something it was caused by) says the
 * database cannot be used right now; undefined for every other error. An error that already
 * carries an HTTP status (a refused form, a too-large body) is left as it is.
 */
export function asStorageUnavailable(error: unknown): StorageUnavailableError | undefined {
  if (error instanceof StorageUnavailableError) return error;
  if (typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number') return undefined;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    if (current instanceof StorageUnavailableError) return current;
    const code = unavailableCodeOf(current);
    if (code !== undefined) return new StorageUnavailableError(code, error);
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}
