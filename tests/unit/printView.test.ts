import path from 'node:path';
import ejs from 'ejs';
import { describe, expect, it } from 'vitest';
import { largestAnswers, sampleMeta, typicalAnswers } from '../../bench/reportFixtures.js';
import { createTranslator } from '../../src/i18n/catalogue.js';
import type { Answers } from '../../src/questionnaire/types.js';
import { questionnaireV1 } from '../../src/questionnaire/v1/index.js';
import { buildReportModel } from '../../src/report/reportModel.js';
import { scoreAssessment } from '../../src/scoring/scoreAssessment.js';

/* The printable report page (views/report/print.ejs), rendered from a real report model. */

const t = createTranslator('en');

function printableHtml(answers: Answers, company: string): Promise<string> {
  const model = buildReportModel({
    questionnaire: questionnaireV1,
    answers,
    register: scoreAssessment(questionnaireV1, answers),
    translate: t,
    meta: sampleMeta(),
  });
  return ejs.renderFile(path.resolve('views/report/print.ejs'), { model, t, company, assessmentBase: '/assessment' });
}

describe('the printable report page', () => {
  it('given long unbroken answers in several scripts, holds them exactly as typed and no zero-width space', async () => {
    const longWord = `Şəki${'ə'.repeat(80)}საქართველო${'ж'.repeat(60)}`;
    const answers: Answers = {
      ...largestAnswers(questionnaireV1),
      company_name: { value: `Qafqaz ${longWord}` },
      key_suppliers: { value: `https://www.example-supplier.az/contracts/2026/${'x'.repeat(120)}` },
    };
    const html = await printableHtml(answers, 'Qafqaz');
    expect(html).toContain(longWord);
    expect(html).toContain(`example-supplier.az/contracts/2026/${'x'.repeat(120)}`);
    expect(html.split('\u200b').length - 1).toBe(0);
  });

  it('given a typical assessment, contains no zero-width space', async () => {
    const html = await printableHtml(typicalAnswers(questionnaireV1), 'Typical');
    expect(html.length).toBeGreaterThan(10_000);
    expect(html.split('\u200b').length - 1).toBe(0);
  });
});
