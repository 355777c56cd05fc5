/**
 * `npm run bench`: the app against an Express "hello world" floor, in one run, as ratios. See
 * docs/PERFORMANCE.md for what each line means and its budget.
 *
 * Both servers are real processes started the way production starts (the app: src/server.ts,
 * NODE_ENV=production, SQLite, LOG_LEVEL=info with its log written to a file; compiled first with `npm run build` and started as `node dist/src/server.js`, as `npm start` does), each in turn on
 * core 0; autocannon, the load generator, runs in this process on core 1 (`taskset`, when there
 * are two cores). Settings: BENCH_SECONDS per measurement (default 10), BENCH_CONNECTIONS for
 * the throughput runs (default 10), BENCH_WRITE_DOC=0 to leave docs/PERFORMANCE.md alone,
 * BENCH_CPU_PROFILE=<folder> to profile the app (`node --cpu-prof`) under the section page load
 * only (or under the save load with BENCH_CPU_PROFILE_PHASE=save), BENCH_APP_LOG=<file> to keep
 * the app's log.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os, { availableParallelism } from 'node:os';
import path from 'node:path';
import { currentQuestionnaire } from '../src/questionnaire/registry.js';
import { shownQuestions } from '../src/questionnaire/visibility.js';
import { sampleAnswer, sectionOf } from '../tests/support/forms.js';
import {
  answerEverySection,
  arriveAndStart,
  asVisitor,
  catchUp,
  canPin,
  FIRST_SECTION,
  percentile,
  pinProcess,
  runLoad,
  savingAsVisitor,
  startServerProcess,
  type LoadOutcome,
  type ServerProcess,
} from './httpSupport.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const profileDir = process.env.BENCH_CPU_PROFILE;
const profilePhase = process.env.BENCH_CPU_PROFILE_PHASE === 'save' ? 'save' : 'get';
const writeDoc = process.env.BENCH_WRITE_DOC !== '0' && !profileDir;
const ARRIVALS = 50;
const PDF_CONNECTIONS = 50;
/** Page loads while PDFs render: a steady trickle of users, not a second saturating load. */
const BROWSING = { connections: 4, requestsPerSecond: 200 } as const;
const sectionPath = `/assessment/sections/${FIRST_SECTION}`;
const docFile = path.resolve('docs/PERFORMANCE.md');
const DOC_START = '<!-- bench:results:start -->';
const DOC_END = '<!-- bench:results:end -->';

const BUDGETS = { getRatio: 0.5, saveRatio: 0.3, p99DuringPdfMs: 50, errors: 0, peakRssMb: 250 } as const;

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function describe(name: string, outcome: LoadOutcome): void {
  const statuses = Object.entries(outcome.statuses).map(([status, count]) => `${status}: ${count}`).join(', ');
  write(`  ${name}: ${outcome.requestsPerSecond.toFixed(0)} req/s, p50 ${outcome.p50} ms, p99 ${outcome.p99} ms, ${outcome.cpuMsPerRequest.toFixed(2)} ms CPU a request (${statuses})`);
}

const profileAnswers = (() => {
  const fields: Record<string, string | string[]> = {};
  for (const question of shownQuestions(sectionOf(currentQuestionnaire, FIRST_SECTION), {})) fields[question.id] = sampleAnswer(question, 'Benchmark Logistics LLC');
  return fields;
})();

async function measureHello(): Promise<LoadOutcome> {
  const hello = await startServerProcess(['--import', 'tsx', 'bench/helloServer.ts'], {}, { cpu: 0 });
  try {
    const plan = { server: hello, path: '/', connections, expected: [200] };
    await runLoad({ ...plan, seconds: 1 }); // warm-up: JIT
    const outcome = await runLoad({ ...plan, seconds });
    describe('hello world GET /', outcome);
    return outcome;
  } finally {
    await hello.stop();
  }
}

function startApp(dataDir: string, logFile: string): Promise<ServerProcess> {
  return startServerProcess(
    // The compiled app, as production runs it (`npm start`): under tsx every worker thread would
    // compile the TypeScript again, which costs memory and start-up the real app never pays.
    [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'dist/src/server.js'],
    {
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      PUBLIC_URL: 'http://127.0.0.1/',
      // Every visitor here comes from 127.0.0.1: lift the per-address limit on new assessments.
      ASSESSMENT_CREATION_LIMIT: '100000',
    },
    { cpu: 0, stdoutFile: logFile },
  );
}

interface AppResults {
  arrivalsMs: number[];
  arrivalFailures: number;
  get: LoadOutcome;
  save?: LoadOutcome;
  pdf?: LoadOutcome;
  browsingDuringPdf?: LoadOutcome;
  peakRssMb: number;
  logBytesPerRequest: number;
}

/** 50 new visitors at once, each timed from the start page to their first question page. */
async function measureArrivals(base: string): Promise<{ arrivalsMs: number[]; arrivalFailures: number }> {
  const outcomes = await Promise.allSettled(
    Array.from({ length: ARRIVALS }, async () => {
      const started = performance.now();
      await arriveAndStart(base);
      return performance.now() - started;
    }),
  );
  const arrivalsMs = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  write(`  ${ARRIVALS} visitors at once: first page after ${Math.round(percentile(arrivalsMs, 0.5))} ms (median), ${Math.round(Math.max(...arrivalsMs))} ms (slowest)`);
  return { arrivalsMs, arrivalFailures: ARRIVALS - arrivalsMs.length };
}

async function measureApp(folder: string): Promise<AppResults> {
  const logFile = process.env.BENCH_APP_LOG ?? path.join(folder, 'app.log');
  const app = await startApp(path.join(folder, 'data'), logFile);
  try {
    await arriveAndStart(app.base); // warm-up: templates compiled, statements prepared
    const arrivals = await measureArrivals(app.base);

    const visitors = await Promise.all(Array.from({ length: connections }, () => arriveAndStart(app.base)));
    const getPlan = { server: app, path: sectionPath, connections, expected: [200], setUpConnection: asVisitor(visitors) };
    await runLoad({ ...getPlan, seconds: 1 });
    const get = await runLoad({ ...getPlan, seconds });
    describe(`section page GET ${sectionPath}`, get);
    if (profileDir && profilePhase === 'get') return { ...arrivals, get, peakRssMb: app.peakRssMegabytes(), logBytesPerRequest: 0 };

    const savePlan = { server: app, path: sectionPath, method: 'POST' as const, connections, expected: [303], setUpConnection: savingAsVisitor(visitors, profileAnswers) };
    await runLoad({ ...savePlan, seconds: 1 });
    await Promise.all(visitors.map((visitor) => catchUp(app.base, visitor)));
    const save = await runLoad({ ...savePlan, seconds });
    describe(`section save POST ${sectionPath}`, save);
    if (profileDir) return { ...arrivals, get, save, peakRssMb: app.peakRssMegabytes(), logBytesPerRequest: 0 };

    const reader = await arriveAndStart(app.base);
    await answerEverySection(app.base, reader);
    const browsers = await Promise.all(Array.from({ length: BROWSING.connections }, () => arriveAndStart(app.base)));
    // Rendering PDFs on worker threads is how the app uses a machine's other cores: in this phase it
    // gets every core, as in production (the load generator shares core 1 with it).
    pinProcess(app.pid, `0-${availableParallelism() - 1}`);
    // A refusal with 503 when the render pool is full is the designed answer to overload, not an error.
    const [pdf, browsingDuringPdf] = await Promise.all([
      runLoad({ server: app, path: '/assessment/report.pdf', connections: PDF_CONNECTIONS, seconds, expected: [200, 503], setUpConnection: asVisitor([reader]) }),
      runLoad({
        server: app,
        path: sectionPath,
        connections: BROWSING.connections,
        overallRate: BROWSING.requestsPerSecond,
        seconds,
        expected: [200],
        setUpConnection: asVisitor(browsers),
      }),
    ]);
    describe(`report PDF on ${PDF_CONNECTIONS} connections`, pdf);
    describe(`  meanwhile section page GET at ${BROWSING.requestsPerSecond}/s`, browsingDuringPdf);

    const peakRssMb = app.peakRssMegabytes();
    const served = 2 + ARRIVALS * 3 + [get, save, pdf, browsingDuringPdf].reduce((sum, o) => sum + o.total, 0);
    return { ...arrivals, get, save, pdf, browsingDuringPdf, peakRssMb, logBytesPerRequest: existsSync(logFile) ? statSync(logFile).size / served : 0 };
  } finally {
    await app.stop();
  }
}

interface Row {
  measure: string;
  app: string;
  floor: string;
  ratio: string;
  budget: string;
  pass: boolean | undefined;
}

function rowsOf(hello: LoadOutcome, results: AppResults): Row[] {
  const ratio = (outcome: LoadOutcome) => outcome.requestsPerSecond / hello.requestsPerSecond;
  const cpuRatio = (outcome: LoadOutcome) => `${ratio(outcome).toFixed(2)}x (by CPU ${(hello.cpuMsPerRequest / outcome.cpuMsPerRequest).toFixed(2)}x)`;
  const throughput = (outcome: LoadOutcome) => `${outcome.requestsPerSecond.toFixed(0)} req/s, p99 ${outcome.p99} ms, ${outcome.cpuMsPerRequest.toFixed(2)} ms CPU`;
  const floor = `${hello.requestsPerSecond.toFixed(0)} req/s, ${hello.cpuMsPerRequest.toFixed(2)} ms CPU`;
  const rows: Row[] = [
    {
      measure: `section page GET, ${connections} connections`,
      app: throughput(results.get),
      floor,
      ratio: cpuRatio(results.get),
      budget: `≥ ${BUDGETS.getRatio}x`,
      pass: ratio(results.get) >= BUDGETS.getRatio,
    },
  ];
  if (results.save) {
    rows.push({
      measure: `section save POST, ${connections} connections`,
      app: throughput(results.save),
      floor,
      ratio: cpuRatio(results.save),
      budget: `≥ ${BUDGETS.saveRatio}x`,
      pass: ratio(results.save) >= BUDGETS.saveRatio,
    });
  }
  if (results.pdf && results.browsingDuringPdf) {
    const refused = results.pdf.statuses['503'] ?? 0;
    rows.push({
      measure: `p99 of page GETs (${BROWSING.requestsPerSecond}/s) while PDFs render on ${PDF_CONNECTIONS} connections`,
      app: `${results.browsingDuringPdf.p99} ms (PDFs: ${((results.pdf.statuses['200'] ?? 0) / seconds).toFixed(0)}/s sent, ${refused} refused busy)`,
      floor: '',
      ratio: '',
      budget: `≤ ${BUDGETS.p99DuringPdfMs} ms`,
      pass: results.browsingDuringPdf.p99 <= BUDGETS.p99DuringPdfMs,
    });
  }
  const errors = results.arrivalFailures + [results.get, results.save, results.pdf, results.browsingDuringPdf].reduce((sum, o) => sum + (o?.unexpected ?? 0), 0);
  rows.push({ measure: 'errors (unexpected status, socket error, timeout)', app: String(errors), floor: '', ratio: '', budget: `${BUDGETS.errors}`, pass: errors <= BUDGETS.errors });
  rows.push({
    measure: 'peak RSS of the app process (VmHWM)',
    app: `${results.peakRssMb.toFixed(0)} MB`,
    floor: '',
    ratio: '',
    budget: `≤ ${BUDGETS.peakRssMb} MB`,
    pass: results.peakRssMb <= BUDGETS.peakRssMb,
  });
  rows.push({
    measure: `${ARRIVALS} new visitors at once: start page to first question page`,
    app: `slowest ${Math.round(Math.max(...results.arrivalsMs))} ms, p99 ${Math.round(percentile(results.arrivalsMs, 0.99))} ms, median ${Math.round(percentile(results.arrivalsMs, 0.5))} ms`,
    floor: '',
    ratio: '',
    budget: '',
    pass: undefined,
  });
  if (results.logBytesPerRequest > 0) {
    rows.push({ measure: 'access log written per request', app: `${results.logBytesPerRequest.toFixed(0)} bytes`, floor: '', ratio: '', budget: '', pass: undefined });
  }
  return rows;
}

function markdownTable(rows: readonly Row[]): string[] {
  const verdict = (pass: boolean | undefined) => (pass === undefined ? '' : pass ? 'pass' : '**FAIL**');
  return [
    '| measure | app | hello floor | ratio | budget | result |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.measure} | ${r.app} | ${r.floor} | ${r.ratio} | ${r.budget} | ${verdict(r.pass)} |`),
  ];
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** Replaces the results block of docs/PERFORMANCE.md (between its markers) with this run's. */
function publish(table: readonly string[]): void {
  const block = [
    DOC_START,
    `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; ${seconds} s per measurement${canPin ? ', servers on core 0 and the load generator on core 1' : ', not pinned to cores (taskset missing or one core)'}.`,
    '',
    ...table,
    DOC_END,
  ].join('\n');
  const doc = existsSync(docFile) ? readFileSync(docFile, 'utf8') : `# Performance\n\n${DOC_START}\n${DOC_END}\n`;
  const start = doc.indexOf(DOC_START);
  const end = doc.indexOf(DOC_END);
  const updated = start >= 0 && end > start ? `${doc.slice(0, start)}${block}${doc.slice(end + DOC_END.length)}` : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(docFile, updated);
  write(`Written to ${path.relative(process.cwd(), docFile)}.`);
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  pinProcess(process.pid, 1);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'riskplan-bench-http-'));
  try {
    write(`RiskPlan HTTP benchmark: ${seconds} s per measurement, ${connections} connections, ${machine()}`);
    const hello = await measureHello();
    const results = await measureApp(folder);
    if (profileDir) {
      write(`CPU profile of the app under the section ${profilePhase === 'save' ? 'save' : 'page'} load written to ${profileDir} (its last ${seconds} s).`);
      return;
    }
    const rows = rowsOf(hello, results);
    const table = markdownTable(rows);
    write();
    for (const line of table) write(line);
    if (writeDoc) publish(table);
    if (rows.some((row) => row.pass === false)) process.exitCode = 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
