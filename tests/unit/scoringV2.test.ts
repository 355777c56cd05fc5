import { describe, expect, it } from 'vitest';
import type { AnswerOption, Answers, Question } from '../../src/questionnaire/types.js';
import { questionnaireV2 } from '../../src/questionnaire/v2/index.js';
import { bandRank } from '../../src/scoring/bands.js';
import { scoreAssessment } from '../../src/scoring/scoreAssessment.js';
import type { RiskRegister } from '../../src/scoring/types.js';
import { answersOf, type BusinessSpec } from '../fixtures/answerBuilder.js';
import {
  bakuHotel,
  haulierWithNoMeasures,
  mostExposedAnswers,
  personas,
  tbilisiSoftwareFirm,
} from '../fixtures/personas.js';

/*
 * Questionnaire 2.0's scoring, tried as different businesses would use it. The personas were
 * written with their expected band before the scoring ran; the properties below hold for any
 * business, and are checked on the most exposed profile and on each persona.
 */

const q = questionnaireV2;
const score = (answers: Answers): RiskRegister => scoreAssessment(q, answers);
const scoreSpec = (spec: BusinessSpec): RiskRegister => score(answersOf(q, spec));
const residuals = (register: RiskRegister) =>
  Object.fromEntries(register.scenarios.map((s) => [s.scenarioId, s.residualScore]));

const allQuestions: readonly Question[] = q.sections.flatMap((s) => s.questions);
const measureQuestions = allQuestions.filter((question) => question.measure !== undefined);
const creditOrder = ['none', 'partial', 'full'] as const;

function withAnswer(answers: Answers, questionId: string, value: string | string[]): Answers {
  return { ...answers, [questionId]: { value } };
}

function optionWithCredit(question: Question, credit: string): AnswerOption | undefined {
  return question.options?.find((o) => o.credit === credit);
}

describe('questionnaire 2.0 personas', () => {
  it.each(personas.map((p) => [p.name, p] as const))('%s rates as its author expected', (_name, persona) => {
    expect({ band: scoreSpec(persona).overallBand, why: persona.why }).toEqual({ band: persona.expected, why: persona.why });
  });

  it('given two businesses that answer differently, gives them different registers', () => {
    const bands = new Set(personas.map((p) => scoreSpec(p).overallBand));
    expect(bands.size).toBe(4);
  });
});

describe('questionnaire 2.0: discrimination', () => {
  const none = scoreSpec({ answers: mostExposedAnswers, measures: 'none' });
  const every = scoreSpec({ answers: mostExposedAnswers, measures: 'full' });

  it('given the most exposed profile, every measure puts it at least two bands below no measures', () => {
    expect(none.overallBand).toBe('critical');
    expect(bandRank(none.overallBand) - bandRank(every.overallBand)).toBeGreaterThanOrEqual(2);
  });

  it('given the most exposed profile, every scenario applies and its residual falls with every measure', () => {
    expect(none.notApplicable).toEqual([]);
    const before = residuals(none);
    for (const [scenarioId, after] of Object.entries(residuals(every))) {
      expect({ scenarioId, falls: after < (before[scenarioId] ?? 0) }).toEqual({ scenarioId, falls: true });
    }
  });

  it('given every measure in place, recommends no action', () => {
    expect(every.actions).toEqual([]);
    expect(every.findOut).toEqual([]);
  });
});

describe('questionnaire 2.0: monotonic', () => {
  const bases = [
    { name: 'most exposed', answers: answersOf(q, { answers: mostExposedAnswers, measures: 'none' }) },
    { name: 'haulier', answers: answersOf(q, haulierWithNoMeasures) },
    { name: 'hotel', answers: answersOf(q, bakuHotel) },
  ];

  it.each(bases)('given the $name, improving any one measure never raises a rating', ({ answers }) => {
    const problems: string[] = [];
    for (const question of measureQuestions.filter((mq) => answers[mq.id] !== undefined)) {
      let previous: Record<string, number> | undefined;
      for (const credit of creditOrder) {
        const option = optionWithCredit(question, credit);
        if (!option) continue;
        const now = residuals(score(withAnswer(answers, question.id, option.value)));
        for (const [id, value] of Object.entries(now)) {
          if (previous && value > (previous[id] ?? 25)) problems.push(`${question.id}=${option.value} raised ${id}`);
        }
        previous = now;
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(bases)('given the $name, choosing a more exposed answer never lowers a rating', ({ answers }) => {
    const problems: string[] = [];
    const levelOf = (o: AnswerOption) => Math.max(0, ...(o.effects ?? []).flatMap((e) => ('sets' in e ? [e.level] : [])));
    const radios = allQuestions.filter((question) => question.type === 'radio' && question.measure === undefined);
    for (const question of radios.filter((rq) => answers[rq.id] !== undefined)) {
      const options = (question.options ?? []).filter((o) => !o.dontKnow);
      for (const lower of options) {
        for (const higher of options) {
          // Comparable only when the higher option sets at least every level the lower one does.
          const dominates = (lower.effects ?? []).every((e) =>
            (higher.effects ?? []).some((h) => 'sets' in e && 'sets' in h && h.scenario === e.scenario && h.sets === e.sets && h.level >= e.level),
          );
          if (!dominates || levelOf(higher) <= levelOf(lower)) continue;
          const a = residuals(score(withAnswer(answers, question.id, lower.value)));
          const b = residuals(score(withAnswer(answers, question.id, higher.value)));
          for (const [id, value] of Object.entries(a)) {
            if ((b[id] ?? 0) < value) problems.push(`${question.id}: ${higher.value} lowered ${id} below ${lower.value}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('questionnaire 2.0: "don\'t know"', () => {
  it('given "don\'t know" for every measure, scores exactly as "not in place"', () => {
    const unknown = scoreSpec({ ...haulierWithNoMeasures, measures: 'unknown' });
    const none = scoreSpec(haulierWithNoMeasures);
    expect(residuals(unknown)).toEqual(residuals(none));
    expect(unknown.overallBand).toBe(none.overallBand);
  });

  it('given "don\'t know" answers, lists one find-out action for each and recommends no action for them', () => {
    const answers = answersOf(q, { ...haulierWithNoMeasures, measures: 'unknown' });
    const unknownIds = measureQuestions
      .filter((question) => question.options?.find((o) => o.value === answers[question.id]?.value)?.credit === 'unknown')
      .map((question) => question.id);
    const register = score(answers);
    expect(unknownIds.length).toBeGreaterThan(10);
    expect(register.findOut.map((f) => f.questionId)).toEqual(unknownIds);
    const addressed = new Set(register.actions.flatMap((a) => q.recommendations.find((r) => r.id === a.recommendationId)?.addresses ?? []));
    const onlyUnknown = q.recommendations.filter((r) => (r.addresses ?? []).every((id) => unknownIds.includes(id) || answers[id] === undefined));
    for (const recommendation of onlyUnknown) expect(register.actions.map((a) => a.recommendationId)).not.toContain(recommendation.id);
    expect(addressed.size).toBeGreaterThan(0);
  });

  it('given "don\'t know" to an exposure question, scores it as the worst answer and asks to find out', () => {
    const answers = answersOf(q, haulierWithNoMeasures);
    const worst = score(withAnswer(answers, 'border_dependence', 'more_than_half'));
    const unknown = score(withAnswer(answers, 'border_dependence', 'dont_know'));
    expect(residuals(unknown)).toEqual(residuals(worst));
    expect(unknown.findOut).toEqual([{ questionId: 'border_dependence', affects: ['border_disruption'] }]);
  });
});

describe('questionnaire 2.0: only real measures count', () => {
  const answers = answersOf(q, haulierWithNoMeasures);

  it.each([
    ['insurance_review', 'checked', 'not_checked'],
    ['risk_review', 'at_least_yearly', 'never'],
  ])('given %s answered %s rather than %s, no rating moves', (questionId, good, bad) => {
    expect(residuals(score(withAnswer(answers, questionId, good)))).toEqual(residuals(score(withAnswer(answers, questionId, bad))));
  });

  it('never gives full credit to an untested, unexercised or unrehearsed answer', () => {
    const untested = measureQuestions.flatMap((question) =>
      (question.options ?? [])
        .filter((o) => /untested|not_exercised|not_rehearsed|possible_untested|informal|ad_hoc|sometimes/.test(o.value))
        .map((o) => ({ id: `${question.id}=${o.value}`, credit: o.credit })),
    );
    expect(untested.length).toBeGreaterThan(5);
    for (const { id, credit } of untested) expect({ id, credit }).toEqual({ id, credit: 'partial' });
  });

  it('given staff can work elsewhere but it is untested, lowers unrest less than a tested arrangement', () => {
    const untested = score(withAnswer(answers, 'alternate_working', 'possible_untested'));
    const tested = score(withAnswer(answers, 'alternate_working', 'tested'));
    const unrest = (r: RiskRegister) => r.scenarios.find((s) => s.scenarioId === 'political_unrest')?.residualScore ?? 0;
    expect(unrest(tested)).toBeLessThanOrEqual(unrest(untested));
    const driver = untested.scenarios
      .find((s) => s.scenarioId === 'political_unrest')
      ?.drivers.find((d) => d.questionId === 'alternate_working');
    expect(driver?.credit).toBe('partial');
  });
});

describe('questionnaire 2.0: the impact analysis', () => {
  const answers = answersOf(q, tbilisiSoftwareFirm);

  it('given IT it cannot do without for 4 hours, rates a cyberattack at least Major and names the activity', () => {
    const cyber = score(answers).scenarios.find((s) => s.scenarioId === 'cyberattack');
    expect(cyber?.impact).toBeGreaterThanOrEqual(4);
    expect(cyber?.stoppedActivities).toEqual([
      { index: 0, name: 'Run the customer platform', tolerableOutage: 'hours_4', outage: 'week_1', recoveryTarget: 'hour_1' },
    ]);
  });

  it('given a tested workaround, or a tolerable outage longer than the scenario, stops nothing', () => {
    const changes: [string, string][] = [
      ['activity_1_workaround', 'tested'],
      ['activity_1_outage', 'month_1'],
    ];
    for (const [questionId, value] of changes) {
      const changed = withAnswer(answers, questionId, value);
      const cyber = score(changed).scenarios.find((s) => s.scenarioId === 'cyberattack');
      expect(cyber?.stoppedActivities).toEqual([]);
    }
  });

  it('given the activity does not need IT, the cyberattack stops nothing', () => {
    const cyber = score(withAnswer(answers, 'activity_1_needs', ['premises'])).scenarios.find((s) => s.scenarioId === 'cyberattack');
    expect(cyber?.stoppedActivities).toEqual([]);
  });
});
