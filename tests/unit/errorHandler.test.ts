import path from 'node:path';
import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { createErrorHandler, notFoundHandler } from '../../src/web/errorHandler.js';

/** A tiny app with routes that fail, rendering the real error view. */
function failingApp(nodeEnv: string) {
  const app = express();
  app.set('env', nodeEnv);
  app.set('views', path.resolve('views'));
  app.set('view engine', 'ejs');
  app.locals.t = createTranslator('en');
  app.locals.lang = 'en';
  app.use((_req, res, next) => {
    res.locals.currentPath = '/';
    next();
  });
  app.get('/boom', () => {
    throw new Error('database password is hunter2');
  });
  app.get('/async-boom', async () => {
    await Promise.resolve();
    throw new TypeError('cannot read secret of undefined');
  });
  app.get('/forbidden', () => {
    throw Object.assign(new Error('nope'), { status: 403 });
  });
  app.get('/busy', () => {
    throw Object.assign(new Error('pool busy'), { status: 503 });
  });
  app.get('/disk-full', () => {
    throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
  });
  app.get('/read-only', async () => {
    await Promise.resolve();
    throw Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' });
  });
  // A session store whose write fails hands its error to next(), as express-session does.
  app.get('/session-write-failed', (_req, _res, next) => {
    next(new Error('timeout exceeded when trying to connect'));
  });
  // The page went out whole; the session write after it failed (express-session's own order).
  app.get('/sent-then-session-failed', (_req, res, next) => {
    res.send('the whole page');
    next(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
  });
  app.use(notFoundHandler);
  app.use(createErrorHandler(pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) })));
  return app;
}

let logLines: string[] = [];

describe('the error handler', () => {
  it.each(['development', 'production', 'test'])('shows no stack or message in %s mode, with an incident id', async (mode) => {
    for (const route of ['/boom', '/async-boom']) {
      const response = await request(failingApp(mode)).get(route);
      expect(response.status).toBe(500);
      expect(response.text).toContain('Sorry, there is a problem with the service');
      expect(response.text).toMatch(/class="incident">[0-9a-f-]{36}</);
      expect(response.text).not.toMatch(/hunter2|cannot read secret|at .*\.ts:\d+/);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('keeps the status of a refused request', async () => {
    const response = await request(failingApp('production')).get('/forbidden');
    expect(response.status).toBe(403);
    expect(response.text).toContain('Your form has expired');
  });

  it('tells the user to try again when the service is busy', async () => {
    const response = await request(failingApp('production')).get('/busy');
    expect(response.status).toBe(503);
    expect(response.text).toContain('The service is busy');
  });

  it.each([
    ['/disk-full', 'SQLITE_FULL'],
    ['/read-only', '25006'],
    ['/session-write-failed', 'pool_connect_timeout'],
  ])('%s: storage that cannot be used is an honest 503 "try again", never a 500, logged once with its code', async (route, code) => {
    logLines = [];
    const response = await request(failingApp('production')).get(route);
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.text).toContain('We could not save or load that just now');
    expect(response.text).toContain('Nothing you had saved before is lost.');
    expect(response.text).not.toMatch(/SQLITE|25006|read-only|timeout exceeded|The service is busy/);
    const logged = logLines.map((line) => JSON.parse(line) as { level: number; storageCode?: string; msg: string; err?: { message: string } });
    expect(logged.filter((line) => line.level >= 40)).toEqual([
      expect.objectContaining({ level: 50, storageCode: code, msg: 'request failed: the database cannot be used right now' }),
    ]);
    expect(logged.find((line) => line.level >= 40)?.err?.message).toContain(code);
  });

  it('leaves a page that was already sent whole when the session write after it fails, and logs the cause', async () => {
    logLines = [];
    const response = await request(failingApp('production')).get('/sent-then-session-failed');
    expect(response.status).toBe(200);
    expect(response.text).toBe('the whole page');
    expect(logLines.join('\n')).toContain('"storageCode":"SQLITE_FULL"');
  });

  it('renders a friendly 404', async () => {
    const response = await request(failingApp('production')).get('/missing');
    expect(response.status).toBe(404);
    expect(response.text).toContain('Page not found');
  });
});
