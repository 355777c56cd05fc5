import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { AnswerChangesTable } from '../../src/db/schema.js';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { messageKeys } from '../../src/questionnaire/messageKeys.js';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import { createAssessmentRepository } from '../../src/repositories/assessmentRepository.js';
import { createAssessmentService } from '../../src/services/assessmentService.js';
import { purgeExpiredData } from '../../src/services/retention.js';
import { sampleAnswer, sectionOf } from '../support/forms.js';
import { useFreshApp } from '../support/lifecycle.js';
import { addClient, createLink, FIRM, OTHER_FIRM, signedInAs, startAssessmentOf, tableRows } from '../support/practice.js';
import { idOf, reassess } from '../support/reassessment.js';
import { testStore } from '../support/testApp.js';
import { ANONYMOUS_BASE, answersFor, everyExposureProfile, newAgent, postSection, startAssessment, submitSection, walkAllSections } from '../support/walk.js';

const t = createTranslator('en');
const version = currentQuestionnaire.version;
const questionText = (id: string) => t(messageKeys.questionText(version, id));
const optionLabel = (questionId: string, value: string) => t(messageKeys.optionLabel(version, questionId, value));
const sectionTitle = (id: string) => t(messageKeys.sectionTitle(version, id));

type ChangeRow = AnswerChangesTable;

/** The assessment's history rows as stored, oldest first. */
async function changesOf(database: Database, assessmentId: string): Promise<ChangeRow[]> {
  return database.db.selectFrom('answer_changes').selectAll().where('assessment_id', '=', assessmentId).orderBy('changed_at').orderBy('id').execute();
}

/** The id of the only anonymous assessment in a fresh store. */
async function onlyAnonymousId(database: Database): Promise<string> {
  const rows = await database.db.selectFrom('assessments').select('id').where('organisation_id', 'is', null).execute();
  expect(rows).toHaveLength(1);
  return rows[0]?.id ?? '';
}

/** What a save leaves in the history for an answer: its value (and note), or null for none. */
const stored = (value: string | string[], note?: string) => JSON.stringify(note === undefined ? { value } : { value, note });

/** The profile as walkAllSections answered it, with `overrides`. */
function profileWith(overrides: Readonly<Record<string, string | string[]>>): Record<string, string | string[]> {
  return { ...answersFor('profile', {}, everyExposureProfile), ...overrides };
}

describe(`the history of an assessment's answers (${testStore})`, () => {
  const app = useFreshApp();

  it('records each first answer of a walk, nothing for an answer saved again unchanged, and exactly one row for one changed answer', async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    const { answers } = await walkAllSections(agent);
    const id = await onlyAnonymousId(app().database);

    const afterWalk = await changesOf(app().database, id);
    expect(afterWalk).toHaveLength(Object.keys(answers).length);
    expect(afterWalk.every((row) => row.old_value_json === null && row.new_value_json !== null)).toBe(true);
    expect(afterWalk.every((row) => row.changed_by_user_id === null && row.changed_by_name === null)).toBe(true);
    const companyRow = afterWalk.find((row) => row.question_id === 'company_name');
    expect(companyRow?.new_value_json).toBe(stored('Kartli Logistics LLC'));

    // The same answers again: the save goes through and the history does not grow.
    expect((await postSection(agent, 'profile', profileWith({}))).status).toBe(303);
    expect(await changesOf(app().database, id)).toHaveLength(afterWalk.length);

    // One answer changed: one row, with what it was and what it is.
    expect((await postSection(agent, 'profile', profileWith({ sector: 'finance' }))).status).toBe(303);
    const afterChange = await changesOf(app().database, id);
    expect(afterChange).toHaveLength(afterWalk.length + 1);
    const change = afterChange.at(-1);
    expect(change).toMatchObject({ question_id: 'sector', old_value_json: stored('energy'), new_value_json: stored('finance'), changed_by_user_id: null });

    // A note is part of the answer: adding one is a change of that answer only.
    expect((await postSection(agent, 'profile', profileWith({ sector: 'finance', sector__note: 'Mostly bank branches' }))).status).toBe(303);
    const afterNote = await changesOf(app().database, id);
    expect(afterNote).toHaveLength(afterWalk.length + 2);
    expect(afterNote.at(-1)).toMatchObject({ question_id: 'sector', old_value_json: stored('finance'), new_value_json: stored('finance', 'Mostly bank branches') });
  });

  it('records an answer dropped because a changed answer hides its question as a change to no answer, and a stale save as nothing', async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    const profile = { ...everyExposureProfile, staff_expatriate: 'from_1_to_4' };
    await walkAllSections(agent, profile);
    const id = await onlyAnonymousId(app().database);
    const evacuation = (await changesOf(app().database, id)).find((row) => row.question_id === 'expatriate_evacuation');
    expect(evacuation?.new_value_json).not.toBeNull();

    expect((await postSection(agent, 'profile', profileWith({ staff_expatriate: 'none' }))).status).toBe(303);
    const contingency = sectionOf(currentQuestionnaire, 'contingency');
    const page = await agent.get(`${ANONYMOUS_BASE}/sections/${contingency.id}`).expect(200);
    expect(page.text).not.toContain('name="expatriate_evacuation"');
    const stale = await agent.get(`${ANONYMOUS_BASE}/sections/${contingency.id}`).expect(200);
    expect((await submitSection(agent, contingency.id, page.text, answersFor(contingency.id, { staff_expatriate: { value: 'none' } }))).status).toBe(303);

    const rows = await changesOf(app().database, id);
    const dropped = rows.filter((row) => row.question_id === 'expatriate_evacuation');
    expect(dropped).toHaveLength(2);
    expect(dropped[1]).toMatchObject({ old_value_json: evacuation?.new_value_json, new_value_json: null });

    // A save refused as stale changes nothing, so it records nothing.
    const refused = await submitSection(agent, contingency.id, stale.text, answersFor(contingency.id, {}));
    expect(refused.status).toBe(409);
    expect(await changesOf(app().database, id)).toHaveLength(rows.length);

    const history = await agent.get(`${ANONYMOUS_BASE}/history`).expect(200);
    const newest = tableRows(history.text)[0] ?? '';
    expect(newest).toContain(questionText('expatriate_evacuation'));
    expect(newest).toMatch(/no answer$/);
  });

  it("records only the winner's changes of two saves sent at the same moment, against the answers it replaced", async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    expect((await postSection(agent, 'profile', profileWith({}))).status).toBe(303);
    const id = await onlyAnonymousId(app().database);
    const before = (await changesOf(app().database, id)).length;
    const page = await agent.get(`${ANONYMOUS_BASE}/sections/profile`).expect(200);
    const [a, b] = await Promise.all([
      submitSection(agent, 'profile', page.text, profileWith({ company_name: 'Racer A' })),
      submitSection(agent, 'profile', page.text, profileWith({ company_name: 'Racer B', sites: 'six_or_more' })),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    const rows = (await changesOf(app().database, id)).slice(before);
    const winner = a.status === 303 ? [{ question_id: 'company_name', new_value_json: stored('Racer A') }] : [
      { question_id: 'company_name', new_value_json: stored('Racer B') },
      { question_id: 'sites', new_value_json: stored('six_or_more') },
    ];
    expect(rows).toMatchObject(winner);
    expect(rows[0]?.old_value_json).toBe(stored('Kartli Logistics LLC'));
  });

  it('lists the changes newest first, in words, twenty a page, linked from the check and results pages', async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    const { answers } = await walkAllSections(agent);
    expect((await postSection(agent, 'profile', profileWith({ sector: 'finance' }))).status).toBe(303);
    const total = Object.keys(answers).length + 1;

    const check = await agent.get(`${ANONYMOUS_BASE}/check`).expect(200);
    expect(check.text).toContain(`href="${ANONYMOUS_BASE}/history"`);
    const results = await agent.get(`${ANONYMOUS_BASE}/results`).expect(200);
    expect(results.text).toContain(`href="${ANONYMOUS_BASE}/history">History of changes</a>`);

    const first = await agent.get(`${ANONYMOUS_BASE}/history`).expect(200);
    expect(first.headers['cache-control']).toContain('no-store');
    expect(first.text).toContain('<title>History of changes');
    expect(first.text).toContain('Holder of the resume link');
    const rows = tableRows(first.text);
    expect(rows).toHaveLength(20);
    // Newest first: the changed sector, in the words the user chose, with its section's name.
    expect(rows[0]).toContain(questionText('sector'));
    expect(rows[0]).toContain(sectionTitle('profile'));
    expect(rows[0]).toContain(`${optionLabel('sector', 'energy')} ${optionLabel('sector', 'finance')}`);
    expect(rows[0]).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} UTC Holder of the resume link/);
    expect(first.text).not.toContain('{&#34;value&#34;');
    // Then the walk's last section, whose answers had none before.
    const lastSection = currentQuestionnaire.sections.filter((s) => s.questions.some((q) => answers[q.id])).at(-1);
    expect(rows[1]).toContain(sectionTitle(lastSection?.id ?? ''));
    expect(rows[1]).toMatch(/ no answer /);
    expect(first.text).toContain(`Showing 1 to 20 of ${total}`);
    expect(first.text).toContain(`href="${ANONYMOUS_BASE}/history?page=2" rel="next"`);
    expect(first.text).not.toContain('rel="prev"');

    const lastPage = Math.ceil(total / 20);
    const last = await agent.get(`${ANONYMOUS_BASE}/history?page=${lastPage}`).expect(200);
    expect(tableRows(last.text)).toHaveLength(total - (lastPage - 1) * 20);
    expect(last.text).not.toContain('rel="next"');
    // Every change once across the pages, and at the end the oldest save, the profile's first,
    // with its changes in the order of its questions.
    const seen: string[] = [];
    for (let page = 1; page <= lastPage; page += 1) seen.push(...tableRows((await agent.get(`${ANONYMOUS_BASE}/history?page=${page}`).expect(200)).text));
    expect(seen).toHaveLength(total);
    const profileQuestions = sectionOf(currentQuestionnaire, 'profile').questions.map((q) => questionText(q.id));
    const oldest = seen.slice(-profileQuestions.length);
    expect(oldest.map((row) => profileQuestions.findIndex((text) => row.includes(text)))).toEqual(profileQuestions.map((_, index) => index));
    expect(oldest[0]).toContain('Kartli Logistics LLC');

    // A garbled page number is the first page; one past the end lists nothing but leads back.
    expect(tableRows((await agent.get(`${ANONYMOUS_BASE}/history?page=abc`).expect(200)).text)).toEqual(rows);
    const beyond = await agent.get(`${ANONYMOUS_BASE}/history?page=${lastPage + 3}`).expect(200);
    expect(beyond.text).toContain(`There are fewer changes than this page number. <a href="${ANONYMOUS_BASE}/history">`);
  });

  it('says so when nothing has changed yet, and gives another browser the same 404 as the other pages', async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    const empty = await agent.get(`${ANONYMOUS_BASE}/history`).expect(200);
    expect(empty.text).toContain('No answer has been changed yet.');

    const stranger = newAgent(app().app);
    const checkPage = await stranger.get(`${ANONYMOUS_BASE}/check`).expect(404);
    const historyPage = await stranger.get(`${ANONYMOUS_BASE}/history`).expect(404);
    expect(historyPage.text).toBe(checkPage.text);
    // An anonymous assessment's id under a firm's base: the same 404 as for any id not the firm's.
    const id = await onlyAnonymousId(app().database);
    const consultant = await signedInAs(app().app, app().database, 'nino@crp.example', 'consultant');
    const unknown = await consultant.get('/assessments/00000000-0000-4000-8000-000000000000/check').expect(404);
    expect((await consultant.get(`/assessments/${id}/history`).expect(404)).text).toBe(unknown.text);
  });

  it("names the signed-in user who changed an answer of a firm's assessment, shows it to every role of the firm and to no one else", async () => {
    const consultant = await signedInAs(app().app, app().database, 'nino@crp.example', 'consultant', FIRM, 'Nino Beridze');
    const base = await startAssessmentOf(consultant, await addClient(consultant, { name: 'Kartli Logistics' }));
    await walkAllSections(consultant, everyExposureProfile, base);
    const colleague = await signedInAs(app().app, app().database, 'giorgi@crp.example', 'consultant', FIRM, 'Giorgi Kapanadze');
    expect((await postSection(colleague, 'profile', profileWith({ sites: 'six_or_more' }), 'continue', base)).status).toBe(303);

    const rows = await changesOf(app().database, idOf(base));
    expect(rows.filter((row) => row.changed_by_name === 'Nino Beridze').length).toBe(rows.length - 1);
    expect(rows.at(-1)).toMatchObject({ question_id: 'sites', changed_by_name: 'Giorgi Kapanadze', old_value_json: stored('one'), new_value_json: stored('six_or_more') });
    expect(rows.at(-1)?.changed_by_user_id).toBeTruthy();

    // Each reader sees their own changes as "You" and the others' by name.
    const own = tableRows((await colleague.get(`${base}/history`).expect(200)).text);
    expect(own[0]).toContain(' You ');
    expect(own[1]).toContain('Nino Beridze');
    const theirs = tableRows((await consultant.get(`${base}/history`).expect(200)).text);
    expect(theirs[0]).toContain('Giorgi Kapanadze');
    expect(theirs[1]).toContain(' You ');

    const compliance = await signedInAs(app().app, app().database, 'tamar@crp.example', 'compliance', FIRM, 'Tamar Lomidze');
    const read = await compliance.get(`${base}/history`).expect(200);
    expect(tableRows(read.text)[0]).toContain('Giorgi Kapanadze');
    expect(read.text).not.toContain('Holder of the resume link');
    const admin = await signedInAs(app().app, app().database, 'admin@crp.example', 'admin', FIRM, 'Ana Admin');
    await admin.get(`${base}/history`).expect(200);

    // Another firm, a signed-out browser and a client's read-only link: the same refusals as elsewhere.
    const other = await signedInAs(app().app, app().database, 'leyla@bag.example', 'admin', OTHER_FIRM);
    const otherCheck = await other.get(`${base}/check`).expect(404);
    expect((await other.get(`${base}/history`).expect(404)).text).toBe(otherCheck.text);
    const signedOut = await newAgent(app().app).get(`${base}/history`).expect(303);
    expect(signedOut.headers.location).toBe(`/sign-in?next=${encodeURIComponent(`${base}/history`)}`);
    const link = await createLink(consultant, base);
    const client = newAgent(app().app);
    const sharedResults = await client.get(`${link.shared}/results`).expect(200);
    expect(sharedResults.text).not.toContain('/history');
    const sharedUnknown = await client.get(`${link.shared}/nothing-here`).expect(404);
    expect((await client.get(`${link.shared}/history`).expect(404)).text).toBe(sharedUnknown.text);
  });

  it("starts a re-assessment's history empty (copying is not a change) and records its changes from there", async () => {
    const consultant = await signedInAs(app().app, app().database, 'nino@crp.example', 'consultant', FIRM, 'Nino Beridze');
    const first = await startAssessmentOf(consultant, await addClient(consultant, { name: 'Kartli Logistics' }));
    await walkAllSections(consultant, everyExposureProfile, first);
    const before = await changesOf(app().database, idOf(first));
    const second = await reassess(consultant, first);
    expect(await changesOf(app().database, idOf(second))).toEqual([]);
    const empty = await consultant.get(`${second}/history`).expect(200);
    expect(empty.text).toContain('No answer has been changed yet.');
    expect(empty.text).toContain('the answers it copies from the earlier assessment are not listed here');

    // Confirming a copied section unchanged records nothing; a change records one row.
    expect((await postSection(consultant, 'profile', profileWith({}), 'continue', second)).status).toBe(303);
    expect(await changesOf(app().database, idOf(second))).toEqual([]);
    expect((await postSection(consultant, 'profile', profileWith({ sites: 'two_to_five' }), 'continue', second)).status).toBe(303);
    const rows = await changesOf(app().database, idOf(second));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ question_id: 'sites', old_value_json: stored('one'), new_value_json: stored('two_to_five'), changed_by_name: 'Nino Beridze' });
    // The earlier assessment's history is its own and unchanged.
    expect(await changesOf(app().database, idOf(first))).toEqual(before);
  });

  it("keeps at most the newest N rows of an anonymous assessment's history (a firm's are all kept) and deletes them with the assessment", async () => {
    const limit = 5;
    const service = createAssessmentService(createAssessmentRepository(app().database.db), undefined, undefined, limit);
    const profile = sectionOf(currentQuestionnaire, 'profile');
    /** Saves the profile with `sites` flipped: one change each time, after the first save. */
    async function flipSites(assessmentId: string, times: number): Promise<void> {
      for (let round = 0; round < times; round += 1) {
        const state = await service.load(assessmentId);
        const values = answersFor('profile', {}, { sites: round % 2 === 0 ? 'two_to_five' : 'one' });
        const answers = Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }]));
        const saved = await service.saveSection(state, profile, answers, 'continue', state.sectionRevisions.profile ?? 0);
        expect(saved.outcome).toBe('saved');
      }
    }

    const agent = newAgent(app().app);
    await startAssessment(agent);
    const anonymousId = await onlyAnonymousId(app().database);
    await flipSites(anonymousId, 12);
    const kept = await changesOf(app().database, anonymousId);
    expect(kept).toHaveLength(limit);
    // The newest: the last flips of `sites`, the first answers long gone.
    expect(kept.every((row) => row.question_id === 'sites' && row.old_value_json !== null)).toBe(true);
    expect(kept.at(-1)).toMatchObject({ old_value_json: stored('two_to_five'), new_value_json: stored('one') });

    // A save may skip trimming only while the history cannot yet outgrow the limit: with room for
    // a save and a half of every profile answer changed, the second such save trims.
    const roomier = createAssessmentService(createAssessmentRepository(app().database.db), undefined, undefined, Math.round(profile.questions.length * 1.5));
    const secondAgent = newAgent(app().app);
    await startAssessment(secondAgent);
    const secondId = (await app().database.db.selectFrom('assessments').select('id').where('id', '!=', anonymousId).executeTakeFirstOrThrow()).id;
    const otherChoice = (question: (typeof profile.questions)[number]) => question.options?.[1]?.value ?? 'Changed text';
    for (let round = 0; round < 4; round += 1) {
      const state = await roomier.load(secondId);
      const answers = Object.fromEntries(
        profile.questions.map((question) => {
          const value = round % 2 === 0 ? sampleAnswer(question) : question.type === 'checkboxes' ? [otherChoice(question)] : otherChoice(question);
          return [question.id, { value }];
        }),
      );
      expect((await roomier.saveSection(state, profile, answers, 'later', state.sectionRevisions.profile ?? 0)).outcome).toBe('saved');
      expect(await changesOf(app().database, secondId)).toHaveLength(Math.min((round + 1) * profile.questions.length, Math.round(profile.questions.length * 1.5)));
    }

    const consultant = await signedInAs(app().app, app().database, 'nino@crp.example', 'consultant');
    const base = await startAssessmentOf(consultant, await addClient(consultant, { name: 'Kartli Logistics' }));
    await flipSites(idOf(base), 12);
    expect(await changesOf(app().database, idOf(base))).toHaveLength(profile.questions.length - 1 + 12);

    // The clean-up deletes the abandoned anonymous assessment, and its history with it.
    const later = new Date(Date.now() + 31 * 24 * 60 * 60 * 1000);
    expect((await purgeExpiredData(app().database.db, { abandonedAssessmentDays: 30, issuedReportRetentionYears: 7 }, { now: later })).abandonedAssessments).toBe(2);
    expect(await changesOf(app().database, anonymousId)).toEqual([]);
    expect(await changesOf(app().database, idOf(base))).not.toEqual([]);
  });
});
