import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DatabaseSchema } from '../../src/db/schema.js';
import { DatabaseSessionStore } from '../../src/repositories/sessionStore.js';

/** A store over an in-memory database; without the sessions table every statement fails. */
function storeOver(withTable: boolean): { store: DatabaseSessionStore; db: Kysely<DatabaseSchema>; statements: string[] } {
  const connection = new SQLite(':memory:');
  if (withTable) connection.exec('create table sessions (sid text primary key, data text not null, expires_at integer not null)');
  const statements: string[] = [];
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: connection }), log: (event) => void statements.push(event.query.sql) });
  return { store: new DatabaseSessionStore(db), db, statements };
}

function calls<T extends unknown[]>(invoke: (callback: (...args: T) => void) => void): Promise<T[]> {
  const seen: T[] = [];
  invoke((...args) => seen.push(args));
  // Long enough for the statement and any second call a broken chain would make.
  return new Promise((resolve) => setTimeout(() => resolve(seen), 50));
}

const data = { cookie: { originalMaxAge: 1000, expires: new Date(Date.now() + 30 * 86_400_000) } } as never;

describe('DatabaseSessionStore', () => {

  it('calls each callback exactly once when the database fails', async () => {
    const { store } = storeOver(false);
    for (const seen of [
      await calls((cb) => store.get('sid', cb)),
      await calls((cb) => store.set('sid', data, cb)),
      await calls((cb) => store.touch('sid', data, cb)),
      await calls((cb) => store.destroy('sid', cb)),
    ]) {
      expect(seen).toHaveLength(1);
      expect(seen[0]?.[0]).toBeInstanceOf(Error);
    }
  });

  it('writes the rolling expiry at most once an hour, not on every request', async () => {
    const { store, statements } = storeOver(true);
    await calls((cb) => store.set('sid', data, cb));
    await calls((cb) => store.get('sid', cb));
    statements.length = 0;
    // The next request a minute later: its cookie expiry moved by a minute, no write.
    const aMinuteLater = { cookie: { originalMaxAge: 1000, expires: new Date(Date.now() + 30 * 86_400_000 + 60_000) } } as never;
    const touched = await calls((cb) => store.touch('sid', aMinuteLater, cb));
    expect(touched).toHaveLength(1);
    expect(touched[0]?.[0]).toBeFalsy();
    expect(statements.filter((statement) => statement.startsWith('update'))).toHaveLength(0);
    // Two hours later it is written.
    await calls((cb) => store.get('sid', cb));
    const later = { cookie: { originalMaxAge: 1000, expires: new Date(Date.now() + 30 * 86_400_000 + 7_200_000) } } as never;
    await calls((cb) => store.touch('sid', later, cb));
    expect(statements.filter((statement) => statement.startsWith('update'))).toHaveLength(1);
  });
});
