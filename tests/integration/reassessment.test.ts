import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { messageKeys } from '../../src/questionnaire/messageKeys.js';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import type { Answers } from '../../src/questionnaire/types.js';
import { effectiveAnswers } from '../../src/questionnaire/visibility.js';
import { scoreAssessment } from '../../src/scoring/scoreAssessment.js';
import type { RiskRegister } from '../../src/scoring/types.js';
import { actionPlanFieldName } from '../../src/web/forms/actionPlanForm.js';
import { answersOf } from '../fixtures/answerBuilder.js';
import { haulierWithNoMeasures } from '../fixtures/personas.js';
import { csrfTokenFrom, formBody, locationOf, pathOf } from '../support/forms.js';
import { useFreshApp } from '../support/lifecycle.js';
import { addClient, OTHER_FIRM, signedInAs, startAssessmentOf, tableRows } from '../support/practice.js';
import { assessmentOnVersion1, betterHaulierAnswers, changePlan, idOf, postReassessment, reassess, valuesOf } from '../support/reassessment.js';
import { newAgent, walkAllSections, type Agent } from '../support/walk.js';

const t = createTranslator('en');

/** Text as EJS prints it inside an element. */
function html(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&#34;').replaceAll("'", '&#39;');
}

function registerOf(answers: Answers): RiskRegister {
  return scoreAssessment(currentQuestionnaire, effectiveAnswers(currentQuestionnaire, answers));
}

async function reassessmentsOf(database: Database, previousId: string): Promise<string[]> {
  const rows = await database.db.selectFrom('assessments').select('id').where('previous_assessment_id', '=', previousId).execute();
  return rows.map((row) => row.id);
}

async function clientIdByName(database: Database, name: string): Promise<string> {
  const row = await database.db.selectFrom('clients').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

describe('re-assessing a client and comparing two assessments', () => {
  const running = useFreshApp();

  it('re-assesses a haulier after it put measures in place: copied answers to confirm, the plan carried over, ratings down per scenario, actions completed', async () => {
    const { app, database } = running();
    const consultant = await signedInAs(app, database, 'nino@crp.example', 'consultant');
    const clientPath = await addClient(consultant, { name: 'Kartli Trans', sector: 'Haulage' });
    const first = await startAssessmentOf(consultant, clientPath);
    const before = (await walkAllSections(consultant, valuesOf(answersOf(currentQuestionnaire, haulierWithNoMeasures)), first)).answers;
    await changePlan(consultant, first, { require_mfa: { owner: 'Nino (IT)', status: 'done' }, train_staff_phishing: { owner: 'Lela (HR)', status: 'in_progress' } });

    const firstTasks = await consultant.get(first).expect(200);
    expect(firstTasks.text).toContain(t('reassess.start.button'));
    expect(firstTasks.text).not.toContain(t('reassess.notice.title'));
    const second = await reassess(consultant, first);
    expect(second).toMatch(/^\/assessments\/[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);

    // The copied answers are there, and every section holding them waits to be confirmed.
    const tasks = await consultant.get(second).expect(200);
    expect(tasks.text).toContain(t('reassess.notice.title'));
    expect(tasks.text).toContain(html(t('reassess.notice.confirm')));
    expect(tasks.text).toContain(`id="hint-profile">${t('reassess.task.copied')}`);
    expect(tasks.text).toContain(`href="/clients/${clientPath.split('/').pop()}/compare?earlier=${idOf(first)}&amp;later=${idOf(second)}"`);
    expect(tasks.text).not.toContain(`${second}/answers-to-check`);
    expect(tasks.text).toMatch(/id="status-profile">In progress/);
    expect((await consultant.get(`${second}/sections/profile`).expect(200)).text).toContain('value="Kartli Trans LLC"');
    expect((await consultant.get(`${second}/answers-to-check`).expect(200)).text).toContain(t('reassess.check.none'));
    // Not ready until confirmed, although every answer is there.
    expect((await consultant.get(`${second}/results`)).status).toBe(303);

    // The consultant confirms the sections, answering the pillar questions better.
    const better = betterHaulierAnswers();
    const after = (await walkAllSections(consultant, valuesOf(better), second)).answers;
    const tasksAfter = await consultant.get(second).expect(200);
    expect(tasksAfter.text).not.toContain(t('reassess.task.copied'));

    // The plan came along: the owner and status of an action still recommended.
    const plan = await consultant.get(`${second}/actions`).expect(200);
    expect(plan.text).toContain('value="Lela (HR)"');
    expect(plan.text).toMatch(new RegExp(`name="${actionPlanFieldName('status', 'train_staff_phishing')}"[\\s\\S]*?<option value="in_progress" selected>`));
    await changePlan(consultant, second, { train_staff_phishing: { status: 'done' } });

    // Compare, from the client page's link on the re-assessment.
    const clientPage = await consultant.get(clientPath).expect(200);
    const compareLink = /href="(\/clients\/[^"]+\/compare\?earlier=[^"]+)">Compare with the previous one/.exec(clientPage.text)?.[1]?.replaceAll('&amp;', '&');
    expect(compareLink).toBe(`${clientPath}/compare?earlier=${idOf(first)}&later=${idOf(second)}`);
    const compared = await consultant.get(compareLink ?? '').expect(200);

    const earlierRegister = registerOf(before);
    const laterRegister = registerOf(after);
    expect(earlierRegister.overallBand).toBe('critical');
    const rows = tableRows(compared.text);
    const overall = rows[0] ?? '';
    expect(overall).toContain(`Overall rating ${t(`band.${earlierRegister.overallBand}`)} ${t(`band.${laterRegister.overallBand}`)}`);
    expect(overall).toMatch(/↓ Down \d bands?: lower risk/);
    let movedDown = 0;
    for (const scenario of earlierRegister.scenarios) {
      const later = laterRegister.scenarios.find((s) => s.scenarioId === scenario.scenarioId);
      if (!later) continue;
      const title = t(messageKeys.scenarioTitle('2.0', scenario.scenarioId));
      const row = rows.find((text) => text.startsWith(`${title} `));
      expect(row, title).toBeDefined();
      expect(row).toContain(`${t(`band.${scenario.residualBand}`)} ${t(`band.${later.residualBand}`)}`);
      const steps = ['low', 'medium', 'high', 'critical'].indexOf(later.residualBand) - ['low', 'medium', 'high', 'critical'].indexOf(scenario.residualBand);
      if (steps < 0) movedDown += 1;
      expect(row).toContain(steps === 0 ? 'No change' : steps < 0 ? `Down ${-steps} band` : `Up ${steps} band`);
    }
    expect(movedDown).toBeGreaterThan(1);

    const completed = /<h3 class="heading-m">Actions completed<\/h3>([\s\S]*?)<h3/.exec(compared.text)?.[1] ?? '';
    expect(completed).toContain(html(t(messageKeys.recommendationText('2.0', 'train_staff_phishing'))));
    // Done already in the earlier plan, and measure now in place: no longer needed, not "completed" again.
    expect(completed).not.toContain(html(t(messageKeys.recommendationText('2.0', 'require_mfa'))));
    const noLongerNeeded = /<h3 class="heading-m">Actions no longer needed<\/h3>([\s\S]*?)<h2/.exec(compared.text)?.[1] ?? '';
    expect(noLongerNeeded).toContain(html(t(messageKeys.recommendationText('2.0', 'require_mfa'))));

    const answers = /id="answers"[\s\S]*$/.exec(compared.text)?.[0] ?? '';
    const label = (answersSet: Answers, questionId: string) => html(t(messageKeys.optionLabel('2.0', questionId, String(answersSet[questionId]?.value))));
    const mfaRow = tableRows(answers).find((row) => row.startsWith(html(t(messageKeys.questionText('2.0', 'mfa')))));
    expect(mfaRow).toContain(`${label(before, 'mfa')} ${label(after, 'mfa')}`);
    // Unchanged answers are not listed.
    expect(answers).not.toContain(html(t(messageKeys.questionText('2.0', 'company_name'))));
    expect(answers).not.toContain(html(t(messageKeys.questionText('2.0', 'phishing_training'))));

    // Picked the other way round, the older one still comes first; the same pick twice is refused.
    const reversed = await consultant.get(`${clientPath}/compare?earlier=${idOf(second)}&later=${idOf(first)}`).expect(200);
    expect(tableRows(reversed.text)[0]).toBe(overall);
    const same = await consultant.get(`${clientPath}/compare?earlier=${idOf(first)}&later=${idOf(first)}`).expect(400);
    expect(same.text).toContain(`<a href="#later">${t('compare.error.same')}</a>`);
    const missing = await consultant.get(`${clientPath}/compare?earlier=${idOf(first)}&later=`).expect(400);
    expect(missing.text).toContain(`<a href="#later">${t('compare.error.later')}</a>`);
    expect(missing.text).toMatch(new RegExp(`<option value="${idOf(first)}" selected>`));
  });

  it('takes a questionnaire 1.0 assessment onto 2.0: changed questions are left unanswered and listed with the earlier answer', async () => {
    const { app, database } = running();
    const consultant = await signedInAs(app, database, 'nino@crp.example', 'consultant');
    const user = await database.db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', 'nino@crp.example').executeTakeFirstOrThrow();
    const clientPath = await addClient(consultant, { name: 'Kartli Trans' });
    const clientId = await clientIdByName(database, 'Kartli Trans');
    const oldId = await assessmentOnVersion1(
      database,
      { organisationId: user.organisation_id, clientId, createdByUserId: user.id },
      { insurance_review: { value: 'checked_covered', note: 'Policy renewed in January' }, site_locations: { value: ['capital_city', 'near_border'], note: 'Depot in Rustavi' } },
    );
    const oldBase = `/assessments/${oldId}`;
    expect((await consultant.get(`${oldBase}/results`)).status).toBe(200);

    const newBase = await reassess(consultant, oldBase);
    const stored = await database.db.selectFrom('assessments').select(['questionnaire_version', 'previous_assessment_id', 'client_id']).where('id', '=', idOf(newBase)).executeTakeFirstOrThrow();
    expect(stored).toEqual({ questionnaire_version: '2.0', previous_assessment_id: oldId, client_id: clientId });

    const section = await consultant.get(`${newBase}/sections/risk_assessment`).expect(200);
    expect(section.text).not.toMatch(/name="insurance_review" value="[^"]+" checked/);
    // An unchanged question of the same section was copied.
    expect(section.text).toMatch(/name="risk_review" value="[^"]+" checked/);

    const tasks = await consultant.get(newBase).expect(200);
    expect(tasks.text).toContain(html(t('reassess.notice.lead', { date: '3 November 2025', version: '1.0' })));
    expect(tasks.text).toMatch(/\d+ earlier answers were not copied: their questions changed or are no longer asked\./);
    expect(tasks.text).toContain(`href="${newBase}/answers-to-check"`);

    const check = await consultant.get(`${newBase}/answers-to-check`).expect(200);
    const group = (id: string) => new RegExp(`<section aria-labelledby="group-${id}">([\\s\\S]*?)</section>`).exec(check.text)?.[1] ?? '';
    const item = /<li class="check-list__item" id="check-insurance_review">([\s\S]*?)<\/li>/.exec(group('again'))?.[1] ?? '';
    expect(item).toContain(html(t(messageKeys.questionText('2.0', 'insurance_review'))));
    expect(item).toContain(html(t(messageKeys.optionLabel('1.0', 'insurance_review', 'checked_covered'))));
    expect(item).toContain('Policy renewed in January');
    expect(item).toContain(t('reassess.check.notAnswered'));
    expect(item).toContain(`href="${newBase}/sections/risk_assessment#question-insurance_review"`);
    const removed = /<li class="check-list__item" id="check-site_locations">([\s\S]*?)<\/li>/.exec(group('removed'))?.[1] ?? '';
    expect(removed).toContain(html(t(messageKeys.questionText('1.0', 'site_locations'))));
    expect(removed).toContain(html(t(messageKeys.optionLabel('1.0', 'site_locations', 'capital_city'))));
    expect(removed).toContain('Depot in Rustavi');
    expect(removed).not.toContain('href=');

    // Comparing 1.0 with the unfinished 2.0 re-assessment: answers only, and it says why.
    const compared = await consultant.get(`${clientPath}/compare?earlier=${oldId}&later=${idOf(newBase)}`).expect(200);
    expect(compared.text).toContain('Ratings and actions are compared once both assessments are finished.');
    expect(compared.text).toContain(html(t('compare.answers.questionChanged', { earlier: '1.0', later: '2.0' })));
    expect(compared.text).toContain(t('compare.answers.onlyEarlier', { version: '2.0' }));
  });

  it('makes one re-assessment of a double-submitted form, and another one only once the first is a while old', async () => {
    const { app, database } = running();
    const consultant = await signedInAs(app, database, 'nino@crp.example', 'consultant');
    const first = await startAssessmentOf(consultant, await addClient(consultant, { name: 'Kartli Trans' }));
    const token = csrfTokenFrom((await consultant.get(first).expect(200)).text);

    // A double click, and a few more impatient ones, all in flight at once.
    const clicks = await Promise.all([1, 2, 3, 4].map(() => postReassessment(consultant, first, token)));
    expect(clicks.map((click) => click.status)).toEqual([303, 303, 303, 303]);
    const [a] = clicks as [(typeof clicks)[number]];
    expect(new Set(clicks.map(locationOf))).toEqual(new Set([locationOf(a)]));
    const again = await postReassessment(consultant, first, token);
    expect(locationOf(again)).toBe(locationOf(a));
    expect(await reassessmentsOf(database, idOf(first))).toEqual([idOf(locationOf(a))]);

    // The task list names the re-assessment already made, so nobody starts another by mistake.
    expect((await consultant.get(first).expect(200)).text).toContain(`href="${pathOf(locationOf(a))}"`);
    await database.db.updateTable('assessments').set({ created_at: '2026-01-01T00:00:00.000Z' }).where('id', '=', idOf(locationOf(a))).execute();
    const later = await postReassessment(consultant, first, token);
    expect(locationOf(later)).not.toBe(locationOf(a));
    expect(await reassessmentsOf(database, idOf(first))).toHaveLength(2);

    // Without the form token nothing is made.
    const forged = await consultant.post(`${first}/reassessment`).type('form').send(formBody({}));
    expect(forged.status).toBe(403);
    expect(await reassessmentsOf(database, idOf(first))).toHaveLength(2);
  });

  it('gives the same 404 for another firm’s ids, two clients’ assessments mixed, unknown ids, and a compliance user’s re-assessment', async () => {
    const { app, database } = running();
    const consultant = await signedInAs(app, database, 'nino@crp.example', 'consultant');
    const kartli = await addClient(consultant, { name: 'Kartli Trans' });
    const sheki = await addClient(consultant, { name: 'Sheki Silk' });
    const first = await startAssessmentOf(consultant, kartli);
    await walkAllSections(consultant, valuesOf(answersOf(currentQuestionnaire, haulierWithNoMeasures)), first);
    const second = await reassess(consultant, first);
    const shekiAssessment = await startAssessmentOf(consultant, sheki);
    const compare = (clientPath: string, earlier: string, later: string) => `${clientPath}/compare?earlier=${idOf(earlier)}&later=${idOf(later)}`;
    await consultant.get(compare(kartli, first, second)).expect(200);

    const notFound = async (agent: Agent, path: string) => {
      const answer = await agent.get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.text).not.toContain('Kartli');
    };
    // Two clients' assessments mixed, under either client, and an unknown id.
    await notFound(consultant, compare(kartli, first, shekiAssessment));
    await notFound(consultant, compare(sheki, first, shekiAssessment));
    await notFound(consultant, compare(kartli, first, '/assessments/00000000-0000-4000-8000-000000000000'));

    const stranger = await signedInAs(app, database, 'aysel@bag.example', 'consultant', OTHER_FIRM);
    const strangerClient = await addClient(stranger, { name: 'Ganja Grain' });
    const strangerAssessment = await startAssessmentOf(stranger, strangerClient);
    await notFound(stranger, compare(kartli, first, second));
    await notFound(stranger, compare(strangerClient, first, second));
    await notFound(stranger, compare(strangerClient, strangerAssessment, first));
    await notFound(stranger, `${second}/answers-to-check`);
    await notFound(consultant, compare(strangerClient, strangerAssessment, first));
    const strangerToken = csrfTokenFrom((await stranger.get(strangerAssessment).expect(200)).text);
    expect((await postReassessment(stranger, first, strangerToken)).status).toBe(404);
    // Not a re-assessment: no answers to check.
    await notFound(consultant, `${first}/answers-to-check`);

    const compliance = await signedInAs(app, database, 'lela@crp.example', 'compliance');
    const comparedByCompliance = await compliance.get(compare(kartli, first, second)).expect(200);
    expect(comparedByCompliance.text).toContain(t('compare.ratings.title'));
    expect((await compliance.get(kartli).expect(200)).text).toContain('Compare with the previous one');
    const complianceTasks = await compliance.get(first).expect(200);
    expect(complianceTasks.text).not.toContain(t('reassess.start.button'));
    expect((await postReassessment(compliance, first, csrfTokenFrom(complianceTasks.text))).status).toBe(404);
    expect(await reassessmentsOf(database, idOf(first))).toEqual([idOf(second)]);
    const checkByCompliance = await compliance.get(`${second}/answers-to-check`).expect(200);
    expect(checkByCompliance.text).not.toContain('/sections/');

    const visitor = newAgent(app);
    const signedOut = await visitor.get(compare(kartli, first, second));
    expect(signedOut.status).toBe(303);
    expect(pathOf(locationOf(signedOut))).toBe('/sign-in');
  });
});
