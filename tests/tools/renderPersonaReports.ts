import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { questionnaireV2 } from '../../src/questionnaire/v2/index.js';
import { renderReportPdf } from '../../src/report/pdf/document.js';
import { buildReportModel } from '../../src/report/reportModel.js';
import { scoreAssessment } from '../../src/scoring/scoreAssessment.js';
import { DEFAULT_DUE_DAYS, defaultDueDate } from '../../src/services/actionPlan.js';
import { defaultOwnerFor } from '../../src/services/defaultOwner.js';
import { answersOf } from '../fixtures/answerBuilder.js';
import { personas } from '../fixtures/personas.js';

/**
 * Renders the report of every persona in tests/fixtures/personas.ts with the default action
 * plan, so that people can look at them (`npm run report:personas`, then pdftoppm). Writes to
 * the folder given, or test-output/persona-reports.
 */
const out = process.argv[2] ?? path.join('test-output', 'persona-reports');
mkdirSync(out, { recursive: true });
const t = createTranslator('en');
const issuedAt = new Date('2026-12-02T10:00:00Z');

for (const [index, persona] of personas.entries()) {
  const answers = answersOf(questionnaireV2, persona);
  const register = scoreAssessment(questionnaireV2, answers);
  const actionPlan = register.actions.map((action) => ({
    actionId: action.recommendationId,
    owner: defaultOwnerFor(action.pillar, answers, questionnaireV2.roles, t),
    dueDate: defaultDueDate(issuedAt, action.priority, DEFAULT_DUE_DAYS),
    status: 'to_do' as const,
  }));
  const model = buildReportModel({
    questionnaire: questionnaireV2,
    answers,
    register,
    translate: t,
    meta: { reportId: `RP-PERSONA-${index + 1}`, issuedAt, preparedBy: 'RiskPlan calibration' },
    actionPlan,
  });
  const file = path.join(out, `persona-${index + 1}.pdf`);
  writeFileSync(file, await renderReportPdf(model));
  process.stdout.write(`${file}: ${persona.name}, ${register.overallBand}\n`);
}
