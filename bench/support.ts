/**
 * Helpers the benchmarks share: the real app in a process of its own (so the load generator has
 * the other core), percentiles and output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { freeLoopbackPort } from '../tests/support/ports.js';

export function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export interface AppProcess {
  base: string;
  child: ChildProcess;
}

export interface AppProcessOptions {
  /** Receives each line the app logs (JSON); without it the lines go to BENCH_APP_LOG or nowhere. */
  onLogLine?: (line: string) => void;
}

/**
 * Starts the real entry point (production settings, logs at warn) on a free loopback port and
 * waits until /healthz answers 200.
 */
export async function startAppProcess(environment: Record<string, string>, options: AppProcessOptions = {}): Promise<AppProcess> {
  const port = await freeLoopbackPort();
  // BENCH_APP_LOG=<file> keeps the app's log lines (warnings and errors) for a look afterwards.
  const logTo = options.onLogLine ? 'pipe' : process.env.BENCH_APP_LOG ? openSync(process.env.BENCH_APP_LOG, 'a') : 'ignore';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PUBLIC_URL: 'http://127.0.0.1/',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      COOKIE_SECURE: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...environment,
    },
    stdio: ['ignore', logTo, 'inherit'],
  });
  const { onLogLine } = options;
  if (onLogLine && child.stdout) createInterface({ input: child.stdout }).on('line', onLogLine);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, child };
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null) throw new Error(`The app exited with ${child.exitCode} before listening`);
    if (Date.now() > deadline) throw new Error('The app did not start within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** SIGTERM, then waits for the exit. */
export async function stopAppProcess(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
}

/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}
