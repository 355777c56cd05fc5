import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir, removeDataDir } from '../support/testApp.js';
import { freeLoopbackPort } from '../support/ports.js';

async function waitForHealth(url: string, deadline: number): Promise<Response> {
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe('the server process', () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach(removeDataDir));

  it('starts on a fresh data folder, answers /healthz, and on SIGTERM closes the database and exits 0', async () => {
    const dataDir = makeDataDir();
    folders.push(dataDir);
    const port = await freeLoopbackPort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const health = await waitForHealth(`http://127.0.0.1:${port}/healthz`, Date.now() + 20_000);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('database closed');
  });

  it('refuses to start in production without SESSION_SECRET, with a clear message', async () => {
    const dataDir = makeDataDir();
    folders.push(dataDir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, SESSION_SECRET: '' },
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
