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
  app.use(notFoundHandler);
  app.use(createErrorHandler(pino({ level: 'silent' })));
  return app;
}

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

  it('renders a friendly 404', async () => {
    const response = await request(failingApp('production')).get('/missing');
    expect(response.status).toBe(404);
    expect(response.text).toContain('Page not found');
  });
});
