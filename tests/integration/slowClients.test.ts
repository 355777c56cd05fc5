import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.js';
import { makeDataDir, removeDataDir, testStore } from '../support/testApp.js';

// Small limits so that each case takes a second or two; the defaults are ten times larger.
const HEADERS_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 2_000;
const KEEP_ALIVE_TIMEOUT_MS = 1_000;
const MAX_CONNECTIONS = 4;
/** Node looks for overdue requests at intervals; a loaded test machine adds its own delay. */
const SLACK_MS = 1_200;

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Collects what the server sends until it closes the connection, and when that happened. */
function untilClosed(socket: net.Socket, since: number): Promise<{ received: string; afterMs: number }> {
  return new Promise((resolve) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined); // a reset is a close too
    socket.once('close', () => resolve({ received, afterMs: Date.now() - since }));
  });
}

/** Writes `chunk` every `everyMs` until the socket closes: a client that never finishes. */
function trickle(socket: net.Socket, chunk: string, everyMs: number): void {
  const timer = setInterval(() => {
    if (socket.destroyed || !socket.writable) clearInterval(timer);
    else socket.write(chunk);
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

/** A complete keep-alive request whose response has arrived, leaving the connection open and idle. */
async function keptAliveConnection(port: number): Promise<net.Socket> {
  const socket = await connect(port);
  const response = new Promise<string>((resolve) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n\r\n') && received.endsWith('}')) {
        socket.off('data', onData);
        resolve(received);
      }
    };
    socket.on('data', onData);
  });
  socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
  expect(await response).toMatch(/^HTTP\/1\.1 200 /);
  return socket;
}

describe(`the server under slow and numerous clients (${testStore})`, () => {
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = makeDataDir();
    server = await startServerProcess(dataDir, {
      HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
      MAX_CONNECTIONS: String(MAX_CONNECTIONS),
    });
  });

  afterAll(async () => {
    await server.kill();
    removeDataDir(dataDir);
  });

  it('answers 408 and closes the connection of a client that sends its headers too slowly', async () => {
    const socket = await connect(server.port);
    const started = Date.now();
    const closed = untilClosed(socket, started);
    socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n');
    trickle(socket, 'X-Slow: still typing\r\n', 200);
    const { received, afterMs } = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(afterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    expect(afterMs).toBeLessThan(HEADERS_TIMEOUT_MS + SLACK_MS);
  });

  it('answers 408 and closes the connection of a client that sends its body too slowly', async () => {
    const socket = await connect(server.port);
    const started = Date.now();
    const closed = untilClosed(socket, started);
    socket.write('POST /assessments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\n_csrf=');
    trickle(socket, 'a', 200);
    const { received, afterMs } = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(afterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(afterMs).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
  });

  it('closes a kept-alive connection that stays idle past the keep-alive timeout', async () => {
    const socket = await keptAliveConnection(server.port);
    const { received, afterMs } = await untilClosed(socket, Date.now());
    expect(received).toBe('');
    expect(afterMs).toBeGreaterThanOrEqual(KEEP_ALIVE_TIMEOUT_MS - 100);
    expect(afterMs).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS + SLACK_MS);
  });

  it('refuses connections past MAX_CONNECTIONS, logs it once, and takes new ones when a place is free', async () => {
    // Earlier cases' connections are closed by now: each ended with the server closing it.
    const held = await Promise.all(Array.from({ length: MAX_CONNECTIONS }, () => keptAliveConnection(server.port)));

    const extra = await connect(server.port);
    const refused = untilClosed(extra, Date.now());
    extra.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const { received, afterMs } = await refused;
    expect(received).toBe('');
    expect(afterMs).toBeLessThan(500);

    held[0]?.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const admitted = await keptAliveConnection(server.port);
    for (const socket of [...held, admitted]) socket.destroy();

    const warnings = server.logLines().filter((line) => line.msg === 'connections refused: MAX_CONNECTIONS reached');
    expect(warnings).toEqual([expect.objectContaining({ level: 40, refused: 1, maxConnections: MAX_CONNECTIONS })]);
  });
});
