import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freeLoopbackPort } from './ports.js';

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp folder, listening
 * on a free loopback port only, with its socket in that folder, a random superuser password and
 * (unless asked) durability off, since the data is thrown away. Root cannot run the server, so
 * as root every server binary runs as the `postgres` user on a folder it owns.
 */
export interface ThrowawayCluster {
  /** Superuser URL of the `postgres` maintenance database. */
  adminUrl: string;
  binDir: string;
  folder: string;
  stop(): void;
}

/** Debian installs each major version under /usr/lib/postgresql/<major>/bin: take the newest. */
export function findPostgresBinDir(): string {
  const fromEnv = process.env.RISKPLAN_PG_BIN_DIR;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = majors[0];
  if (!newest) throw new Error('PostgreSQL is not installed: no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql, or set RISKPLAN_PG_BIN_DIR)');
  return path.join(root, newest, 'bin');
}

const runningAsRoot = process.getuid?.() === 0;

/** Runs a server-side binary, as the `postgres` user when we are root. */
function runAsServerUser(binary: string, args: readonly string[]): void {
  const [command, commandArgs] = runningAsRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, [...args]];
  execFileSync(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
}

function giveToServerUser(target: string): void {
  if (!runningAsRoot) return;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(target, uid, gid);
}

/** `durable: true` keeps PostgreSQL's default fsync and commit settings (for benchmarks). */
export async function startThrowawayCluster(options: { durable?: boolean } = {}): Promise<ThrowawayCluster> {
  const binDir = findPostgresBinDir();
  const folder = mkdtempSync(path.join(tmpdir(), 'riskplan-pg-'));
  const dataDir = path.join(folder, 'data');
  const password = randomBytes(18).toString('hex');
  const passwordFile = path.join(folder, 'password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  giveToServerUser(folder);
  giveToServerUser(passwordFile);
  chmodSync(folder, 0o700);
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    runAsServerUser(path.join(binDir, 'initdb'), [
      '-D', dataDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync',
    ]);
    rmSync(passwordFile);
    // A free port can be taken between the probe and the start: try a few.
    for (let attempt = 1; ; attempt += 1) {
      const port = await freeLoopbackPort();
      const serverOptions = [
        '-c listen_addresses=127.0.0.1',
        `-p ${port}`,
        `-c unix_socket_directories=${folder}`,
        ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
        '-c max_connections=300',
      ].join(' ');
      try {
        runAsServerUser(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-l', path.join(folder, 'server.log'), '-w', '-t', '60', '-o', serverOptions, 'start']);
      } catch (error) {
        if (attempt >= 3) throw error;
        continue;
      }
      const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
      return {
        adminUrl,
        binDir,
        folder,
        stop() {
          spawnSync(runningAsRoot ? 'runuser' : path.join(binDir, 'pg_ctl'), [
            ...(runningAsRoot ? ['-u', 'postgres', '--', path.join(binDir, 'pg_ctl')] : []),
            '-D', dataDir, '-m', 'immediate', '-w', 'stop',
          ], { stdio: 'ignore' });
          remove();
        },
      };
    }
  } catch (error) {
    remove();
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`Could not start a throwaway PostgreSQL cluster${stderr ? `: ${stderr}` : ''}`, { cause: error });
  }
}

/** The URL of another database on the same server. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A new, empty database name that cannot clash with another test's. */
export function freshDatabaseName(prefix = 'riskplan_test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Runs SQL through psql synchronously (usable from a synchronous cleanup). */
export function psql(binDir: string, url: string, command: string): void {
  const result = spawnSync(path.join(binDir, 'psql'), ['--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '-q', '-d', url, '-c', command], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr || result.error?.message || 'unknown error'}`);
}
