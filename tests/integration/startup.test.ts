import { spawn } from 'node:child_process';
import { DEFAULT_MIGRATION_TABLE, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseStartError, migrateToLatest, openDatabase, requireCurrentSchema } from '../../src/db/database.js';
import { databaseUrl } from '../support/postgresCluster.js';
import { databaseSettingsFor, makeDataDir, postgresTools, removeDataDir, serverEnvironmentFor, startApp, testStore } from '../support/testApp.js';
import { freeLoopbackPort } from '../support/ports.js';

/** Runs the real entry point with `environment` and returns its exit code and stderr. */
function startServer(environment: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', ...environment },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
}

describe(`starting the app (${testStore})`, () => {
  const folders: string[] = [];
  const dataDir = () => {
    const folder = makeDataDir();
    folders.push(folder);
    return folder;
  };
  afterEach(() => folders.splice(0).forEach(removeDataDir));

  it('refuses an unreachable DATABASE_URL with a message that names it and hides the password', async () => {
    const url = `postgres://riskplan:hunter2-secret@127.0.0.1:${await freeLoopbackPort()}/riskplan`;
    const opening = openDatabase({ kind: 'postgres', url, poolMax: 2, statementTimeoutMs: 1000 });
    await expect(opening).rejects.toThrow(DatabaseStartError);
    await expect(opening).rejects.toThrow(/^Cannot reach the PostgreSQL database at postgres:\/\/riskplan:\*\*\*@127\.0\.0\.1:\d+\/riskplan \(DATABASE_URL\): .*ECONNREFUSED/);

    const { code, stderr } = await startServer({ DATA_DIR: dataDir(), DATABASE_URL: url });
    expect(code).toBe(1);
    expect(stderr).toContain('RiskPlan could not start: Cannot reach the PostgreSQL database at postgres://riskplan:***@127.0.0.1:');
    expect(stderr).not.toContain('hunter2-secret');
    expect(stderr).not.toMatch(/\n\s+at /); // a known failure: no stack trace
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL before touching anything', async () => {
    const { code, stderr } = await startServer({ DATA_DIR: dataDir(), DATABASE_URL: 'mysql://localhost/riskplan' });
    expect(code).toBe(1);
    expect(stderr).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL');
  });

  it('refuses a schema newer than the app, on the store under test, without changing it', async () => {
    const folder = dataDir();
    const running = await startApp(folder);
    await sql`insert into ${sql.table(DEFAULT_MIGRATION_TABLE)} (name, timestamp) values ('9999_from_a_newer_release', ${new Date().toISOString()})`.execute(running.database.db);
    await running.stop();

    const database = await openDatabase(await databaseSettingsFor(folder));
    try {
      await expect(migrateToLatest(database.db)).rejects.toThrow(/schema is newer than this version of RiskPlan \(unknown migrations: 9999_from_a_newer_release\)/);
    } finally {
      await database.close();
    }

    const { code, stderr } = await startServer(await serverEnvironmentFor(folder));
    expect(code).toBe(1);
    expect(stderr).toContain('RiskPlan could not start: The database schema is newer than this version of RiskPlan');
    expect(stderr).toContain('Upgrade the app before starting it.');
  });

  it('with MIGRATE_ON_START=false, refuses a schema older than the app and changes nothing; `npm run migrate` brings it up to date', async () => {
    const folder = dataDir();
    const environment = { ...(await serverEnvironmentFor(folder)), MIGRATE_ON_START: 'false' };
    const refused = await startServer(environment);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/RiskPlan could not start: The database schema is older than this version of RiskPlan \(pending migrations: 0001_assessments, /);
    expect(refused.stderr).toContain('Run `npm run migrate` as the schema\'s owner, then start the app.');
    const database = await openDatabase(await databaseSettingsFor(folder));
    try {
      expect(await database.db.introspection.getTables()).toEqual([]);
    } finally {
      await database.close();
    }

    const migrate = spawn(process.execPath, ['--import', 'tsx', 'src/ops/migrateCommand.ts'], { env: { ...process.env, NODE_ENV: 'development', ...environment }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    migrate.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    expect(await new Promise((resolve) => migrate.once('exit', resolve))).toBe(0);
    expect(stdout).toContain('The database schema is up to date.');
    const migrated = await openDatabase(await databaseSettingsFor(folder));
    try {
      await expect(requireCurrentSchema(migrated.db)).resolves.toBeUndefined();
    } finally {
      await migrated.close();
    }
  });

  it.runIf(testStore === 'postgres')('names the reason when the server answers but refuses the login or the database', async () => {
    const { adminUrl } = postgresTools();
    const wrongPassword = new URL(adminUrl);
    wrongPassword.password = 'not-the-password';
    await expect(openDatabase({ kind: 'postgres', url: wrongPassword.toString(), poolMax: 1, statementTimeoutMs: 1000 })).rejects.toThrow(
      /Cannot reach the PostgreSQL database at postgres:\/\/postgres:\*\*\*@.*password authentication failed/,
    );
    await expect(openDatabase({ kind: 'postgres', url: databaseUrl(adminUrl, 'no_such_database'), poolMax: 1, statementTimeoutMs: 1000 })).rejects.toThrow(
      /database "no_such_database" does not exist/,
    );
  });

  it.runIf(testStore === 'postgres')('cancels a statement that runs longer than DATABASE_STATEMENT_TIMEOUT_MS', async () => {
    const settings = await databaseSettingsFor(dataDir());
    if (settings.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const database = await openDatabase({ ...settings, statementTimeoutMs: 200 });
    try {
      await expect(sql`select pg_sleep(2)`.execute(database.db)).rejects.toThrow(/statement timeout/);
      expect(await database.isReachable()).toBe(true);
    } finally {
      await database.close();
    }
  });
});
