import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError, backupSqlite, restoreSqlite } from '../../src/ops/sqliteBackup.js';
import { makeDataDir, postgresTools, postgresUrlFor, removeDataDir, startApp, testStore, type RunningApp } from '../support/testApp.js';
import { answersFor, newAgent, openResumeLink, postSection, startAssessment } from '../support/walk.js';

/** Starts an assessment and saves its profile with `companyName`; returns the resume link. */
async function assessmentNamed(running: RunningApp, companyName: string) {
  const agent = newAgent(running.app);
  const resumeLink = await startAssessment(agent);
  const saved = await postSection(agent, 'profile', { ...answersFor('profile', {}), company_name: companyName });
  expect(saved.status).toBe(303);
  return { agent, resumeLink };
}

/** What a user opening the resume link sees as the company name on the profile page. */
async function companyNameSeenVia(running: RunningApp, resumeLink: string): Promise<string | undefined> {
  const browser = newAgent(running.app);
  expect((await openResumeLink(browser, resumeLink)).status).toBe(303);
  const page = await browser.get('/assessment/sections/profile').expect(200);
  return /name="company_name"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="company_name"/.exec(page.text)?.slice(1).find(Boolean);
}

describe(`backup and restore (${testStore})`, () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  const folder = () => {
    const dataDir = makeDataDir();
    cleanups.push(() => removeDataDir(dataDir));
    return dataDir;
  };
  const started = async (dataDir: string) => {
    const running = await startApp(dataDir);
    cleanups.unshift(() => running.stop());
    return running;
  };

  it.runIf(testStore === 'sqlite')('backs up a live SQLite database online and restores exactly that state', async () => {
    const dataDir = folder();
    const backups = folder();
    const running = await started(dataDir);
    const { agent, resumeLink } = await assessmentNamed(running, 'Before Backup LLC');
    // The save sits in the WAL, not yet in the main file: a plain file copy would miss it.
    expect(existsSync(path.join(dataDir, 'riskplan.sqlite-wal'))).toBe(true);

    const file = path.join(backups, 'riskplan-backup.sqlite');
    const { pages } = await backupSqlite(dataDir, file);
    expect(pages).toBeGreaterThan(0);
    await expect(backupSqlite(dataDir, file)).rejects.toThrow(/already exists/);

    const later = await postSection(agent, 'profile', { ...answersFor('profile', {}), company_name: 'After Backup LLC' });
    expect(later.status).toBe(303);
    expect(await companyNameSeenVia(running, resumeLink)).toBe('After Backup LLC');
    await running.stop();

    const { replaced } = await restoreSqlite(dataDir, file);
    expect(replaced && existsSync(replaced)).toBe(true);
    const restored = await started(dataDir);
    expect(await companyNameSeenVia(restored, resumeLink)).toBe('Before Backup LLC');
  });

  it.runIf(testStore === 'sqlite')('refuses to restore a file that is not a RiskPlan database', async () => {
    const dataDir = folder();
    const junk = path.join(folder(), 'junk.sqlite');
    writeFileSync(junk, 'not a database at all, just text that is long enough to look like a header '.repeat(20));
    await expect(restoreSqlite(dataDir, junk)).rejects.toThrow(BackupError);
    await expect(restoreSqlite(dataDir, path.join(dataDir, 'missing.sqlite'))).rejects.toThrow(/cannot be opened/);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it.runIf(testStore === 'sqlite')('runs as `npm run backup -- <file>` / `npm run restore -- <file>` on DATA_DIR', async () => {
    const dataDir = folder();
    const running = await started(dataDir);
    const { resumeLink } = await assessmentNamed(running, 'Command Line LLC');
    const file = path.join(folder(), 'from-the-command.sqlite');
    const run = (args: string[], environment: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/ops/sqliteBackupCommand.ts', ...args], {
        env: { ...process.env, DATA_DIR: dataDir, ...environment },
        encoding: 'utf8',
      });

    const backup = run(['backup', file]);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up \d+ pages from .* to .*from-the-command\.sqlite\n$/);
    await running.stop();

    const restore = run(['restore', file]);
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain('the previous database is kept as');
    expect(await companyNameSeenVia(await started(dataDir), resumeLink)).toBe('Command Line LLC');

    const onPostgres = run(['backup', `${file}.2`], { DATABASE_URL: 'postgres://db/riskplan' });
    expect(onPostgres.status).toBe(1);
    expect(onPostgres.stderr).toContain('Use pg_dump / pg_restore');
    expect(run(['backup']).stderr).toContain('Usage: npm run backup -- <file>');
    // Five real npm and tsx processes: about 30 s on a busy 2-core machine.
  }, 120_000);

  it.runIf(testStore === 'postgres')('backs up a live PostgreSQL database with pg_dump and restores it with pg_restore', async () => {
    const { binDir } = postgresTools();
    const dataDir = folder();
    const running = await started(dataDir);
    const { agent, resumeLink } = await assessmentNamed(running, 'Before Backup LLC');

    // As the README says: a custom-format dump taken while the app serves, no owner or privileges.
    const dump = path.join(folder(), 'riskplan.dump');
    execFileSync(path.join(binDir, 'pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${dump}`, await postgresUrlFor(dataDir)]);
    const later = await postSection(agent, 'profile', { ...answersFor('profile', {}), company_name: 'After Backup LLC' });
    expect(later.status).toBe(303);
    await running.stop();

    // Restore into a new, empty database, then point the app at it.
    const restoredDir = folder();
    execFileSync(path.join(binDir, 'pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${await postgresUrlFor(restoredDir)}`, dump]);
    const restored = await started(restoredDir);
    expect(await companyNameSeenVia(restored, resumeLink)).toBe('Before Backup LLC');

    // And the app keeps working on the restored database: the next save goes through.
    const browser = newAgent(restored.app);
    expect((await openResumeLink(browser, resumeLink)).status).toBe(303);
    const saved = await postSection(browser, 'profile', { ...answersFor('profile', {}), company_name: 'After Restore LLC' });
    expect(saved.status).toBe(303);
  });
});
