import type { Server } from 'node:http';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { drainAndStop } from '../../src/shutdown.js';
import { createDraining, type Draining } from '../../src/web/draining.js';

/** Records what the shutdown did, in order; `closes` says whether the server's close callback ever comes. */
function fakeParts(draining: Draining, { closes = true, closeAppFails = false } = {}) {
  const steps: string[] = [];
  const server = {
    closeIdleConnections: () => steps.push('close idle connections'),
    closeAllConnections: () => steps.push('cut all connections'),
    close: (done: () => void) => {
      steps.push('stop listening');
      if (closes) setTimeout(done, 5);
    },
  } as unknown as Server;
  return {
    steps,
    parts: {
      server,
      draining,
      graceMs: 200,
      logger: pino({ level: 'silent' }),
      closeApp: () => {
        steps.push('close app');
        return closeAppFails ? Promise.reject(new Error('worker would not stop')) : Promise.resolve();
      },
      closeDatabase: () => {
        steps.push('close database');
        return Promise.resolve();
      },
    },
  };
}

describe('drainAndStop', () => {
  it('stops listening, then the app, then the database, and gives exit code 0 when nothing is in flight', async () => {
    const { steps, parts } = fakeParts(createDraining());
    expect(await drainAndStop(parts)).toBe(0);
    expect(steps).toEqual(['close idle connections', 'stop listening', 'close app', 'close database']);
    expect(parts.draining.isDraining()).toBe(true);
  });

  it('cuts the connections and gives exit code 1, without closing the database under running handlers, when the grace period runs out', async () => {
    const { steps, parts } = fakeParts(createDraining(), { closes: false });
    const started = Date.now();
    expect(await drainAndStop(parts)).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(steps).toEqual(['close idle connections', 'stop listening', 'cut all connections']);
  });

  it('gives exit code 1 when closing the app fails', async () => {
    const { parts } = fakeParts(createDraining(), { closeAppFails: true });
    expect(await drainAndStop(parts)).toBe(1);
  });
});
