import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerOption, Answers, Question, StoredAnswer } from '../../src/questionnaire/types.js';
import { questionnaireV2 } from '../../src/questionnaire/v2/index.js';
import { isQuestionShown, isSectionRelevant } from '../../src/questionnaire/visibility.js';
import { bandRank } from '../../src/scoring/bands.js';
import { scoreAssessment } from '../../src/scoring/scoreAssessment.js';

/*
 * The scoring properties of questionnaire 2.0 over random businesses: fast-check draws an answer
 * for every question the business is shown, then changes one answer and checks the direction of
 * every rating. scoringV2.test.ts checks the same properties on named businesses.
 */

const q = questionnaireV2;
const choiceQuestions = q.sections.flatMap((s) => s.questions).filter((question) => question.options !== undefined);
const creditRank: Readonly<Record<string, number>> = { none: 0, unknown: 0, partial: 1, full: 2 };

/** A random business: one pick (an index) per choice question, taken modulo its option count. */
const picks = fc.array(fc.nat(), { minLength: choiceQuestions.length, maxLength: choiceQuestions.length });

function answersFrom(choice: readonly number[]): Answers {
  const answers: Record<string, StoredAnswer> = {};
  const pickOf = (question: Question) => choice[choiceQuestions.indexOf(question)] ?? 0;
  for (const section of q.sections) {
    if (!isSectionRelevant(section, answers)) continue;
    for (const question of section.questions) {
      if (!isQuestionShown(question, answers)) continue;
      const options = question.options ?? [];
      if (options.length === 0) {
        answers[question.id] = { value: `Sample ${question.id}` };
        continue;
      }
      const option = options[pickOf(question) % options.length] as AnswerOption;
      answers[question.id] = { value: question.type === 'checkboxes' ? [option.value] : option.value };
    }
  }
  return answers;
}

const residuals = (answers: Answers) =>
  new Map(scoreAssessment(q, answers).scenarios.map((s) => [s.scenarioId, s.residualScore]));

const measureQuestionsShown = (answers: Answers) =>
  choiceQuestions.filter((question) => question.measure !== undefined && answers[question.id] !== undefined);

describe('questionnaire 2.0 scoring over random businesses', () => {
  it('given any business, putting one more measure in place never raises a rating', () => {
    fc.assert(
      fc.property(picks, fc.nat(), (choice, which) => {
        const answers = answersFrom(choice);
        const shown = measureQuestionsShown(answers);
        const question = shown[which % Math.max(1, shown.length)];
        if (!question) return;
        const current = question.options?.find((o) => o.value === answers[question.id]?.value);
        const better = question.options?.filter((o) => (creditRank[o.credit ?? 'none'] ?? 0) > (creditRank[current?.credit ?? 'none'] ?? 0));
        const before = residuals(answers);
        for (const option of better ?? []) {
          const after = residuals({ ...answers, [question.id]: { value: option.value } });
          for (const [id, score] of after) expect(score).toBeLessThanOrEqual(before.get(id) ?? 25);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('given any business, "don\'t know" on a measure scores exactly as "not in place"', () => {
    fc.assert(
      fc.property(picks, (choice) => {
        const answers = answersFrom(choice);
        const asNone: Record<string, StoredAnswer> = { ...answers };
        for (const question of measureQuestionsShown(answers)) {
          const chosen = question.options?.find((o) => o.value === answers[question.id]?.value);
          const none = question.options?.find((o) => o.credit === 'none');
          if (chosen?.credit === 'unknown' && none) asNone[question.id] = { value: none.value };
        }
        expect(residuals(answers)).toEqual(residuals(asNone));
      }),
      { numRuns: 150 },
    );
  });

  it('given any business, every measure in place rates it no worse than no measure at all', () => {
    fc.assert(
      fc.property(picks, (choice) => {
        const answers = answersFrom(choice);
        const withCredit = (credit: string): Answers => {
          const changed: Record<string, StoredAnswer> = { ...answers };
          for (const question of measureQuestionsShown(answers)) {
            const option = question.options?.find((o) => o.credit === credit) ?? question.options?.find((o) => o.credit === 'none');
            if (option) changed[question.id] = { value: option.value };
          }
          return changed;
        };
        const every = scoreAssessment(q, withCredit('full'));
        const none = scoreAssessment(q, withCredit('none'));
        expect(bandRank(every.overallBand)).toBeLessThanOrEqual(bandRank(none.overallBand));
        expect(every.actions).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
