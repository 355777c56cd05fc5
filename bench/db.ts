/**
 * `npm run bench:db`: the app's section page (GET) and section save (POST) on SQLite and on
 * PostgreSQL in the same run, loopback only. Each store gets its own app process (the real
 * entry point, production settings, logs at warn) so the load generator has the other core;
 * PostgreSQL is a throwaway cluster (tests/support/postgresCluster.ts) removed at the end.
 * The load is a closed loop of BENCH_CONNECTIONS users (default 8), each with its own session.
 * Bounded: BENCH_SECONDS per measurement (default 5) and at most BENCH_MAX_REQUESTS requests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { currentQuestionnaire } from '../src/questionnaire/registry.js';
import { shownQuestions } from '../src/questionnaire/visibility.js';
import { formBody, sampleAnswer, sectionOf } from '../tests/support/forms.js';
import { databaseUrl, startThrowawayCluster, type ThrowawayCluster } from '../tests/support/postgresCluster.js';
import { percentile, startAppProcess, stopAppProcess, write } from './support.js';
import { arriveAndStart, type Visitor as Session } from './httpSupport.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const maxRequests = Number(process.env.BENCH_MAX_REQUESTS ?? 100_000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const sectionPath = '/assessment/sections/profile';

interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  unexpected: number;
  statuses: string;
}

const profileAnswers = (() => {
  const fields: Record<string, string | string[]> = {};
  for (const question of shownQuestions(sectionOf(currentQuestionnaire, 'profile'), {})) fields[question.id] = sampleAnswer(question, 'Benchmark Logistics LLC');
  return fields;
})();

/** One keep-alive request; resolves with the status once the whole body has arrived. */
function send(agent: http.Agent, base: URL, session: Session, kind: 'page' | 'save'): Promise<number> {
  const body =
    kind === 'save' ? formBody({ _csrf: session.csrf, revision: String(session.revision), action: 'continue', ...profileAnswers }) : undefined;
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        path: sectionPath,
        method: kind === 'page' ? 'GET' : 'POST',
        headers: {
          cookie: session.cookie,
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
        response.once('error', reject);
      },
    );
    request.once('error', reject);
    request.end(body);
  });
}

/**
 * A closed loop: `connections` simulated users, each with its own session and keep-alive
 * connection, send one request after another until the time or the request budget is spent.
 * A save carries the revision its session is at, so every save is a real one (303), not a
 * refused stale one (409).
 */
async function measure(base: string, sessions: Session[], kind: 'page' | 'save', durationSeconds: number): Promise<Measurement> {
  const target = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sessions.length });
  const expected = kind === 'page' ? 200 : 303;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let unexpected = 0;
  let budget = maxRequests;
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  await Promise.all(
    sessions.map(async (session) => {
      while (performance.now() < deadline && budget > 0) {
        budget -= 1;
        const sent = performance.now();
        let status = 0;
        try {
          status = await send(agent, target, session, kind);
        } catch {
          status = -1;
        }
        latencies.push(performance.now() - sent);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status !== expected) {
          unexpected += 1;
          if (process.env.BENCH_DEBUG && unexpected <= 3) write(`  unexpected ${status} for session ${session.cookie.slice(0, 30)} at revision ${session.revision}`);
        }
        if (kind === 'save' && status === 303) session.revision += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50: Math.round(percentile(latencies, 0.5) * 10) / 10,
    p99: Math.round(percentile(latencies, 0.99) * 10) / 10,
    total: latencies.length,
    unexpected,
    statuses: [...statuses].map(([status, count]) => `${status}: ${count}`).join(', '),
  };
}

async function benchStore(name: string, environment: Record<string, string>): Promise<Record<'page' | 'save', Measurement>> {
  const { base, child } = await startAppProcess(environment);
  try {
    const sessions = await Promise.all(Array.from({ length: connections }, () => arriveAndStart(base)));
    const results = {} as Record<'page' | 'save', Measurement>;
    for (const kind of ['page', 'save'] as const) {
      await measure(base, sessions, kind, 1); // warm-up: JIT, view cache, pool
      results[kind] = await measure(base, sessions, kind, seconds);
      write(`  ${name} ${kind}: ${results[kind].total} requests, ${results[kind].unexpected} unexpected (statuses ${results[kind].statuses})`);
    }
    return results;
  } finally {
    await stopAppProcess(child);
  }
}

function table(sqlite: Record<'page' | 'save', Measurement>, postgres: Record<'page' | 'save', Measurement>): string[] {
  const rows = [
    '| measure | SQLite req/s | PostgreSQL req/s | PG / SQLite | SQLite p50 / p99 ms | PostgreSQL p50 / p99 ms | PG / SQLite p50 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const labels = { page: `section page (GET ${sectionPath})`, save: `section save (POST ${sectionPath})` } as const;
  for (const kind of ['page', 'save'] as const) {
    const s = sqlite[kind];
    const p = postgres[kind];
    const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
    rows.push(
      `| ${labels[kind]} | ${s.requestsPerSecond.toFixed(0)} | ${p.requestsPerSecond.toFixed(0)} | ${ratio(p.requestsPerSecond, s.requestsPerSecond)} | ${s.p50} / ${s.p99} | ${p.p50} / ${p.p99} | ${ratio(p.p50, s.p50)} |`,
    );
  }
  return rows;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'riskplan-bench-'));
  let cluster: ThrowawayCluster | undefined;
  try {
    write(`RiskPlan database benchmark: ${connections} connections, ${seconds} s per measurement (max ${maxRequests} requests), loopback`);
    const sqlite = await benchStore('SQLite', { DATA_DIR: path.join(folder, 'sqlite') });

    cluster = await startThrowawayCluster({ durable: true });
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query('create database riskplan_bench');
    await admin.end();
    const postgres = await benchStore('PostgreSQL', { DATA_DIR: path.join(folder, 'postgres'), DATABASE_URL: databaseUrl(cluster.adminUrl, 'riskplan_bench') });

    write();
    for (const row of table(sqlite, postgres)) write(row);
    write();
    write('PostgreSQL: a throwaway local cluster with default durability (fsync on, synchronous commit); SQLite: WAL, synchronous=NORMAL.');
    write('A PostgreSQL server on another machine adds a network round trip per statement.');
    const unexpected = [sqlite.page, sqlite.save, postgres.page, postgres.save].reduce((sum, m) => sum + m.unexpected, 0);
    if (unexpected > 0) {
      write(`${unexpected} requests had an unexpected status, errored or timed out: the numbers above are not trustworthy.`);
      process.exitCode = 1;
    }
  } finally {
    cluster?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
