import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/catalogue.js';
import { messageKeys } from '../../src/questionnaire/messageKeys.js';
import { questionnaireV1 } from '../../src/questionnaire/v1/index.js';
import { relevantSections } from '../../src/questionnaire/visibility.js';
import { createAssessmentRepository } from '../../src/repositories/assessmentRepository.js';
import { scoreAssessment } from '../../src/scoring/scoreAssessment.js';
import { hashResumeToken, newResumeToken } from '../../src/services/resumeTokens.js';
import { answersOf } from '../fixtures/answerBuilder.js';
import { useFreshApp } from '../support/lifecycle.js';
import { answersFor, everyExposureProfile, newAgent, openResumeLink, postSection, startAssessment } from '../support/walk.js';

/*
 * Questionnaire versions side by side: an assessment stored on 1.0 keeps opening, scoring and
 * rendering as 1.0 while new ones start on 2.0; and the impact analysis refuses a recovery time
 * target that is not shorter than the tolerable outage, keeping what was typed.
 */

const run = promisify(execFile);
const t = createTranslator('en');

describe('questionnaire versions', () => {
  const app = useFreshApp();

  it('given an assessment stored on 1.0, opens its results and PDF on 1.0 with 1.0 scores', async () => {
    const repository = createAssessmentRepository(app().database.db);
    const id = '00000000-0000-4000-8000-000000000010';
    const token = newResumeToken();
    const now = '2026-06-01T10:00:00.000Z';
    await repository.create({ id, questionnaireVersion: '1.0', tokenHash: hashResumeToken(token), now });
    const answers = answersOf(questionnaireV1, {
      answers: { company_name: 'Old Answers LLC', countries: ['georgia'], cross_border: 'yes', critical_it: 'essential' },
      measures: 'none',
    });
    for (const section of relevantSections(questionnaireV1, answers)) {
      const own = Object.fromEntries(section.questions.filter((q) => answers[q.id]).map((q) => [q.id, answers[q.id]!]));
      await repository.saveSection({
        assessmentId: id,
        sectionId: section.id,
        questionIds: section.questions.map((q) => q.id),
        answers: own,
        status: 'completed',
        now,
        expectedRevision: 0,
        // Written straight to storage: a first save of each section (nothing answered before), by nobody to name.
        previous: {},
        changedBy: null,
      });
    }

    const agent = newAgent(app().app);
    expect((await openResumeLink(agent, token)).status).toBe(303);
    const results = await agent.get('/assessment/results').expect(200);
    const register = scoreAssessment(questionnaireV1, answers);
    expect(results.text).toContain(t(`band.${register.overallBand}`));
    for (const s of register.scenarios) expect(results.text).toContain(t(messageKeys.scenarioTitle('1.0', s.scenarioId)));
    expect(results.text).not.toContain(t(messageKeys.scenarioTitle('2.0', 'road_cargo')));

    const pdf = await agent.get('/assessment/report.pdf').buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'riskplan-v1-'));
    try {
      const file = path.join(dir, 'report.pdf');
      await writeFile(file, pdf.body as Buffer);
      const { stdout } = await run('pdftotext', ['-raw', file, '-']);
      expect(stdout).toContain('Questionnaire 1.0');
      expect(stdout).toContain('Old Answers LLC');
      expect(stdout).not.toContain('Included because');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('given a new assessment, starts it on 2.0 with the impact analysis after the profile', async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    const rows = await app().database.db.selectFrom('assessments').select('questionnaire_version').execute();
    expect(rows.map((row) => row.questionnaire_version)).toEqual(['2.0']);
    await postSection(agent, 'profile', answersFor('profile', {}, { ...everyExposureProfile, critical_activity_count: 'two' }));
    const tasks = await agent.get('/assessment').expect(200);
    expect(tasks.text).toContain('href="/assessment/sections/activity_1"');
    expect(tasks.text).toContain('href="/assessment/sections/activity_2"');
    // Sections for activities the business does not have are not listed at all.
    expect(tasks.text).not.toContain('Critical activity 3');
  });

  it('given a recovery time target not shorter than the tolerable outage, says so and keeps what was typed', async () => {
    const agent = newAgent(app().app);
    await startAssessment(agent);
    await postSection(agent, 'profile', answersFor('profile', {}, everyExposureProfile));
    const response = await postSection(agent, 'activity_1', {
      activity_1_name: 'Dispatch orders to customers',
      activity_1_outage: 'day_1',
      activity_1_recovery: 'days_3',
      activity_1_needs: ['it_systems', 'transport'],
      activity_1_workaround: 'none',
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('Choose a recovery time target shorter than the tolerable outage');
    expect(response.text).toContain('href="#activity_1_recovery"');
    expect(response.text).toContain('value="Dispatch orders to customers"');
    expect(response.text).toMatch(/value="days_3"[^>]*checked/);
    const stored = await app().database.db.selectFrom('answers').select('question_id').where('question_id', 'like', 'activity_1%').execute();
    expect(stored).toEqual([]);

    const fixed = await postSection(agent, 'activity_1', {
      activity_1_name: 'Dispatch orders to customers',
      activity_1_outage: 'day_1',
      activity_1_recovery: 'hours_4',
      activity_1_needs: ['it_systems', 'transport'],
      activity_1_workaround: 'none',
    });
    expect(fixed.status).toBe(303);
  });
});
