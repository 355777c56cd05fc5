import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { questionnaireV2 } from '../../src/questionnaire/v2/index.js';
import { renderReportPdf } from '../../src/report/pdf/document.js';
import { defaultOwnerFor } from '../../src/services/defaultOwner.js';
import { answersOf } from '../fixtures/answerBuilder.js';
import { personaReport } from '../fixtures/personaReport.js';
import { personas } from '../fixtures/personas.js';

/**
 * Renders the report of every persona in tests/fixtures/personas.ts with the default action
 * plan, so that people can look at them (`npm run report:personas`, then pdftoppm). Writes to
 * the folder given, or test-output/persona-reports.
 */
const out = process.argv[2] ?? path.join('test-output', 'persona-reports');
mkdirSync(out, { recursive: true });
const t = createTranslator('en');

for (const [index, persona] of personas.entries()) {
  const answers = answersOf(questionnaireV2, persona);
  const { register, model } = personaReport(persona, {
    reportId: `RP-PERSONA-${index + 1}`,
    issuedAt: new Date('2026-12-02T10:00:00Z'),
    preparedBy: 'RiskPlan calibration',
    ownerOf: (action) => defaultOwnerFor(action.pillar, answers, questionnaireV2.roles, t),
  });
  const file = path.join(out, `persona-${index + 1}.pdf`);
  writeFileSync(file, await renderReportPdf(model));
  process.stdout.write(`${file}: ${persona.name}, ${register.overallBand}\n`);
}
