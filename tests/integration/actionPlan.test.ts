import { beforeEach, describe, expect, it } from 'vitest';
import { questionnaireV1 } from '../../src/questionnaire/v1/index.js';
import { createActionPlanRepository } from '../../src/repositories/actionPlanRepository.js';
import { createAssessmentRepository } from '../../src/repositories/assessmentRepository.js';
import type { RecommendedAction } from '../../src/scoring/types.js';
import { createAssessmentService } from '../../src/services/assessmentService.js';
import { actionPlanFieldName } from '../../src/web/forms/actionPlanForm.js';
import { actionPlanFormFrom as planFormFrom, csrfTokenFrom, formBody, locationOf } from '../support/forms.js';
import { useFreshApp } from '../support/lifecycle.js';
import { testStore } from '../support/testApp.js';
import { answersFor, everyExposureProfile, newAgent, postSection, startAssessment, walkAllSections, type Agent } from '../support/walk.js';

/** Every pillar question answered with its second option (a partial measure), so many actions are recommended. */
const partialMeasures: Record<string, string> = Object.fromEntries(
  questionnaireV1.sections
    .filter((section) => section.kind === 'pillar')
    .flatMap((section) => section.questions)
    .flatMap((question) => (question.type === 'radio' && question.options?.[1] ? [[question.id, question.options[1].value]] : [])),
);

const contacts = { crisis_lead_name: 'Rashad Aliyev', it_lead_name: 'Nino Beridze' };

/** Started late on 10 March 2026 UTC (already the 11th in Tbilisi): due dates count from the UTC date. */
const ASSESSED_AT = '2026-03-10T21:30:00.000Z';
const DUE_BY_PRIORITY: Record<number, string> = { 1: '2026-03-24', 2: '2026-04-09', 3: '2026-06-08', 4: '2026-09-06' };

type Fields = Record<string, string>;
const PAGE = '/assessment/actions';

const owner = (actionId: string) => actionPlanFieldName('owner', actionId);
const due = (actionId: string) => actionPlanFieldName('dueDate', actionId);
const status = (actionId: string) => actionPlanFieldName('status', actionId);

describe(`the action plan page on ${testStore}`, () => {
  const app = useFreshApp();
  let agent: Agent;

  const db = () => app().database.db;
  const storedPlan = async () => createActionPlanRepository(db()).load(await assessmentId());
  const assessmentId = async () => (await db().selectFrom('assessments').select('id').executeTakeFirstOrThrow()).id;
  /** The register as the app scores it, to know which actions to expect and their priorities. */
  const recommendedActions = async (): Promise<RecommendedAction[]> => {
    const service = createAssessmentService(createAssessmentRepository(db()));
    return service.results(await service.load(await assessmentId())).actions;
  };

  async function walkToResults(): Promise<RecommendedAction[]> {
    await startAssessment(agent);
    await walkAllSections(agent, { ...everyExposureProfile, ...partialMeasures, ...contacts });
    await db().updateTable('assessments').set({ created_at: ASSESSED_AT }).execute();
    return recommendedActions();
  }

  /** Posts the action plan form, or a raw body, as a browser would. */
  const postPlan = (body: Fields | string) => agent.post(PAGE).type('form').send(typeof body === 'string' ? body : formBody(body));
  /** What the form sends as shown, with some fields changed. */
  const planForm = async (changes: Fields = {}): Promise<Fields> => ({ ...planFormFrom((await agent.get(PAGE).expect(200)).text), ...changes });

  beforeEach(() => {
    agent = newAgent(app().app);
  });

  it('lists every recommended action, most urgent first, with the suggested owner, due date and status', async () => {
    const actions = await walkToResults();
    expect(actions.length).toBeGreaterThan(3);
    expect(actions.some((action) => action.pillar === 'cybersecurity')).toBe(true);
    expect(actions.some((action) => action.pillar !== 'cybersecurity')).toBe(true);

    const results = await agent.get('/assessment/results').expect(200);
    expect(results.text).toContain('href="/assessment/actions"');

    const page = await agent.get(PAGE).expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toMatch(/<h1 class="heading-xl">Action plan/);
    const fields = planFormFrom(page.text);
    for (const action of actions) {
      const expectedOwner = action.pillar === 'cybersecurity' ? 'IT lead (Nino Beridze)' : 'Crisis lead (Rashad Aliyev)';
      expect(fields[owner(action.recommendationId)], action.recommendationId).toBe(expectedOwner);
      expect(fields[due(action.recommendationId)], action.recommendationId).toBe(DUE_BY_PRIORITY[action.priority]);
      expect(fields[status(action.recommendationId)], action.recommendationId).toBe('to_do');
    }
    const positions = actions.map((action) => page.text.indexOf(`id="${owner(action.recommendationId)}"`));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(actions.map((action) => action.priority)).toEqual(actions.map((action) => action.priority).sort());
    expect(page.text).toContain('min="2026-03-10" max="2031-03-10"');
    expect(page.text).toContain('14 days for urgent actions, 30 for high, 90 for medium, 180 for low.');
    expect(await storedPlan()).toEqual([]);
  });

  it('saves owners, dates and statuses in one go, redirects with a notice and keeps defaults as defaults', async () => {
    const actions = await walkToResults();
    const [first, second, third] = actions.map((action) => action.recommendationId);
    if (!first || !second || !third) throw new Error('expected three actions');
    const revisionBefore = (await db().selectFrom('assessments').select('revision').executeTakeFirstOrThrow()).revision;

    const saved = await postPlan(
      await planForm({
        [owner(first)]: '  Giorgi <Maisuradze> & Co  ',
        [due(first)]: '2026-05-01',
        [status(first)]: 'in_progress',
        [status(second)]: 'done',
        [owner(third)]: '',
        [due(third)]: '',
        unknown_field: 'ignored',
      }),
    );
    expect(saved.status).toBe(303);
    expect(locationOf(saved)).toBe(`${PAGE}?saved=1`);

    const shown = await agent.get(locationOf(saved)).expect(200);
    expect(shown.text).toContain('Your action plan has been saved.');
    expect(shown.text).toContain('value="Giorgi &lt;Maisuradze&gt; &amp; Co"');
    const fields = planFormFrom(shown.text);
    expect(fields[due(first)]).toBe('2026-05-01');
    expect(fields[status(first)]).toBe('in_progress');
    expect(fields[status(second)]).toBe('done');
    expect(fields[owner(third)]).toMatch(/^(IT|Crisis) lead \(/);

    const stored = new Map((await storedPlan()).map((entry) => [entry.actionId, entry]));
    expect(stored.size).toBe(actions.length);
    expect(stored.get(first)).toEqual({ actionId: first, owner: 'Giorgi <Maisuradze> & Co', dueDate: '2026-05-01', status: 'in_progress' });
    // Values left at (or emptied back to) the suggestion are stored as "the default", so they follow later changes.
    expect(stored.get(second)).toEqual({ actionId: second, owner: null, dueDate: null, status: 'done' });
    expect(stored.get(third)).toEqual({ actionId: third, owner: null, dueDate: null, status: null });
    const revisionAfter = (await db().selectFrom('assessments').select('revision').executeTakeFirstOrThrow()).revision;
    expect(Number(revisionAfter)).toBe(Number(revisionBefore) + 1);
  });

  it('follows a renamed IT lead for owners left at the suggestion', async () => {
    const actions = await walkToResults();
    const cyber = actions.find((action) => action.pillar === 'cybersecurity')?.recommendationId ?? '';
    await postPlan(await planForm()).expect(303);
    const renamed = answersFor('contacts', { countries: { value: everyExposureProfile.countries ?? [] } }, { ...contacts, it_lead_name: 'Levan Kapanadze' });
    expect((await postSection(agent, 'contacts', renamed)).status).toBe(303);
    const after = await planForm();
    expect(after[owner(cyber)]).toBe('IT lead (Levan Kapanadze)');
  });

  it('refuses a date that is not real or out of range, an unknown status and an over-long owner, keeping what was typed', async () => {
    const actions = await walkToResults();
    const [first, second] = actions.map((action) => action.recommendationId);
    if (!first || !second) throw new Error('expected two actions');
    const longOwner = 'Ə'.repeat(121);
    const response = await postPlan(
      await planForm({ [owner(first)]: longOwner, [due(first)]: '2026-02-30', [status(first)]: 'archived', [due(second)]: '2031-03-11' }),
    );
    expect(response.status).toBe(400);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.text).toMatch(/<title>Error: Action plan/);
    expect(response.text).toContain('There is a problem');
    const summaryLinks = [...response.text.matchAll(/<li><a href="#([^"]+)">([^<]*)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);
    expect(summaryLinks.map(([href]) => href)).toEqual([owner(first), due(first), status(first), due(second)]);
    expect(summaryLinks.map(([, text]) => text)).toEqual([
      'Must be 120 characters or fewer – Owner, action 1',
      `Enter a real date, like ${DUE_BY_PRIORITY[actions[0]?.priority ?? 0]} – Due date, action 1`,
      'Select one of the options shown – Status, action 1',
      'Enter a date from 10 March 2026 to 10 March 2031 – Due date, action 2',
    ]);
    for (const [href] of summaryLinks) expect(response.text).toContain(`id="${href}"`);
    expect(response.text).toContain(`aria-describedby="${due(first)}-hint ${due(first)}-error"`);
    expect(response.text).toContain(`value="${longOwner}"`);
    expect(response.text).toContain('value="2026-02-30"');
    expect(response.text).toContain('value="2031-03-11"');
    expect(await storedPlan()).toEqual([]);
  });

  it('accepts the first and last day of the range and a 120-character owner', async () => {
    const actions = await walkToResults();
    const [first, second] = actions.map((action) => action.recommendationId);
    if (!first || !second) throw new Error('expected two actions');
    await postPlan(await planForm({ [owner(first)]: 'ş'.repeat(120), [due(first)]: '2026-03-10', [due(second)]: '2031-03-10' })).expect(303);
    const stored = new Map((await storedPlan()).map((entry) => [entry.actionId, entry]));
    expect(stored.get(first)?.owner).toBe('ş'.repeat(120));
    expect(stored.get(first)?.dueDate).toBe('2026-03-10');
    expect(stored.get(second)?.dueDate).toBe('2031-03-10');
  });

  it('answers a field sent twice with a 400 page, not a 500', async () => {
    const [first] = (await walkToResults()).map((action) => action.recommendationId);
    const response = await postPlan(`${formBody(await planForm())}&${formBody({ [status(first ?? '')]: 'done' })}`);
    expect(response.status).toBe(400);
    expect(response.text).toContain(`<a href="#${status(first ?? '')}">Give one answer only`);
    expect(await storedPlan()).toEqual([]);
  });

  it('refuses a post without a valid form token and stores nothing', async () => {
    const [first] = (await walkToResults()).map((action) => action.recommendationId);
    const withoutToken = await planForm({ [status(first ?? '')]: 'done' });
    delete withoutToken._csrf;
    const missing = await postPlan(withoutToken);
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('Your form has expired');
    const forged = await postPlan({ ...withoutToken, _csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect(await storedPlan()).toEqual([]);
  });

  it('behaves as the results page does without an assessment, and before the results are ready', async () => {
    const results = await agent.get('/assessment/results');
    const plan = await agent.get(PAGE);
    expect(results.status).toBe(404);
    expect(plan.status).toBe(404);
    expect(plan.text).toBe(results.text);
    expect(plan.text).toContain('We could not find your assessment');
    const start = await agent.get('/').expect(200);
    const post = await postPlan({ _csrf: csrfTokenFrom(start.text) });
    expect(post.status).toBe(404);
    expect(post.text).toContain('We could not find your assessment');

    await startAssessment(agent);
    const incomplete = await agent.get(PAGE);
    expect(incomplete.status).toBe(303);
    expect(incomplete.headers.location).toBe((await agent.get('/assessment/results')).headers.location);
    const again = await agent.get('/').expect(200);
    const postIncomplete = await postPlan({ _csrf: csrfTokenFrom(again.text) });
    expect(postIncomplete.status).toBe(303);
    expect(postIncomplete.headers.location).toBe('/assessment?incomplete=1');
  });

  it('leaves no plan behind when its assessment is deleted', async () => {
    await walkToResults();
    await postPlan(await planForm()).expect(303);
    expect((await storedPlan()).length).toBeGreaterThan(0);
    await db().deleteFrom('assessments').execute();
    expect(await db().selectFrom('action_plan_entries').selectAll().execute()).toEqual([]);
  });
});
