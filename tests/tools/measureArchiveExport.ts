/** Not a test: exports 1000 issued reports of 300 kB each through the real app (SQLite) and prints the process's peak memory while a client reads the ZIP (npx tsx tests/tools/measureArchiveExport.ts; NODE_OPTIONS=--expose-gc to see only what is still held). */
import { randomBytes } from 'node:crypto';
import { memberOf } from '../support/archive.js';
import { seedIssuedReport, smallPdf } from '../support/issued.js';
import { makeDataDir, removeDataDir, startApp } from '../support/testApp.js';

const running = await startApp(makeDataDir());
const member = await memberOf(running.app, running.database, 'lela@crp.example', 'compliance');
const base = await smallPdf('x');
for (let i = 0; i < 1000; i += 1) {
  const pdf = Buffer.concat([base, randomBytes(300 * 1024)]);
  await seedIssuedReport(running.database, { organisationId: member.user.organisationId, clientName: 'Kartli', pdf, issuedAt: new Date(Date.UTC(2026, 0, 1, 0, i)) });
}
globalThis.gc?.();
const before = process.memoryUsage();
let peak = { rss: 0, arrayBuffers: 0, heapUsed: 0 };
const timer = setInterval(() => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  peak = { rss: Math.max(peak.rss, m.rss), arrayBuffers: Math.max(peak.arrayBuffers, m.arrayBuffers), heapUsed: Math.max(peak.heapUsed, m.heapUsed) };
}, 100);
const response = await member.agent
  .get('/archive/export.zip')
  .maxResponseSize(4_000_000_000)
  .buffer(true)
  .parse((res, done) => {
    // The response is a Node stream; a reader that stops for a moment now and then.
    const stream = res as unknown as NodeJS.ReadableStream;
    let n = 0;
    stream.on('data', (c: Buffer) => {
      n += c.length;
      if (n % 97 === 0) {
        stream.pause();
        setTimeout(() => stream.resume(), 5);
      }
    });
    stream.on('end', () => done(null, n));
  });
const total = response.body as number;
clearInterval(timer);
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
process.stdout.write(`ZIP ${mb(total)}; before rss ${mb(before.rss)} arrayBuffers ${mb(before.arrayBuffers)} heap ${mb(before.heapUsed)}; peak rss ${mb(peak.rss)} arrayBuffers ${mb(peak.arrayBuffers)} heap ${mb(peak.heapUsed)}\n`);
await running.stop();
removeDataDir(running.dataDir);
