import { spawn } from 'node:child_process';
import http from 'node:http';
import { freeLoopbackPort } from './ports.js';
import { serverEnvironmentFor } from './testApp.js';

export interface ServerProcess {
  port: number;
  baseUrl: string;
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines written so far (stdout), parsed. */
  logLines(): Record<string, unknown>[];
  /** Settles when the process exits: its exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  signal(name: NodeJS.Signals): void;
  /** SIGKILL if it still runs (for afterEach), then wait for the exit. */
  kill(): Promise<void>;
}

/** GET on a connection of its own that closes afterwards, so that no kept-alive socket lingers. */
export function getOnce(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * Runs the real entry point (`node --import tsx src/server.ts`) on `dataDir` and the suite's store,
 * with `environment` on top (and `nodeOptions` before the entry point), and resolves once /healthz answers 200.
 */
export async function startServerProcess(dataDir: string, environment: Record<string, string> = {}, nodeOptions: readonly string[] = []): Promise<ServerProcess> {
  const port = await freeLoopbackPort();
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      ...(await serverEnvironmentFor(dataDir)),
      PORT: String(port),
      HOST: '127.0.0.1',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    port,
    baseUrl,
    pid: child.pid ?? 0,
    output: () => stdout + stderr,
    logLines: () =>
      stdout
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
    signal: (name) => {
      if (running) child.kill(name);
    },
    kill: async () => {
      if (running) child.kill('SIGKILL');
      await exited;
    },
  };

  const deadline = Date.now() + 45_000;
  for (;;) {
    if (!running) throw new Error(`The server exited before it answered /healthz:\n${server.output()}`);
    try {
      if ((await getOnce(`${baseUrl}/healthz`)).status === 200) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`The server did not answer /healthz within 45 s:\n${server.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
