import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DatabaseSchema } from '../../src/db/schema.js';
import { DatabaseSessionStore, updateInPlace } from '../../src/repositories/sessionStore.js';

function store() {
  const connection = new SQLite(':memory:');
  connection.exec('create table sessions (sid text primary key, data text not null, expires_at integer not null)');
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: connection }) });
  return { store: new DatabaseSessionStore(db), db };
}

const done = (run: (callback: (error?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => run((error) => (error ? reject(error instanceof Error ? error : new Error('session store failed')) : resolve())));

const expires = new Date(Date.now() + 86_400_000);

describe('a session changed in place (a signed-in user\'s activity time)', () => {
  it('updates its row, and never brings back a row deleted meanwhile (signed out in another tab)', async () => {
    const { store: sessions, db } = store();
    await done((cb) => sessions.set('sid', { cookie: { originalMaxAge: 1000, expires }, userId: 'u1', lastActiveAt: 1 }, cb));

    const changed = { cookie: { originalMaxAge: 1000, expires }, userId: 'u1', lastActiveAt: 2 };
    updateInPlace(changed);
    // The marker is invisible to the stored JSON and to express-session's change detection.
    expect(JSON.stringify(changed)).not.toContain('updateInPlace');
    await done((cb) => sessions.set('sid', changed, cb));
    const row = await db.selectFrom('sessions').select('data').where('sid', '=', 'sid').executeTakeFirstOrThrow();
    expect(JSON.parse(row.data)).toMatchObject({ lastActiveAt: 2 });

    await done((cb) => sessions.destroy('sid', cb));
    await done((cb) => sessions.set('sid', changed, cb));
    expect(await db.selectFrom('sessions').select('sid').execute()).toHaveLength(0);
  });

  it('leaves new sessions to be inserted as before', async () => {
    const { store: sessions, db } = store();
    await done((cb) => sessions.set('new', { cookie: { originalMaxAge: 1000, expires }, assessmentId: 'a1' }, cb));
    expect(await db.selectFrom('sessions').select('sid').execute()).toEqual([{ sid: 'new' }]);
  });
});
