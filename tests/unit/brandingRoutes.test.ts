import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type RequestHandler } from 'express';
import { pino } from 'pino';
import { pinoHttp } from 'pino-http';
import sharp from 'sharp';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { OrganisationBranding } from '../../src/branding/branding.js';
import { LOGO_REFUSAL_REASONS } from '../../src/branding/logoImage.js';
import { createTranslator, hasMessage } from '../../src/i18n/catalogue.js';
import type { BrandingRepository } from '../../src/repositories/brandingRepository.js';
import { createErrorHandler, notFoundHandler } from '../../src/web/errorHandler.js';
import { setUpCsrf } from '../../src/web/middleware/csrf.js';
import { setUpViewLocals } from '../../src/web/middleware/viewLocals.js';
import { noStoreByDefault, setUpFormParsing, setUpSecurityHeaders } from '../../src/web/middleware/webSecurity.js';
import { brandingRoutes } from '../../src/web/routes/brandingRoutes.js';
import { cmykJpeg, gif, html, pngOf600kB, pngWithAlpha } from '../fixtures/logoImages.js';
import { csrfTokenFrom, locationOf } from '../support/forms.js';

/*
 * The branding page's routes, at unit level: a tiny Express app with the app's own middleware
 * (form parsing, form tokens, error handler) around brandingRoutes, a guard that lets everyone
 * through as one organisation, and a repository in memory. multer and sharp are the real ones.
 * (Through sign-in and the admin guard, the routes are tested once accounts exist.)
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const t = createTranslator('en');
const ORGANISATION = 'org-test';
const PAGE = '/organisation/branding';
const firm = 'Kartli & Co <Risk> · ქართლი';

/** The repository's contract, kept in a map; `failWith` makes every write throw it. */
function memoryRepository(): BrandingRepository & { rows: Map<string, OrganisationBranding>; failWith?: Error } {
  const rows = new Map<string, OrganisationBranding>();
  const store = {
    rows,
    failWith: undefined as Error | undefined,
    getBranding: (id: string) => Promise.resolve(rows.get(id)),
    saveFirmName(id: string, firmName: string, now: string) {
      if (store.failWith) return Promise.reject(store.failWith);
      rows.set(id, { ...rows.get(id), organisationId: id, firmName, updatedAt: now });
      return Promise.resolve();
    },
    saveLogo(id: string, firmName: string, logo: OrganisationBranding['logo'] & object, now: string) {
      if (store.failWith) return Promise.reject(store.failWith);
      rows.set(id, { organisationId: id, firmName, logo, updatedAt: now });
      return Promise.resolve();
    },
    removeLogo(id: string, now: string) {
      if (store.failWith) return Promise.reject(store.failWith);
      const row = rows.get(id);
      if (row?.logo) rows.set(id, { organisationId: id, firmName: row.firmName, updatedAt: now });
      return Promise.resolve();
    },
    organisationName: () => Promise.resolve('Caucasus Risk Partners'),
  };
  return store;
}

const letThrough: RequestHandler = (_req, res, next) => {
  res.locals.organisationId = ORGANISATION;
  next();
};

/** The app's middleware in the app's order, with the branding routes where the lead will mount them. */
function tinyApp(repository: BrandingRepository, guard: RequestHandler = letThrough): Express {
  const app = express();
  app.set('views', path.join(root, 'views'));
  app.set('view engine', 'ejs');
  app.use(pinoHttp({ logger: pino({ level: 'silent' }) }));
  setUpViewLocals(app);
  setUpSecurityHeaders(app);
  app.use(noStoreByDefault);
  setUpFormParsing(app);
  setUpCsrf(app, { secret: 'a-test-secret-that-is-at-least-32-characters', secure: false });
  app.use(brandingRoutes({ repository, t, guard, organisationIdOf: (res) => res.locals.organisationId as string }));
  app.post('/elsewhere', (_req, res) => {
    res.send('reached');
  });
  app.use(notFoundHandler);
  app.use(createErrorHandler(pino({ level: 'silent' })));
  return app;
}

/** An agent that has opened the page (so holds its form-token cookie), and the page's token. */
async function openPage(app: Express) {
  const agent = request.agent(app);
  const page = await agent.get(PAGE).expect(200);
  return { agent, token: csrfTokenFrom(page.text), page };
}

/** A message as a page shows it: escaped by EJS. */
function shown(key: string, params?: Record<string, string | number>): string {
  return t(key, params).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

function summaryLinks(html: string): string[] {
  return [...html.matchAll(/<ul class="error-summary__list">([\s\S]*?)<\/ul>/g)].flatMap((list) => [...(list[1] ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? ''));
}

/** A multipart body written by hand, for what supertest cannot send (a browser's empty file input, a body cut short). */
function rawMultipart(parts: string[], boundary = 'XyZboundary'): { type: string; body: string } {
  return { type: `multipart/form-data; boundary=${boundary}`, body: parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('') + `--${boundary}--\r\n` };
}

describe('GET /organisation/branding', () => {
  it('given no branding yet, shows an empty firm name, no logo, and a multipart form with a token', async () => {
    const { page } = await openPage(tinyApp(memoryRepository()));
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).toContain('name="firmName" type="text" value=""');
    expect(page.text).toContain('type="file" accept="image/png,image/jpeg"');
    expect(page.text).toContain(shown('branding.logo.none'));
    expect(page.text).not.toContain('<img');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('given a guard that refuses, answers as the guard does and reads nothing', async () => {
    const repository = memoryRepository();
    const refuse: RequestHandler = (_req, res) => {
      res.status(404).render('pages/error', { status: 404 });
    };
    const app = tinyApp(repository, refuse);
    await request(app).get(PAGE).expect(404);
    await request(app).get(`${PAGE}/logo.png`).expect(404);
    await request(app).post(PAGE).field('firmName', firm).attach('logo', await pngWithAlpha(), 'logo.png').expect(404);
    expect(repository.rows.size).toBe(0);
  });
});

/** Real image work (sharp) on a machine other test files share: more time than a unit test's default. */
describe('POST /organisation/branding', { timeout: 20_000 }, () => {
  it('given a firm name and a PNG with alpha, stores a plain PNG and shows it on the page, served as image/png', async () => {
    const repository = memoryRepository();
    const app = tinyApp(repository);
    const { agent, token } = await openPage(app);
    const saved = await agent.post(PAGE).field('_csrf', token).field('firmName', `  ${firm}  `).attach('logo', await pngWithAlpha(), 'logo.png').expect(303);
    expect(locationOf(saved)).toBe(`${PAGE}?saved=1`);

    const stored = repository.rows.get(ORGANISATION);
    expect(stored?.firmName).toBe(firm);
    expect(await sharp(stored?.logo?.png).metadata()).toMatchObject({ format: 'png', channels: 3, hasAlpha: false, width: 300, height: 120 });

    const page = await agent.get(`${PAGE}?saved=1`).expect(200);
    expect(page.text).toContain(shown('branding.saved'));
    expect(page.text).toContain(`value="Kartli &amp; Co &lt;Risk&gt; · ქართლი"`);
    expect(page.text).toContain(`<img src="${PAGE}/logo.png" alt="${shown('branding.logo.currentAlt')}" width="200" height="80">`);

    const logo = await agent.get(`${PAGE}/logo.png`).buffer(true).expect(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    expect(logo.headers['cache-control']).toBe('no-store');
    expect(Buffer.compare(logo.body as Buffer, stored?.logo?.png ?? Buffer.alloc(0))).toBe(0);
  });

  it('given a CMYK JPEG named logo.png and declared as a PNG, stores it as an sRGB PNG', async () => {
    const repository = memoryRepository();
    const { agent, token } = await openPage(tinyApp(repository));
    await agent.post(PAGE).field('_csrf', token).field('firmName', firm).attach('logo', await cmykJpeg(), { filename: 'logo.png', contentType: 'image/png' }).expect(303);
    expect(await sharp(repository.rows.get(ORGANISATION)?.logo?.png).metadata()).toMatchObject({ format: 'png', space: 'srgb', channels: 3 });
  });

  it('given a firm name alone, stores it and keeps the logo there was', async () => {
    const repository = memoryRepository();
    const { agent, token } = await openPage(tinyApp(repository));
    await agent.post(PAGE).field('_csrf', token).field('firmName', 'First').attach('logo', await pngWithAlpha(), 'logo.png').expect(303);
    await agent.post(PAGE).field('_csrf', token).field('firmName', firm).expect(303);
    expect(repository.rows.get(ORGANISATION)).toMatchObject({ firmName: firm, logo: { width: 300 } });
  });

  it("given a browser's empty file input (no file chosen), saves the firm name only", async () => {
    const repository = memoryRepository();
    const { agent, token } = await openPage(tinyApp(repository));
    const { type, body } = rawMultipart([
      `Content-Disposition: form-data; name="_csrf"\r\n\r\n${token}`,
      `Content-Disposition: form-data; name="firmName"\r\n\r\nKartli`,
      `Content-Disposition: form-data; name="logo"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ]);
    await agent.post(PAGE).set('Content-Type', type).send(body).expect(303);
    expect(repository.rows.get(ORGANISATION)).toEqual({ organisationId: ORGANISATION, firmName: 'Kartli', updatedAt: expect.any(String) as string });
  });

  it('given the same form posted urlencoded, still checks the token and saves the name', async () => {
    const repository = memoryRepository();
    const { agent, token } = await openPage(tinyApp(repository));
    await agent.post(PAGE).type('form').send({ firmName: 'Kartli' }).expect(403);
    expect(repository.rows.size).toBe(0);
    await agent.post(PAGE).type('form').send({ _csrf: token, firmName: 'Kartli' }).expect(303);
    expect(repository.rows.get(ORGANISATION)?.firmName).toBe('Kartli');
  });

  it('given no form token or a wrong one, refuses with 403 and stores nothing', async () => {
    const repository = memoryRepository();
    const { agent } = await openPage(tinyApp(repository));
    await agent.post(PAGE).field('firmName', firm).attach('logo', await pngWithAlpha(), 'logo.png').expect(403);
    await agent.post(PAGE).field('_csrf', 'x'.repeat(43)).field('firmName', firm).expect(403);
    await agent.post(PAGE).field('_csrf', 'x').field('action', 'removeLogo').expect(403);
    expect(repository.rows.size).toBe(0);
  });

  it('leaves every other multipart post refused before its route (415)', async () => {
    await request(tinyApp(memoryRepository())).post('/elsewhere').field('a', 'b').expect(415);
  });

  const refusedFiles: [string, () => Promise<Buffer> | Buffer, string][] = [
    ['a GIF named logo.png', gif, shown('branding.logo.refused.notPngOrJpeg')],
    ['an HTML file named logo.png', () => html, shown('branding.logo.refused.notPngOrJpeg')],
    ['an empty file', () => Buffer.alloc(0), shown('branding.logo.refused.empty')],
  ];

  it.each(refusedFiles)('given %s, shows the form again (400) with the typed name and an error linking to the file field', async (_name, file, message) => {
    const repository = memoryRepository();
    const { agent, token } = await openPage(tinyApp(repository));
    const response = await agent.post(PAGE).field('_csrf', token).field('firmName', firm).attach('logo', await file(), { filename: 'logo.png', contentType: 'image/png' }).expect(400);
    expect(summaryLinks(response.text)).toEqual(['#logo']);
    expect(response.text).toContain(message);
    expect(response.text).toContain('value="Kartli &amp; Co &lt;Risk&gt; · ქართლი"');
    expect(repository.rows.size).toBe(0);
  });

  it('given a 600 kB file, shows the form again (413) with the typed name and says the limit', async () => {
    const repository = memoryRepository();
    const { agent, token } = await openPage(tinyApp(repository));
    const response = await agent.post(PAGE).field('_csrf', token).field('firmName', firm).attach('logo', await pngOf600kB(), 'logo.png').expect(413);
    expect(summaryLinks(response.text)).toEqual(['#logo']);
    expect(response.text).toContain(shown('branding.logo.refused.tooLarge', { size: '500 kB' }));
    expect(response.text).toContain('value="Kartli &amp; Co &lt;Risk&gt; · ქართლი"');
    expect(repository.rows.size).toBe(0);
  });

  it('given two files, or a file in another field, shows the form again (400) asking for one logo', async () => {
    const repository = memoryRepository();
    const { agent, token } = await openPage(tinyApp(repository));
    const logo = await pngWithAlpha();
    for (const post of [
      agent.post(PAGE).field('_csrf', token).field('firmName', firm).attach('logo', logo, 'a.png').attach('logo', logo, 'b.png'),
      agent.post(PAGE).field('_csrf', token).field('firmName', firm).attach('other', logo, 'a.png'),
    ]) {
      const response = await post.expect(400);
      expect(summaryLinks(response.text)).toEqual(['#logo']);
      expect(response.text).toContain(shown('branding.logo.oneFile'));
    }
    expect(repository.rows.size).toBe(0);
  });

  it('given a missing, too long or repeated firm name, shows the form again (400) with an error linking to the name', async () => {
    const repository = memoryRepository();
    const { agent, token } = await openPage(tinyApp(repository));
    const cases: [string[], string][] = [
      [['  '], shown('branding.firmName.required')],
      [['ქ'.repeat(121)], shown('error.tooLong', { max: 120 })],
      [['x'.repeat(3000)], shown('error.tooLong', { max: 120 })],
      [['One', 'Two'], shown('error.oneAnswer')],
    ];
    for (const [names, message] of cases) {
      let post = agent.post(PAGE).field('_csrf', token);
      for (const name of names) post = post.field('firmName', name);
      const response = await post.expect(400);
      expect(summaryLinks(response.text)).toEqual(['#firmName']);
      expect(response.text).toContain(message);
    }
    expect(repository.rows.size).toBe(0);
  });

  it('given a bad name and a refused file together, shows both errors', async () => {
    const { agent, token } = await openPage(tinyApp(memoryRepository()));
    const response = await agent.post(PAGE).field('_csrf', token).field('firmName', '').attach('logo', html, 'logo.png').expect(400);
    expect(summaryLinks(response.text)).toEqual(['#firmName', '#logo']);
  });

  it('given too many fields, or a body cut short, shows the form again (400), never an error page', async () => {
    const repository = memoryRepository();
    const { agent, token } = await openPage(tinyApp(repository));
    let many = agent.post(PAGE).field('_csrf', token).field('firmName', firm);
    for (let i = 0; i < 6; i++) many = many.field(`extra${i}`, 'x');
    const tooMany = await many.expect(400);
    expect(tooMany.text).toContain(shown('branding.form.unreadable'));

    const { type, body } = rawMultipart([`Content-Disposition: form-data; name="_csrf"\r\n\r\n${token}`]);
    const cut = await agent.post(PAGE).set('Content-Type', type).send(body.slice(0, -20)).expect(400);
    expect(summaryLinks(cut.text)).toEqual(['#firmName']);
    expect(repository.rows.size).toBe(0);
  });

  it('given "remove logo", removes it and keeps the name; the logo address then says 404', async () => {
    const repository = memoryRepository();
    const { agent, token } = await openPage(tinyApp(repository));
    await agent.post(PAGE).field('_csrf', token).field('firmName', firm).attach('logo', await pngWithAlpha(), 'logo.png').expect(303);
    const page = await agent.get(PAGE).expect(200);
    expect(page.text).toContain(`name="action" value="removeLogo"`);
    const removed = await agent.post(PAGE).field('_csrf', csrfTokenFrom(page.text)).field('action', 'removeLogo').expect(303);
    expect(locationOf(removed)).toBe(`${PAGE}?removed=1`);
    expect(repository.rows.get(ORGANISATION)).toMatchObject({ firmName: firm });
    expect(repository.rows.get(ORGANISATION)?.logo).toBeUndefined();
    await agent.get(`${PAGE}/logo.png`).expect(404);
    expect((await agent.get(`${PAGE}?removed=1`).expect(200)).text).toContain(shown('branding.logoRemoved'));
  });

  it('given a database that cannot be written, shows the form again (503) with the typed name, saying nothing was saved', async () => {
    const repository = memoryRepository();
    repository.failWith = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const { agent, token } = await openPage(tinyApp(repository));
    const response = await agent.post(PAGE).field('_csrf', token).field('firmName', firm).expect(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect(response.text).toContain(shown('branding.notSaved'));
    expect(response.text).toContain('value="Kartli &amp; Co &lt;Risk&gt; · ქართლი"');
  });
});

describe('the branding messages', () => {
  it('word every reason prepareLogo may give', () => {
    expect(LOGO_REFUSAL_REASONS.filter((reason) => !hasMessage(`branding.logo.refused.${reason}`))).toEqual([]);
  });
});
