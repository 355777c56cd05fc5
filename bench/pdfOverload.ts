/**
 * `npm run bench:overload`: PDF downloads past the render pool's capacity, on the real app in
 * its own process (SQLite, production settings, PDF_WORKERS as set, default 2).
 *
 * BENCH_PDF_CLIENTS clients (default 100) ask for the report of one completed assessment all at
 * once, and again after BENCH_THINK_MS (default 100) each time they get an answer, for
 * BENCH_SECONDS (default 10). Meanwhile one prober asks for /healthz and a section page one
 * after the other, to see whether the main thread still answers pages. Reports how long refused
 * (503) and served (200) downloads took, how many of each, the prober's latencies against the
 * same probes with no load, the app's warn and error log lines, and its peak memory.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { startAssessment, walkAllSections, type Agent } from '../tests/support/walk.js';
import { percentile, startAppProcess, stopAppProcess, write } from './support.js';

const clients = Number(process.env.BENCH_PDF_CLIENTS ?? 100);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const thinkMs = Number(process.env.BENCH_THINK_MS ?? 100);
const sectionPath = '/assessment/sections/profile';

/** The cookies a supertest agent holds for the app (superagent's cookie jar), as a Cookie header. */
function cookieHeaderOf(agent: Agent, base: URL): string {
  const jar = (agent as unknown as { jar?: { getCookies(access: object): { toValueString(): string } } }).jar;
  if (!jar) throw new Error('The supertest agent has no cookie jar to read the session from');
  return jar.getCookies({ domain: base.hostname, path: '/', secure: false, script: false }).toValueString();
}

/**
 * A light client for the load itself (supertest costs the load generator more CPU than the app
 * spends on a refusal): one request on a keep-alive connection, the body read to its end;
 * resolves with the status and the time it took.
 */
function timed(client: http.Agent, base: URL, cookie: string, pathname: string): Promise<{ status: number; ms: number }> {
  const sent = performance.now();
  return new Promise((resolve) => {
    const done = (status: number) => resolve({ status, ms: performance.now() - sent });
    const outgoing = http.get({ agent: client, host: base.hostname, port: base.port, path: pathname, headers: { cookie } }, (response) => {
      response.resume();
      response.once('end', () => done(response.statusCode ?? 0));
      response.once('error', () => done(-1));
    });
    outgoing.once('error', () => done(-1));
  });
}

class Samples {
  private readonly values: number[] = [];
  add(ms: number): void {
    this.values.push(ms);
  }
  get count(): number {
    return this.values.length;
  }
  /** "p50 / p99" in ms, one decimal. */
  summary(): string {
    if (this.values.length === 0) return 'none';
    const sorted = [...this.values].sort((a, b) => a - b);
    const at = (fraction: number) => percentile(sorted, fraction).toFixed(1);
    return `${at(0.5)} / ${at(0.99)}`;
  }
}

interface Probes {
  health: Samples;
  page: Samples;
  failed: number;
}

/** /healthz and the section page, one after the other, until `stop()` says so. */
async function probe(base: URL, cookie: string, stop: () => boolean): Promise<Probes> {
  const client = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const probes: Probes = { health: new Samples(), page: new Samples(), failed: 0 };
  while (!stop()) {
    const health = await timed(client, base, cookie, '/healthz');
    probes.health.add(health.ms);
    const page = await timed(client, base, cookie, sectionPath);
    probes.page.add(page.ms);
    if (health.status !== 200 || page.status !== 200) probes.failed += 1;
    await sleep(20);
  }
  client.destroy();
  return probes;
}

/** Peak resident memory of a process, from /proc (Linux), in MB. */
function peakRssMb(pid: number | undefined): string {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
    return line ? (Number(line[1]) / 1024).toFixed(0) : 'n/a';
  } catch {
    return 'n/a';
  }
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'riskplan-bench-'));
  const logLevels = new Map<number, number>();
  const logLines: string[] = [];
  const app = await startAppProcess(
    { DATA_DIR: folder },
    {
      onLogLine: (line) => {
        logLines.push(line);
        try {
          const { level } = JSON.parse(line) as { level: number };
          logLevels.set(level, (logLevels.get(level) ?? 0) + 1);
        } catch {
          logLevels.set(-1, (logLevels.get(-1) ?? 0) + 1);
        }
      },
    },
  );
  try {
    write(`RiskPlan PDF overload benchmark: ${clients} clients, ${seconds} s, ${thinkMs} ms between a client's requests, PDF_WORKERS=${process.env.PDF_WORKERS ?? 2}, loopback`);
    const agent = request.agent(app.base);
    await startAssessment(agent);
    await walkAllSections(agent);
    const base = new URL(app.base);
    const cookie = cookieHeaderOf(agent, base);
    const downloads = new http.Agent({ keepAlive: true, maxSockets: clients });

    const single = new Samples();
    for (let i = 0; i < 5; i++) {
      const download = await timed(downloads, base, cookie, '/assessment/report.pdf');
      if (download.status !== 200) throw new Error(`A PDF download with no load gave ${download.status}`);
      single.add(download.ms);
    }
    const idleUntil = performance.now() + 2_000;
    const idle = await probe(base, cookie, () => performance.now() > idleUntil);

    const byStatus = new Map<number, Samples>();
    const deadline = performance.now() + seconds * 1000;
    let loadDone = false;
    const underLoad = probe(base, cookie, () => loadDone);
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) {
          const { status, ms } = await timed(downloads, base, cookie, '/assessment/report.pdf');
          const samples = byStatus.get(status) ?? new Samples();
          samples.add(ms);
          byStatus.set(status, samples);
          await sleep(thinkMs);
        }
      }),
    );
    loadDone = true;
    const loaded = await underLoad;
    downloads.destroy();

    const served = byStatus.get(200);
    const refused = byStatus.get(503);
    const others = [...byStatus].filter(([status]) => status !== 200 && status !== 503);
    const rows = [
      '| measure | value |',
      '| --- | ---: |',
      `| one PDF download, no load, p50 / p99 ms | ${single.summary()} |`,
      `| downloads asked for under load | ${[...byStatus.values()].reduce((sum, s) => sum + s.count, 0)} |`,
      `| served (200) | ${served?.count ?? 0} |`,
      `| served (200), p50 / p99 ms | ${served?.summary() ?? 'none'} |`,
      `| refused (503 busy) | ${refused?.count ?? 0} |`,
      `| refused (503), p50 / p99 ms | ${refused?.summary() ?? 'none'} |`,
      `| other answers | ${others.length === 0 ? 0 : others.map(([status, s]) => `${status}: ${s.count}`).join(', ')} |`,
      `| GET /healthz, p50 / p99 ms: no load / under load | ${idle.health.summary()} / ${loaded.health.summary()} |`,
      `| GET ${sectionPath}, p50 / p99 ms: no load / under load | ${idle.page.summary()} / ${loaded.page.summary()} |`,
      `| probes that failed under load | ${loaded.failed} of ${loaded.health.count} |`,
      `| app log lines at warn / error and above | ${logLevels.get(40) ?? 0} / ${[...logLevels].filter(([level]) => level >= 50).reduce((sum, [, n]) => sum + n, 0)} |`,
      `| app peak RSS MB | ${peakRssMb(app.child.pid)} |`,
      `| machine load average (1 min) at the end | ${loadavg()[0]?.toFixed(1)} |`,
    ];
    write();
    for (const row of rows) write(row);
    if (process.env.BENCH_DEBUG) for (const line of logLines.slice(0, 5)) write(line);
    if (others.length > 0 || !served) process.exitCode = 1;
  } finally {
    await stopAppProcess(app.child);
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
