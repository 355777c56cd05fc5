import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import { formBody, hiddenFieldsFrom } from '../support/forms.js';
import { getOnce, startServerProcess, type ServerProcess } from '../support/serverProcess.js';
import { databaseSettingsFor, makeDataDir, removeDataDir, testStore } from '../support/testApp.js';
import { answersFor, binary, startAssessment, walkAllSections, type Agent } from '../support/walk.js';

const firstSection = currentQuestionnaire.sections[0]?.id ?? 'profile';

/** superagent asks for `Connection: close` unless given an agent that keeps connections alive, as browsers do. */
const keepAlive = new http.Agent({ keepAlive: true });

/** Resolves once the server has logged `message`: proof that it has acted on the signal. */
async function logged(server: ServerProcess, message: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!server.logLines().some((line) => line.msg === message)) {
    if (Date.now() > deadline) throw new Error(`The server did not log "${message}":\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A section save whose headers and first half of the body are sent now, and the rest when
 * `finish` is called: a request the server has received and cannot answer until then.
 */
async function halfSentSave(agent: Agent, companyName: string) {
  const page = await agent.get(`/assessment/sections/${firstSection}`).expect(200);
  const fields = answersFor(firstSection, {}, { company_name: companyName });
  const body = formBody({ ...hiddenFieldsFrom(page.text), action: 'continue', ...fields });
  const half = Math.floor(body.length / 2);
  const save = agent
    .post(`/assessment/sections/${firstSection}`)
    .agent(keepAlive)
    .type('form')
    .set('Content-Length', String(Buffer.byteLength(body)));
  save.write(body.slice(0, half));
  return {
    finish: () => {
      save.write(body.slice(half));
      return save.then(
        (response) => response,
        (error: unknown) => error as Error,
      );
    },
    response: () => save.then((response) => response),
  };
}

interface KeptAliveResult {
  status?: number;
  connection?: string | undefined;
  retryAfter?: string | undefined;
  error?: string;
}

/** A client that sends GETs one after another on one kept-alive connection until told to stop. */
function keptAliveClient(baseUrl: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const results: KeptAliveResult[] = [];
  let stopped = false;
  const one = () =>
    new Promise<void>((resolve) => {
      const req = http.get(`${baseUrl}/sources`, { agent }, (res) => {
        res.resume();
        res.on('end', () => {
          results.push({ status: res.statusCode ?? 0, connection: res.headers.connection, retryAfter: res.headers['retry-after'] });
          resolve();
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        results.push({ error: error.code ?? error.message });
        resolve();
      });
    });
  const running = (async () => {
    while (!stopped) {
      await one();
      if (results.at(-1)?.error === 'ECONNREFUSED') break; // the server stopped listening
    }
    agent.destroy();
  })();
  return {
    results,
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}

// Each case starts the real process, which takes seconds on a busy machine (tsx compiles at start).
describe(`the server process (${testStore})`, { timeout: 120_000 }, () => {
  const folders: string[] = [];
  const servers: ServerProcess[] = [];
  const dataDir = () => {
    const folder = makeDataDir();
    folders.push(folder);
    return folder;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.kill()));
    folders.splice(0).forEach(removeDataDir);
  });

  it('starts on a fresh data folder, answers /healthz, and on SIGTERM closes the database and exits 0', async () => {
    const server = await startServerProcess(dataDir());
    servers.push(server);
    const health = await getOnce(`${server.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });

    server.signal('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('database closed');
  });

  it('on SIGTERM under load: /healthz 503 at once, new requests 503, received saves and PDFs finish, exit 0 within the grace period', async () => {
    const folder = dataDir();
    const graceMs = 20_000;
    const server = await startServerProcess(folder, { PDF_WORKERS: '1', SHUTDOWN_GRACE_MS: String(graceMs) });
    servers.push(server);

    const reader = request.agent(server.baseUrl);
    await startAssessment(reader);
    await walkAllSections(reader);
    const saver = request.agent(server.baseUrl);
    await startAssessment(saver);
    const save = await halfSentSave(saver, 'Saved while draining LLC');
    const clients = Array.from({ length: 4 }, () => keptAliveClient(server.baseUrl));

    // As many downloads as one worker takes (one rendering, two waiting): more would be refused as busy.
    const pdfs = Array.from({ length: 3 }, () => reader.get('/assessment/report.pdf').agent(keepAlive).buffer(true).parse(binary).then((response) => response));
    await Promise.race(pdfs);
    const signalledAt = Date.now();
    server.signal('SIGTERM');
    await logged(server, 'shutting down');

    // Not ready at once, and new requests get a clean page, while the half-sent save holds the drain open.
    const health = await getOnce(`${server.baseUrl}/healthz`);
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body)).toEqual({ status: 'unavailable' });
    expect(health.headers.connection).toBe('close');
    const late = await getOnce(`${server.baseUrl}/`);
    expect(late.status).toBe(503);
    expect(late.headers['retry-after']).toBe('5');
    expect(late.headers.connection).toBe('close');
    expect(late.body).toContain('The service is restarting');

    const saved = await save.finish();
    expect(saved).not.toBeInstanceOf(Error);
    const savedResponse = saved as request.Response;
    expect(savedResponse.status).toBe(303);
    expect(savedResponse.headers.connection).toBe('close');

    const downloads = await Promise.all(pdfs);
    for (const download of downloads) {
      expect(download.status).toBe(200);
      const pdf = download.body as Buffer;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    }
    // At least one render was still under way when draining began, and finished before the pool closed.
    expect(downloads.some((download) => download.headers.connection === 'close')).toBe(true);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: downloads.at(-1)?.body as Buffer }).toString('utf8');
    expect(text).toContain('Kartli Logistics LLC');

    const exit = await server.exited;
    const tookMs = Date.now() - signalledAt;
    await Promise.all(clients.map((client) => client.stop()));
    expect(exit).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(graceMs);

    const answered = clients.flatMap((client) => client.results).filter((result) => result.status !== undefined);
    expect(answered.every((result) => result.status === 200 || result.status === 503)).toBe(true);
    const refused = answered.filter((result) => result.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((result) => result.connection === 'close' && result.retryAfter === '5')).toBe(true);
    const failures = clients.flatMap((client) => client.results).flatMap((result) => (result.error ? [result.error] : []));
    expect(failures.every((code) => ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'socket hang up'].includes(code))).toBe(true);

    // The save sent across the signal is stored whole.
    const database = await openDatabase(await databaseSettingsFor(folder));
    try {
      const stored = await database.db.selectFrom('answers').select('value_json').where('question_id', '=', 'company_name').execute();
      expect(stored.map((row) => JSON.parse(row.value_json) as unknown)).toContain('Saved while draining LLC');
    } finally {
      await database.close();
    }

    const lines = server.logLines();
    expect(server.output()).not.toMatch(/driver has already been destroyed|render pool was closed/i);
    expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
    expect(lines.at(-1)).toMatchObject({ msg: 'all requests finished, database closed, bye' });
  });

  it('exits non-zero within the grace period when a request cannot finish in it, and says so in the log', async () => {
    const graceMs = 1_500;
    const server = await startServerProcess(dataDir(), { SHUTDOWN_GRACE_MS: String(graceMs) });
    servers.push(server);
    const saver = request.agent(server.baseUrl);
    await startAssessment(saver);
    const save = await halfSentSave(saver, 'Never finished LLC');
    const cut = save.response().then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));

    const signalledAt = Date.now();
    server.signal('SIGTERM');
    const exit = await server.exited;
    expect(exit).toEqual({ code: 1, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(graceMs + 5_000); // the old code waited 10 s, then exited 0
    expect(await cut).toBe('cut');
    const lines = server.logLines();
    const signalled = lines.find((line) => line.msg === 'shutting down');
    const over = lines.find((line) => line.msg === 'shutdown grace period over: connections cut');
    expect(over).toMatchObject({ level: 50, requestsCut: 1 });
    // By the server's own clock: connections cut when the grace period ends, not before, not much later.
    const waitedMs = Number(over?.time) - Number(signalled?.time);
    expect(waitedMs).toBeGreaterThanOrEqual(graceMs - 20);
    expect(waitedMs).toBeLessThan(graceMs + 1_000);
    expect(server.output()).not.toMatch(/driver has already been destroyed/i);
  });

  it('writes unhandled rejections, warnings and uncaught exceptions as JSON log lines, and exits 1 on an uncaught exception', async () => {
    // Loaded before the app: on SIGUSR2 it makes each kind of process event happen once.
    const faults = [
      "process.on('SIGUSR2', () => {",
      "  process.emitWarning('a test warning', 'TestWarning');",
      "  void Promise.reject(new Error('a test rejection'));",
      "  setTimeout(() => { throw new Error('a test exception'); }, 200);",
      '});',
    ].join('\n');
    const server = await startServerProcess(dataDir(), {}, ['--import', `data:text/javascript,${encodeURIComponent(faults)}`]);
    servers.push(server);
    server.signal('SIGUSR2');
    expect(await server.exited).toEqual({ code: 1, signal: null });

    const output = server.output();
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    expect(lines.every((line) => line.startsWith('{"level":'))).toBe(true); // nothing outside the JSON log, on stdout or stderr
    const events = server.logLines();
    const event = (msg: string) => events.find((line) => line.msg === msg);
    expect(event('process warning')).toMatchObject({ level: 40, warning: { name: 'TestWarning', message: 'a test warning' } });
    expect(event('unhandled promise rejection')).toMatchObject({ level: 50, err: { message: 'a test rejection' } });
    expect(event('uncaught exception: stopping')).toMatchObject({ level: 60, err: { message: 'a test exception' } });
  });

  it('refuses to start in production without SESSION_SECRET, with a clear message', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir(), SESSION_SECRET: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(stderr).toContain('RiskPlan could not start: Invalid configuration');
    expect(stderr).toContain('SESSION_SECRET');
  });
});
