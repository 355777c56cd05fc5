import type { Response } from 'supertest';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import type { Answers } from '../../src/questionnaire/types.js';
import { csrfTokenFrom, formBody } from './forms.js';
import { answersFor, ANONYMOUS_BASE, binary, everyExposureProfile, postSection, type Agent } from './walk.js';

/** Presses "Issue the final report" on the results page of the assessment at `base`; returns the post's response. */
export async function issueReport(agent: Agent, base = ANONYMOUS_BASE): Promise<Response> {
  const results = await agent.get(`${base}/results`).expect(200);
  return agent.post(`${base}/issue`).type('form').send(formBody({ _csrf: csrfTokenFrom(results.text) }));
}

/** The issue id a successful issue's redirect points at (`<base>/issued?notice=…#issue-<id>`). */
export function issueIdFrom(response: Response): string {
  const location = String(response.headers.location ?? '');
  const id = /#issue-([0-9a-f-]+)$/.exec(location)?.[1];
  if (!id) throw new Error(`Expected a redirect to an issue, got ${response.status} ${location}`);
  return id;
}

/** Downloads an issued report's PDF as this browser; the body is its bytes. */
export function downloadIssued(agent: Agent, issueId: string, base = ANONYMOUS_BASE) {
  return agent.get(`${base}/issued/${issueId}.pdf`).buffer(true).parse(binary);
}

/** Saves the first section (the business profile) again with another company name: a change the report shows. */
export async function renameCompany(agent: Agent, answers: Answers, companyName: string, base = ANONYMOUS_BASE): Promise<void> {
  const profile = currentQuestionnaire.sections[0]?.id ?? '';
  const saved = await postSection(agent, profile, answersFor(profile, answers, { ...everyExposureProfile, company_name: companyName }), 'continue', base);
  if (saved.status !== 303) throw new Error(`Saving the profile gave ${saved.status}`);
}
