import path from 'node:path';
import ejs from 'ejs';
import { describe, expect, it } from 'vitest';
import { typicalAnswers } from '../../bench/reportFixtures.js';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { messageKeys } from '../../src/questionnaire/messageKeys.js';
import { questionnaireV1 } from '../../src/questionnaire/v1/index.js';
import { explainResults, topActionsOf } from '../../src/presenters/resultsPresenter.js';
import { heatMapCells } from '../../src/scoring/bands.js';
import { scoreAssessment } from '../../src/scoring/scoreAssessment.js';
import type { RiskRegister } from '../../src/scoring/types.js';
import { TOP_ACTIONS } from '../../src/web/routes/resultsRoutes.js';

/* The results page (views/pages/results.ejs), rendered with a real register cut to a given size. */

function resultsHtml(actionCount: number): Promise<string> {
  const answers = typicalAnswers(questionnaireV1);
  const full = scoreAssessment(questionnaireV1, answers);
  const register: RiskRegister = { ...full, actions: full.actions.slice(0, actionCount) };
  if (register.actions.length !== actionCount) throw new Error(`The fixture has only ${full.actions.length} actions`);
  return ejs.renderFile(path.resolve('views/pages/results.ejs'), {
    state: { questionnaire: questionnaireV1, answers },
    register,
    heatMap: heatMapCells(register),
    topActions: topActionsOf(register, questionnaireV1.version, createTranslator('en'), TOP_ACTIONS),
    explanation: explainResults(questionnaireV1, register, createTranslator('en'), TOP_ACTIONS),
    t: createTranslator('en'),
    keys: messageKeys,
    lang: 'en',
    currentPath: '/assessment/results',
    assessmentBase: '/assessment',
    assessmentAccess: 'edit',
    currentQuery: {},
    // The page carries a form (issuing the final report): the app gives every view a form token.
    csrfToken: () => 'form-token',
  });
}

function moreActionsLine(html: string): string | undefined {
  return /<p class="small">([^<]*more action[^<]*)<\/p>/.exec(html)?.[1];
}

describe('the results page', () => {
  it.each([
    [TOP_ACTIONS + 1, '1 more action is listed in the full report.'],
    [TOP_ACTIONS + 2, '2 more actions are listed in the full report.'],
    [TOP_ACTIONS, undefined],
  ])('given %i actions, says how many more there are in the right number', async (count, expected) => {
    expect(moreActionsLine(await resultsHtml(count))).toBe(expected);
  });
});
