import request from 'supertest';
import type { Express } from 'express';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import type { Answers, StoredAnswer } from '../../src/questionnaire/types.js';
import { shownQuestions } from '../../src/questionnaire/visibility.js';
import { csrfTokenFrom, formBody, hiddenFieldsFrom, locationOf, pathOf, resumeLinkFrom, sampleAnswer, sectionOf } from './forms.js';

export type Agent = ReturnType<typeof request.agent>;

/** Profile answers that make every exposure section relevant. */
export const everyExposureProfile: Readonly<Record<string, string | string[]>> = {
  company_name: 'Kartli Logistics LLC',
  countries: ['georgia', 'azerbaijan'],
  cross_border: 'yes',
  road_transport: 'own_vehicles',
  energy_dependence: 'critical',
  uses_ports: 'directly',
  critical_activity_count: 'five',
};

export function newAgent(app: Express): Agent {
  return request.agent(app);
}

/** Starts an assessment in this agent's session and returns its resume link. */
export async function startAssessment(agent: Agent): Promise<string> {
  const start = await agent.get('/').expect(200);
  const started = await agent.post('/assessments').type('form').send(formBody({ _csrf: csrfTokenFrom(start.text) })).expect(201);
  return resumeLinkFrom(started.text);
}

/**
 * Opens a resume link (a full URL or just its token) as a user would: the link shows what it
 * opens, and the user confirms on that page. Returns the confirming post's response (a 303 to
 * /assessment when it worked).
 */
export async function openResumeLink(agent: Agent, linkOrToken: string) {
  const token = linkOrToken.includes('/') ? (new URL(linkOrToken).pathname.split('/').pop() ?? '') : linkOrToken;
  const page = await agent.get(`/resume/${token}`).expect(200);
  return agent.post('/resume').type('form').send(formBody(hiddenFieldsFrom(page.text)));
}

/** Where an anonymous browser's assessment lives; a firm's is at `/assessments/<id>`. */
export const ANONYMOUS_BASE = '/assessment';

/** Fills a section as a user would, with the page's own hidden fields; returns the response. */
export async function postSection(agent: Agent, sectionId: string, fields: Readonly<Record<string, string | readonly string[]>>, action = 'continue', base = ANONYMOUS_BASE) {
  const page = await agent.get(`${base}/sections/${sectionId}`).expect(200);
  return submitSection(agent, sectionId, page.text, fields, action, base);
}

/** Submits a section form from a page fetched earlier (which may have gone stale). */
export function submitSection(
  agent: Agent,
  sectionId: string,
  pageHtml: string,
  fields: Readonly<Record<string, string | readonly string[]>>,
  action = 'continue',
  base = ANONYMOUS_BASE,
) {
  return agent
    .post(`${base}/sections/${sectionId}`)
    .type('form')
    .send(formBody({ ...hiddenFieldsFrom(pageHtml), action, ...fields }));
}

/** Valid answers for every question the section shows, with `overrides` taking precedence. */
export function answersFor(sectionId: string, known: Answers, overrides: Readonly<Record<string, string | string[]>> = {}): Record<string, string | string[]> {
  const section = sectionOf(currentQuestionnaire, sectionId);
  const fields: Record<string, string | string[]> = {};
  for (const question of shownQuestions(section, known)) fields[question.id] = overrides[question.id] ?? sampleAnswer(question);
  return fields;
}

/**
 * Walks from the first section to "check your answers", following the app's own redirects,
 * answering every shown question. Returns the answers sent and the sections visited in order.
 */
export async function walkAllSections(agent: Agent, profile = everyExposureProfile, base = ANONYMOUS_BASE): Promise<{ answers: Answers; visited: string[] }> {
  const known: Record<string, StoredAnswer> = {};
  const visited: string[] = [];
  let sectionId: string | undefined = currentQuestionnaire.sections[0]?.id;
  while (sectionId) {
    visited.push(sectionId);
    const fields = answersFor(sectionId, known, profile);
    const response = await postSection(agent, sectionId, fields, 'continue', base);
    if (response.status !== 303) throw new Error(`Saving ${sectionId} gave ${response.status}: ${response.text.slice(0, 500)}`);
    for (const [id, value] of Object.entries(fields)) known[id] = { value };
    const next = pathOf(locationOf(response));
    sectionId = next.startsWith(`${base}/sections/`) ? next.split('/').pop() : undefined;
    if (!sectionId && next !== `${base}/check`) throw new Error(`Unexpected redirect to ${next}`);
  }
  return { answers: known, visited };
}

/** A superagent parser that keeps a response body as bytes (a PDF), whatever its content type. */
export function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Downloads the report PDF as this browser; the body is the PDF's bytes. */
export function downloadPdf(agent: Agent, base = ANONYMOUS_BASE) {
  return agent.get(`${base}/report.pdf`).buffer(true).parse(binary);
}
