import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { messageKeys } from '../../src/questionnaire/messageKeys.js';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import { createAssessmentRepository } from '../../src/repositories/assessmentRepository.js';
import { createJudgementRepository } from '../../src/repositories/judgementRepository.js';
import type { Band, RiskRegister, ScenarioScore } from '../../src/scoring/types.js';
import { createAssessmentService } from '../../src/services/assessmentService.js';
import { csrfTokenFrom, formBody, locationOf } from '../support/forms.js';
import { useFreshApp } from '../support/lifecycle.js';
import { faultOn } from '../support/storageFaults.js';
import { testStore } from '../support/testApp.js';
import { downloadPdf, everyExposureProfile, newAgent, startAssessment, walkAllSections, type Agent } from '../support/walk.js';

/*
 * The assessor's judgement through the anonymous `/assessment` base, on both stores: a rating
 * override with its reason on the results page and in the PDF, beside the calculated rating; an
 * action in the assessor's words; the firm's own action in the plan, the checklist and the PDF in
 * priority order. Forged posts change nothing, and the PDF stays PDF/A-1b.
 */

const run = promisify(execFile);
const t = createTranslator('en');
const BASE = '/assessment';
const preflightClasspath = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api']
  .map((name) => `/usr/share/java/${name}.jar`)
  .join(':');

/** Every measure answered "not in place", so the plan has actions of several priorities. */
const noMeasures: Record<string, string> = Object.fromEntries(
  currentQuestionnaire.sections.flatMap((section) =>
    section.questions.flatMap((question) => {
      const none = question.measure !== undefined ? question.options?.find((option) => option.credit === 'none') : undefined;
      return none ? [[question.id, none.value]] : [];
    }),
  ),
);

const REASON = 'The client’s depot sits on the main protest route in Tbilisi: two blockades this spring. Şəki branch agrees.';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'riskplan-judgement-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Whitespace runs as one space, so that wrapped lines read as one. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
/** The text of a page without its tags, as a reader sees it. */
const pageText = (html: string) => flat(html.replace(/<[^>]+>/g, ' ').replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&#34;', '"'));

async function pdfFile(agent: Agent, name: string): Promise<string> {
  const response = await downloadPdf(agent).expect(200);
  const file = path.join(dir, `${testStore}-${name}-${Date.now()}.pdf`);
  await writeFile(file, response.body as Buffer);
  return file;
}

async function pdfTextOf(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-raw', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return flat(stdout);
}

const bandLabel = (band: Band) => t(`band.${band}`);
const calculatedRating = (s: ScenarioScore) => t('report.rating', { band: bandLabel(s.residualBand), score: s.residualScore });
/** A band other than the calculated one: Critical, or High for a scenario calculated Critical. */
const otherBand = (s: ScenarioScore): Band => (s.residualBand === 'critical' ? 'high' : 'critical');

describe(`the assessor's judgement on ${testStore}`, () => {
  const app = useFreshApp();
  let agent: Agent;

  const db = () => app().database.db;
  const assessmentId = async () => (await db().selectFrom('assessments').select('id').executeTakeFirstOrThrow()).id;
  /** The register as the app scores it, with the judgement stored now. */
  const register = async (): Promise<RiskRegister> => {
    const service = createAssessmentService(createAssessmentRepository(db()), undefined, createJudgementRepository(db()));
    return service.results(await service.load(await assessmentId()));
  };
  const revision = async () => (await db().selectFrom('assessments').select('revision').executeTakeFirstOrThrow()).revision;

  async function walkToResults(): Promise<RiskRegister> {
    await startAssessment(agent);
    await walkAllSections(agent, { ...everyExposureProfile, ...noMeasures, crisis_lead_name: 'Nino Beridze' });
    return register();
  }

  /** A scenario that is not the worst, so raising it moves the register. */
  function scenarioToRate(current: RiskRegister): ScenarioScore {
    const scenario = current.scenarios.find((s) => s.residualBand !== 'critical') ?? current.scenarios.at(-1);
    if (!scenario) throw new Error('No scenario applies');
    return scenario;
  }

  /** Posts a form from the page it is on, as a browser would: the page's token and the fields given. */
  async function postFrom(pagePath: string, action: string, fields: Record<string, string | string[]>) {
    const page = await agent.get(pagePath).expect(200);
    return agent.post(action).type('form').send(formBody({ _csrf: csrfTokenFrom(page.text), ...fields }));
  }

  beforeEach(() => {
    agent = newAgent(app().app);
  });

  it('shows an overridden rating with the calculated one and the reason on the results page and in the PDF, and goes back to the calculation when removed', async () => {
    const before = await walkToResults();
    const scenario = scenarioToRate(before);
    const band = otherBand(scenario);
    const ratingPath = `${BASE}/ratings/${scenario.scenarioId}`;
    const title = t(messageKeys.scenarioTitle('2.0', scenario.scenarioId));

    const results = await agent.get(`${BASE}/results`).expect(200);
    expect(results.text).toContain(`href="${ratingPath}"`);
    const form = await agent.get(ratingPath).expect(200);
    expect(pageText(form.text)).toContain(title);
    expect(pageText(form.text)).toContain(calculatedRating(scenario));

    const saved = await postFrom(ratingPath, ratingPath, { band, reason: `  ${REASON}  ` });
    expect(saved.status).toBe(303);
    expect(locationOf(saved)).toBe(`${BASE}/results?done=rating_saved#register`);

    const stored = await db().selectFrom('rating_overrides').selectAll().execute();
    expect(stored).toEqual([
      expect.objectContaining({ scenario_id: scenario.scenarioId, band, reason: REASON, recorded_by: null, recorded_at: expect.stringMatching(/^20\d\d-/) as unknown }),
    ]);
    const judged = await register();
    const rated = judged.scenarios.find((s) => s.scenarioId === scenario.scenarioId);
    expect(rated?.override?.band).toBe(band);
    // The calculation is kept as it was.
    expect(rated && [rated.residualBand, rated.residualScore]).toEqual([scenario.residualBand, scenario.residualScore]);

    const ratedLine = t('ui.judgement.ratedBy', { band: bandLabel(band), calculated: calculatedRating(scenario) });
    const shown = pageText((await agent.get(`${BASE}/results?done=rating_saved`).expect(200)).text);
    expect(shown).toContain('Your rating has been saved.');
    expect(shown).toContain(ratedLine);
    expect(shown).toContain(`Reason: ${REASON}`);
    expect(shown).toContain(`${bandLabel(band)} (assessor) Calculated: ${calculatedRating(scenario)}`);

    const pdf = await pdfTextOf(await pdfFile(agent, 'override'));
    expect(pdf).toContain(`${bandLabel(band)} (assessor) Calculated: ${calculatedRating(scenario)}`);
    expect(pdf).toContain(`Rated ${bandLabel(band)} by the assessor; calculated ${calculatedRating(scenario)}. Reason: ${REASON}`);

    const removed = await postFrom(ratingPath, `${ratingPath}/remove`, {});
    expect(removed.status).toBe(303);
    expect(locationOf(removed)).toBe(`${BASE}/results?done=rating_removed#register`);
    expect(await db().selectFrom('rating_overrides').selectAll().execute()).toEqual([]);
    expect(await register()).toEqual(before);
    const after = pageText((await agent.get(`${BASE}/results`).expect(200)).text);
    expect(after).not.toContain('by the assessor');
    expect(await pdfTextOf(await pdfFile(agent, 'removed'))).not.toContain('(assessor)');
  });

  it('refuses an override without a reason, or at the calculated rating, with the form shown again and nothing stored', async () => {
    const scenario = scenarioToRate(await walkToResults());
    const ratingPath = `${BASE}/ratings/${scenario.scenarioId}`;

    const noReason = await postFrom(ratingPath, ratingPath, { band: otherBand(scenario), reason: '   ' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('<title>Error: Change the rating of a risk');
    expect(noReason.text).toMatch(/<a href="#reason">Enter the reason for your rating<\/a>/);
    expect(noReason.text).toMatch(new RegExp(`id="band-${otherBand(scenario)}" name="band" value="${otherBand(scenario)}" checked`));
    expect(noReason.text).toContain('aria-describedby="reason-hint reason-error"');

    const sameBand = await postFrom(ratingPath, ratingPath, { band: scenario.residualBand, reason: 'Because.' });
    expect(sameBand.status).toBe(400);
    expect(sameBand.text).toMatch(/<a href="#band">This is the calculated rating/);
    expect(sameBand.text).toContain('>Because.</textarea>');

    const tooLong = await postFrom(ratingPath, ratingPath, { band: otherBand(scenario), reason: 'x'.repeat(1001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain('Must be 1000 characters or fewer');

    const twice = await postFrom(ratingPath, ratingPath, { band: ['high', 'low'], reason: 'Twice.' });
    expect(twice.status).toBe(400);

    expect(await db().selectFrom('rating_overrides').selectAll().execute()).toEqual([]);
    await agent.get(`${BASE}/ratings/not_a_scenario`).expect(404);
    const unknown = await postFrom(ratingPath, `${BASE}/ratings/not_a_scenario`, { band: 'high', reason: 'Why not.' });
    expect(unknown.status).toBe(404);
  });

  it('shows a reworded action in the action plan, on the results page and in the PDF, and can go back to the standard wording', async () => {
    const before = await walkToResults();
    const action = before.actions[0];
    if (!action) throw new Error('Expected an action');
    const standard = t(messageKeys.recommendationText('2.0', action.recommendationId));
    const wordingPath = `${BASE}/actions/${action.recommendationId}/wording`;
    const wording = 'Agree a second customs broker in Şəki and test the hand-over before the March peak.';

    const plan = await agent.get(`${BASE}/actions`).expect(200);
    expect(plan.text).toContain(`href="${wordingPath}"`);
    const empty = await postFrom(wordingPath, wordingPath, { text: '' });
    expect(empty.status).toBe(400);
    expect(empty.text).toMatch(/<a href="#text">Enter the wording of the action<\/a>/);

    const saved = await postFrom(wordingPath, wordingPath, { text: wording });
    expect(locationOf(saved)).toBe(`${BASE}/actions?done=wording_saved`);
    const shownPlan = pageText((await agent.get(`${BASE}/actions?done=wording_saved`).expect(200)).text);
    expect(shownPlan).toContain('The wording has been saved.');
    expect(shownPlan).toContain(wording);
    expect(shownPlan).toContain(`Reworded for this assessment. Standard wording: ${standard}`);
    expect(pageText((await agent.get(`${BASE}/results`).expect(200)).text)).toContain(wording);
    const pdf = await pdfTextOf(await pdfFile(agent, 'wording'));
    expect(pdf).toContain(wording);
    expect(pdf).not.toContain(flat(standard));

    // The reset button on the plan posts its own form, with the page's token.
    const reset = await agent
      .post(`${wordingPath}/reset`)
      .type('form')
      .send(formBody({ _csrf: csrfTokenFrom((await agent.get(`${BASE}/actions`).expect(200)).text) }));
    expect(locationOf(reset)).toBe(`${BASE}/actions?done=wording_reset`);
    expect(await db().selectFrom('action_rewordings').selectAll().execute()).toEqual([]);
    expect(pageText((await agent.get(`${BASE}/actions`).expect(200)).text)).not.toContain(wording);

    // The standard text typed back is no rewording.
    await postFrom(wordingPath, wordingPath, { text: standard });
    expect(await db().selectFrom('action_rewordings').selectAll().execute()).toEqual([]);
  });

  it('puts the firm’s own action in the action plan, the checklist and the PDF in priority order, and changes and deletes it', async () => {
    const before = await walkToResults();
    const urgent = before.actions.filter((a) => a.priority === 1).length;
    const scenario = before.scenarios[0];
    if (!scenario) throw new Error('Expected a scenario');
    const text = 'Brief the night shift at the Rustavi depot on the new lock-down drill';

    const added = await postFrom(`${BASE}/firm-actions/new`, `${BASE}/firm-actions/new`, {
      text,
      owner: 'Levan Kapanadze',
      dueDate: '2027-01-15',
      priority: '1',
      status: 'in_progress',
      treats: [scenario.scenarioId],
    });
    if (added.status !== 303) throw new Error(added.text.slice(0, 2000));
    expect(locationOf(added)).toBe(`${BASE}/actions?done=firm_added`);
    const [stored] = await db().selectFrom('firm_actions').selectAll().execute();
    expect(stored).toEqual(expect.objectContaining({ text, owner: 'Levan Kapanadze', due_date: '2027-01-15', priority: 1, status: 'in_progress', recorded_by: null }));
    // The exports list it with the plan, as the page and the PDF do.
    const csv = await agent.get(`${BASE}/actions.csv`).expect(200);
    expect(csv.text).toContain(text);
    expect(csv.text).toContain('Levan Kapanadze');

    // After the recommended actions of priority 1 and before those of priority 2.
    const plan = pageText((await agent.get(`${BASE}/actions`).expect(200)).text);
    expect(plan).toContain(`Action ${urgent + 1} · Your own action ${text}`);
    expect(plan).toContain('Levan Kapanadze');
    expect(plan).toContain('15 January 2027');
    const nextStandard = before.actions[urgent];
    if (nextStandard) expect(plan.indexOf(text)).toBeLessThan(plan.indexOf(t(messageKeys.recommendationText('2.0', nextStandard.recommendationId))));

    const printable = pageText((await agent.get(`${BASE}/report`).expect(200)).text);
    expect(printable).toContain(text);
    expect(printable).toContain('Action of the assessor’s firm');
    const pdf = await pdfTextOf(await pdfFile(agent, 'firm'));
    expect(pdf).toContain(text);
    expect(pdf).toMatch(/Levan Kapanadze 15 Jan 2027 In progress/);

    const id = stored?.id ?? '';
    const changed = await postFrom(`${BASE}/firm-actions/${id}`, `${BASE}/firm-actions/${id}`, { text: `${text} and the day shift`, owner: '', dueDate: '', priority: '4', status: 'done' });
    expect(locationOf(changed)).toBe(`${BASE}/actions?done=firm_saved`);
    const last = pageText((await agent.get(`${BASE}/actions`).expect(200)).text);
    expect(last).toMatch(new RegExp(`${text} and the day shift Low priority .*Crisis lead \\(Nino Beridze\\)`));

    const deleted = await postFrom(`${BASE}/firm-actions/${id}/delete`, `${BASE}/firm-actions/${id}/delete`, {});
    expect(locationOf(deleted)).toBe(`${BASE}/actions?done=firm_deleted`);
    expect(await db().selectFrom('firm_actions').selectAll().execute()).toEqual([]);
    await agent.get(`${BASE}/firm-actions/${id}`).expect(404);
  });

  it('refuses a firm action without text or priority, with the typed values kept and each error linked', async () => {
    await walkToResults();
    const refused = await postFrom(`${BASE}/firm-actions/new`, `${BASE}/firm-actions/new`, { text: '', owner: 'Ana', dueDate: '2099-02-30', status: 'to_do' });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/<a href="#text">Enter what is to be done<\/a>/);
    expect(refused.text).toMatch(/<a href="#priority">Select a priority<\/a>/);
    expect(refused.text).toMatch(/<a href="#dueDate">Enter a real date/);
    expect(refused.text).toContain('value="Ana"');
    expect(await db().selectFrom('firm_actions').selectAll().execute()).toEqual([]);
  });

  it('shows the rating form again with what was typed when the database refuses the save, and saves it once writable', async () => {
    const scenario = scenarioToRate(await walkToResults());
    const ratingPath = `${BASE}/ratings/${scenario.scenarioId}`;
    // SQLite's fault refuses a write that needs a new page: two overrides of scenarios that do not
    // exist (the scoring ignores them) fill the table's first page, so the next one needs another.
    const id = await assessmentId();
    for (const filler of ['filler_1', 'filler_2']) {
      await db().insertInto('rating_overrides').values({ assessment_id: id, scenario_id: filler, band: 'low', reason: 'Ə'.repeat(900), recorded_by: null, recorded_at: '2026-12-01T00:00:00.000Z' }).execute();
    }
    const page = await agent.get(ratingPath).expect(200);
    const fields = { band: otherBand(scenario), reason: 'Ə'.repeat(1000) };
    const fault = faultOn(app());
    await fault.apply();
    const refused = await agent.post(ratingPath).type('form').send(formBody({ _csrf: csrfTokenFrom(page.text), ...fields }));
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.text).toContain('<title>Error: Change the rating of a risk');
    expect(refused.text).toContain('Nothing was saved because of a problem on our side.');
    expect(refused.text).toContain(`>${fields.reason}</textarea>`);
    expect(refused.text).toMatch(new RegExp(`value="${fields.band}" checked`));
    await fault.lift();
    expect(await db().selectFrom('rating_overrides').select('scenario_id').where('scenario_id', '=', scenario.scenarioId).execute()).toEqual([]);

    const saved = await agent.post(ratingPath).type('form').send(formBody({ _csrf: csrfTokenFrom(refused.text), ...fields }));
    expect(locationOf(saved)).toBe(`${BASE}/results?done=rating_saved#register`);
    expect(await db().selectFrom('rating_overrides').select(['scenario_id', 'reason']).where('scenario_id', '=', scenario.scenarioId).execute()).toEqual([
      { scenario_id: scenario.scenarioId, reason: fields.reason },
    ]);
  });

  it('goes with its assessment: deleting the assessment deletes its overrides, rewordings and firm actions', async () => {
    const before = await walkToResults();
    const scenario = scenarioToRate(before);
    const action = before.actions[0]?.recommendationId ?? '';
    await postFrom(`${BASE}/ratings/${scenario.scenarioId}`, `${BASE}/ratings/${scenario.scenarioId}`, { band: otherBand(scenario), reason: REASON });
    await postFrom(`${BASE}/actions/${action}/wording`, `${BASE}/actions/${action}/wording`, { text: 'Our words.' });
    await postFrom(`${BASE}/firm-actions/new`, `${BASE}/firm-actions/new`, { text: 'Our action', priority: '3' });
    const count = async () =>
      Promise.all((['rating_overrides', 'action_rewordings', 'firm_actions'] as const).map(async (table) => (await db().selectFrom(table).selectAll().execute()).length));
    expect(await count()).toEqual([1, 1, 1]);
    await db().deleteFrom('assessments').where('id', '=', await assessmentId()).execute();
    expect(await count()).toEqual([0, 0, 0]);
  });

  it('changes nothing for a post without a form token, or with another session’s token', async () => {
    const scenario = scenarioToRate(await walkToResults());
    const other = newAgent(app().app);
    await startAssessment(other);
    const otherToken = csrfTokenFrom((await other.get(`${BASE}/sections/${currentQuestionnaire.sections[0]?.id ?? ''}`).expect(200)).text);
    const revisionBefore = await revision();
    const posts: [string, Record<string, string>][] = [
      [`${BASE}/ratings/${scenario.scenarioId}`, { band: otherBand(scenario), reason: 'Forged.' }],
      [`${BASE}/firm-actions/new`, { text: 'Forged', priority: '1' }],
    ];
    for (const [action, fields] of posts) {
      await agent.post(action).type('form').send(formBody(fields)).expect(403);
      await agent.post(action).type('form').send(formBody({ ...fields, _csrf: otherToken })).expect(403);
    }
    expect(await db().selectFrom('rating_overrides').selectAll().execute()).toEqual([]);
    expect(await db().selectFrom('firm_actions').selectAll().execute()).toEqual([]);
    expect(await revision()).toBe(revisionBefore);
  });

  it('keeps the PDF PDF/A-1b valid and tagged with an override, a rewording and a firm action', async () => {
    const before = await walkToResults();
    const scenario = scenarioToRate(before);
    await postFrom(`${BASE}/ratings/${scenario.scenarioId}`, `${BASE}/ratings/${scenario.scenarioId}`, { band: otherBand(scenario), reason: `${REASON} <b>&</b> “quotes”` });
    const action = before.actions[0]?.recommendationId ?? '';
    await postFrom(`${BASE}/actions/${action}/wording`, `${BASE}/actions/${action}/wording`, { text: 'Reworded: ə ğ ı ş, ქართული, русский' });
    await postFrom(`${BASE}/firm-actions/new`, `${BASE}/firm-actions/new`, { text: 'Firm action & <more>', priority: '2' });
    const file = await pdfFile(agent, 'preflight');
    const { stdout } = await run('java', ['-cp', preflightClasspath, 'org.apache.pdfbox.preflight.Validator_A1b', file], { maxBuffer: 16 * 1024 * 1024 });
    expect(stdout.trim().split('\n').at(-1)).toContain('is a valid PDF/A-1b file');
    const { stdout: info } = await run('pdfinfo', [file]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const text = await pdfTextOf(file);
    expect(text).toContain('Reworded: ə ğ ı ş, ქართული, русский');
    expect(text).toContain('Firm action & <more>');
    expect(text).toContain('<b>&</b> “quotes”');
  }, 60_000);
});
