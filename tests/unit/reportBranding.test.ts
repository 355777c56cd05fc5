import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { questionnaireV2 } from '../../src/questionnaire/v2/index.js';
import { renderReportPdf } from '../../src/report/pdf/document.js';
import { renderBrandingOf } from '../../src/report/reportBranding.js';
import type { AssessmentState } from '../../src/services/assessmentService.js';
import { reportMetaFor } from '../../src/services/reportService.js';
import { cmykJpeg, pngWithAlpha } from '../fixtures/logoImages.js';
import { personaReport } from '../fixtures/personaReport.js';
import { tbilisiSoftwareFirm } from '../fixtures/personas.js';

const t = createTranslator('en');

describe('renderBrandingOf', () => {
  it('given a logo that is a view into a larger buffer, hands over a copy of only its bytes (what a worker message clones)', () => {
    const large = new Uint8Array(1024 * 1024).fill(7);
    const branding = renderBrandingOf({ firmName: 'Kartli', logo: { png: large.subarray(100, 300), width: 20, height: 10 } });
    expect(branding.logo?.png.buffer.byteLength).toBe(200);
    expect([...(branding.logo?.png ?? [])].every((byte) => byte === 7)).toBe(true);
    expect(branding).toMatchObject({ firmName: 'Kartli', logo: { width: 20, height: 10 } });
  });

  it('given a logo that owns its buffer, or none, passes it on as it is', () => {
    const png = new Uint8Array(64);
    expect(renderBrandingOf({ firmName: 'Kartli', logo: { png, width: 8, height: 8 } }).logo?.png).toBe(png);
    expect(renderBrandingOf({ firmName: 'Kartli' })).toEqual({ firmName: 'Kartli' });
  });
});

describe('reportMetaFor', () => {
  const state = {
    assessment: { id: 'abcdef12-3456', questionnaireVersion: questionnaireV2.version, createdAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-02T10:00:00.000Z', revision: 3 },
    questionnaire: questionnaireV2,
    answers: { [questionnaireV2.roles.companyName]: { value: 'Mtatsminda Software' } },
  } as unknown as AssessmentState;

  it("given a firm's name, fills the report's consultant firm; without one, leaves it out", () => {
    // A download is a draft: its id cannot be taken for an issued report's number (RP-<year>-<six digits>).
    expect(reportMetaFor(state, t, '  Kartli & Co  ')).toMatchObject({ consultantFirm: 'Kartli & Co', reportId: 'DRAFT-ABCDEF12-3', draft: true });
    expect(reportMetaFor(state, t)).not.toHaveProperty('consultantFirm');
    expect(reportMetaFor(state, t, ' ')).not.toHaveProperty('consultantFirm');
  });
});

describe('renderReportPdf with branding', () => {
  const { model } = personaReport(tbilisiSoftwareFirm, { reportId: 'RP-UNIT-1', issuedAt: new Date('2026-12-02T10:00:00Z'), preparedBy: 'Leyla', ownerOf: () => 'Owner' });

  it('given a logo that is not what prepareLogo makes (a PNG with alpha, a JPEG), refuses to draw it rather than break PDF/A', async () => {
    for (const png of [await pngWithAlpha(), await cmykJpeg()]) {
      await expect(renderReportPdf(model, { firmName: 'Kartli', logo: { png, width: 10, height: 10 } })).rejects.toThrow(/8-bit RGB PNG without alpha/);
    }
  });

  it('given a firm name that is blank, draws the report as without branding', async () => {
    expect((await renderReportPdf(model, { firmName: ' \n ' })).equals(await renderReportPdf(model))).toBe(true);
  });
});
