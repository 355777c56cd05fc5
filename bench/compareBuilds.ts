/**
 * Compares builds of the app back to back in one run: `npx tsx bench/compareBuilds.ts <root> <root>...`,
 * each root a checkout with `dist/` built (`npm run build`). Alternates the hello floor and each
 * build's section GET and save loads R times (default 3) for S seconds each (default 3), and prints
 * the CPU per request of each run, the medians and the ratio to the hello median. Alternating
 * keeps a shared machine's changing load from favouring one build (docs/PERFORMANCE.md).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { currentQuestionnaire } from '../src/questionnaire/registry.js';
import { shownQuestions } from '../src/questionnaire/visibility.js';
import { sampleAnswer, sectionOf } from '../tests/support/forms.js';
import { arriveAndStart, asVisitor, catchUp, FIRST_SECTION, pinProcess, runLoad, savingAsVisitor, startServerProcess } from './httpSupport.js';

const roots = process.argv.slice(2);
const seconds = Number(process.env.S ?? 3);
const rounds = Number(process.env.R ?? 3);
const fields: Record<string, string | string[]> = {};
for (const q of shownQuestions(sectionOf(currentQuestionnaire, FIRST_SECTION), {})) fields[q.id] = sampleAnswer(q, 'Benchmark Logistics LLC');
pinProcess(process.pid, 1);
const hello = await startServerProcess(['--import', 'tsx', 'bench/helloServer.ts'], {}, { cpu: 0 });
const apps = await Promise.all(roots.map((root) => startServerProcess([path.join(root, 'dist/src/server.js')], {
  NODE_ENV: 'production', SESSION_SECRET: randomBytes(32).toString('hex'), COOKIE_SECURE: 'false', LOG_LEVEL: 'info',
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'ab-')), PUBLIC_URL: 'http://127.0.0.1/', ASSESSMENT_CREATION_LIMIT: '100000',
}, { cpu: 0, stdoutFile: '/dev/null' })));
const sectionPath = `/assessment/sections/${FIRST_SECTION}`;
const visitors = await Promise.all(apps.map((app) => Promise.all(Array.from({ length: 10 }, () => arriveAndStart(app.base)))));
const results: Record<string, number[]> = {};
const add = (k: string, v: number) => ((results[k] ??= []).push(v));
for (let round = 0; round < rounds; round++) {
  const h = await runLoad({ server: hello, path: '/', connections: 10, seconds, expected: [200] });
  add('hello', h.cpuMsPerRequest);
  for (const [i, app] of apps.entries()) {
    const vs = visitors[i] ?? [];
    const get = await runLoad({ server: app, path: sectionPath, connections: 10, seconds, expected: [200], setUpConnection: asVisitor(vs) });
    add(`get ${roots[i]}`, get.cpuMsPerRequest);
    await Promise.all(vs.map((v) => catchUp(app.base, v)));
    const save = await runLoad({ server: app, path: sectionPath, method: 'POST', connections: 10, seconds, expected: [303], setUpConnection: savingAsVisitor(vs, fields) });
    add(`save ${roots[i]}`, save.cpuMsPerRequest);
    if (save.unexpected || get.unexpected) process.stdout.write(`unexpected answers from ${roots[i]}: ${JSON.stringify([get.statuses, save.statuses])}\n`);
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const helloMed = med(results.hello ?? []);
for (const [name, runs] of Object.entries(results)) {
  process.stdout.write(`${name.padEnd(40)} ${runs.map((x) => x.toFixed(3)).join(' ')} ms  median ${med(runs).toFixed(3)}  ratio ${(helloMed / med(runs)).toFixed(3)}\n`);
}
await hello.stop();
for (const app of apps) await app.stop();
