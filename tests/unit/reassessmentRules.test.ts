import { describe, expect, it } from 'vitest';
import { carryOverAnswers, meansTheSame } from '../../src/questionnaire/answerCarryOver.js';
import type { Question, Questionnaire, Scenario, Section } from '../../src/questionnaire/types.js';
import { questionnaireV1 } from '../../src/questionnaire/v1/index.js';
import { questionnaireV2 } from '../../src/questionnaire/v2/index.js';
import type { Band, RiskRegister, ScenarioScore } from '../../src/scoring/types.js';
import type { ActionPlanEntry, StoredActionPlanEntry } from '../../src/services/actionPlan.js';
import { carryOverActionPlan } from '../../src/services/actionPlanCarryOver.js';
import { actionChanges, answerChanges, ratingChanges } from '../../src/services/assessmentComparison.js';
import { answersOf } from '../fixtures/answerBuilder.js';

function radio(id: string, values: string[], extra: Partial<Question> = {}): Question {
  return { id, type: 'radio', required: true, allowNote: true, options: values.map((value) => ({ value })), ...extra };
}

function questionnaire(version: string, sections: Section[]): Questionnaire {
  const empty = { name: '', phone: '' };
  return {
    version,
    sections,
    scenarios: [],
    recommendations: [],
    sources: [],
    roles: { companyName: 'company', preparedBy: 'company', countries: 'company', crisisLead: empty, deputy: empty, itLead: empty, insurer: '', bank: '', keySuppliers: '' },
  };
}

describe('meansTheSame: when an earlier answer is still an answer to the question', () => {
  const base = radio('backups', ['tested', 'untested', 'none']);
  it.each<[string, Question, boolean]>([
    ['the same question', radio('backups', ['tested', 'untested', 'none']), true],
    ['options in another order (presentation only)', radio('backups', ['none', 'tested', 'untested']), true],
    ['the same options, a different hint, note or required flag', radio('backups', ['tested', 'untested', 'none'], { hasHint: true, allowNote: false, required: false }), true],
    ['an option added', radio('backups', ['tested', 'untested', 'none', 'dont_know']), false],
    ['an option renamed', radio('backups', ['tested', 'identified_untested', 'none']), false],
    ['an option taken away', radio('backups', ['tested', 'none']), false],
    ['a radio turned into checkboxes', { ...base, type: 'checkboxes' }, false],
    ['another id', radio('backup_policy', ['tested', 'untested', 'none']), false],
    ['a "none of these" option that now stands alone', { ...base, type: 'checkboxes', options: [{ value: 'tested' }, { value: 'untested' }, { value: 'none', exclusive: true }] }, false],
  ])('%s', (_case, later, expected) => {
    const earlier = later.type === 'checkboxes' && later.options?.some((o) => o.exclusive) ? { ...base, type: 'checkboxes' as const } : base;
    expect(meansTheSame(earlier, later)).toBe(expected);
  });

  it('treats a text question with another length limit as changed (the new form would refuse a longer answer)', () => {
    const text: Question = { id: 'company_name', type: 'text', required: true, allowNote: false, maxLength: 200 };
    expect(meansTheSame(text, { ...text })).toBe(true);
    expect(meansTheSame(text, { ...text, maxLength: 100 })).toBe(false);
    expect(meansTheSame(text, { ...text, type: 'textarea' })).toBe(false);
  });
});

describe('carryOverAnswers: what a re-assessment starts with', () => {
  const profile: Section = {
    id: 'profile',
    kind: 'profile',
    questions: [
      { id: 'company', type: 'text', required: true, allowNote: false },
      radio('cross_border', ['yes', 'no']),
      radio('site_count', ['one', 'several']),
    ],
  };
  const border: Section = { id: 'border', kind: 'exposure', showIf: { question: 'cross_border', equals: 'yes' }, questions: [radio('border_routes', ['one', 'two'])] };
  const cyber: Section = { id: 'cyber', kind: 'pillar', questions: [radio('backups', ['tested', 'untested', 'none']), radio('mfa', ['all', 'some', 'none'])] };
  const before = questionnaire('1.0', [profile, border, cyber]);
  const after = questionnaire('2.0', [
    // site_count is gone; company no longer... still the same; a new required question arrives.
    { ...profile, questions: [profile.questions[0] as Question, profile.questions[1] as Question, radio('road_transport', ['yes', 'no'])] },
    border,
    // backups gains "don't know" (changed); mfa stays but no longer takes a note.
    { ...cyber, questions: [radio('backups', ['tested', 'untested', 'none', 'dont_know']), radio('mfa', ['all', 'some', 'none'], { allowNote: false })] },
  ]);

  it('copies answers to unchanged questions with their notes, lists changed and removed ones with the earlier answer, and names the sections to confirm', () => {
    const carried = carryOverAnswers(
      before,
      {
        company: { value: 'Kartli Trans' },
        cross_border: { value: 'no', note: 'Only domestic since 2025' },
        site_count: { value: 'several' },
        backups: { value: 'untested', note: 'USB drive in the office' },
        mfa: { value: 'some', note: 'Email only' },
      },
      after,
    );
    expect(carried.copied).toEqual({
      company: { value: 'Kartli Trans' },
      cross_border: { value: 'no', note: 'Only domestic since 2025' },
      mfa: { value: 'some' },
    });
    expect(carried.toCheck).toEqual([
      { questionId: 'site_count', reason: 'removed', earlier: { value: 'several' } },
      { questionId: 'backups', reason: 'changed', earlier: { value: 'untested', note: 'USB drive in the office' } },
      { questionId: 'mfa', reason: 'note_not_kept', earlier: { value: 'some', note: 'Email only' } },
    ]);
    expect(carried.sectionsWithCopies).toEqual(['profile', 'cyber']);
  });

  it('leaves behind answers that did not count (a section the profile had switched off)', () => {
    const carried = carryOverAnswers(before, { cross_border: { value: 'no' }, border_routes: { value: 'two' } }, after);
    expect(carried.copied).toEqual({ cross_border: { value: 'no' } });
    expect(carried.toCheck).toEqual([]);
    expect(carried.sectionsWithCopies).toEqual(['profile']);
  });

  it('copies everything from an assessment on the same version, with nothing to check', () => {
    const answers = answersOf(questionnaireV2, { answers: { cross_border: 'yes', countries: ['georgia', 'azerbaijan'] }, measures: 'partial' });
    const carried = carryOverAnswers(questionnaireV2, answers, questionnaireV2);
    expect(carried.copied).toEqual(answers);
    expect(carried.toCheck).toEqual([]);
  });

  it('takes a 1.0 assessment onto 2.0: unchanged questions travel, changed options and removed questions are listed', () => {
    const answers = answersOf(questionnaireV1, {
      answers: { company_name: 'Kartli Trans LLC', cross_border: 'yes', countries: ['georgia', 'azerbaijan'], insurance_review: 'checked_covered', site_security: ['guards', 'alarm_or_cctv'] },
      measures: 'full',
    });
    const carried = carryOverAnswers(questionnaireV1, answers, questionnaireV2);
    expect(carried.copied.company_name).toEqual({ value: 'Kartli Trans LLC' });
    expect(carried.copied.mfa).toEqual(answers.mfa);
    // Moved from the authorities section to the border section in 2.0: still the same question.
    expect(carried.copied.border_authority_contacts).toEqual(answers.border_authority_contacts);
    const reasons = Object.fromEntries(carried.toCheck.map((item) => [item.questionId, item.reason]));
    expect(reasons.insurance_review).toBe('changed');
    expect(reasons.site_security).toBe('changed');
    expect(reasons.border_alternatives).toBe('changed');
    expect(reasons.site_locations).toBe('removed');
    expect(reasons.critical_assets_listed).toBe('removed');
    for (const item of carried.toCheck) expect(carried.copied[item.questionId], item.questionId).toBeUndefined();
    expect(carried.sectionsWithCopies).toContain('cross_border');
    expect(carried.sectionsWithCopies).not.toContain('activity_1');
  });
});

describe('carryOverActionPlan: owners, dates and statuses of a re-assessment', () => {
  const entry = (actionId: string, values: Partial<StoredActionPlanEntry>): StoredActionPlanEntry => ({ actionId, owner: null, dueDate: null, status: null, ...values });
  const options = {
    recommendedBefore: new Set(['require_mfa', 'keep_tested_backups', 'list_critical_systems', 'apply_updates']),
    stillInQuestionnaire: new Set(['require_mfa', 'keep_tested_backups', 'apply_updates', 'prepare_shelter']),
    reassessmentDate: new Date('2027-03-10T09:00:00Z'),
  };

  it('keeps what was chosen for actions still in the questionnaire, drops due dates before the re-assessment, and skips defaults', () => {
    const carried = carryOverActionPlan(
      [
        entry('require_mfa', { owner: 'Nino (IT)', dueDate: '2027-06-30', status: 'done' }),
        entry('keep_tested_backups', { owner: 'Giorgi', dueDate: '2027-01-15', status: 'in_progress' }),
        entry('list_critical_systems', { status: 'done' }),
        entry('prepare_shelter', { status: 'done' }),
        entry('apply_updates', {}),
      ],
      options,
    );
    expect(carried).toEqual([
      entry('require_mfa', { owner: 'Nino (IT)', dueDate: '2027-06-30', status: 'done' }),
      entry('keep_tested_backups', { owner: 'Giorgi', status: 'in_progress' }),
    ]);
  });

  it('keeps a due date on the re-assessment day itself', () => {
    expect(carryOverActionPlan([entry('apply_updates', { dueDate: '2027-03-10' })], options)).toEqual([entry('apply_updates', { dueDate: '2027-03-10' })]);
  });
});

describe('comparing two assessments', () => {
  const cyber: Section = { id: 'cyber', kind: 'pillar', questions: [radio('backups', ['tested', 'none']), { id: 'tools', type: 'checkboxes', required: false, allowNote: true, options: [{ value: 'av' }, { value: 'edr' }] }] };
  const v1 = questionnaire('1.0', [cyber, { id: 'old', kind: 'pillar', questions: [radio('gone', ['a', 'b'])] }]);
  const v2 = questionnaire('2.0', [{ ...cyber, questions: [radio('backups', ['tested', 'none', 'dont_know']), cyber.questions[1] as Question, radio('fresh', ['x', 'y'])] }]);

  it('lists changed answers and notes, questions asked on one side only, and ignores checkbox order', () => {
    const changes = answerChanges(
      { questionnaire: v1, answers: { backups: { value: 'none' }, tools: { value: ['av', 'edr'] }, gone: { value: 'a' } } },
      { questionnaire: v2, answers: { backups: { value: 'tested' }, tools: { value: ['edr', 'av'], note: 'Rolled out in May' }, fresh: { value: 'x' } } },
    );
    expect(changes.map((change) => [change.questionId, change.earlier?.answer?.value, change.later?.answer?.value, change.questionChanged])).toEqual([
      ['backups', 'none', 'tested', true],
      ['tools', ['av', 'edr'], ['edr', 'av'], false],
      ['fresh', undefined, 'x', false],
      ['gone', 'a', undefined, false],
    ]);
    expect(changes.find((change) => change.questionId === 'fresh')?.earlier).toBeUndefined();
    expect(changes.find((change) => change.questionId === 'gone')?.later).toBeUndefined();
    expect(answerChanges({ questionnaire: v2, answers: { tools: { value: ['av', 'edr'] } } }, { questionnaire: v2, answers: { tools: { value: ['edr', 'av'] } } })).toEqual([]);
  });

  const score = (scenarioId: string, residualBand: Band): ScenarioScore => ({ scenarioId, residualBand }) as ScenarioScore;
  const register = (overallBand: Band, scenarios: ScenarioScore[], notApplicable: string[], actions: string[]): RiskRegister =>
    ({ questionnaireVersion: '2.0', overallBand, scenarios, notApplicable, findOut: [], actions: actions.map((recommendationId) => ({ recommendationId })) }) as unknown as RiskRegister;
  const withScenarios = (ids: string[]): Questionnaire => ({ ...v2, scenarios: ids.map((id): Scenario => ({ id, baseLikelihood: 1, baseImpact: 1, sources: [] })) });

  it('says how far each rating moved, and why a side has none', () => {
    const moves = ratingChanges(
      { questionnaire: withScenarios(['cyber', 'border', 'energy']), register: register('critical', [score('border', 'critical'), score('cyber', 'high')], ['energy'], []) },
      { questionnaire: withScenarios(['cyber', 'border', 'energy', 'cargo']), register: register('medium', [score('border', 'medium'), score('cargo', 'medium'), score('energy', 'low')], ['cyber'], []) },
    );
    expect(moves.overall).toEqual({ earlier: { band: 'critical' }, later: { band: 'medium' }, steps: -2 });
    expect(moves.scenarios).toEqual([
      { scenarioId: 'border', earlier: { band: 'critical' }, later: { band: 'medium' }, steps: -2 },
      { scenarioId: 'cargo', earlier: { none: 'not_in_version' }, later: { band: 'medium' }, steps: 0 },
      { scenarioId: 'energy', earlier: { none: 'not_applicable' }, later: { band: 'low' }, steps: 0 },
      { scenarioId: 'cyber', earlier: { band: 'high' }, later: { none: 'not_applicable' }, steps: 0 },
    ]);
  });

  it('counts an action as completed when the later plan has it done and the earlier did not, and lists actions no longer recommended', () => {
    const plan = (done: string[], others: string[]): ActionPlanEntry[] =>
      [...done.map((actionId) => ({ actionId, status: 'done' })), ...others.map((actionId) => ({ actionId, status: 'to_do' }))] as ActionPlanEntry[];
    const changes = actionChanges(
      { register: register('high', [], [], ['mfa', 'backups', 'updates', 'training']), plan: plan(['training'], ['mfa', 'backups', 'updates']) },
      { register: register('medium', [], [], ['mfa', 'training', 'shelter']), plan: plan(['mfa', 'training', 'shelter'], []) },
    );
    expect(changes).toEqual({ completed: ['mfa', 'shelter'], noLongerNeeded: ['backups', 'updates'] });
  });
});
