import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import type { Question } from '../../src/questionnaire/types.js';
import { DEFAULT_TEXT_MAX, NOTE_MAX_LENGTH } from '../../src/web/forms/sectionForm.js';
import { csrfTokenFrom, hiddenFieldsFrom } from '../support/forms.js';
import { useFreshApp } from '../support/lifecycle.js';
import { testStore } from '../support/testApp.js';
import { newAgent, startAssessment, type Agent } from '../support/walk.js';

/**
 * Random requests against every form and route: whatever arrives, the answer is never a 5xx,
 * never shows a stack trace or an internal path, never stores an answer the form would refuse,
 * and never changes Object.prototype.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

const questionsById = new Map<string, Question>(currentQuestionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
const sectionIds = currentQuestionnaire.sections.map((s) => s.id);
const fieldNames = [...questionsById.keys()];

/** Text a hostile or careless client sends: control characters, bidi overrides, emoji, huge or empty. */
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u202Eevil\u202C', '\u0000\u0001\u001F', '😀👩‍👩‍👧', '<script>alert(1)</script>', '%00', '../../etc/passwd', '{{7*7}}', '${7*7}'),
  fc.nat({ max: 100_000 }).map((n) => 'x'.repeat(n)),
);

const fieldName = fc.oneof(
  fc.constantFrom(...fieldNames, ...fieldNames.map((id) => `${id}__note`), '_csrf', 'action', 'revision', 'return', 'token'),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__[polluted]', 'constructor[prototype][polluted]', 'a[b]', 'a[]', '[]'),
  fc.string({ maxLength: 12 }),
);

/** A urlencoded body with repeated and bracketed fields, as raw text (a library would tidy it up). */
const formBody = fc.array(fc.tuple(fieldName, nastyText), { maxLength: 12 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

const LEAK = /at [\w.<>]+ \(|node_modules|\/work\/|\/src\/|TypeError|ReferenceError|SyntaxError/;

function prototypeSnapshot(): string {
  return JSON.stringify(Object.getOwnPropertyNames(Object.prototype).sort());
}

/** Every stored answer is one the form accepts: a known option, within its length. */
function invalidAnswers(rows: { question_id: string; value_json: string; note: string | null }[]): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const question = questionsById.get(row.question_id);
    const value = JSON.parse(row.value_json) as unknown;
    if (!question) problems.push(`unknown question ${row.question_id}`);
    else if (question.options) {
      const allowed = new Set(question.options.map((o) => o.value));
      const values = Array.isArray(value) ? value : [value];
      if (!values.every((v) => typeof v === 'string' && allowed.has(v))) problems.push(`${row.question_id}: ${row.value_json.slice(0, 60)}`);
    } else if (typeof value !== 'string' || value.length > (question.maxLength ?? DEFAULT_TEXT_MAX)) problems.push(`${row.question_id}: text too long or not text`);
    if (row.note !== null && row.note.length > NOTE_MAX_LENGTH) problems.push(`${row.question_id}: note too long`);
  }
  return problems;
}

describe(`fuzzing every form and route (${testStore})`, () => {
  const app = useFreshApp();
  let agent: Agent;
  const prototypeBefore = prototypeSnapshot();

  beforeEach(async () => {
    agent = newAgent(app().app);
    await startAssessment(agent);
  });

  function expectSafe(status: number, text: string, what: string): void {
    expect(status, what).toBeLessThan(500);
    expect(text, what).not.toMatch(LEAK);
  }

  it('form posts with random fields and values, with and without a valid token', async () => {
    const page = await agent.get('/assessment/sections/profile').expect(200);
    const token = csrfTokenFrom(page.text);
    const revision = hiddenFieldsFrom(page.text).revision ?? '0';
    const route = fc.oneof(fc.constantFrom('/assessments', '/resume', '/assessment/actions'), fc.constantFrom(...sectionIds).map((id) => `/assessment/sections/${id}`));
    await fc.assert(
      fc.asyncProperty(route, formBody, fc.boolean(), async (path, body, withToken) => {
        const sent = withToken ? `_csrf=${encodeURIComponent(token)}&revision=${revision}&${body}` : body;
        const response = await agent.post(path).type('form').send(sent);
        expectSafe(response.status, response.text, `POST ${path} ${sent.slice(0, 200)}`);
      }),
      { numRuns: RUNS },
    );
    const rows = await app().database.db.selectFrom('answers').select(['question_id', 'value_json', 'note']).execute();
    expect(invalidAnswers(rows)).toEqual([]);
    expect(prototypeSnapshot()).toBe(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('any method, path and content type', async () => {
    const method = fc.constantFrom('get', 'post', 'put', 'patch', 'delete', 'options', 'head');
    const path = fc.oneof(
      fc.constantFrom('/', '/assessments', '/assessment', '/assessment/check', '/assessment/results', '/assessment/actions', '/assessment/report', '/resume', '/healthz', '/sources', '/how-we-score', '/static/css/app.css'),
      fc.constantFrom(...sectionIds).map((id) => `/assessment/sections/${id}`),
      fc.string({ maxLength: 30 }).map((s) => `/${encodeURIComponent(s)}`),
      fc.constantFrom('/resume/%', '/assessment/sections/%E0%A4%A', '/static/../src/server.ts', '/assessment/sections/__proto__', '/resume/' + 'A'.repeat(43)),
    );
    const contentType = fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/xml', 'application/x-www-form-urlencoded; charset=utf-16');
    const query = fc.oneof(fc.constant(''), fc.constantFrom('?return=check', '?a[b]=1&a[c]=2', '?__proto__[x]=1', '?return=check&return=check', '?incomplete=1'));
    await fc.assert(
      fc.asyncProperty(method, path, query, contentType, nastyText, async (m, p, q, type, body) => {
        const response = await agent[m](`${p}${q}`).set('Content-Type', type).send(body);
        expectSafe(response.status, response.text ?? '', `${m.toUpperCase()} ${p}${q} (${type})`);
      }),
      { numRuns: RUNS },
    );
    expect(prototypeSnapshot()).toBe(prototypeBefore);
  });
});
