/**
 * What bench/http.ts needs around the load generator: server processes pinned to a core, a
 * browser-like visitor (cookies, form token, section revision) and one autocannon run with its
 * outcome reduced to what the report prints.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { csrfTokenFrom, formBody, hiddenFieldsFrom, pathOf } from '../tests/support/forms.js';
import { answersFor, everyExposureProfile } from '../tests/support/walk.js';
import { currentQuestionnaire } from '../src/questionnaire/registry.js';
import type { StoredAnswer } from '../src/questionnaire/types.js';
import { freeLoopbackPort } from '../tests/support/ports.js';

export interface ServerProcess {
  base: string;
  pid: number;
  /** Peak resident memory so far (VmHWM), in MB. */
  peakRssMegabytes(): number;
  /** CPU time the process has used so far (user + system, all threads), in seconds. */
  cpuSeconds(): number;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** Whether `taskset` can split the two cores between the server and the load generator. */
export const canPin = spawnSync('taskset', ['-V']).status === 0 && availableParallelism() >= 2;

/** Moves every thread of a running process onto one core (`0`) or a list of cores (`0,1`). */
export function pinProcess(pid: number, cpus: number | string): void {
  if (canPin) spawnSync('taskset', ['-a', '-p', '-c', String(cpus), String(pid)], { stdio: 'ignore' });
}

function peakRssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  return match?.[1] ? Number(match[1]) / 1024 : Number.NaN;
}

/** utime + stime from /proc/<pid>/stat, in clock ticks of 1/100 s (Linux's USER_HZ). */
function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Starts `node <args>` on a free loopback port (on `cpu` when pinning works), with `environment`
 * on top of this process's, and waits until GET /healthz answers 200.
 */
export async function startServerProcess(
  args: readonly string[],
  environment: Readonly<Record<string, string>>,
  options: { cpu: number; stdoutFile?: string },
): Promise<ServerProcess> {
  const port = await freeLoopbackPort();
  const command = canPin ? 'taskset' : process.execPath;
  const commandArgs = canPin ? ['-c', String(options.cpu), process.execPath, ...args] : [...args];
  const child: ChildProcess = spawn(command, commandArgs, {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...environment },
    stdio: ['ignore', options.stdoutFile ? openSync(options.stdoutFile, 'a') : 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode} before listening`);
    if (Date.now() > deadline) throw new Error(`${args.join(' ')} did not start within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = child.pid ?? 0;
  return {
    base,
    pid,
    peakRssMegabytes: () => peakRssOf(pid),
    cpuSeconds: () => cpuSecondsOf(pid),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A browser with an assessment: its cookie, the form token and the revision of the page it shows. */
export interface Visitor {
  cookie: string;
  csrf: string;
  revision: number;
}

/** The cookies a response sets, as a Cookie header (or the previous one when it sets none). */
export function cookieOf(response: Response, previous = ''): string {
  const set = response.headers.getSetCookie().map((header) => header.split(';')[0] ?? '');
  return set.length > 0 ? set.join('; ') : previous;
}

export const FIRST_SECTION = currentQuestionnaire.sections[0]?.id ?? 'profile';

/** What a new visitor does before they can answer: start page, "start", first question page. */
export async function arriveAndStart(base: string): Promise<Visitor> {
  const start = await fetch(`${base}/`);
  if (start.status !== 200) throw new Error(`The start page gave ${start.status}`);
  let cookie = cookieOf(start);
  const started = await fetch(`${base}/assessments`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: formBody({ _csrf: csrfTokenFrom(await start.text()) }),
    redirect: 'manual',
  });
  if (started.status !== 201) throw new Error(`Starting an assessment gave ${started.status}`);
  await started.arrayBuffer();
  cookie = cookieOf(started, cookie);
  const page = await fetch(`${base}/assessment/sections/${FIRST_SECTION}`, { headers: { cookie } });
  if (page.status !== 200) throw new Error(`The first section gave ${page.status}`);
  const hidden = hiddenFieldsFrom(await page.text());
  return { cookie: cookieOf(page, cookie), csrf: hidden._csrf ?? '', revision: Number(hidden.revision ?? 0) };
}

/** A consultant's password in the bench: any that the policy accepts. */
export const CONSULTANT_PASSWORD = 'Kura river lanterns at dusk';

/**
 * Creates a firm's consultant in the app's store with the compiled `user:create` command, as an
 * operator would (the password on stdin).
 */
export function createConsultant(env: Readonly<Record<string, string>>, email: string): void {
  const created = spawnSync(
    process.execPath,
    ['dist/src/ops/userCreateCommand.js', '--organisation', 'Caucasus Risk Partners', '--email', email, '--name', 'Nino Beridze', '--role', 'consultant'],
    { input: `${CONSULTANT_PASSWORD}\n`, env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  if (created.status !== 0) throw new Error(`user:create failed: ${created.stderr}`);
}

/**
 * A signed-in consultant with an assessment of a client of their own, on its first question
 * page: what a consultant's browser holds while they work.
 */
export async function signInAndAssess(base: string, email: string): Promise<Visitor & { assessmentBase: string }> {
  const form = await fetch(`${base}/sign-in`);
  let cookie = cookieOf(form);
  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: formBody(fields), redirect: 'manual' });
  const signedIn = await post('/sign-in', { _csrf: csrfTokenFrom(await form.text()), email, password: CONSULTANT_PASSWORD });
  if (signedIn.status !== 303) throw new Error(`Signing in gave ${signedIn.status}`);
  cookie = cookieOf(signedIn, cookie);
  const clientForm = await fetch(`${base}/clients/new`, { headers: { cookie } });
  const token = csrfTokenFrom(await clientForm.text());
  const client = await post('/clients', { _csrf: token, name: 'Kartli Logistics', country: 'GE_AZ' });
  if (client.status !== 303) throw new Error(`Adding a client gave ${client.status}`);
  const started = await post(`${client.headers.get('location') ?? ''}/assessments`, { _csrf: token });
  if (started.status !== 303) throw new Error(`Starting an assessment gave ${started.status}`);
  const assessmentBase = new URL(started.headers.get('location') ?? '', base).pathname;
  const page = await fetch(`${base}${assessmentBase}/sections/${FIRST_SECTION}`, { headers: { cookie } });
  if (page.status !== 200) throw new Error(`The consultant's first section gave ${page.status}`);
  const hidden = hiddenFieldsFrom(await page.text());
  return { cookie, csrf: hidden._csrf ?? '', revision: Number(hidden.revision ?? 0), assessmentBase };
}

/**
 * Reads the revision the visitor's first section is at now. A load run that stops with saves in
 * flight leaves the visitor behind the stored revision; every later save would be a conflict.
 */
export async function catchUp(base: string, visitor: Visitor): Promise<void> {
  const page = await fetch(`${base}/assessment/sections/${FIRST_SECTION}`, { headers: { cookie: visitor.cookie } });
  visitor.revision = Number(hiddenFieldsFrom(await page.text()).revision ?? 0);
}

/** Answers every section as a user would, so results and the report exist for this visitor. */
export async function answerEverySection(base: string, visitor: Visitor): Promise<void> {
  const known: Record<string, StoredAnswer> = {};
  let sectionId: string | undefined = FIRST_SECTION;
  while (sectionId) {
    const page = await fetch(`${base}/assessment/sections/${sectionId}`, { headers: { cookie: visitor.cookie } });
    const fields = answersFor(sectionId, known, everyExposureProfile);
    const saved = await fetch(`${base}/assessment/sections/${sectionId}`, {
      method: 'POST',
      headers: { cookie: visitor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ ...hiddenFieldsFrom(await page.text()), action: 'continue', ...fields }),
      redirect: 'manual',
    });
    if (saved.status !== 303) throw new Error(`Saving ${sectionId} gave ${saved.status}`);
    for (const [id, value] of Object.entries(fields)) known[id] = { value };
    const next = pathOf(saved.headers.get('location') ?? '');
    sectionId = next.startsWith('/assessment/sections/') ? next.split('/').pop() : undefined;
  }
}

export interface LoadOutcome {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  /** Responses with another status than expected, socket errors and timeouts. */
  unexpected: number;
  statuses: Record<string, number>;
  /** CPU time the server spent per answered request, in ms: unlike req/s, barely moved by other work on the machine. */
  cpuMsPerRequest: number;
}

export interface LoadPlan {
  server: ServerProcess;
  path: string;
  method?: 'GET' | 'POST';
  connections: number;
  seconds: number;
  /** Caps the requests per second over all connections (a steady load instead of as fast as possible). */
  overallRate?: number;
  /** Statuses that count as a success; any other is counted in `unexpected`. */
  expected: readonly number[];
  /** Gives each connection its own visitor (cookie, and for a save its body). */
  setUpConnection?: (client: autocannon.Client, index: number) => void;
}

/** One closed-loop autocannon run (one request in flight per connection). */
export async function runLoad(plan: LoadPlan): Promise<LoadOutcome> {
  let connectionIndex = 0;
  const cpuBefore = plan.server.cpuSeconds();
  const result = await autocannon({
    url: `${plan.server.base}${plan.path}`,
    method: plan.method ?? 'GET',
    connections: plan.connections,
    duration: plan.seconds,
    timeout: 10,
    ...(plan.overallRate ? { overallRate: plan.overallRate } : {}),
    ...(plan.setUpConnection ? { setupClient: (client: autocannon.Client) => plan.setUpConnection?.(client, connectionIndex++) } : {}),
  });
  const statuses: Record<string, number> = {};
  let expectedCount = 0;
  for (const [status, { count }] of Object.entries(result.statusCodeStats as Record<string, { count: number }>)) {
    statuses[status] = count;
    if (plan.expected.includes(Number(status))) expectedCount += count;
  }
  const answered = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  const cpuMs = (plan.server.cpuSeconds() - cpuBefore) * 1000;
  if (result.errors > 0) statuses.errors = result.errors;
  if (result.timeouts > 0) statuses.timeouts = result.timeouts;
  return {
    requestsPerSecond: answered / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: answered,
    unexpected: answered - expectedCount + result.errors + result.timeouts,
    statuses,
    cpuMsPerRequest: answered > 0 ? cpuMs / answered : Number.NaN,
  };
}

/** Gives a connection a visitor's cookie, for page loads. */
export function asVisitor(visitors: readonly Visitor[]): (client: autocannon.Client, index: number) => void {
  return (client, index) => {
    const visitor = visitors[index % visitors.length];
    if (visitor) client.setHeaders({ cookie: visitor.cookie });
  };
}

/**
 * Gives a connection a visitor whose every save is a real one (303): the form carries the
 * revision the visitor's section is at, moved on after each accepted save.
 */
export function savingAsVisitor(visitors: readonly Visitor[], fields: Readonly<Record<string, string | string[]>>): (client: autocannon.Client, index: number) => void {
  return (client, index) => {
    const visitor = visitors[index % visitors.length];
    if (!visitor) return;
    const body = () => formBody({ _csrf: visitor.csrf, revision: String(visitor.revision), action: 'continue', ...fields });
    client.setHeadersAndBody({ cookie: visitor.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body());
    client.on('response', (status: number) => {
      if (status !== 303) return;
      visitor.revision += 1;
      client.setBody(body());
    });
  };
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}
