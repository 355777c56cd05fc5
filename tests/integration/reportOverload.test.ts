import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import type { Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import type { GatedRenderWorkerData } from '../fixtures/renderWorkers/gatedRenderWorker.js';
import { useAppsWithSettings } from '../support/lifecycle.js';
import { makeDataDir, TEST_HEALTH_TOKEN, testStore } from '../support/testApp.js';
import { downloadPdf, newAgent, startAssessment, walkAllSections } from '../support/walk.js';

/**
 * Overload on the PDF route, on the real app and store, with a real render worker whose warm-up
 * or renders wait on files (tests/fixtures/renderWorkers/gatedRenderWorker.ts) so the test can
 * hold the pool full, or unable to start, from outside.
 */

interface LogLine {
  level: number;
  msg: string;
  refused?: number;
  byReason?: Record<string, number>;
  retryInMs?: number;
  err?: unknown;
}

const gatedWorker = new URL('../fixtures/renderWorkers/gatedRenderWorker.ts', import.meta.url);

const startApp = useAppsWithSettings();

/** The app with one gated render worker, and its log lines at warn and above, parsed. */
async function appWithGatedWorker(gates: (dataDir: string) => GatedRenderWorkerData) {
  const lines: LogLine[] = [];
  const dataDir = makeDataDir();
  const running = await startApp(
    {
      logger: pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line) as LogLine) }),
      pdfWorkers: 1,
      pdfWorker: { url: gatedWorker, data: gates(dataDir) },
      pdfRestartBackoff: { firstMs: 100, maxMs: 400 },
    },
    dataDir,
  );
  return { app: running.app, lines };
}

function expectBusyPage(response: Response): void {
  expect(response.status).toBe(503);
  expect(response.headers['retry-after']).toBe('30');
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.headers['content-type']).toContain('text/html');
  const html = (response.body as Buffer).toString('utf8');
  expect(html).toContain('The service is busy');
  expect(html).toContain('try again in a minute');
  expect(html).not.toMatch(/\n\s+at |Error:/);
}

async function until(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}

describe(`PDF downloads under overload (${testStore})`, () => {
  it('with every worker busy and the queue full, answers 503 with Retry-After at once without loading anything, and logs one warn line', async () => {
    let renderGate = '';
    const { app, lines } = await appWithGatedWorker((dataDir) => {
      renderGate = path.join(dataDir, 'renders-may-finish');
      return { renderGate };
    });
    const owner = newAgent(app);
    await startAssessment(owner);
    await walkAllSections(owner);

    // One worker and a queue of two: three downloads are taken and held by the worker's gate.
    const held = [downloadPdf(owner), downloadPdf(owner), downloadPdf(owner)].map((request) => request.then((response) => response));
    await sleep(1_500);

    // Someone else, whose assessment is not finished: had the route loaded it, they would be
    // sent to their task list (303). The 503 shows nothing was loaded, let alone a report built.
    const unfinished = newAgent(app);
    await startAssessment(unfinished);
    const durations: number[] = [];
    for (const agent of [owner, unfinished, owner, unfinished, owner, owner, unfinished, owner]) {
      const sent = performance.now();
      const refused = await downloadPdf(agent);
      durations.push(performance.now() - sent);
      expectBusyPage(refused);
    }
    durations.sort((a, b) => a - b);
    expect(durations[Math.floor(durations.length / 2)]).toBeLessThan(100);

    // One line, at warn, no stack, however many were refused.
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: 'PDF downloads refused: the render pool is full or cannot start', refused: 1, byReason: { busy: 1 } });
    expect(JSON.stringify(lines)).not.toMatch(/"stack"|\\n\s+at /);

    writeFileSync(renderGate, '');
    const served = await Promise.all(held);
    expect(served.map((response) => response.status)).toEqual([200, 200, 200]);
    expect((served[0]?.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Room again: the next download is served.
    expect((await downloadPdf(owner)).status).toBe(200);
  });

  it('says unavailable on /healthz and refuses downloads while the worker cannot warm up, and recovers once it can', async () => {
    let warmUpGate = '';
    const { app, lines } = await appWithGatedWorker((dataDir) => {
      warmUpGate = path.join(dataDir, 'warm-up-may-succeed');
      return { warmUpGate };
    });
    const agent = newAgent(app);
    await startAssessment(agent);
    await walkAllSections(agent);

    await until(async () => (await agent.get('/healthz')).status === 503);
    const anonymous = await agent.get('/healthz').expect(503);
    expect(anonymous.body).toEqual({ status: 'unavailable' });
    const operator = await agent.get('/healthz').set('X-Health-Token', TEST_HEALTH_TOKEN).expect(503);
    expect(operator.body).toMatchObject({ checks: { database: 'ok', pdf: 'failing' } });

    expectBusyPage(await downloadPdf(agent));

    // Each failed start is one error line without a stack, with a growing wait before the next.
    await until(() => Promise.resolve(lines.filter((line) => line.retryInMs !== undefined).length >= 3));
    const attempts = lines.filter((line) => line.retryInMs !== undefined);
    expect(attempts.slice(0, 3).map((line) => [line.level, line.msg, line.retryInMs])).toEqual([
      [50, 'a PDF render worker could not start; retrying later', 100],
      [50, 'a PDF render worker could not start; retrying later', 200],
      [50, 'a PDF render worker could not start; retrying later', 400],
    ]);
    expect(JSON.stringify(attempts)).not.toMatch(/"stack"|\\n\s+at /);

    writeFileSync(warmUpGate, '');
    await until(async () => (await agent.get('/healthz')).status === 200);
    const pdf = await downloadPdf(agent);
    expect(pdf.status).toBe(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
