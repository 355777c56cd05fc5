import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { createDraining } from '../../src/web/draining.js';

/** Just enough of a response for the draining state: headers, headersSent and the 'close' event. */
function fakeResponse(headersSent = false) {
  const emitter = new EventEmitter();
  const headers: Record<string, string> = {};
  const rendered: { status?: number; view?: string; locals?: unknown } = {};
  const res = Object.assign(emitter, {
    headersSent,
    headers,
    rendered,
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
    },
    status(code: number) {
      rendered.status = code;
      return res;
    },
    render(view: string, locals: unknown) {
      rendered.view = view;
      rendered.locals = locals;
    },
  });
  return res;
}

const asServer = (res: ReturnType<typeof fakeResponse>) => res as unknown as ServerResponse;
const asExpress = (res: ReturnType<typeof fakeResponse>) => res as unknown as Response;
const request = () => new EventEmitter() as unknown as IncomingMessage;

describe('the draining state', () => {
  it('is ready until it starts, then not ready', async () => {
    const draining = createDraining();
    expect(await draining.readinessCheck.isReady()).toBe(true);
    draining.start();
    expect(await draining.readinessCheck.isReady()).toBe(false);
    expect(draining.readinessCheck.name).toBe('draining');
  });

  it('lets requests received before it started through, marks their responses Connection: close, and waits for them', async () => {
    const draining = createDraining();
    const received = request();
    const response = fakeResponse();
    const answered = fakeResponse(true);
    draining.track(received, asServer(response));
    draining.track(request(), asServer(answered));
    answered.emit('close');

    draining.start();
    expect(response.headers.connection).toBe('close');
    let finished = false;
    void draining.whenRequestsFinished().then(() => (finished = true));
    const passed: unknown[] = [];
    draining.refuseNewRequests(received as Request, asExpress(response), ((error?: unknown) => passed.push(error ?? 'next')) as NextFunction);
    expect(passed).toEqual(['next']);
    await Promise.resolve();
    expect(finished).toBe(false);
    expect(draining.requestsInFlight()).toBe(1);

    response.emit('close');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(finished).toBe(true);
  });

  it('answers requests that arrive after it started with the 503 page, Retry-After and Connection: close', () => {
    const draining = createDraining();
    draining.start();
    const late = request();
    const response = fakeResponse();
    draining.track(late, asServer(response));
    let called = false;
    draining.refuseNewRequests(late as Request, asExpress(response), (() => (called = true)) as NextFunction);
    expect(called).toBe(false);
    expect(response.rendered).toEqual({ status: 503, view: 'pages/error', locals: { status: 'restarting', incidentId: undefined } });
    expect(response.headers).toMatchObject({ connection: 'close', 'retry-after': '5', 'cache-control': 'no-store' });
    expect(draining.requestsInFlight()).toBe(0);
  });

  it('lets every request through while not draining, tracked or not', () => {
    const draining = createDraining();
    let calls = 0;
    draining.refuseNewRequests(request() as Request, asExpress(fakeResponse()), (() => (calls += 1)) as NextFunction);
    expect(calls).toBe(1);
  });
});
