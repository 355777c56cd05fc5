import { randomUUID } from 'node:crypto';
import {
  DuplicateEmailError,
  type AccountRepository,
  type MemberChange,
  type MemberChangeCheck,
  type MemberRecord,
  type UserWithOrganisation,
} from '../repositories/accountRepository.js';
import { cleanName, emailProblem, isUserRole, nameProblem, normaliseEmail, type EmailProblem, type NameProblem, type UserRole } from './accountFields.js';
import { passwordProblem, type PasswordProblem } from './passwordPolicy.js';
import { hashPassword, needsNewHash, verifyPassword } from './passwords.js';
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from './secretTokens.js';

export { DuplicateEmailError };

/**
 * The signed-in user as the rest of the app sees them (res.locals.user): id, email, displayName,
 * role, organisationId, organisationName.
 */
export type SignedInUser = Omit<UserWithOrganisation, 'disabledAt'>;

export type MemberStatus = 'active' | 'invited' | 'disabled';

/** A user as their admin sees them on the team pages. */
export interface TeamMember {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  status: MemberStatus;
  lastSignedInAt: string | null;
  createdAt: string;
}

/** A value the command line or a form gave that no account may hold; `problem` names the rule. */
export class AccountInputError extends Error {
  override name = 'AccountInputError';
  constructor(
    readonly field: 'organisationName' | 'email' | 'displayName' | 'role' | 'password',
    readonly problem: EmailProblem | NameProblem | PasswordProblem | 'invalid' | 'ambiguous',
  ) {
    super(`${field}: ${problem}`);
  }
}

export interface NewUserInput {
  organisationName: string;
  email: string;
  displayName: string;
  role: string;
  password: string;
}

export interface CreatedUser {
  user: SignedInUser;
  organisationCreated: boolean;
}

export interface InvitationInput {
  email: string;
  displayName: string;
  role: UserRole;
}

/** A one-time link's secret (to put in the link, never stored) and when it stops working. */
export interface IssuedInvitation {
  token: string;
  expiresAt: string;
}

export type MemberChangeRefusal = 'own_account' | 'last_admin';
export type MemberChangeOutcome = 'changed' | 'not_found' | MemberChangeRefusal;

/** Why a sign-in with the email of an existing account was refused (for that organisation's audit log only). */
export type SignInRefusal = 'wrong_password' | 'disabled' | 'no_password';

/**
 * A sign-in: the user, or a refusal. A refused sign-in with the email of an existing account names
 * the account, so its organisation's audit log can record the attempt; the user is told the same
 * thing either way.
 */
export type SignInResult =
  | { outcome: 'signed_in'; user: SignedInUser }
  | { outcome: 'refused'; account?: { id: string; email: string; organisationId: string; reason: SignInRefusal } };

export type InvitationAcceptance = { outcome: 'accepted'; user: SignedInUser } | { outcome: 'invalid' } | { outcome: 'rejected'; problem: PasswordProblem };

export interface AccountServiceOptions {
  /** How long an invitation link works. */
  invitationDays: number;
  clock?: () => Date;
}

export const INVITATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

function signedInUserOf(user: UserWithOrganisation): SignedInUser {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role, organisationId: user.organisationId, organisationName: user.organisationName };
}

function teamMemberOf(member: MemberRecord): TeamMember {
  const status: MemberStatus = member.disabledAt !== null ? 'disabled' : member.hasPassword ? 'active' : 'invited';
  return { id: member.id, email: member.email, displayName: member.displayName, role: member.role, status, lastSignedInAt: member.lastSignedInAt, createdAt: member.createdAt };
}

/** The email, name and role of a new account, cleaned; throws AccountInputError for the first that no account may hold. */
function validIdentity(input: { email: string; displayName: string; role: string }): { email: string; displayName: string; role: UserRole } {
  const email = normaliseEmail(input.email);
  const displayName = cleanName(input.displayName);
  const badEmail = emailProblem(email);
  if (badEmail) throw new AccountInputError('email', badEmail);
  const badName = nameProblem(displayName);
  if (badName) throw new AccountInputError('displayName', badName);
  if (!isUserRole(input.role)) throw new AccountInputError('role', 'invalid');
  return { email, displayName, role: input.role };
}

/** Whether the change would leave the organisation with no active admin. */
function removesAnAdmin(member: MemberRecord, change: { role?: UserRole; disabled?: boolean }): boolean {
  const activeAdminNow = member.role === 'admin' && member.disabledAt === null;
  const activeAdminAfter = (change.role ?? member.role) === 'admin' && (change.disabled === undefined ? member.disabledAt === null : !change.disabled);
  return activeAdminNow && !activeAdminAfter;
}

/** The rules every change an admin makes to a member follows. */
function memberChangeRule(admin: SignedInUser, change: { role?: UserRole; disabled?: boolean }): MemberChangeCheck<MemberChangeRefusal> {
  return (member, activeAdmins) => {
    if (member.id === admin.id) return 'own_account';
    if (removesAnAdmin(member, change) && activeAdmins <= 1) return 'last_admin';
    return undefined;
  };
}

/**
 * Organisations, users, sign-in and invitations. Takes and returns plain data; knows nothing of
 * HTTP or sessions. Every admin action is scoped to the admin's own organisation.
 */
export function createAccountService(repository: AccountRepository, options: AccountServiceOptions) {
  const clock = options.clock ?? (() => new Date());
  const now = () => clock().toISOString();

  function invitationFor(userId: string, admin: SignedInUser): IssuedInvitation & { record: { tokenHash: string; userId: string; createdByUserId: string; now: string; expiresAt: string } } {
    const token = newSecretToken();
    const at = clock();
    const expiresAt = new Date(at.getTime() + options.invitationDays * DAY_MS).toISOString();
    return { token, expiresAt, record: { tokenHash: hashSecretToken(token), userId, createdByUserId: admin.id, now: at.toISOString(), expiresAt } };
  }

  async function changeMember(admin: SignedInUser, userId: string, change: { role?: UserRole; disabled?: boolean }): Promise<MemberChangeOutcome> {
    const stored: MemberChange = {
      now: now(),
      ...(change.role === undefined ? {} : { role: change.role }),
      ...(change.disabled === undefined ? {} : { disabledAt: change.disabled ? now() : null }),
    };
    const result = await repository.changeMember(admin.organisationId, userId, stored, memberChangeRule(admin, change));
    return result.outcome === 'refused' ? result.reason : result.outcome;
  }

  return {
    /**
     * Creates a user with a password (the command line's first admin, tests' users), and their
     * organisation when none has that name. Throws AccountInputError or DuplicateEmailError.
     */
    async createUser(input: NewUserInput): Promise<CreatedUser> {
      const organisationName = cleanName(input.organisationName);
      const organisationProblem = nameProblem(organisationName);
      if (organisationProblem) throw new AccountInputError('organisationName', organisationProblem);
      const { email, displayName, role } = validIdentity(input);
      const badPassword = passwordProblem(input.password, { email });
      if (badPassword) throw new AccountInputError('password', badPassword);
      if (await repository.emailIsTaken(email)) throw new DuplicateEmailError();

      const existing = await repository.organisationIdsNamed(organisationName);
      if (existing.length > 1) throw new AccountInputError('organisationName', 'ambiguous');
      const organisationId = existing[0] ?? randomUUID();
      const id = randomUUID();
      const record = { id, organisationId, email, displayName, role, passwordHash: await hashPassword(input.password), now: now() };
      await repository.createUser(record, existing[0] === undefined ? { name: organisationName } : undefined);
      return { user: { id, email, displayName, role, organisationId, organisationName }, organisationCreated: existing[0] === undefined };
    },

    /**
     * The user when the email and password match an enabled account; otherwise a refusal, after
     * the same work (one password check) whether the email is unknown, the password wrong or the
     * account disabled, so the timing does not tell which.
     */
    async signIn(email: string, password: string): Promise<SignInResult> {
      const credentials = await repository.credentialsFor(normaliseEmail(email));
      const matches = await verifyPassword(credentials?.passwordHash, password);
      if (!credentials) return { outcome: 'refused' };
      if (!matches || credentials.disabledAt !== null) {
        const reason: SignInRefusal = credentials.disabledAt !== null ? 'disabled' : credentials.passwordHash === null ? 'no_password' : 'wrong_password';
        return { outcome: 'refused', account: { id: credentials.id, email: credentials.email, organisationId: credentials.organisationId, reason } };
      }
      const rehash = credentials.passwordHash && needsNewHash(credentials.passwordHash) ? await hashPassword(password) : undefined;
      await repository.recordSignIn(credentials.id, now(), rehash);
      return { outcome: 'signed_in', user: signedInUserOf(credentials) };
    },

    /** The user a session names, with whether the account is disabled; undefined when it no longer exists. */
    async sessionUser(userId: string): Promise<{ user: SignedInUser; disabled: boolean } | undefined> {
      const found = await repository.userWithOrganisation(userId);
      return found && { user: signedInUserOf(found), disabled: found.disabledAt !== null };
    },

    async team(admin: SignedInUser): Promise<TeamMember[]> {
      return (await repository.members(admin.organisationId)).map(teamMemberOf);
    },

    /** A member of the admin's own organisation; undefined for any other id. */
    async member(admin: SignedInUser, userId: string): Promise<TeamMember | undefined> {
      const found = await repository.member(admin.organisationId, userId);
      return found && teamMemberOf(found);
    },

    /** Creates the user without a password, in the admin's organisation, and the link that lets them set one. */
    async invite(admin: SignedInUser, input: InvitationInput): Promise<{ outcome: 'invited'; member: TeamMember; invitation: IssuedInvitation } | { outcome: 'email_taken' }> {
      const { email, displayName, role } = validIdentity(input);
      if (await repository.emailIsTaken(email)) return { outcome: 'email_taken' };
      const id = randomUUID();
      const { token, expiresAt, record } = invitationFor(id, admin);
      const user = { id, organisationId: admin.organisationId, email, displayName, role, passwordHash: null, now: record.now };
      try {
        await repository.createInvitedUser(user, record);
      } catch (error) {
        if (error instanceof DuplicateEmailError) return { outcome: 'email_taken' };
        throw error;
      }
      const member: TeamMember = { id, email, displayName, role, status: 'invited', lastSignedInAt: null, createdAt: record.now };
      return { outcome: 'invited', member, invitation: { token, expiresAt } };
    },

    /** A new link for a member who has not set a password yet; earlier links stop working. Undefined for anyone else. */
    async reinvite(admin: SignedInUser, userId: string): Promise<IssuedInvitation | undefined> {
      const found = await repository.member(admin.organisationId, userId);
      if (!found || found.hasPassword || found.disabledAt !== null) return undefined;
      const { token, expiresAt, record } = invitationFor(found.id, admin);
      await repository.replaceInvitation(record);
      return { token, expiresAt };
    },

    /** Who an invitation link is for, while it works. */
    async openInvitation(token: string): Promise<SignedInUser | undefined> {
      if (!looksLikeSecretToken(token)) return undefined;
      const found = await repository.openInvitation(hashSecretToken(token), now());
      return found && signedInUserOf(found);
    },

    /** Sets the invited user's password (same policy as everywhere) and uses up the link. */
    async acceptInvitation(token: string, password: string): Promise<InvitationAcceptance> {
      if (!looksLikeSecretToken(token)) return { outcome: 'invalid' };
      const tokenHash = hashSecretToken(token);
      const invited = await repository.openInvitation(tokenHash, now());
      if (!invited) return { outcome: 'invalid' };
      const problem = passwordProblem(password, { email: invited.email });
      if (problem) return { outcome: 'rejected', problem };
      const accepted = await repository.acceptInvitation(tokenHash, invited.id, await hashPassword(password), now());
      return accepted ? { outcome: 'accepted', user: signedInUserOf(invited) } : { outcome: 'invalid' };
    },

    /** Disables or re-enables a member. Refused for the admin's own account and for the last active admin. */
    setDisabled(admin: SignedInUser, userId: string, disabled: boolean): Promise<MemberChangeOutcome> {
      return changeMember(admin, userId, { disabled });
    },

    /** Changes a member's role. Refused for the admin's own account and for the last active admin. */
    changeRole(admin: SignedInUser, userId: string, role: UserRole): Promise<MemberChangeOutcome> {
      return changeMember(admin, userId, { role });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
