/**
 * The floor `npm run bench` measures the app against: Express 5 answering a fixed string, with
 * nothing else (no logging, no sessions, no templates). Started as its own process by bench/http.ts,
 * under the same conditions as the app (same core, same Node, same loader).
 */
import express from 'express';

const port = Number(process.env.PORT ?? 0);
const app = express();
app.get('/', (_req, res) => {
  res.send('Hello World!');
});
app.get('/healthz', (_req, res) => {
  res.send('ok');
});
app.listen(port, '127.0.0.1');
