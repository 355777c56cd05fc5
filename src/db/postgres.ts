import { Kysely, PostgresDialect, PostgresDriver, type Driver, type PostgresDialectConfig } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { reachabilityCheck } from './reachability.js';
import type { DatabaseSchema } from './schema.js';

export interface PostgresOptions {
  /** Most connections this app instance holds; every instance has its own pool. */
  poolMax: number;
  /** The server cancels any statement that runs longer than this. */
  statementTimeoutMs: number;
  /** How long to wait for a connection (new or from the pool) before failing the request. */
  connectionTimeoutMs?: number;
  /** Called when an idle pooled connection breaks (server restart, network): the pool replaces it. */
  onIdleConnectionError?: (error: Error) => void;
}

const INT8_OID = 20;

/**
 * bigint (int8) columns come back from pg as strings, from better-sqlite3 as numbers. Our bigints
 * are epoch milliseconds and counts, far below 2^53, so both stores return plain numbers. Set per
 * pool, not on pg's global parser table, so nothing else in the process is affected.
 */
type TypeParser = (value: string) => unknown;

const portableTypes: pg.CustomTypesConfig = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format) as TypeParser;
  },
};

/** A URL safe to log or show: the password replaced. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/**
 * When the connection broke inside a transaction (server shutdown 57P01, failover, network),
 * kysely's ROLLBACK fails too and its error ("Client has encountered a connection error and is
 * not queryable") replaces the real one. Kysely has already marked that connection for discard,
 * and the server ends a transaction whose connection is gone, so the failed rollback is dropped
 * and the error that caused it is the one that reaches the caller and the log.
 */
class PostgresDriverKeepingTheRealError extends PostgresDriver {
  override async rollbackTransaction(connection: Parameters<PostgresDriver['rollbackTransaction']>[0]): Promise<void> {
    await super.rollbackTransaction(connection).catch(() => undefined);
  }
}

class PostgresDialectKeepingTheRealError extends PostgresDialect {
  constructor(private readonly config: PostgresDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new PostgresDriverKeepingTheRealError(this.config);
  }
}

/** PostgreSQL for several app instances on one database. Opens a pool; connects lazily. */
export function openPostgres(url: string, options: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax,
    statement_timeout: options.statementTimeoutMs,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    application_name: 'riskplan',
    types: portableTypes,
  });
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on('error', (error) => options.onIdleConnectionError?.(error));
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialectKeepingTheRealError({ pool }) });
  return {
    db,
    kind: 'postgres',
    raw: { kind: 'postgres', pool },
    isReachable: reachabilityCheck(db),
    close: () => db.destroy(),
  };
}
