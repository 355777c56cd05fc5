import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/web/middleware/sessions.js';
import { answersFor, newAgent, openResumeLink, postSection, startAssessment } from '../support/walk.js';
import { useAppsWithSettings } from '../support/lifecycle.js';
import { memoryLog } from '../support/memoryLog.js';
import { testStore } from '../support/testApp.js';

function sessionIdsIn(setCookie: string[] | string | undefined): string[] {
  const headers = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  return headers.flatMap((header) => {
    const value = header.split(';')[0]?.split('=')[1];
    // s%3A<session id>.<signature>: look for the id alone as well as the whole signed value.
    const id = value ? decodeURIComponent(value).replace(/^s:/, '').split('.')[0] : undefined;
    return value && id ? [value, id] : [];
  });
}

describe(`the log keeps no secrets (${testStore})`, () => {
  const startApp = useAppsWithSettings();

  it('writes one short line per request and no resume token, session cookie or query value', async () => {
    const log = memoryLog();
    const running = await startApp({ logger: log.logger });
    const owner = newAgent(running.app);
    const resumeLink = await startAssessment(owner);
    const validToken = resumeLink.split('/resume/')[1] ?? '';
    const saved = await postSection(owner, 'profile', answersFor('profile', {}));
    expect(saved.status).toBe(303);

    const visitor = newAgent(running.app);
    await visitor.get(`/resume/${validToken}?utm_source=${validToken}`).expect(200);
    const resumed = await openResumeLink(visitor, validToken);
    expect(resumed.status).toBe(303);
    const invalidToken = randomBytes(32).toString('base64url');
    await visitor.get(`/Resume/${invalidToken}`).expect(404);
    await visitor.get('/no-such-page?secret=hunter2-query-value').expect(404);
    // Errors that reach the error handler, with the token in the path: a form post without its
    // token (403) and a path that cannot be decoded (400).
    await visitor.post(`/resume/${validToken}`).type('form').send('_csrf=forged').expect((res) => expect(res.status).toBeGreaterThanOrEqual(400));
    await visitor.get(`/resume/${validToken}%E0%A4%A`).expect(400);

    const text = log.text();
    expect(text).not.toContain(validToken);
    expect(text).not.toContain(invalidToken);
    expect(text).not.toContain('hunter2-query-value');
    for (const secret of sessionIdsIn(resumed.headers['set-cookie'])) expect(text).not.toContain(secret);
    expect(text).not.toContain(SESSION_COOKIE);
    expect(text.toLowerCase()).not.toContain('cookie');

    const requests = log.lines().map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === 'request completed' || entry.msg === 'request errored');
    expect(requests.length).toBeGreaterThanOrEqual(9);
    for (const line of log.lines().filter((l) => l.includes('"request completed"') || l.includes('"request errored"'))) expect(line.length).toBeLessThan(300);
    for (const entry of requests) {
      expect(Object.keys(entry)).not.toContain('req');
      expect(Object.keys(entry)).not.toContain('res');
      expect([typeof entry.method, typeof entry.url, typeof entry.status, typeof entry.responseTime, typeof entry.reqId]).toEqual(['string', 'string', 'number', 'number', 'string']);
    }
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', url: '/resume/[redacted]?utm_source=[redacted]', status: 200 }));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', url: '/Resume/[redacted]', status: 404 }));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', url: '/no-such-page?secret=[redacted]', status: 404 }));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'POST', url: '/assessment/sections/profile', status: 303 }));

    const refusals = log.lines().map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === 'request refused');
    expect(refusals).toContainEqual(expect.objectContaining({ status: 400, path: '/resume/[redacted]' }));
  });
});
