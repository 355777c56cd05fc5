import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import type { Database } from '../../src/db/database.js';
import type { UserRole } from '../../src/services/accountFields.js';
import type { SignedInUser } from '../../src/services/accountService.js';
import { createUserDirectly, signIn } from './accounts.js';
import { FIRM } from './practice.js';
import { binary, newAgent, type Agent } from './walk.js';

/** A signed-in browser and the user behind it (their id and organisation's id, for seeding). */
export interface Member {
  agent: Agent;
  user: SignedInUser;
}

/** Creates a user of the organisation (FIRM unless given) and signs a new browser in as them. */
export async function memberOf(app: Express, database: Database, email: string, role: UserRole, organisationName = FIRM, displayName?: string): Promise<Member> {
  const user = await createUserDirectly(database, { organisationName, email, role, ...(displayName ? { displayName } : {}) });
  const agent = newAgent(app);
  await signIn(agent, email);
  return { agent, user };
}

/** GETs a download (PDF, ZIP) as bytes. */
export function download(agent: Agent, url: string) {
  return agent.get(url).buffer(true).parse(binary);
}

/** The issue ids a page links to (/archive/reports/<id>), in page order, each once. */
export function issueLinksOf(html: string): string[] {
  return [...new Set([...html.matchAll(/href="\/archive\/reports\/([0-9a-f-]{36})"/g)].map((match) => match[1] ?? ''))];
}

/**
 * Unzips a ZIP into a new temporary folder with the system's `unzip` (Python's zipfile when it is
 * missing) and returns the folder; the caller removes it with removeFolder.
 */
export function unzipped(zip: Buffer): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'riskplan-zip-'));
  const file = path.join(folder, 'export.zip');
  writeFileSync(file, zip);
  const out = path.join(folder, 'out');
  const unzip = spawnSync('unzip', ['-q', file, '-d', out], { encoding: 'utf8' });
  const result = unzip.error ? spawnSync('python3', ['-m', 'zipfile', '-e', file, out], { encoding: 'utf8' }) : unzip;
  if (result.status !== 0) throw new Error(`unzip failed: ${result.stderr}`);
  rmSync(file);
  return out;
}

export function filesIn(folder: string): string[] {
  return readdirSync(folder).sort();
}

/** Runs `sha256sum -c SHA256SUMS` in the folder: its exit status and output. */
export function sha256Check(folder: string): { status: number | null; stdout: string; stderr: string } {
  const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
  return { status: check.status, stdout: check.stdout, stderr: check.stderr };
}

export function removeFolder(folder: string): void {
  rmSync(path.dirname(folder), { recursive: true, force: true });
}

/** Records a disposal straight in the store, in the order the triggers allow: for suites that need a disposed issue without the admin's round. */
export async function disposeDirectly(database: Database, reportId: string, byName = 'Tamar Admin'): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await trx.insertInto('report_disposals').values({ report_id: reportId, disposed_at: new Date().toISOString(), disposed_by_user_id: null, disposed_by_name: byName }).execute();
    await trx.deleteFrom('issued_report_contents').where('report_id', '=', reportId).execute();
  });
}

/** The organisation's audit lines of one event, oldest first. */
export function auditLines(database: Database, event: string) {
  return database.db.selectFrom('audit_log').selectAll().where('event', '=', event).orderBy('at', 'asc').orderBy('id', 'asc').execute();
}
