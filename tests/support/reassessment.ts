import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import type { Answers, StoredAnswer } from '../../src/questionnaire/types.js';
import { questionnaireV1 } from '../../src/questionnaire/v1/index.js';
import { isSectionRelevant } from '../../src/questionnaire/visibility.js';
import { createAssessmentRepository } from '../../src/repositories/assessmentRepository.js';
import { actionPlanFieldName } from '../../src/web/forms/actionPlanForm.js';
import { answersOf } from '../fixtures/answerBuilder.js';
import { haulierWithEveryMeasure } from '../fixtures/personas.js';
import { csrfTokenFrom, formBody, locationOf, pathOf } from './forms.js';
import type { Agent } from './walk.js';

/** Helpers for re-assessments: answer sets, the forms that start one or change a plan, an assessment on questionnaire 1.0. */

export function valuesOf(answers: Answers): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(answers).map(([id, answer]) => [id, answer.value]));
}

export function idOf(base: string): string {
  return base.split('/').pop() ?? '';
}

/** The haulier with every measure in place, except phishing training (so that action stays recommended). */
export function betterHaulierAnswers(): Answers {
  const phishing = currentQuestionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === 'phishing_training');
  const none = phishing?.options?.find((option) => option.credit === 'none')?.value ?? '';
  return answersOf(currentQuestionnaire, { ...haulierWithEveryMeasure, answers: { ...haulierWithEveryMeasure.answers, phishing_training: none } });
}


/** Posts the "start a re-assessment" form from the assessment's task list; returns the response. */
export async function postReassessment(agent: Agent, base: string, token?: string) {
  const csrf = token ?? csrfTokenFrom((await agent.get(base).expect(200)).text);
  return agent.post(`${base}/reassessment`).type('form').send(formBody({ _csrf: csrf }));
}

/** Starts a re-assessment and returns its base path. */
export async function reassess(agent: Agent, base: string): Promise<string> {
  const started = await postReassessment(agent, base);
  expect(started.status).toBe(303);
  return pathOf(locationOf(started));
}

/** Changes some fields of the action plan as the form does. */
export async function changePlan(agent: Agent, base: string, actions: Readonly<Record<string, { owner?: string; status?: string }>>): Promise<void> {
  const page = await agent.get(`${base}/actions`).expect(200);
  const fields: Record<string, string> = { _csrf: csrfTokenFrom(page.text) };
  for (const [actionId, change] of Object.entries(actions)) {
    if (change.owner !== undefined) fields[actionPlanFieldName('owner', actionId)] = change.owner;
    if (change.status !== undefined) fields[actionPlanFieldName('status', actionId)] = change.status;
  }
  const saved = await agent.post(`${base}/actions`).type('form').send(formBody(fields));
  expect(saved.status, saved.text.slice(0, 300)).toBe(303);
}


/** A questionnaire 1.0 assessment of the client, answered and completed, written as the 1.0 walk stored it. */
export async function assessmentOnVersion1(database: Database, owner: { organisationId: string; clientId: string; createdByUserId: string }, extra: Readonly<Record<string, StoredAnswer>>): Promise<string> {
  const repository = createAssessmentRepository(database.db);
  const id = randomUUID();
  await repository.create({ id, questionnaireVersion: '1.0', owner, now: '2025-11-03T09:00:00.000Z' });
  const answers: Answers = {
    ...answersOf(questionnaireV1, { answers: { company_name: 'Kartli Trans LLC', countries: ['georgia', 'azerbaijan'], cross_border: 'yes' }, measures: 'none' }),
    ...extra,
  };
  for (const section of questionnaireV1.sections) {
    if (!isSectionRelevant(section, answers)) continue;
    const sectionAnswers = Object.fromEntries(section.questions.flatMap((q) => (answers[q.id] ? [[q.id, answers[q.id] as StoredAnswer]] : [])));
    const outcome = await repository.saveSection({
      assessmentId: id,
      sectionId: section.id,
      questionIds: section.questions.map((q) => q.id),
      answers: sectionAnswers,
      status: 'completed',
      now: '2025-11-03T10:00:00.000Z',
      expectedRevision: 0,
      // Written straight to storage: a first save of each section (nothing answered before), by nobody to name.
      previous: {},
      changedBy: null,
    });
    expect(outcome).toBe('saved');
  }
  return id;
}
