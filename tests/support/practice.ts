import type { Express } from 'express';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { UserRole } from '../../src/services/accountFields.js';
import { createUserDirectly, signIn } from './accounts.js';
import { csrfTokenFrom, formBody, locationOf, pathOf } from './forms.js';
import { newAgent, type Agent } from './walk.js';

/** The consulting firm most tests work for, and another one whose users must see none of its data. */
export const FIRM = 'Caucasus Risk Partners';
export const OTHER_FIRM = 'Baku Assurance Group';

/** Creates a user of the organisation (FIRM unless given) and signs a new browser in as them. */
export async function signedInAs(app: Express, database: Database, email: string, role: UserRole, organisationName = FIRM, displayName = email.split('@')[0] ?? email): Promise<Agent> {
  await createUserDirectly(database, { organisationName, email, role, displayName });
  const agent = newAgent(app);
  await signIn(agent, email);
  return agent;
}

/** Adds a client through the form; returns its page's path. */
export async function addClient(agent: Agent, fields: Readonly<Record<string, string>>): Promise<string> {
  const form = await agent.get('/clients/new').expect(200);
  const saved = await agent
    .post('/clients')
    .type('form')
    .send(formBody({ _csrf: csrfTokenFrom(form.text), country: 'GE_AZ', ...fields }));
  expect(saved.status).toBe(303);
  return pathOf(locationOf(saved));
}

/** Starts an assessment of the client from its page; returns the assessment's base path. */
export async function startAssessmentOf(agent: Agent, clientPath: string): Promise<string> {
  const page = await agent.get(clientPath).expect(200);
  const started = await agent.post(`${clientPath}/assessments`).type('form').send(formBody({ _csrf: csrfTokenFrom(page.text) }));
  expect(started.status).toBe(303);
  return pathOf(locationOf(started));
}

/** The text of each body row of the page's first table, tags stripped. */
export function tableRows(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((match) => (match[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
}

/** Posts the share page's form of an assessment (its base) with the days typed. */
export function postShareForm(agent: Agent, base: string, pageHtml: string, days: string | string[]) {
  return agent
    .post(`${base}/share`)
    .type('form')
    .send(formBody({ _csrf: csrfTokenFrom(pageHtml), days }));
}

export interface CreatedLink {
  /** The absolute link handed to the client. */
  url: string;
  token: string;
  /** Where the link's pages live: /shared/<token>. */
  shared: string;
}

/** Creates a link on the share page as the consultant does and reads it off the answer (it is shown once). */
export async function createLink(agent: Agent, base: string, days = '30'): Promise<CreatedLink> {
  const page = await agent.get(`${base}/share`).expect(200);
  const created = await postShareForm(agent, base, page.text, days);
  expect(created.status).toBe(201);
  const url = /<p class="resume-link"><a href="([^"]+)">/.exec(created.text)?.[1] ?? '';
  const token = /\/shared\/([^/]+)\/results$/.exec(url)?.[1] ?? '';
  return { url, token, shared: `/shared/${token}` };
}
