import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { csrfTokenFrom } from '../support/forms.js';
import { useFreshApp } from '../support/lifecycle.js';
import { imagesOf, pageTexts, preflightVerdict } from '../support/pdfTools.js';
import { addClient, OTHER_FIRM, signedInAs, startAssessmentOf } from '../support/practice.js';
import { downloadPdf, everyExposureProfile, newAgent, startAssessment, walkAllSections, type Agent } from '../support/walk.js';

const FIRM_NAME = 'Kartli & Co <Risk> · ქართლი';

/** A logo with a transparent background, as firms export them: the app flattens it for PDF/A. */
function logoWithAlpha(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 120, channels: 4, background: { r: 12, g: 80, b: 110, alpha: 0.6 } } })
    .png()
    .toBuffer();
}

async function pdfOf(agent: Agent, base: string, dataDir: string, name: string): Promise<string> {
  const pdf = await downloadPdf(agent, base).expect(200);
  const file = path.join(dataDir, name);
  writeFileSync(file, pdf.body as Buffer);
  return file;
}

describe("a firm's name and logo on its reports", () => {
  const running = useFreshApp();

  it('lets an admin set them through the page; every PDF of the firm carries them (PDF/A-1b valid), another firm’s and anonymous ones do not', async () => {
    const { app, database, dataDir } = running();
    const admin = await signedInAs(app, database, 'admin@crp.example', 'admin');
    const consultant = await signedInAs(app, database, 'nino@crp.example', 'consultant');

    const form = await admin.get('/organisation/branding').expect(200);
    await admin
      .post('/organisation/branding')
      .field('_csrf', csrfTokenFrom(form.text))
      .field('firmName', FIRM_NAME)
      .attach('logo', await logoWithAlpha(), 'logo.png')
      .expect(303);
    await consultant.get('/organisation/branding').expect(404);

    const base = await startAssessmentOf(consultant, await addClient(consultant, { name: 'Kartli Logistics' }));
    await walkAllSections(consultant, everyExposureProfile, base);
    const branded = await pdfOf(consultant, base, dataDir, 'branded.pdf');
    const pages = await pageTexts(branded);
    expect(pages[0]).toContain(`Prepared by ${FIRM_NAME}`);
    for (const page of pages.slice(1)) expect(page).toContain(FIRM_NAME);
    const images = await imagesOf(branded);
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((image) => image.type === 'smask')).toEqual([]);
    expect(await preflightVerdict(branded)).toMatch(/is a valid PDF\/A-1b file/);

    // Another firm without branding: its own organisation's name, not this firm's.
    const stranger = await signedInAs(app, database, 'aysel@bag.example', 'consultant', OTHER_FIRM);
    const theirs = await startAssessmentOf(stranger, await addClient(stranger, { name: 'Ganja Freight' }));
    await walkAllSections(stranger, everyExposureProfile, theirs);
    const theirPages = await pageTexts(await pdfOf(stranger, theirs, dataDir, 'other.pdf'));
    expect(theirPages[0]).toContain(`Prepared by ${OTHER_FIRM}`);
    expect(theirPages.join(' ')).not.toContain('Kartli & Co');

    const anonymous = newAgent(app);
    await startAssessment(anonymous);
    await walkAllSections(anonymous);
    const anonymousPages = await pageTexts(await pdfOf(anonymous, '/assessment', dataDir, 'anonymous.pdf'));
    expect(anonymousPages.join(' ')).not.toContain('Kartli & Co');
    expect(anonymousPages.join(' ')).not.toContain(OTHER_FIRM);
    expect(await imagesOf(path.join(dataDir, 'anonymous.pdf'))).toEqual([]);
  });
});
