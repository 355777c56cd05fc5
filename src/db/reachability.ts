import { sql, type Kysely } from 'kysely';

/** A trivial query: the cheapest proof that the store answers. */
export async function pingDatabase<Schema>(db: Kysely<Schema>): Promise<void> {
  await sql`select 1`.execute(db);
}

export function reachabilityCheck<Schema>(db: Kysely<Schema>): () => Promise<boolean> {
  return async () => {
    try {
      await pingDatabase(db);
      return true;
    } catch {
      return false;
    }
  };
}

/** A readable reason for a failed connection (Node 20 gives an AggregateError with no message for a refused dual-stack connect). */
export function describeConnectionError(error: unknown): string {
  if (error instanceof AggregateError && !error.message) {
    return [...new Set(error.errors.map(describeConnectionError))].join('; ');
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return error.message || (typeof code === 'string' ? code : error.name);
  }
  return String(error);
}
