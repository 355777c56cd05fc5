import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { messageKeys } from '../../src/questionnaire/messageKeys.js';
import type { Answers, StoredAnswer } from '../../src/questionnaire/types.js';
import { questionnaireV1 } from '../../src/questionnaire/v1/index.js';
import { buildReportModel, plannedScenarios, type ReportBlock, type ReportMeta, type ReportModel } from '../../src/report/reportModel.js';
import { bandFor } from '../../src/scoring/bands.js';
import { scoreAssessment } from '../../src/scoring/scoreAssessment.js';
import type { Level, RiskRegister, ScenarioScore } from '../../src/scoring/types.js';

const t = createTranslator('en');
const v = questionnaireV1.version;

function meta(overrides: Partial<ReportMeta> = {}): ReportMeta {
  return { reportId: 'RP-TEST-0001', issuedAt: new Date('2026-11-28T09:30:00Z'), preparedBy: 'Leyla Həsənova', ...overrides };
}

/** A business in both countries that moves goods across the border and depends on grid power. */
function answers(values: Record<string, string | string[]> = {}, notes: Record<string, string> = {}): Answers {
  const base: Record<string, string | string[]> = {
    company_name: 'Şəki Ğıda · ქართლი · Каспий',
    countries: ['georgia', 'azerbaijan'],
    sector: 'transport_logistics',
    sites: 'two_to_five',
    site_locations: ['capital_city'],
    staff_local: 'from_10_to_49',
    staff_expatriate: 'none',
    cross_border: 'yes',
    energy_dependence: 'critical',
    uses_ports: 'no',
    critical_it: 'essential',
    online_services: 'yes',
    backup_power: 'tested',
    crisis_lead_name: 'Nino Beridze',
    crisis_lead_phone: '+995 555 12 34 56',
    deputy_name: 'Rəşad Məmmədov',
    insurer: 'Policy BX-2291, claims line on the card',
    emergency_number_georgia: '+995 000 000',
    ...values,
  };
  const out: Record<string, StoredAnswer> = {};
  for (const [id, value] of Object.entries(base)) out[id] = notes[id] ? { value, note: notes[id] } : { value };
  return out;
}

function scenario(id: string, likelihood: Level, impact: Level, residualLikelihood = likelihood, residualImpact = impact): ScenarioScore {
  return {
    scenarioId: id,
    likelihood,
    impact,
    inherentScore: likelihood * impact,
    inherentBand: bandFor(likelihood * impact),
    residualLikelihood,
    residualImpact,
    residualScore: residualLikelihood * residualImpact,
    residualBand: bandFor(residualLikelihood * residualImpact),
    drivers: [],
    stoppedActivities: [],
  };
}

function register(scenarios: ScenarioScore[]): RiskRegister {
  const sorted = [...scenarios].sort((a, b) => b.residualScore - a.residualScore);
  return {
    questionnaireVersion: v,
    scenarios: sorted,
    notApplicable: [],
    actions: [],
    findOut: [],
    overallBand: sorted[0]?.residualBand ?? 'low',
  };
}

function build(given: Answers, registerGiven?: RiskRegister, metaGiven = meta()): ReportModel {
  return buildReportModel({
    questionnaire: questionnaireV1,
    answers: given,
    register: registerGiven ?? scoreAssessment(questionnaireV1, given),
    translate: t,
    meta: metaGiven,
  });
}

function section(model: ReportModel, id: string) {
  const found = model.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

function plan(model: ReportModel, scenarioId: string) {
  const found = section(model, 'plans').subsections.find((s) => s.id === `plan-${scenarioId}`);
  if (!found) throw new Error(`no plan for ${scenarioId}`);
  return found;
}

function steps(blocks: readonly ReportBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'steps' || block.type === 'list' ? block.items : []));
}

function tableText(blocks: readonly ReportBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'table' ? block.rows.flatMap((row) => row.map((cell) => cell.text)) : []));
}

/** The text without zero-width spaces (the model once added them to long runs; it no longer does). */
function unbroken(text: string): string {
  return text.replaceAll('\u200b', '');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

describe('buildReportModel', () => {
  it('given an assessment, gives the sections in reading order', () => {
    expect(build(answers()).sections.map((s) => s.id)).toEqual(['summary', 'register', 'checklist', 'plans', 'appendix']);
  });

  it('given the report details, puts them on the cover with the date formatted in words', () => {
    const model = build(answers(), undefined, meta({ consultantFirm: 'Caucasus Continuity & Risk' }));
    expect(unbroken(model.cover.company)).toBe('Şəki Ğıda · ქართლი · Каспий');
    expect(model.cover.facts.map((fact) => [fact.label, unbroken(fact.value)])).toEqual([
      [t('report.cover.issued'), '28 November 2026, 09:30 UTC'],
      [t('report.cover.preparedBy'), 'Leyla Həsənova'],
      [t('report.cover.consultantFirm'), 'Caucasus Continuity & Risk'],
      [t('report.cover.reportId'), 'RP-TEST-0001'],
      [t('report.cover.version'), '1.0'],
      [t('report.cover.countries'), `${t(messageKeys.optionLabel(v, 'countries', 'georgia'))} and ${t(messageKeys.optionLabel(v, 'countries', 'azerbaijan'))}`],
    ]);
    expect(model.header.right).toBe(t('report.header.date', { date: '28 November 2026' }));
    expect(model.issuedAtIso).toBe('2026-11-28T09:30:00.000Z');
  });

  it('given a draft, says on the cover, in every page footer and in the metadata that it is not an issued report', () => {
    const model = build(answers(), undefined, meta({ reportId: 'DRAFT-ABCDEF12-3', draft: true }));
    const facts = new Map(model.cover.facts.map((fact) => [fact.label, unbroken(fact.value)]));
    expect(facts.get(t('report.cover.reportId'))).toBe('DRAFT-ABCDEF12-3 (draft: not an issued report)');
    expect(facts.has(t('report.cover.issued'))).toBe(false);
    expect(facts.get(t('report.cover.draftDate'))).toBe('28 November 2026, 09:30 UTC');
    expect(facts.has(t('report.cover.verify'))).toBe(false);
    expect(model.footer.left).toBe('DRAFT-ABCDEF12-3 (not issued) · Questionnaire 1.0');
    expect(model.documentInfo.subject).toContain('not an issued report');
  });

  it('given an issue, prints its number as the report id and tells the reader where to verify it', () => {
    const model = build(answers(), undefined, meta({ reportId: 'RP-2026-000042 rev 2', verifyUrl: 'https://riskplan.example.ge/verify' }));
    expect(model.footer.left).toBe('Report ID RP-2026-000042 rev 2 · Questionnaire 1.0');
    expect(model.documentInfo.subject).toMatch(/\(report RP-2026-000042 rev 2\)\. Verify this report at https:\/\/riskplan\.example\.ge\/verify$/);
    expect(model.documentInfo.keywords).toContain('RP-2026-000042 rev 2');
    expect(model.documentInfo.subject).not.toContain('draft');
    const facts = new Map(model.cover.facts.map((fact) => [fact.label, unbroken(fact.value)]));
    expect(facts.get(t('report.cover.verify'))).toBe('Upload this PDF at https://riskplan.example.ge/verify');
  });

  it('given no consultant firm, leaves the firm off the cover', () => {
    const labels = build(answers()).cover.facts.map((fact) => fact.label);
    expect(labels).not.toContain(t('report.cover.consultantFirm'));
  });

  it('given High and Critical scenarios, gives each a plan in register order and leaves Medium ones to the checklist', () => {
    const model = build(answers(), register([scenario('crime', 3, 3), scenario('cyberattack', 5, 4), scenario('terrorism', 3, 4), scenario('energy_disruption', 2, 2)]));
    expect(section(model, 'plans').subsections.map((s) => s.id)).toEqual(['plan-cyberattack', 'plan-terrorism']);
    expect(section(model, 'plans').subsections.every((s) => s.newPage)).toBe(true);
  });

  it('given no High or Critical scenario, gives each Medium scenario a plan', () => {
    const given = register([scenario('crime', 3, 3), scenario('cyberattack', 2, 3), scenario('terrorism', 1, 2)]);
    expect(plannedScenarios(given).basis).toBe('medium');
    expect(section(build(answers(), given), 'plans').subsections.map((s) => s.id)).toEqual(['plan-crime', 'plan-cyberattack']);
  });

  it('given only Low scenarios, gives no plan and says what to do in any incident', () => {
    const model = build(answers(), register([scenario('crime', 1, 2)]));
    expect(section(model, 'plans').subsections).toEqual([]);
    expect(section(model, 'plans').blocks).toContainEqual({ type: 'paragraph', text: t('report.plans.intro.none', { scenarios: '' }), style: 'body' });
  });

  it('given a business that depends on grid power, gives power-loss steps; one with limited dependence gets none', () => {
    const risky = register([scenario('energy_disruption', 4, 4)]);
    const powerLoss = [
      t('report.plan.energy_disruption.hour.backup'),
      t('report.plan.energy_disruption.hour.shutDown'),
      t('report.plan.energy_disruption.day.fuel'),
    ];
    const dependent = steps(plan(build(answers({ energy_dependence: 'critical', backup_power: 'tested' }), risky), 'energy_disruption').blocks);
    const limited = steps(plan(build(answers({ energy_dependence: 'limited', sector: 'finance' }), risky), 'energy_disruption').blocks);
    expect(dependent).toEqual(expect.arrayContaining(powerLoss));
    for (const step of powerLoss) expect(limited).not.toContain(step);
    expect(limited).toContain(t('report.plan.energy_disruption.hour.batteries'));
  });

  it('given no cross-border work, gives no border steps; cross-border work gets them', () => {
    const risky = register([scenario('political_unrest', 4, 4), scenario('terrorism', 3, 4)]);
    const borderSteps = [t('report.plan.political_unrest.hour.holdBorder'), t('report.plan.terrorism.hour.holdBorder')];
    const mover = build(answers({ cross_border: 'yes' }), risky);
    const local = build(answers({ cross_border: 'no' }), risky);
    const stepsOf = (model: ReportModel) => [...steps(plan(model, 'political_unrest').blocks), ...steps(plan(model, 'terrorism').blocks)];
    expect(stepsOf(mover)).toEqual(expect.arrayContaining(borderSteps));
    expect(stepsOf(local).filter((step) => borderSteps.includes(step))).toEqual([]);
    expect(JSON.stringify(local)).not.toContain(t('report.party.drivers'));
  });

  it('given named contacts, prints them as given, marks missing ones and asks only for the chosen countries\' numbers', () => {
    const model = build(answers({ countries: ['georgia'] }), register([scenario('terrorism', 4, 4)]));
    const cells = tableText(plan(model, 'terrorism').blocks).map(unbroken);
    expect(cells).toContain(t('report.value.nameAndPhone', { name: 'Nino Beridze', phone: '+995 555 12 34 56' }));
    expect(cells).toContain(t('report.value.phoneNotGiven', { name: 'Rəşad Məmmədov' }));
    expect(cells).toContain('+995 000 000');
    expect(cells).toContain(t('report.role.policeGeorgia'));
    expect(cells).toContain(t('report.value.numberNotGiven'));
    expect(cells).not.toContain(t('report.role.emergencyAzerbaijan'));
    expect(cells).not.toContain(t('report.role.policeAzerbaijan'));
    expect(plan(model, 'terrorism').blocks).toContainEqual({ type: 'callout', text: t('report.plans.missingContacts'), tone: 'warning' });
  });

  it('given an IT lead, names the IT lead in the cyberattack plan', () => {
    const model = build(answers({ it_lead_name: 'Giorgi Kapanadze', it_lead_phone: '+995 599 98 76 54' }), register([scenario('cyberattack', 5, 5)]));
    expect(tableText(plan(model, 'cyberattack').blocks).map(unbroken)).toContain('Giorgi Kapanadze, +995 599 98 76 54');
  });

  it('given answers and notes, lists every question asked with its answer and note as given, and no question not asked', () => {
    const model = build(answers({ cross_border: 'no' }, { sector: 'Mostly cold-chain <food> & "drinks"' }));
    const entries = section(model, 'appendix')
      .subsections.find((s) => s.id === 'answers')
      ?.blocks.flatMap((block) => (block.type === 'entries' ? block.items : [])) ?? [];
    const byQuestion = new Map(entries.map((entry) => [entry.term, entry.details.map((d) => [d.label, unbroken(d.text)])]));
    expect(byQuestion.get(t(messageKeys.questionText(v, 'sector')))).toEqual([
      [t('report.appendix.answer'), t(messageKeys.optionLabel(v, 'sector', 'transport_logistics'))],
      [t('report.appendix.note'), 'Mostly cold-chain <food> & "drinks"'],
    ]);
    expect(byQuestion.get(t(messageKeys.questionText(v, 'company_name')))).toEqual([[t('report.appendix.answer'), 'Şəki Ğıda · ქართლი · Каспий']]);
    expect(byQuestion.get(t(messageKeys.questionText(v, 'it_lead_name')))).toEqual([[t('report.appendix.answer'), t('report.value.notAnswered')]]);
    expect(byQuestion.has(t(messageKeys.questionText(v, 'border_frequency')))).toBe(false);
  });

  it('given an answer left behind by a changed profile, leaves it out of the report', () => {
    const model = build(answers({ cross_border: 'no', border_frequency: 'daily' }));
    expect(JSON.stringify(model)).not.toContain(t(messageKeys.optionLabel(v, 'border_frequency', 'daily')));
  });

  it('given a long unbroken answer, keeps it exactly as typed (no added break characters)', () => {
    const long = `${'ğ'.repeat(5000)} ${'ქ'.repeat(300)}\nnext line`;
    const model = build(answers({ key_suppliers: long }));
    const text = JSON.stringify(model);
    const found = section(model, 'appendix')
      .subsections.flatMap((s) => s.blocks)
      .flatMap((block) => (block.type === 'entries' ? block.items.flatMap((entry) => entry.details.map((d) => d.text)) : []))
      .find((value) => value === long);
    expect(found).toBe(long);
    expect(text).not.toContain('\u200b');
  });

  it('given the real catalogue, leaves no message key unresolved', () => {
    const model = build(answers(), undefined, meta({ consultantFirm: 'Firm' }));
    expect(JSON.stringify(model)).not.toMatch(/\[(report|method|band|priority|timeframe|likelihood|impact|1\.0)\.[A-Za-z0-9_.]+\]/);
  });

  it('given the same input twice, gives the same model and changes nothing it was given', () => {
    const given = deepFreeze(answers({}, { sector: 'note' }));
    const registerGiven = deepFreeze(scoreAssessment(questionnaireV1, given));
    expect(build(given, registerGiven)).toEqual(build(given, registerGiven));
  });

  it('given the questionnaire sources, lists the article with its publication date', () => {
    const sources = section(model(), 'appendix').subsections.find((s) => s.id === 'sources');
    const entries = sources?.blocks.flatMap((block) => (block.type === 'entries' ? block.items : [])) ?? [];
    const article = entries.find((entry) => entry.term === t(messageKeys.sourceCitation(v, 'article_2025_10')));
    expect(article?.details).toContainEqual({ label: t('report.appendix.sources.published'), text: '25 October 2025' });
    expect(entries).toHaveLength(questionnaireV1.sources.length);

    function model() {
      return build(answers());
    }
  });

  it('given recommended actions, lists each once in the checklist, grouped by timeframe, most urgent first', () => {
    const given = answers();
    const registerGiven = scoreAssessment(questionnaireV1, given);
    const checklist = section(build(given, registerGiven), 'checklist').blocks.find((block) => block.type === 'checklist');
    if (checklist?.type !== 'checklist') throw new Error('no checklist');
    const items = checklist.groups.flatMap((group) => group.items.map((item) => item.text));
    expect(items).toEqual(registerGiven.actions.map((action) => t(messageKeys.recommendationText(v, action.recommendationId))));
    const order = ['within_7_days', 'within_30_days', 'within_90_days', 'within_12_months'];
    const titles = order.map((tf) => t(`timeframe.${tf}`));
    const groupTimeframes = checklist.groups.map((group) => titles.findIndex((title) => group.title.startsWith(title)));
    expect(groupTimeframes).toEqual([...groupTimeframes].sort((a, b) => a - b));
  });

  it('given scored scenarios, places each in the heat map cell of its residual likelihood and impact', () => {
    const model = build(answers(), register([scenario('cyberattack', 5, 4, 4, 3), scenario('crime', 2, 2)]));
    const heatMap = section(model, 'summary').blocks.find((block) => block.type === 'heatMap');
    if (heatMap?.type !== 'heatMap') throw new Error('no heat map');
    expect(heatMap.rows).toHaveLength(5);
    // Rows run from likelihood 5 down to 1; columns from impact 1 to 5.
    expect(heatMap.rows[5 - 4]?.cells[3 - 1]?.refs).toBe('R1');
    expect(heatMap.rows[5 - 2]?.cells[2 - 1]?.refs).toBe('R2');
    expect(heatMap.rows.flatMap((row) => row.cells).filter((cell) => cell.refs !== '')).toHaveLength(2);
  });

  it('given a very long company name, shortens the running header but keeps the name whole elsewhere', () => {
    const long = 'Şəki '.repeat(60).trim();
    const model = build(answers({ company_name: long }));
    expect(model.companyName).toBe(long);
    expect(unbroken(model.header.left).length).toBeLessThanOrEqual(70);
    expect(unbroken(model.header.left).endsWith('…')).toBe(true);
    expect(unbroken(model.cover.company)).toBe(long);
  });
});
