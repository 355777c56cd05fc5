import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { actionText } from '../../src/presenters/actionWording.js';
import { questionnaireV2 } from '../../src/questionnaire/v2/index.js';
import { plansByDependency } from '../../src/report/model/planSelection.js';
import { buildReportModel, type ReportBlock, type ReportModel, type TableCell } from '../../src/report/reportModel.js';
import { bandRank, heatMapCells, worstBand } from '../../src/scoring/bands.js';
import { actionsInPlanOrder, noJudgement, ratedBandOf, type AssessmentJudgement, type RatingOverride, type StoredFirmAction } from '../../src/scoring/judgement.js';
import { scoreAssessment } from '../../src/scoring/scoreAssessment.js';
import type { Band, RiskRegister, ScenarioScore } from '../../src/scoring/types.js';
import { answersOf } from '../fixtures/answerBuilder.js';
import { carefulSoftwareFirm, haulierWhoDoesNotKnow, haulierWithNoMeasures, type Persona } from '../fixtures/personas.js';

/*
 * How the assessor's judgement feeds the register: an override of a scenario's band counts for
 * the order, the overall band, the priorities of the actions that treat it and the plans, and
 * moves nothing else; the calculation stays on every scenario. Tried as three businesses would.
 */

const t = createTranslator('en');
const q = questionnaireV2;
const recordedAt = '2026-12-02T10:00:00.000Z';

function override(scenarioId: string, band: Band, reason = 'Known to the assessor.'): RatingOverride {
  return { scenarioId, band, reason, recordedBy: null, recordedAt };
}

function judgement(parts: Partial<AssessmentJudgement>): AssessmentJudgement {
  return { ...noJudgement, ...parts };
}

/** A scenario's calculation: everything but the override. */
function calculation(score: ScenarioScore): Omit<ScenarioScore, 'override'> {
  const rest: Partial<ScenarioScore> = { ...score };
  delete rest.override;
  return rest as Omit<ScenarioScore, 'override'>;
}

function scored(persona: Persona, given: AssessmentJudgement = noJudgement): RiskRegister {
  return scoreAssessment(q, answersOf(q, persona), given);
}

/** The override each business's assessor would make: lift its least serious risk to Critical, or lower its worst to Low. */
const cases: [string, Persona, (calculated: RiskRegister) => RatingOverride][] = [
  ['an exposed haulier with no measures, its worst risk judged Low', haulierWithNoMeasures, (r) => override(r.scenarios[0]?.scenarioId ?? '', 'low')],
  ['a careful software firm, its least risk judged Critical', carefulSoftwareFirm, (r) => override(r.scenarios.at(-1)?.scenarioId ?? '', 'critical')],
  ['a haulier answering "don\'t know", its least risk judged High', haulierWhoDoesNotKnow, (r) => override(r.scenarios.at(-1)?.scenarioId ?? '', 'high')],
];

describe.each(cases)('given %s', (_name, persona, choose) => {
  const calculated = scored(persona);
  const chosen = choose(calculated);
  const judged = scored(persona, judgement({ overrides: [chosen] }));
  const byId = (register: RiskRegister) => new Map(register.scenarios.map((s) => [s.scenarioId, s]));

  it('attaches the override to its scenario only and keeps every calculation as it was', () => {
    const before = byId(calculated);
    for (const score of judged.scenarios) {
      expect(calculation(score)).toEqual(before.get(score.scenarioId));
      expect(score.override).toEqual(score.scenarioId === chosen.scenarioId ? chosen : undefined);
    }
    expect(judged.scenarios).toHaveLength(calculated.scenarios.length);
    // The same things to find out, each naming the same scenarios (in register order, which may move).
    const findOut = (r: RiskRegister) => r.findOut.map((item) => ({ ...item, affects: [...item.affects].sort() }));
    expect(findOut(judged)).toEqual(findOut(calculated));
    expect(judged.notApplicable).toEqual(calculated.notApplicable);
  });

  it('places the scenario by its band that counts, the others keeping their order', () => {
    const rank = (s: ScenarioScore) => bandRank(ratedBandOf(s));
    const ranks = judged.scenarios.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const others = (r: RiskRegister) => r.scenarios.map((s) => s.scenarioId).filter((id) => id !== chosen.scenarioId);
    expect(others(judged)).toEqual(others(calculated));
  });

  it('sets the overall band from the bands that count, and keeps the calculated one when they differ', () => {
    const expected = worstBand(judged.scenarios.map(ratedBandOf));
    expect(judged.overallBand).toBe(expected);
    expect(judged.calculatedOverallBand).toBe(expected === calculated.overallBand ? undefined : calculated.overallBand);
  });

  it('moves the priority of the actions that treat the scenario, shows the calculated one, and leaves the others alone', () => {
    const calculatedActions = new Map(calculated.actions.map((a) => [a.recommendationId, a]));
    expect(judged.actions.map((a) => a.recommendationId).sort()).toEqual([...calculatedActions.keys()].sort());
    const bands = byId(judged);
    for (const action of judged.actions) {
      const before = calculatedActions.get(action.recommendationId);
      const expectedBand = worstBand(action.treats.map((id) => ratedBandOf(bands.get(id) as ScenarioScore)));
      expect(action.band).toBe(expectedBand);
      if (!action.treats.includes(chosen.scenarioId) || expectedBand === before?.band) {
        expect(action).toEqual(before);
      } else {
        expect(action.calculated).toEqual({ band: before?.band, priority: before?.priority, timeframe: before?.timeframe });
      }
    }
    const priorities = judged.actions.map((a) => a.priority);
    expect(priorities).toEqual([...priorities].sort());
  });

  it('places every scenario on the heat map by its calculated likelihood and impact', () => {
    const cells = (r: RiskRegister) => heatMapCells(r).flat().map((cell) => [...cell.scenarioIds].sort());
    expect(cells(judged)).toEqual(cells(calculated));
  });

  it('gives a plan to a scenario the assessor rates High or Critical, and only by the band that counts', () => {
    const planned = plansByDependency(judged);
    const rated = byId(judged).get(chosen.scenarioId) as ScenarioScore;
    const serious = chosen.band === 'high' || chosen.band === 'critical';
    expect(planned.some((p) => p.score.scenarioId === chosen.scenarioId)).toBe(serious || rated.stoppedActivities.length > 0);
    for (const p of planned) expect(p.ratedSerious).toBe(['high', 'critical'].includes(ratedBandOf(p.score)));
  });

  it('is undone by removing the override', () => {
    expect(scored(persona, noJudgement)).toEqual({ ...calculated, firmActions: [] });
  });
});

describe('the assessor\'s judgement without overrides', () => {
  const answers = answersOf(q, haulierWithNoMeasures);
  const calculated = scoreAssessment(q, answers);

  it('leaves a register scored from answers alone as it always was', () => {
    expect(calculated).not.toHaveProperty('firmActions');
    expect(calculated).not.toHaveProperty('calculatedOverallBand');
    expect(calculated.scenarios.some((s) => 'override' in s)).toBe(false);
  });

  it('attaches a rewording to its action only, and the plan shows the assessor\'s words', () => {
    const target = calculated.actions[1]?.recommendationId ?? '';
    const judged = scoreAssessment(q, answers, judgement({ rewordings: [{ actionId: target, text: 'Our words.', recordedBy: 'user-1', recordedAt }] }));
    for (const [index, action] of judged.actions.entries()) {
      const { rewording, ...rest } = action;
      expect(rest).toEqual(calculated.actions[index]);
      expect(rewording).toEqual(action.recommendationId === target ? { actionId: target, text: 'Our words.', recordedBy: 'user-1', recordedAt } : undefined);
    }
    const texts = actionsInPlanOrder(judged).map((item) => actionText(t, q.version, item));
    expect(texts[1]).toBe('Our words.');
    expect(texts[0]).toBe(t(`2.0.rec.${calculated.actions[0]?.recommendationId ?? ''}.text`));
  });

  it('lists the firm\'s own actions by priority, after the recommended actions of the same priority, treating only scenarios that apply', () => {
    const firm = (id: string, priority: 1 | 2 | 3 | 4, treats: string[]): StoredFirmAction => ({
      id,
      text: `Firm ${id}`,
      owner: null,
      dueDate: null,
      priority,
      status: 'to_do',
      treats,
      recordedBy: null,
      recordedAt,
      updatedAt: recordedAt,
    });
    const applicable = calculated.scenarios[0]?.scenarioId ?? '';
    const notApplicable = calculated.notApplicable[0] ?? 'no_such_scenario';
    const judged = scoreAssessment(q, answers, judgement({ firmActions: [firm('b', 4, []), firm('a', 1, [applicable, notApplicable])] }));
    expect(judged.firmActions?.map((a) => [a.firmActionId, a.priority, a.band, a.timeframe, a.treats])).toEqual([
      ['a', 1, 'critical', 'within_7_days', [applicable]],
      ['b', 4, 'low', 'within_12_months', []],
    ]);
    const plan = actionsInPlanOrder(judged);
    expect(plan.map((item) => item.priority)).toEqual(plan.map((item) => item.priority).sort());
    const firstFirm = plan.findIndex((item) => item.kind === 'firm');
    expect(plan.slice(0, firstFirm).every((item) => item.kind === 'recommended' && item.priority === 1)).toBe(true);
    expect(plan[firstFirm + 1]?.priority ?? 2).toBeGreaterThan(1);
    expect(plan.at(-1)?.id).toBe('b');
    expect(judged.actions).toEqual(calculated.actions);
    expect(judged.scenarios).toEqual(calculated.scenarios);
  });
});

describe('the report with an assessor\'s rating', () => {
  const answers = answersOf(q, carefulSoftwareFirm);
  const calculated = scoreAssessment(q, answers);
  const lowest = calculated.scenarios.at(-1) as ScenarioScore;
  const judged = scoreAssessment(q, answers, judgement({ overrides: [override(lowest.scenarioId, 'critical', 'Two blockades this spring.')] }));
  const meta = { reportId: 'RP-TEST-0001', issuedAt: new Date('2026-12-02T10:00:00Z'), preparedBy: 'Leyla Həsənova' };
  const model: ReportModel = buildReportModel({ questionnaire: q, answers, register: judged, translate: t, meta });
  const blocks = (sectionId: string): ReportBlock[] => model.sections.find((s) => s.id === sectionId)?.blocks ?? [];
  const calculatedRating = t('report.rating', { band: t(`band.${lowest.residualBand}`), score: lowest.residualScore });

  it('shows the assessor\'s band in the register with the calculated rating under it, and the reason', () => {
    const table = blocks('register').find((b): b is Extract<ReportBlock, { type: 'table' }> => b.type === 'table');
    const row = table?.rows[0] as TableCell[];
    expect(row.at(-1)).toEqual({ text: 'Critical (assessor)', sub: `Calculated: ${calculatedRating}`, band: 'critical' });
    const entries = blocks('register').find((b): b is Extract<ReportBlock, { type: 'entries' }> => b.type === 'entries');
    expect(entries?.items[0]?.details[0]).toEqual({
      label: 'Assessor’s rating:',
      text: `Rated Critical by the assessor; calculated ${calculatedRating}. Reason: Two blockades this spring. (recorded 2 December 2026)`,
    });
    expect(blocks('register').some((b) => b.type === 'callout' && b.text.startsWith('The assessor rated R1 differently'))).toBe(true);
  });

  it('puts the overall rating that counts on the cover and in the summary, with the calculated one beside it', () => {
    expect(model.cover.rating.band).toBe('critical');
    expect(model.cover.facts).toContainEqual({ label: 'Assessor’s judgement', value: 'Overall rating Critical because of the assessor’s ratings; calculated Low.' });
    const rating = blocks('summary').find((b): b is Extract<ReportBlock, { type: 'rating' }> => b.type === 'rating');
    expect(rating?.text).toContain('Overall rating Critical because of the assessor’s ratings; calculated Low.');
    expect(rating?.text).toContain(`Critical by the assessor; calculated ${calculatedRating}`);
  });

  it('stars the scenario on the heat map, where the calculation places it, and says why in the key', () => {
    const heatMap = blocks('register').find((b): b is Extract<ReportBlock, { type: 'heatMap' }> => b.type === 'heatMap');
    const cells = heatMap?.rows.flatMap((row) => row.cells) ?? [];
    expect(cells.filter((cell) => cell.refs.includes('R1*'))).toHaveLength(1);
    expect(heatMap?.key).toContain('R7 Energy disruption. *: rated differently by the assessor, and placed here by the calculated likelihood and impact.');
    const calculatedModel = buildReportModel({ questionnaire: q, answers, register: calculated, translate: t, meta });
    const calculatedMap = calculatedModel.sections.find((s) => s.id === 'register')?.blocks.find((b) => b.type === 'heatMap');
    expect(calculatedMap && JSON.stringify(calculatedMap)).not.toContain('*');
  });

  it('includes a plan for the scenario because of the assessor\'s rating, saying so', () => {
    const plan = model.sections.find((s) => s.id === 'plans')?.subsections.find((sub) => sub.id === `plan-${lowest.scenarioId}`);
    const text = JSON.stringify(plan?.blocks ?? []);
    expect(text).toContain(`Rated Critical by the assessor; calculated ${calculatedRating} after current measures`);
    expect(text).toContain('Included because it is rated Critical by the assessor');
  });
});

describe('the checklist with the firm\'s own actions', () => {
  it('keeps a firm action of low priority in the main checklist, after the twelve recommended ones, with its owner and due date', () => {
    const answers = answersOf(q, haulierWithNoMeasures);
    const firmAction: StoredFirmAction = {
      id: 'f1',
      text: 'Brief the night shift at the Rustavi depot',
      owner: 'Levan Kapanadze',
      dueDate: '2027-05-01',
      priority: 4,
      status: 'in_progress',
      treats: [],
      recordedBy: null,
      recordedAt,
      updatedAt: recordedAt,
    };
    const register = scoreAssessment(q, answers, judgement({ firmActions: [firmAction] }));
    expect(register.actions.length).toBeGreaterThan(12);
    const actionPlan = [{ actionId: 'f1', owner: 'Levan Kapanadze', dueDate: '2027-05-01', status: 'in_progress' as const }];
    const model = buildReportModel({ questionnaire: q, answers, register, translate: t, meta: { reportId: 'RP-1', issuedAt: new Date(recordedAt), preparedBy: 'X' }, actionPlan });
    const checklist = model.sections.find((s) => s.id === 'checklist')?.blocks.find((b): b is Extract<ReportBlock, { type: 'checklist' }> => b.type === 'checklist');
    const items = checklist?.groups.flatMap((group) => group.items) ?? [];
    expect(items).toHaveLength(13);
    expect(items.at(-1)).toEqual(
      expect.objectContaining({ text: firmAction.text, detail: 'Action of the assessor’s firm', priority: 'Low', owner: 'Levan Kapanadze', due: '1 May 2027', status: 'In progress' }),
    );
    const further = JSON.stringify(model.sections.find((s) => s.id === 'appendix')?.subsections.find((sub) => sub.id === 'further-measures'));
    expect(further).not.toContain(firmAction.text);
  });
});
