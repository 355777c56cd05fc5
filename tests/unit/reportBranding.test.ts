import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { questionnaireV2 } from '../../src/questionnaire/v2/index.js';
import { renderBrandingOf } from '../../src/report/reportBranding.js';
import type { AssessmentState } from '../../src/services/assessmentService.js';
import { reportMetaFor } from '../../src/services/reportService.js';

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
    expect(reportMetaFor(state, t, '  Kartli & Co  ')).toMatchObject({ consultantFirm: 'Kartli & Co', reportId: 'RP-ABCDEF12-3' });
    expect(reportMetaFor(state, t)).not.toHaveProperty('consultantFirm');
    expect(reportMetaFor(state, t, ' ')).not.toHaveProperty('consultantFirm');
  });
});
