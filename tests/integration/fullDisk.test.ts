import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { csrfTokenFrom, formBody, hiddenFieldsFrom, resumeLinkFrom } from '../support/forms.js';
import { freeLoopbackPort } from '../support/ports.js';
import { makeDataDir, removeDataDir, testStore, TEST_HEALTH_TOKEN } from '../support/testApp.js';
import { answersFor, everyExposureProfile } from '../support/walk.js';

/**
 * A real full disk under a running server: its DATA_DIR is a small tmpfs of its own, which the
 * test fills with a file until the kernel answers ENOSPC, then empties again. Mounting needs root
 * (CAP_SYS_ADMIN), as in CI; anywhere else the test says it was skipped rather than pretend.
 */
function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = makeDataDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** Writes until the file system is full: big chunks, then single pages, then bytes. */
function fillUp(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const size of [1 << 20, 4096, 1]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (error) {
          if ((error as { code?: string }).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** A browser's cookies, enough for one visitor. */
class Visitor {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(pathName: string, init: { method?: string; form?: Record<string, string | readonly string[]> } = {}) {
    const response = await fetch(this.base + pathName, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: formBody(init.form) } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return { status: response.status, headers: response.headers, text: await response.text() };
  }
}

async function until<T>(what: () => Promise<T>, done: (value: T) => boolean, withinMs: number): Promise<{ value: T; waitedMs: number }> {
  const started = Date.now();
  for (;;) {
    const value = await what().catch(() => undefined as T);
    if ((value !== undefined && done(value)) || Date.now() - started > withinMs) return { value, waitedMs: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(testStore === 'sqlite')('the server process when its disk fills up', () => {
  const mountable = canMountTmpfs();
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()));

  it.skipIf(!mountable)('says not ready, answers saves with an honest 503 and the typed values, logs only JSON lines naming SQLITE_FULL, and recovers when space is freed', async () => {
    const folder = makeDataDir();
    cleanups.push(() => removeDataDir(folder));
    const dataDir = path.join(folder, 'data');
    mkdirSync(dataDir);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dataDir]);
    cleanups.push(() => execFileSync('umount', ['-l', dataDir]));

    const port = await freeLoopbackPort();
    const base = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'info', HEALTH_TOKEN: TEST_HEALTH_TOKEN, PUBLIC_URL: base },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    cleanups.push(() => child.kill('SIGKILL'));
    const health = () => fetch(`${base}/healthz`, { headers: { 'X-Health-Token': TEST_HEALTH_TOKEN } }).then(async (r) => ({ status: r.status, body: (await r.json()) as { status: string; checks?: Record<string, string> } }));
    expect((await until(health, (h) => h.status === 200, 20_000)).value.status).toBe(200);

    // One visitor has an assessment open on its first section; another is on the start page.
    const owner = new Visitor(base);
    const start = await owner.request('/');
    const started = await owner.request('/assessments', { form: { _csrf: csrfTokenFrom(start.text) } });
    expect(started.status).toBe(201);
    resumeLinkFrom(started.text);
    const page = await owner.request('/assessment/sections/profile');
    expect(page.status).toBe(200);
    const newcomer = new Visitor(base);
    const newcomerStart = await newcomer.request('/');

    const filler = path.join(dataDir, 'filler');
    fillUp(filler);
    const notReady = await until(health, (h) => h.status === 503, 3000);
    expect(notReady.value).toMatchObject({ status: 503, body: { status: 'unavailable', checks: { database: 'failing' } } });

    const typed = { ...answersFor('profile', {}, everyExposureProfile), company_name: 'Gəncə Logistics' };
    const refused = await owner.request('/assessment/sections/profile', { form: { ...hiddenFieldsFrom(page.text), action: 'continue', ...typed } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.text).toContain('Your answers on this page were not saved');
    expect(refused.text).toContain('value="Gəncə Logistics"');

    const newcomerRefused = await newcomer.request('/assessments', { form: { _csrf: csrfTokenFrom(newcomerStart.text) } });
    expect(newcomerRefused.status).toBe(503);
    expect(newcomerRefused.text).toContain('We could not save or load that just now');
    expect(newcomerRefused.text).not.toMatch(/expired|could not find/i);

    rmSync(filler);
    const ready = await until(health, (h) => h.status === 200, 3000);
    expect(ready.value.status).toBe(200);
    const saved = await owner.request('/assessment/sections/profile', { form: { ...hiddenFieldsFrom(refused.text), action: 'continue', ...typed } });
    expect(saved.status).toBe(303);

    child.kill('SIGTERM');
    await exited;
    const lines = output.split('\n').filter((line) => line !== '');
    const unparsable = lines.filter((line) => {
      try {
        JSON.parse(line);
        return false;
      } catch {
        return true;
      }
    });
    expect(unparsable).toEqual([]);
    expect(output).not.toMatch(/cannot rollback/);
    const failures = lines.map((line) => JSON.parse(line) as { level: number; storageCode?: string; path?: string });
    expect(failures.filter((line) => line.level >= 40 && line.path === '/assessment/sections/profile')).toEqual([
      expect.objectContaining({ storageCode: 'SQLITE_FULL' }),
    ]);
  });
});
