import type { Response } from 'supertest';
import type { Database } from '../../src/db/database.js';
import { createAccountRepository } from '../../src/repositories/accountRepository.js';
import type { UserRole } from '../../src/services/accountFields.js';
import { createAccountService, INVITATION_DAYS, type SignedInUser } from '../../src/services/accountService.js';
import { csrfTokenFrom, formBody, locationOf } from './forms.js';
import type { Agent } from './walk.js';

/** A password the policy accepts; tests use it unless they test the policy. */
export const TEST_PASSWORD = 'Kura river lanterns at dusk';

export interface DirectUser {
  /** The organisation is created when none has this name. */
  organisationName: string;
  email: string;
  role: UserRole;
  displayName?: string;
  /** TEST_PASSWORD when not given. */
  password?: string;
}

/** Creates a user with a password through the real account service (as `npm run user:create` does). */
export async function createUserDirectly(database: Database, user: DirectUser): Promise<SignedInUser> {
  const accounts = createAccountService(createAccountRepository(database.db), { invitationDays: INVITATION_DAYS });
  const created = await accounts.createUser({
    organisationName: user.organisationName,
    email: user.email,
    displayName: user.displayName ?? user.email.split('@')[0] ?? user.email,
    role: user.role,
    password: user.password ?? TEST_PASSWORD,
  });
  return created.user;
}

/** Fills and posts the sign-in form as a browser does; returns the post's response (303 when it worked). */
export async function submitSignIn(agent: Agent, email: string, password: string, next?: string): Promise<Response> {
  const page = await agent.get(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  if (page.status !== 200) throw new Error(`GET /sign-in gave ${page.status}`);
  return agent
    .post('/sign-in')
    .type('form')
    .send(formBody({ _csrf: csrfTokenFrom(page.text), email, password, ...(next ? { next } : {}) }));
}

/** Signs the agent in through the real form; throws unless it worked. Returns where the app sent the user. */
export async function signIn(agent: Agent, email: string, password: string = TEST_PASSWORD): Promise<string> {
  const response = await submitSignIn(agent, email, password);
  if (response.status !== 303) throw new Error(`Sign-in as ${email} gave ${response.status}: ${response.text.slice(0, 300)}`);
  return locationOf(response);
}

/** Posts the header's sign-out form from the page at `from`. */
export async function signOut(agent: Agent, from = '/'): Promise<Response> {
  const page = await agent.get(from);
  return agent.post('/sign-out').type('form').send(formBody({ _csrf: csrfTokenFrom(page.text) }));
}
