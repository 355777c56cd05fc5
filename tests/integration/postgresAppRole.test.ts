import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, requireCurrentSchema, type Database } from '../../src/db/database.js';
import { downloadIssued, issueIdFrom, issueReport } from '../support/issuing.js';
import { databaseUrl, freshDatabaseName, psql } from '../support/postgresCluster.js';
import { composeTestApp, makeDataDir, postgresTools, removeDataDir, testStore, type RunningApp } from '../support/testApp.js';
import { newAgent, startAssessment, walkAllSections } from '../support/walk.js';

/**
 * The documented production setup on PostgreSQL (deploy/README.md): the schema's owner migrates,
 * deploy/postgres-app-role.sql gives the app's role its rights, and the app runs as that role with
 * MIGRATE_ON_START=false. The role works the whole app, and the database refuses it any change to
 * the append-only records, or to the schema, with "permission denied".
 */

const ROLE_SQL = fileURLToPath(new URL('../../deploy/postgres-app-role.sql', import.meta.url));

/** A URL of `database` as `role` (the cluster listens on loopback, with passwords). */
function urlAs(adminUrl: string, database: string, role: string, password: string): string {
  const url = new URL(databaseUrl(adminUrl, database));
  url.username = role;
  url.password = password;
  return url.toString();
}

interface Setup {
  ownerUrl: string;
  appUrl: string;
  cleanUp: () => void;
}

/** A database owned by a fresh owner role (not a superuser), migrated by it, and a fresh app role with the rights the script gives. */
async function productionSetup(): Promise<Setup> {
  const { adminUrl, binDir } = postgresTools();
  const suffix = randomBytes(4).toString('hex');
  const owner = `riskplan_owner_${suffix}`;
  const appRole = `riskplan_app_${suffix}`;
  const ownerPassword = randomBytes(12).toString('hex');
  const appPassword = randomBytes(12).toString('hex');
  const name = freshDatabaseName();
  psql(binDir, adminUrl, `create role ${owner} login password '${ownerPassword}'`);
  psql(binDir, adminUrl, `create role ${appRole} login password '${appPassword}'`);
  psql(binDir, adminUrl, `create database "${name}" owner ${owner}`);
  const ownerUrl = urlAs(adminUrl, name, owner, ownerPassword);

  const asOwner = await openDatabase({ kind: 'postgres', url: ownerUrl, poolMax: 2, statementTimeoutMs: 10_000 });
  try {
    // Before `npm run migrate`, an app that does not migrate at start refuses to start, and says why.
    await expect(requireCurrentSchema(asOwner.db)).rejects.toThrow(/older than this version of RiskPlan \(pending migrations: 0001_assessments, .*Run `npm run migrate`/);
    await migrateToLatest(asOwner.db);
  } finally {
    await asOwner.close();
  }
  const applied = spawnSync(path.join(binDir, 'psql'), ['--no-psqlrc', '-q', '-d', ownerUrl, '-v', `app_role=${appRole}`, '-f', ROLE_SQL], { encoding: 'utf8' });
  if (applied.status !== 0) throw new Error(`the role script failed: ${applied.stderr}`);

  return {
    ownerUrl,
    appUrl: urlAs(adminUrl, name, appRole, appPassword),
    cleanUp: () => {
      psql(binDir, adminUrl, `drop database if exists "${name}" with (force)`);
      psql(binDir, adminUrl, `drop role if exists ${appRole}`);
      psql(binDir, adminUrl, `drop role if exists ${owner}`);
    },
  };
}

/** What a statement as the app's role did: the database's refusal, or done. */
async function attempt(url: string, statement: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
    return 'done';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end();
  }
}

describe.runIf(testStore === 'postgres')('production on PostgreSQL: the app runs as a role without UPDATE, DELETE or TRUNCATE on the append-only records', () => {
  const cleanUps: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
  });

  it('the app works as that role (an anonymous user issues and downloads); raw UPDATE, DELETE, TRUNCATE and schema changes get "permission denied"', async () => {
    const setup = await productionSetup();
    cleanUps.push(setup.cleanUp);

    // The app as the role, as server.ts starts it with MIGRATE_ON_START=false.
    const database: Database = await openDatabase({ kind: 'postgres', url: setup.appUrl, poolMax: 5, statementTimeoutMs: 10_000 });
    await requireCurrentSchema(database.db);
    // Migrating at start also works while nothing is pending: it only reads which migrations ran.
    await migrateToLatest(database.db);
    const dataDir = makeDataDir();
    const running: RunningApp = composeTestApp(database, dataDir);
    cleanUps.push(async () => {
      await running.stop();
      removeDataDir(dataDir);
    });

    const agent = newAgent(running.app);
    await startAssessment(agent);
    await walkAllSections(agent);
    const issued = await issueReport(agent);
    expect(issued.status).toBe(303);
    const issueId = issueIdFrom(issued);
    expect((await downloadIssued(agent, issueId)).status).toBe(200);

    // INSERT and SELECT work on the append-only tables.
    expect(await attempt(setup.appUrl, `insert into audit_log (id, organisation_id, at, event, actor_user_id, actor_name, ip, subject, detail) values ('manual-1', null, '2026-12-03T10:00:00.000Z', 'report.verified', null, null, '203.0.113.9', null, null)`)).toBe('done');
    expect(await attempt(setup.appUrl, 'select count(*) from issued_reports')).toBe('done');
    expect(await attempt(setup.appUrl, 'select count(*) from audit_log')).toBe('done');

    const aColumnOf = { issued_reports: 'company_name', audit_log: 'subject', report_disposals: 'disposed_by_name' } as const;
    for (const [table, column] of Object.entries(aColumnOf)) {
      expect(await attempt(setup.appUrl, `update ${table} set ${column} = 'tampered'`)).toMatch(`permission denied for table ${table}`);
      expect(await attempt(setup.appUrl, `delete from ${table}`)).toMatch(`permission denied for table ${table}`);
      expect(await attempt(setup.appUrl, `truncate ${table} cascade`)).toMatch(/permission denied for table/);
    }
    expect(await attempt(setup.appUrl, `update issued_report_contents set answers_json = '{}'`)).toMatch('permission denied for table issued_report_contents');
    expect(await attempt(setup.appUrl, 'truncate issued_report_contents')).toMatch('permission denied for table issued_report_contents');
    // DELETE is granted there, for a recorded disposal only: the trigger refuses any other.
    expect(await attempt(setup.appUrl, `delete from issued_report_contents where report_id = '${issueId}'`)).toMatch('only be deleted once their disposal is recorded');
    // Nor can the role take the triggers away, change the schema or mark a migration as run.
    expect(await attempt(setup.appUrl, 'alter table issued_reports disable trigger all')).toMatch(/must be owner of (table|relation) issued_reports/);
    expect(await attempt(setup.appUrl, 'drop trigger issued_reports_no_change on issued_reports')).toMatch(/must be owner of (table|relation) issued_reports/);
    expect(await attempt(setup.appUrl, 'create table scratch (id text)')).toMatch('permission denied for schema public');
    expect(await attempt(setup.appUrl, `insert into kysely_migration (name, timestamp) values ('9999_x', 'now')`)).toMatch('permission denied for table kysely_migration');

    // Everything issued is still there, as issued.
    expect(await attempt(setup.ownerUrl, `select 1 from issued_report_contents where report_id = '${issueId}'`)).toBe('done');
    const check = new pg.Client({ connectionString: setup.appUrl });
    await check.connect();
    try {
      const rows = await check.query<{ n: string }>('select count(*) as n from issued_report_contents');
      expect(Number(rows.rows[0]?.n)).toBe(1);
    } finally {
      await check.end();
    }
  });
});
