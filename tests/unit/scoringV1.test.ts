import { describe, expect, it } from 'vitest';
import type { AnswerOption, Answers, AnswerValue, Effect, Question } from '../../src/questionnaire/types.js';
import { questionnaireV1 } from '../../src/questionnaire/v1/index.js';
import { bandOrder } from '../../src/scoring/bands.js';
import { scoreAssessment } from '../../src/scoring/scoreAssessment.js';
import type { RiskRegister, ScenarioScore } from '../../src/scoring/types.js';

/*
 * Scoring against the real questionnaire 1.0. Answer sets are built from the questionnaire's
 * own data ("the option that sets the highest level", "the option that removes most steps"),
 * so these tests stay valid when wording, options or levels change. Only profile answers that
 * gate whole sections are named, by their stable ids.
 */

type Picker = (question: Question) => AnswerValue | undefined;

const choiceQuestions: readonly Question[] = questionnaireV1.sections.flatMap((section) =>
  section.questions.filter((question) => question.options !== undefined),
);

const allOptions: readonly AnswerOption[] = choiceQuestions.flatMap((question) => question.options ?? []);

function setsOf(option: AnswerOption) {
  return (option.effects ?? []).filter((e): e is Extract<Effect, { sets: unknown }> => 'sets' in e);
}

function reducesOf(option: AnswerOption) {
  return (option.effects ?? []).filter((e): e is Extract<Effect, { reduces: unknown }> => 'reduces' in e);
}

/** The highest level an option sets for any scenario; 0 when it sets none. */
function exposureOf(option: AnswerOption): number {
  return Math.max(0, ...setsOf(option).map((e) => e.level));
}

/** The sum of the levels an option sets: breaks ties between options of equal `exposureOf`. */
function totalExposureOf(option: AnswerOption): number {
  return setsOf(option).reduce((sum, e) => sum + e.level, 0);
}

/** Total control steps an option removes, over all scenarios. */
function controlStepsOf(option: AnswerOption): number {
  return reducesOf(option).reduce((sum, e) => sum + e.by, 0);
}

/** The option that `better` ranks first; on a tie, the one listed first. */
function bestBy(options: readonly AnswerOption[], better: (a: AnswerOption, b: AnswerOption) => number) {
  return options.reduce((best, option) => (better(option, best) < 0 ? option : best));
}

function optionsOf(question: Question): readonly AnswerOption[] {
  return question.options ?? [];
}

function asAnswer(question: Question, chosen: readonly AnswerOption[]): AnswerValue | undefined {
  if (chosen.length === 0) return undefined;
  return question.type === 'checkboxes' ? chosen.map((o) => o.value) : (chosen[0]?.value ?? '');
}

/**
 * The worst answer: no control credited, the highest level set (then the most levels set). Among equals the last listed
 * wins, since options run from best to worst practice ("yearly", "after incidents", "never").
 * For checkboxes, every box that credits no control and excludes nothing.
 */
const worstPick: Picker = (question) => {
  const uncontrolled = optionsOf(question).filter((o) => controlStepsOf(o) === 0 && !o.exclusive);
  if (question.type === 'checkboxes' && uncontrolled.length > 0) return asAnswer(question, uncontrolled);
  const reversed = [...optionsOf(question)].reverse();
  const worst = bestBy(
    reversed,
    (a, b) =>
      controlStepsOf(a) - controlStepsOf(b) ||
      exposureOf(b) - exposureOf(a) ||
      totalExposureOf(b) - totalExposureOf(a),
  );
  return asAnswer(question, [worst]);
};

/** The answer with the least exposure and no control credited. */
const leastExposedPick: Picker = (question) => {
  const options = optionsOf(question);
  if (options.length === 0) return undefined;
  const least = bestBy(
    options,
    (a, b) =>
      exposureOf(a) - exposureOf(b) ||
      totalExposureOf(a) - totalExposureOf(b) ||
      controlStepsOf(a) - controlStepsOf(b),
  );
  return asAnswer(question, [least]);
};

/** "Don't know" where offered, else "not applicable", else the least exposed answer. */
const dontKnowPick: Picker = (question) => {
  const options = optionsOf(question);
  const honestWayOut =
    options.find((o) => o.value === 'dont_know') ?? options.find((o) => o.value === 'not_applicable');
  return honestWayOut ? asAnswer(question, [honestWayOut]) : leastExposedPick(question);
};

/** Every control in place at its strongest; questions that are not about controls stay unanswered. */
const strongestControlPick: Picker = (question) => {
  const controls = optionsOf(question).filter((o) => controlStepsOf(o) > 0);
  if (controls.length === 0) return undefined;
  if (question.type === 'checkboxes') return asAnswer(question, controls.filter((o) => !o.exclusive));
  return asAnswer(question, [bestBy(controls, (a, b) => controlStepsOf(b) - controlStepsOf(a))]);
};

function answerEvery(pick: Picker, overrides: Readonly<Record<string, AnswerValue>> = {}): Answers {
  const answers: Record<string, { value: AnswerValue }> = { company_name: { value: 'Test Trading LLC' } };
  for (const question of choiceQuestions) {
    const value = pick(question);
    if (value !== undefined) answers[question.id] = { value };
  }
  for (const [id, value] of Object.entries(overrides)) answers[id] = { value };
  return answers;
}

/** A business in both countries, exposed to every scenario. */
const exposedProfile = {
  countries: ['georgia', 'azerbaijan'],
  cross_border: 'yes',
  uses_ports: 'directly',
  energy_dependence: 'critical',
} as const satisfies Record<string, AnswerValue>;

function worstAnswers(overrides: Readonly<Record<string, AnswerValue>> = {}): Answers {
  return answerEvery(worstPick, { ...exposedProfile, ...overrides });
}

function score(answers: Answers): RiskRegister {
  return scoreAssessment(questionnaireV1, answers);
}

function scenarioById(register: RiskRegister): Map<string, ScenarioScore> {
  return new Map(register.scenarios.map((s) => [s.scenarioId, s]));
}

function baseOf(scenarioId: string) {
  const scenario = questionnaireV1.scenarios.find((s) => s.id === scenarioId);
  if (scenario === undefined) throw new Error(`no scenario ${scenarioId}`);
  return scenario;
}

const scenarioIds = questionnaireV1.scenarios.map((s) => s.id);

describe('questionnaire 1.0: the answer sets these tests build', () => {
  it.each([
    ['worst', worstPick],
    ['least exposed', leastExposedPick],
    ["don't know", dontKnowPick],
    ['strongest control', strongestControlPick],
  ] as const)('given the %s picker, answers only with options the question offers', (_name, pick) => {
    for (const question of choiceQuestions) {
      const value = pick(question);
      if (value === undefined) continue;
      const offered = optionsOf(question).map((o) => o.value);
      expect(offered).toEqual(expect.arrayContaining(Array.isArray(value) ? value : [value]));
    }
  });
});

describe('questionnaire 1.0: "don\'t know", "not applicable" and no exposure', () => {
  it.each(['dont_know', 'not_applicable'])('given any %s option, sets no level above 3, credits nothing', (value) => {
    const found = allOptions.filter((o) => o.value === value);
    expect(found.length).toBeGreaterThan(0);
    for (const option of found) {
      expect(exposureOf(option)).toBeLessThanOrEqual(3);
      expect(controlStepsOf(option)).toBe(0);
    }
  });

  it('given "don\'t know" everywhere, scores every scenario moderately and credits no control', () => {
    const register = score(answerEvery(dontKnowPick, { cross_border: 'yes' }));
    expect(register.notApplicable).toEqual([]);
    expect(register.scenarios.map((s) => s.scenarioId).sort()).toEqual([...scenarioIds].sort());
    for (const s of register.scenarios) {
      const base = baseOf(s.scenarioId);
      expect(s.likelihood).toBeLessThanOrEqual(Math.max(3, base.baseLikelihood));
      expect(s.impact).toBeLessThanOrEqual(Math.max(3, base.baseImpact));
      expect(s.drivers.filter((d) => d.kind === 'reduces')).toEqual([]);
      expect(s.residualScore).toBe(s.inherentScore);
    }
    expect(register.overallBand).not.toBe('critical');
  });

  it('given the least exposed answers and no border or sea trade, keeps every scenario at or below its base', () => {
    const profile = { countries: ['georgia'], cross_border: 'no', uses_ports: 'no' };
    const register = score(answerEvery(leastExposedPick, profile));
    expect(register.notApplicable).toEqual(expect.arrayContaining(['border_disruption', 'maritime_disruption']));
    for (const s of register.scenarios) {
      const base = baseOf(s.scenarioId);
      expect(s.likelihood).toBeLessThanOrEqual(base.baseLikelihood);
      expect(s.impact).toBeLessThanOrEqual(base.baseImpact);
    }
    expect(['low', 'medium']).toContain(register.overallBand);
    expect(register.actions.every((a) => a.priority >= 3)).toBe(true);
  });

  it('given no answers at all, scores the scenarios that need no profile answer at their base levels', () => {
    const register = score({});
    for (const s of register.scenarios) {
      const base = baseOf(s.scenarioId);
      expect([s.likelihood, s.impact]).toEqual([base.baseLikelihood, base.baseImpact]);
    }
    expect(register.notApplicable).toEqual(expect.arrayContaining(['border_disruption', 'maritime_disruption']));
  });
});

describe('questionnaire 1.0: everything at its worst', () => {
  const register = score(worstAnswers());

  it('given the worst answer to every question, scores every scenario and rates the business Critical', () => {
    expect(register.notApplicable).toEqual([]);
    expect(register.scenarios).toHaveLength(scenarioIds.length);
    expect(register.overallBand).toBe('critical');
    expect(register.scenarios[0]?.residualBand).toBe('critical');
  });

  it('given the worst answers, lists priority-1 actions first, due within 7 days', () => {
    const urgent = register.actions.filter((a) => a.priority === 1);
    expect(urgent.length).toBeGreaterThan(0);
    expect(register.actions[0]?.priority).toBe(1);
    expect(urgent.every((a) => a.timeframe === 'within_7_days' && a.band === 'critical')).toBe(true);
    const priorities = register.actions.map((a) => a.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
  });

  it('given the worst answers, gives priority 1 to every action that treats a Critical scenario', () => {
    const critical = new Set(register.scenarios.filter((s) => s.residualBand === 'critical').map((s) => s.scenarioId));
    for (const action of register.actions) {
      expect(action.priority === 1).toBe(action.treats.some((id) => critical.has(id)));
    }
  });
});

describe('questionnaire 1.0: a business with no cross-border work', () => {
  // Border answers are still given (left behind from an earlier profile): they must not count.
  const register = score(worstAnswers({ cross_border: 'no' }));
  const borderOnly = questionnaireV1.recommendations
    .filter((r) => r.treats.length === 1 && r.treats[0] === 'border_disruption')
    .map((r) => r.id);

  it('given cross_border "no", lists border_disruption as not applicable', () => {
    expect(register.notApplicable).toContain('border_disruption');
    expect(register.scenarios.map((s) => s.scenarioId)).not.toContain('border_disruption');
  });

  it('given cross_border "no", recommends no action that treats only border disruption', () => {
    expect(borderOnly.length).toBeGreaterThan(0);
    const recommended = register.actions.map((a) => a.recommendationId);
    for (const id of borderOnly) expect(recommended).not.toContain(id);
    expect(register.actions.flatMap((a) => a.treats)).not.toContain('border_disruption');
    expect(register.actions.every((a) => a.treats.length > 0)).toBe(true);
  });

  it('given cross_border "yes" with the same answers, does recommend the border-only actions', () => {
    const recommended = score(worstAnswers()).actions.map((a) => a.recommendationId);
    expect(recommended).toEqual(expect.arrayContaining(borderOnly));
  });
});

describe('questionnaire 1.0: controls', () => {
  const uncontrolled = score(worstAnswers());
  const controlledAnswers: Answers = { ...worstAnswers(), ...answerEvery(strongestControlPick, exposedProfile) };
  const controlled = score(controlledAnswers);

  it('given every control in place, lowers every residual score and leaves inherent scores alone', () => {
    const before = scenarioById(uncontrolled);
    expect(controlled.scenarios).toHaveLength(uncontrolled.scenarios.length);
    for (const after of controlled.scenarios) {
      const without = before.get(after.scenarioId);
      expect(without, after.scenarioId).toBeDefined();
      expect(after.residualScore, after.scenarioId).toBeLessThan(without?.residualScore ?? 0);
      expect(after.inherentScore, after.scenarioId).toBe(without?.inherentScore);
    }
  });

  it('given every control in place, never lowers a factor by more than two steps', () => {
    for (const s of controlled.scenarios) {
      expect(s.likelihood - s.residualLikelihood).toBeLessThanOrEqual(2);
      expect(s.impact - s.residualImpact).toBeLessThanOrEqual(2);
    }
  });

  it('given every control in place, rates the business no worse and recommends fewer actions', () => {
    expect(bandOrder.indexOf(controlled.overallBand)).toBeLessThanOrEqual(bandOrder.indexOf(uncontrolled.overallBand));
    expect(controlled.actions.length).toBeLessThan(uncontrolled.actions.length);
  });
});
