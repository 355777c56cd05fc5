import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareLogo } from '../../src/branding/logoImage.js';
import type { ReportBranding } from '../../src/report/reportBranding.js';
import type { ReportModel } from '../../src/report/reportModelTypes.js';
import { createPdfRenderPool, type PdfRenderPool } from '../../src/report/renderPool.js';
import { cmykJpeg, pngWithAlpha } from '../fixtures/logoImages.js';
import { personaReport } from '../fixtures/personaReport.js';
import { tbilisiSoftwareFirm } from '../fixtures/personas.js';
import { imagesOf, pageTexts, preflightVerdict } from '../support/pdfTools.js';

/*
 * A consultant firm's report: its name and logo on the cover and in every page's running header,
 * rendered through the worker pool as in the server, and checked with poppler and PDFBox
 * Preflight. Each logo goes through prepareLogo first, as an upload does.
 */

/** Georgian, an ampersand and an angle bracket (which break XMP when unescaped), and "$&" (special to String.replace). */
const firms = {
  alpha: 'Kartli & Co <Risk> · ქართლი',
  cmyk: 'Kartli $& Co <Risk> · ქართლი',
};

let dir: string;
let pool: PdfRenderPool;

/** The report of a firm's client, naming the firm as reportService does when the organisation has branding. */
function modelFor(consultantFirm?: string): ReportModel {
  return personaReport(tbilisiSoftwareFirm, {
    reportId: 'RP-BRANDED-1',
    issuedAt: new Date('2026-12-02T10:00:00Z'),
    preparedBy: 'Leyla Həsənova',
    ...(consultantFirm ? { consultantFirm } : {}),
    ownerOf: (_action, index) => `Owner ${index + 1}`,
  }).model;
}

async function brandingWith(firmName: string, upload: Buffer): Promise<ReportBranding> {
  const logo = await prepareLogo(upload);
  if (!logo.ok) throw new Error(logo.message);
  return { firmName, logo: { png: logo.png, width: logo.width, height: logo.height } };
}

async function renderTo(name: string, branding?: ReportBranding): Promise<{ file: string; pdf: Buffer }> {
  const pdf = await pool.render(modelFor(branding?.firmName), branding);
  const file = path.join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  return { file, pdf };
}

const rendered: Record<keyof typeof firms, { file: string; pdf: Buffer; branding: ReportBranding }> = Object.create(null) as never;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'riskplan-pdf-branding-'));
  pool = createPdfRenderPool({ size: 1, timeoutMs: 30_000 });
  const logos = { alpha: await pngWithAlpha(), cmyk: await cmykJpeg() };
  for (const name of ['alpha', 'cmyk'] as const) {
    const branding = await brandingWith(firms[name], logos[name]);
    rendered[name] = { ...(await renderTo(name, branding)), branding };
  }
}, 120_000);

afterAll(async () => {
  await pool?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(['alpha', 'cmyk'] as const)('a report branded with a logo made from %s', (name) => {
  it('is a valid PDF/A-1b file according to PDFBox Preflight', async () => {
    expect(await preflightVerdict(rendered[name].file)).toContain('is a valid PDF/A-1b file');
  });

  it('says "Prepared by" the firm on the cover, and names the firm in the header of every other page', async () => {
    const pages = await pageTexts(rendered[name].file);
    expect(pages.length).toBeGreaterThan(5);
    expect(pages[0]).toContain(`Prepared by ${firms[name]}`);
    pages.forEach((page, index) => expect({ page: index + 1, hasFirm: page.includes(firms[name]) }).toEqual({ page: index + 1, hasFirm: true }));
  });

  it('holds the logo once, as 8-bit RGB without a soft mask, shown on the cover and every page', async () => {
    const images = await imagesOf(rendered[name].file);
    const pages = (await pageTexts(rendered[name].file)).length;
    const { width, height } = rendered[name].branding.logo ?? { width: 0, height: 0 };
    expect(images.map((image) => image.page)).toEqual(Array.from({ length: pages }, (_, index) => index + 1));
    for (const image of images) {
      expect(image).toMatchObject({ type: 'image', width, height, color: 'rgb', components: 3, bitsPerComponent: 8 });
    }
    expect(new Set(images.map((image) => image.objectId)).size).toBe(1);
  });

  it('given the same model and branding again, gives the same bytes', async () => {
    const { branding, pdf } = rendered[name];
    expect((await pool.render(modelFor(branding.firmName), branding)).equals(pdf)).toBe(true);
  });
});

describe('a report branded with a firm name and no logo', () => {
  it('names the firm on the cover and in the headers, holds no image, and is valid PDF/A-1b', async () => {
    const { file } = await renderTo('name-only', { firmName: firms.alpha });
    const pages = await pageTexts(file);
    expect(pages[0]).toContain(`Prepared by ${firms.alpha}`);
    for (const page of pages) expect(page).toContain(firms.alpha);
    expect(await imagesOf(file)).toEqual([]);
    expect(await preflightVerdict(file)).toContain('is a valid PDF/A-1b file');
  });
});

describe('a report without branding', () => {
  it('names no firm and holds no image', async () => {
    const { file } = await renderTo('plain');
    for (const page of await pageTexts(file)) expect(page).not.toContain('Kartli');
    expect(await imagesOf(file)).toEqual([]);
  });
});
