import { describe, expect, it } from 'vitest';
import type { Answers, AnswerValue, Questionnaire } from '../../src/questionnaire/types.js';
import { rolesV1 } from '../../src/questionnaire/v1/index.js';
import { bandFor, bandOrder, heatMapCells, priorityFor, timeframeFor } from '../../src/scoring/bands.js';
import { scoreAssessment } from '../../src/scoring/scoreAssessment.js';
import type { Band, Priority, RecommendedAction, Timeframe } from '../../src/scoring/types.js';

/**
 * A small questionnaire made for these tests, so that each case can be worked out by hand:
 *   cyber  base L2 x I3   crime  base L3 x I2   border  base L3 x I3, only for cross-border work
 */
function fakeQuestionnaire(): Questionnaire {
  return {
    version: 'test-1',
    roles: rolesV1,
    sections: [
      {
        id: 'profile',
        kind: 'profile',
        questions: [
          { id: 'site_address', type: 'text', required: false, allowNote: false },
          {
            id: 'cross_border',
            type: 'radio',
            required: true,
            allowNote: false,
            options: [{ value: 'yes' }, { value: 'no' }],
          },
          {
            id: 'staff',
            type: 'radio',
            required: true,
            allowNote: false,
            options: [
              { value: 'few' },
              { value: 'many', effects: [{ scenario: 'crime', sets: 'impact', level: 4 }] },
            ],
          },
        ],
      },
      {
        id: 'border',
        kind: 'exposure',
        showIf: { question: 'cross_border', equals: 'yes' },
        questions: [
          {
            id: 'border_volume',
            type: 'radio',
            required: true,
            allowNote: false,
            options: [
              { value: 'low', effects: [{ scenario: 'border', sets: 'likelihood', level: 2 }] },
              {
                value: 'high',
                effects: [
                  { scenario: 'border', sets: 'likelihood', level: 5 },
                  { scenario: 'border', sets: 'impact', level: 4 },
                  { scenario: 'crime', sets: 'likelihood', level: 4 },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 'cyber',
        kind: 'pillar',
        questions: [
          {
            id: 'online_exposure',
            type: 'checkboxes',
            required: true,
            allowNote: false,
            options: [
              { value: 'email', effects: [{ scenario: 'cyber', sets: 'likelihood', level: 3 }] },
              { value: 'shop', effects: [{ scenario: 'cyber', sets: 'likelihood', level: 4 }] },
              {
                value: 'none',
                exclusive: true,
                effects: [{ scenario: 'cyber', sets: 'likelihood', level: 1 }],
              },
            ],
          },
          {
            id: 'it_dependence',
            type: 'radio',
            required: true,
            allowNote: false,
            options: [
              { value: 'none', effects: [{ scenario: 'cyber', sets: 'impact', level: 1 }] },
              { value: 'some', effects: [{ scenario: 'cyber', sets: 'impact', level: 3 }] },
              { value: 'critical', effects: [{ scenario: 'cyber', sets: 'impact', level: 5 }] },
            ],
          },
          {
            id: 'mfa',
            type: 'radio',
            required: true,
            allowNote: false,
            options: [
              { value: 'yes', effects: [{ scenario: 'cyber', reduces: 'likelihood', by: 1 }] },
              { value: 'no' },
            ],
          },
          {
            id: 'training',
            type: 'radio',
            required: true,
            allowNote: false,
            options: [
              { value: 'yes', effects: [{ scenario: 'cyber', reduces: 'likelihood', by: 2 }] },
              { value: 'no' },
            ],
          },
          {
            id: 'backups',
            type: 'radio',
            required: true,
            allowNote: false,
            options: [
              { value: 'yes', effects: [{ scenario: 'cyber', reduces: 'impact', by: 2 }] },
              { value: 'no' },
            ],
          },
        ],
      },
      {
        id: 'premises',
        kind: 'pillar',
        questions: [
          {
            id: 'premises_area',
            type: 'radio',
            required: true,
            allowNote: false,
            options: [
              { value: 'quiet', effects: [{ scenario: 'crime', sets: 'likelihood', level: 2 }] },
              { value: 'high_crime', effects: [{ scenario: 'crime', sets: 'likelihood', level: 4 }] },
            ],
          },
          {
            id: 'guards',
            type: 'radio',
            required: true,
            allowNote: false,
            showIf: { question: 'staff', equals: 'many' },
            options: [
              { value: 'yes', effects: [{ scenario: 'crime', reduces: 'likelihood', by: 2 }] },
              { value: 'no' },
            ],
          },
        ],
      },
    ],
    scenarios: [
      { id: 'cyber', baseLikelihood: 2, baseImpact: 3, sources: [] },
      { id: 'crime', baseLikelihood: 3, baseImpact: 2, sources: [] },
      {
        id: 'border',
        baseLikelihood: 3,
        baseImpact: 3,
        appliesIf: { question: 'cross_border', equals: 'yes' },
        sources: [],
      },
    ],
    recommendations: [
      {
        id: 'enable_mfa',
        treats: ['cyber'],
        recommendIf: { not: { question: 'mfa', equals: 'yes' } },
        pillar: 'cybersecurity',
      },
      {
        id: 'keep_backups',
        treats: ['cyber'],
        recommendIf: { not: { question: 'backups', equals: 'yes' } },
        pillar: 'cybersecurity',
      },
      {
        id: 'hire_guards',
        treats: ['crime'],
        recommendIf: { not: { question: 'guards', equals: 'yes' } },
        pillar: 'authorities',
      },
      { id: 'border_plan', treats: ['border'], pillar: 'contingency' },
      { id: 'crisis_team', treats: ['cyber', 'crime', 'border'], pillar: 'contingency' },
    ],
    sources: [],
  };
}

function answersOf(values: Readonly<Record<string, AnswerValue>>): Answers {
  return Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }]));
}

/** Every exposure at its worst and no control in place. */
const worstCase = {
  cross_border: 'yes',
  staff: 'many',
  border_volume: 'high',
  online_exposure: ['email', 'shop'],
  it_dependence: 'critical',
  mfa: 'no',
  training: 'no',
  backups: 'no',
  premises_area: 'high_crime',
  guards: 'no',
} as const satisfies Record<string, AnswerValue>;

/** cyber 1 x 1 = 1, crime 2 x 2 = 4: everything Low. */
const lowCase = { online_exposure: ['none'], it_dependence: 'none', premises_area: 'quiet' };

function score(values: Readonly<Record<string, AnswerValue>>, questionnaire = fakeQuestionnaire()) {
  return scoreAssessment(questionnaire, answersOf(values));
}

function scenarioOf(values: Readonly<Record<string, AnswerValue>>, scenarioId: string) {
  const found = score(values).scenarios.find((s) => s.scenarioId === scenarioId);
  if (found === undefined) throw new Error(`scenario ${scenarioId} was not scored`);
  return found;
}

function actionOf(values: Readonly<Record<string, AnswerValue>>, recommendationId: string) {
  return score(values).actions.find((a) => a.recommendationId === recommendationId);
}

describe('bandFor', () => {
  it.each<[number, Band]>([
    [1, 'low'],
    [4, 'low'],
    [5, 'medium'],
    [9, 'medium'],
    [10, 'high'],
    [16, 'high'],
    [20, 'critical'],
    [25, 'critical'],
  ])('given score %i, returns %s', (value, band) => {
    expect(bandFor(value)).toBe(band);
  });

  it.each([0, 26, 2.5, Number.NaN])('given %s, which is not a score, throws a RangeError', (value) => {
    expect(() => bandFor(value)).toThrow(RangeError);
  });
});

describe('priorityFor and timeframeFor', () => {
  it.each<[Band, Priority, Timeframe]>([
    ['critical', 1, 'within_7_days'],
    ['high', 2, 'within_30_days'],
    ['medium', 3, 'within_90_days'],
    ['low', 4, 'within_12_months'],
  ])('given band %s, returns priority %i and %s', (band, priority, timeframe) => {
    expect(priorityFor(band)).toBe(priority);
    expect(timeframeFor(band)).toBe(timeframe);
  });

  it('bandOrder runs from least to most serious', () => {
    expect(bandOrder).toEqual(['low', 'medium', 'high', 'critical']);
  });
});

describe('scoreAssessment: likelihood and impact of one scenario', () => {
  it.each<[string, Record<string, AnswerValue>, string, [number, number, number, number]]>([
    ['nothing answered uses the base levels', {}, 'cyber', [2, 3, 2, 3]],
    ['a free-text answer changes nothing', { site_address: 'Rustaveli Ave 1, Tbilisi' }, 'cyber', [2, 3, 2, 3]],
    ['an unknown option value changes nothing', { it_dependence: 'bogus' }, 'cyber', [2, 3, 2, 3]],
    ['a radio option sets the impact', { it_dependence: 'critical' }, 'cyber', [2, 5, 2, 5]],
    ['a level set by an answer replaces a higher base', { it_dependence: 'none' }, 'cyber', [2, 1, 2, 1]],
    ['one checked box sets the likelihood', { online_exposure: ['email'] }, 'cyber', [3, 3, 3, 3]],
    ['the highest level among checked boxes wins', { online_exposure: ['shop', 'email'] }, 'cyber', [4, 3, 4, 3]],
    [
      'the highest level across questions wins',
      { cross_border: 'yes', border_volume: 'high', premises_area: 'quiet' },
      'crime',
      [4, 2, 4, 2],
    ],
    ['one control lowers by its steps', { online_exposure: ['shop'], mfa: 'yes' }, 'cyber', [4, 3, 3, 3]],
    [
      'controls add up but are capped at two steps',
      { online_exposure: ['shop'], mfa: 'yes', training: 'yes' },
      'cyber',
      [4, 3, 2, 3],
    ],
    ['a control lowers the impact', { it_dependence: 'critical', backups: 'yes' }, 'cyber', [2, 5, 2, 3]],
    ['the residual likelihood never goes below 1', { training: 'yes' }, 'cyber', [2, 3, 1, 3]],
    ['a level already at 1 stays at 1', { online_exposure: ['none'], mfa: 'yes' }, 'cyber', [1, 3, 1, 3]],
    ['the residual impact never goes below 1', { it_dependence: 'none', backups: 'yes' }, 'cyber', [2, 1, 2, 1]],
    ['a shown control counts', { staff: 'many', premises_area: 'high_crime', guards: 'yes' }, 'crime', [4, 4, 2, 4]],
    [
      'an answer to a hidden question is ignored',
      { staff: 'few', premises_area: 'high_crime', guards: 'yes' },
      'crime',
      [4, 2, 4, 2],
    ],
    ['an answer in a shown section counts', { cross_border: 'yes', border_volume: 'high' }, 'crime', [4, 2, 4, 2]],
    ['an answer in a hidden section is ignored', { cross_border: 'no', border_volume: 'high' }, 'crime', [3, 2, 3, 2]],
  ])('given %s, scores L x I then residual L x I as expected', (_name, values, scenarioId, expected) => {
    const scored = scenarioOf(values, scenarioId);
    const [likelihood, impact, residualLikelihood, residualImpact] = expected;
    expect(scored).toMatchObject({ likelihood, impact, residualLikelihood, residualImpact });
    expect(scored.inherentScore).toBe(likelihood * impact);
    expect(scored.residualScore).toBe(residualLikelihood * residualImpact);
    expect(scored.inherentBand).toBe(bandFor(likelihood * impact));
    expect(scored.residualBand).toBe(bandFor(residualLikelihood * residualImpact));
  });
});

describe('scoreAssessment: drivers', () => {
  it('given exposure, dependency and controls, records the answers that decided each factor', () => {
    const scored = scenarioOf(
      { online_exposure: ['email', 'shop'], it_dependence: 'critical', mfa: 'yes', training: 'yes' },
      'cyber',
    );
    expect(scored.drivers).toEqual([
      { questionId: 'online_exposure', optionValue: 'shop', factor: 'likelihood', kind: 'sets', amount: 4 },
      { questionId: 'mfa', optionValue: 'yes', factor: 'likelihood', kind: 'reduces', amount: 1 },
      { questionId: 'training', optionValue: 'yes', factor: 'likelihood', kind: 'reduces', amount: 2 },
      { questionId: 'it_dependence', optionValue: 'critical', factor: 'impact', kind: 'sets', amount: 5 },
    ]);
  });

  it('given nothing answered, records no drivers', () => {
    expect(scenarioOf({}, 'cyber').drivers).toEqual([]);
  });

  it('given a hidden control answered, records no driver for it', () => {
    const scored = scenarioOf({ staff: 'few', guards: 'yes' }, 'crime');
    expect(scored.drivers.map((d) => d.questionId)).not.toContain('guards');
  });
});

describe('scoreAssessment: which scenarios apply', () => {
  it.each<[string, Record<string, AnswerValue>, string[], string[]]>([
    ['cross-border work not answered', {}, ['cyber', 'crime'], ['border']],
    ['no cross-border work', { cross_border: 'no', border_volume: 'high' }, ['cyber', 'crime'], ['border']],
    // border 3x3 = 9 comes before cyber and crime at 6.
    ['cross-border work', { cross_border: 'yes' }, ['border', 'cyber', 'crime'], []],
  ])('given %s, scores only the scenarios that apply', (_name, values, scored, notApplicable) => {
    const register = score(values);
    expect(register.scenarios.map((s) => s.scenarioId)).toEqual(scored);
    expect(register.notApplicable).toEqual(notApplicable);
  });
});

describe('scoreAssessment: scenario order', () => {
  it.each<[string, Record<string, AnswerValue>, string[]]>([
    // cyber 6 (2x3), crime 6 (3x2): same residual and inherent, so questionnaire order.
    ['equal scores', {}, ['cyber', 'crime']],
    // border 5x4 = 20, cyber 4x5 = 20, crime 4x4 = 16.
    ['worst case', worstCase, ['cyber', 'border', 'crime']],
    // cyber 4x1 = 4; crime inherent 4x4 = 16, residual 2x4 = 8.
    [
      'higher residual first',
      { online_exposure: ['shop'], it_dependence: 'none', staff: 'many', premises_area: 'high_crime', guards: 'yes' },
      ['crime', 'cyber'],
    ],
    // cyber L4 x I1 = 4 both; crime inherent 3x4 = 12, residual 1x4 = 4: tie broken by inherent.
    [
      'equal residual, higher inherent first',
      { online_exposure: ['shop'], it_dependence: 'none', staff: 'many', guards: 'yes' },
      ['crime', 'cyber'],
    ],
  ])('given %s, orders scenarios worst first', (_name, values, order) => {
    expect(score(values).scenarios.map((s) => s.scenarioId)).toEqual(order);
  });
});

describe('scoreAssessment: recommended actions', () => {
  it.each<[string, string, Record<string, AnswerValue>, Partial<RecommendedAction>]>([
    [
      'worst treated band Critical',
      'crisis_team',
      worstCase,
      { band: 'critical', priority: 1, timeframe: 'within_7_days', treats: ['cyber', 'crime', 'border'] },
    ],
    [
      'worst treated band High (cyber 4x3 = 12, crime 6)',
      'crisis_team',
      { online_exposure: ['shop'], it_dependence: 'some' },
      { band: 'high', priority: 2, timeframe: 'within_30_days', treats: ['cyber', 'crime'] },
    ],
    [
      'worst treated band Medium',
      'crisis_team',
      {},
      { band: 'medium', priority: 3, timeframe: 'within_90_days', treats: ['cyber', 'crime'] },
    ],
    [
      'every treated band Low',
      'crisis_team',
      lowCase,
      { band: 'low', priority: 4, timeframe: 'within_12_months', treats: ['cyber', 'crime'] },
    ],
    [
      'the band is residual, after controls (cyber 4x5 = 20 down to 2x3 = 6)',
      'crisis_team',
      { online_exposure: ['shop'], it_dependence: 'critical', mfa: 'yes', training: 'yes', backups: 'yes' },
      { band: 'medium', priority: 3 },
    ],
    ['its control not answered', 'enable_mfa', {}, { treats: ['cyber'], pillar: 'cybersecurity' }],
    ['its control answered "no"', 'enable_mfa', { mfa: 'no' }, { treats: ['cyber'] }],
    [
      'its control answered on a hidden question',
      'hire_guards',
      { staff: 'few', guards: 'yes' },
      { treats: ['crime'] },
    ],
    [
      'its scenario applies (border 2x3 = 6)',
      'border_plan',
      { cross_border: 'yes', border_volume: 'low' },
      { band: 'medium' },
    ],
  ])('given %s, recommends %s with the expected fields', (_name, recommendationId, values, expected) => {
    expect(actionOf(values, recommendationId)).toMatchObject({ recommendationId, ...expected });
  });

  it.each<[string, string, Record<string, AnswerValue>]>([
    ['its control is in place', 'enable_mfa', { mfa: 'yes' }],
    ['its shown control is in place', 'hire_guards', { staff: 'many', guards: 'yes' }],
    ['none of its scenarios apply', 'border_plan', { cross_border: 'no' }],
    ['none of its scenarios apply yet', 'border_plan', {}],
  ])('given %s, does not recommend %s', (_name, recommendationId, values) => {
    expect(actionOf(values, recommendationId)).toBeUndefined();
  });

  it.each<[string, Record<string, AnswerValue>, string[]]>([
    // All Critical at 20: priority ties, worst-score ties, so questionnaire order; hire_guards (High) last.
    ['worst case', worstCase, ['enable_mfa', 'keep_backups', 'border_plan', 'crisis_team', 'hire_guards']],
    // border 20 Critical first; then High: crime 4x4 = 16 before cyber 4x3 = 12.
    [
      'priority, then worst treated score',
      { cross_border: 'yes', border_volume: 'high', staff: 'many', online_exposure: ['shop'], it_dependence: 'some' },
      ['border_plan', 'crisis_team', 'hire_guards', 'enable_mfa', 'keep_backups'],
    ],
  ])('given %s, orders actions by priority, worst treated score, then questionnaire order', (_name, values, order) => {
    expect(score(values).actions.map((a) => a.recommendationId)).toEqual(order);
  });
});

describe('scoreAssessment: overall band and register', () => {
  it.each<[string, Band, Record<string, AnswerValue>]>([
    ['worst case', 'critical', worstCase],
    ['one High scenario', 'high', { online_exposure: ['shop'], it_dependence: 'some' }],
    ['nothing answered', 'medium', {}],
    ['every scenario Low', 'low', lowCase],
  ])('given %s, the overall band is %s', (_name, band, values) => {
    expect(score(values).overallBand).toBe(band);
  });

  it('given no scenario applies, the overall band is low and nothing is recommended', () => {
    const base = fakeQuestionnaire();
    const nothingApplies: Questionnaire = {
      ...base,
      scenarios: base.scenarios.map((s) => ({ ...s, appliesIf: { question: 'cross_border', equals: 'never' } })),
    };
    const register = score(worstCase, nothingApplies);
    expect(register).toEqual({
      questionnaireVersion: 'test-1',
      scenarios: [],
      notApplicable: ['cyber', 'crime', 'border'],
      actions: [],
      findOut: [],
      overallBand: 'low',
    });
  });

  it('given the same answers twice, returns equal registers and leaves the answers unchanged', () => {
    const answers = answersOf(worstCase);
    const before = structuredClone(answers);
    expect(scoreAssessment(fakeQuestionnaire(), answers)).toEqual(scoreAssessment(fakeQuestionnaire(), answers));
    expect(answers).toEqual(before);
  });
});

describe('heatMapCells', () => {
  it('given a register, returns likelihood rows 5..1 by impact columns 1..5 with bands', () => {
    const grid = heatMapCells(score({}));
    expect(grid.map((row) => row.map((c) => `${c.likelihood}x${c.impact}`))).toEqual(
      [5, 4, 3, 2, 1].map((l) => [1, 2, 3, 4, 5].map((i) => `${l}x${i}`)),
    );
    expect(grid[0]?.[0]).toMatchObject({ score: 5, band: 'medium' });
    expect(grid[0]?.[4]).toMatchObject({ score: 25, band: 'critical' });
    expect(grid[4]?.[0]).toMatchObject({ score: 1, band: 'low' });
    expect(grid[1]?.[3]).toMatchObject({ score: 16, band: 'high' });
  });

  it('given scored scenarios, places each in the cell of its residual likelihood and impact', () => {
    // cyber inherent 4x5, residual 2x3; crime 3x2.
    const register = score({ online_exposure: ['shop'], it_dependence: 'critical', training: 'yes', backups: 'yes' });
    const placed = heatMapCells(register)
      .flat()
      .filter((c) => c.scenarioIds.length > 0)
      .map((c) => [c.likelihood, c.impact, c.scenarioIds]);
    expect(placed).toEqual([
      [3, 2, ['crime']],
      [2, 3, ['cyber']],
    ]);
  });
});
