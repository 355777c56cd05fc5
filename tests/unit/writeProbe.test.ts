import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openSqlite, type Db } from '../../src/db/database.js';
import type { DatabaseSchema } from '../../src/db/schema.js';
import { writeProbeCheck } from '../../src/db/writeProbe.js';

async function withDatabase(work: (db: Db, file: string) => Promise<void>): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'riskplan-probe-'));
  const database = openSqlite(folder);
  try {
    await migrateToLatest(database.db);
    await work(database.db, path.join(folder, 'riskplan.sqlite'));
  } finally {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('the write probe behind /healthz', () => {
  it('is ready while the database takes writes, and rewrites its row each time it really probes', async () => {
    await withDatabase(async (db) => {
      let now = 0;
      const isReady = writeProbeCheck(db, { cacheMs: 2000, clock: () => now });
      expect(await isReady()).toBe(true);
      const first = await db.selectFrom('write_probe').select('checked_at').where('id', '=', 1).executeTakeFirstOrThrow();
      await new Promise((resolve) => setTimeout(resolve, 5));
      now = 1999;
      expect(await isReady()).toBe(true);
      expect(await db.selectFrom('write_probe').select('checked_at').where('id', '=', 1).executeTakeFirstOrThrow()).toEqual(first);
      now = 2000;
      expect(await isReady()).toBe(true);
      expect(await db.selectFrom('write_probe').select('checked_at').where('id', '=', 1).executeTakeFirstOrThrow()).not.toEqual(first);
      expect(await db.selectFrom('write_probe').select('id').execute()).toEqual([{ id: 1 }]);
    });
  });

  it('is not ready when the database cannot grow, says why once, and is ready again when it can', async () => {
    await withDatabase(async (db) => {
      let now = 0;
      const changes: { writable: boolean; code?: unknown }[] = [];
      const isReady = writeProbeCheck(db, {
        cacheMs: 2000,
        clock: () => now,
        onChange: (writable, error) => changes.push({ writable, ...(error ? { code: (error as { storageCode?: unknown }).storageCode } : {}) }),
      });
      await sql`vacuum`.execute(db);
      const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db);
      await sql.raw(`pragma max_page_count = ${rows[0]?.page_count ?? 0}`).execute(db);
      expect(await isReady()).toBe(false);
      now = 2000;
      expect(await isReady()).toBe(false);
      await sql.raw('pragma max_page_count = 1073741823').execute(db);
      now = 4000;
      expect(await isReady()).toBe(true);
      expect(changes).toEqual([{ writable: false, code: 'SQLITE_FULL' }, { writable: true }]);
    });
  });

  it('is not ready on a read-only database', async () => {
    await withDatabase(async (_db, file) => {
      const readOnly = new SQLite(file, { readonly: true });
      const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: readOnly }) });
      try {
        expect(await writeProbeCheck(db, { cacheMs: 0 })()).toBe(false);
      } finally {
        await db.destroy();
      }
    });
  });

  it('shares one probe between callers that arrive together', async () => {
    let probes = 0;
    const db = {
      transaction: () => ({
        execute: async () => {
          probes += 1;
          await new Promise((resolve) => setTimeout(resolve, 20));
        },
      }),
    } as unknown as Db;
    const isReady = writeProbeCheck(db, { cacheMs: 2000 });
    expect(await Promise.all([isReady(), isReady(), isReady()])).toEqual([true, true, true]);
    expect(probes).toBe(1);
  });
});
