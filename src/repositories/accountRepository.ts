import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { DatabaseSchema, UserRole } from '../db/schema.js';

/** A user with their organisation, as every signed-in request reads them. */
export interface UserWithOrganisation {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  organisationId: string;
  organisationName: string;
  disabledAt: string | null;
}

/** A user as their organisation's admin sees them. */
export interface MemberRecord {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  hasPassword: boolean;
  disabledAt: string | null;
  lastSignedInAt: string | null;
  createdAt: string;
}

export interface NewUserRecord {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  role: UserRole;
  passwordHash: string | null;
  now: string;
}

export interface NewInvitationRecord {
  tokenHash: string;
  userId: string;
  createdByUserId: string;
  now: string;
  expiresAt: string;
}

/** The change an admin makes to a member; the check decides, inside the same transaction, whether it may be made. */
export interface MemberChange {
  role?: UserRole;
  disabledAt?: string | null;
  now: string;
}

/** A rule the change must pass, given the member as stored and how many active admins the organisation has now. */
export type MemberChangeCheck<Refusal extends string> = (member: MemberRecord, activeAdmins: number) => Refusal | undefined;

export type MemberChangeResult<Refusal extends string> = { outcome: 'changed' } | { outcome: 'not_found' } | { outcome: 'refused'; reason: Refusal };

/** Thrown when an insert meets the unique email index: someone else took the address first. */
export class DuplicateEmailError extends Error {
  override name = 'DuplicateEmailError';
  constructor() {
    super('A user with this email address already exists');
  }
}

/** SQLite's and PostgreSQL's codes for a unique index refusing a row. */
function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

type Executor = Db | Transaction<DatabaseSchema>;

function selectMembers(db: Executor) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'password_hash', 'disabled_at', 'last_signed_in_at', 'created_at']);
}

type MemberRow = { id: string; email: string; display_name: string; role: UserRole; password_hash: string | null; disabled_at: string | null; last_signed_in_at: string | null; created_at: string };

function memberOf(row: MemberRow): MemberRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    hasPassword: row.password_hash !== null,
    disabledAt: row.disabled_at,
    lastSignedInAt: row.last_signed_in_at,
    createdAt: row.created_at,
  };
}

/**
 * Organisations, users and invitations. Every read and change of a member names the
 * organisation as well as the user id, so one organisation's ids mean nothing in another's.
 */
export function createAccountRepository(db: Db) {
  async function insertUser(executor: Executor, user: NewUserRecord): Promise<void> {
    try {
      await executor
        .insertInto('users')
        .values({
          id: user.id,
          organisation_id: user.organisationId,
          email: user.email,
          display_name: user.displayName,
          role: user.role,
          password_hash: user.passwordHash,
          disabled_at: null,
          last_signed_in_at: null,
          created_at: user.now,
          updated_at: user.now,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateEmailError();
      throw error;
    }
  }

  return {
    async organisationIdsNamed(name: string): Promise<string[]> {
      const rows = await db.selectFrom('organisations').select('id').where('name', '=', name).execute();
      return rows.map((row) => row.id);
    },

    async emailIsTaken(email: string): Promise<boolean> {
      return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) !== undefined;
    },

    /** Creates the user, and their organisation first when `newOrganisation` is given, in one transaction. */
    async createUser(user: NewUserRecord, newOrganisation?: { name: string }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (newOrganisation) await trx.insertInto('organisations').values({ id: user.organisationId, name: newOrganisation.name, created_at: user.now }).execute();
        await insertUser(trx, user);
      });
    },

    /** Creates an invited user (no password) and their first invitation together: neither exists without the other. */
    async createInvitedUser(user: NewUserRecord, invitation: Omit<NewInvitationRecord, 'userId'>): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await insertUser(trx, user);
        await trx
          .insertInto('invitations')
          .values({ token_hash: invitation.tokenHash, user_id: user.id, created_by_user_id: invitation.createdByUserId, created_at: invitation.now, expires_at: invitation.expiresAt, used_at: null })
          .execute();
      });
    },

    /** What sign-in needs: the stored hash and whether the account is disabled, with the user. */
    async credentialsFor(email: string): Promise<(UserWithOrganisation & { passwordHash: string | null }) | undefined> {
      const row = await db
        .selectFrom('users')
        .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
        .select(['users.id', 'users.email', 'users.display_name', 'users.role', 'users.organisation_id', 'organisations.name as organisation_name', 'users.disabled_at', 'users.password_hash'])
        .where('users.email', '=', email)
        .executeTakeFirst();
      return row && { ...userWithOrganisationOf(row), passwordHash: row.password_hash };
    },

    /** One indexed read joining the organisation: every signed-in request makes it. */
    async userWithOrganisation(userId: string): Promise<UserWithOrganisation | undefined> {
      const row = await db
        .selectFrom('users')
        .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
        .select(['users.id', 'users.email', 'users.display_name', 'users.role', 'users.organisation_id', 'organisations.name as organisation_name', 'users.disabled_at'])
        .where('users.id', '=', userId)
        .executeTakeFirst();
      return row && userWithOrganisationOf(row);
    },

    /** Records a sign-in, and replaces the hash when it was made with older parameters. */
    async recordSignIn(userId: string, now: string, newPasswordHash?: string): Promise<void> {
      await db
        .updateTable('users')
        .set({ last_signed_in_at: now, ...(newPasswordHash ? { password_hash: newPasswordHash, updated_at: now } : {}) })
        .where('id', '=', userId)
        .execute();
    },

    async members(organisationId: string): Promise<MemberRecord[]> {
      const rows = await selectMembers(db).where('organisation_id', '=', organisationId).orderBy('display_name').orderBy('email').execute();
      return rows.map(memberOf);
    },

    async member(organisationId: string, userId: string): Promise<MemberRecord | undefined> {
      const row = await selectMembers(db).where('organisation_id', '=', organisationId).where('id', '=', userId).executeTakeFirst();
      return row && memberOf(row);
    },

    /**
     * Changes a member's role or access when `check` allows it, in one transaction that first
     * writes the organisation's row: that write locks it (a row lock on PostgreSQL, the write lock on
     * SQLite), so two admins changing two other admins at once are taken one after the other and
     * cannot leave the organisation without an active admin.
     */
    async changeMember<Refusal extends string>(organisationId: string, userId: string, change: MemberChange, check: MemberChangeCheck<Refusal>): Promise<MemberChangeResult<Refusal>> {
      return db.transaction().execute(async (trx): Promise<MemberChangeResult<Refusal>> => {
        await trx.updateTable('organisations').set((eb) => ({ name: eb.ref('name') })).where('id', '=', organisationId).execute();
        const row = await selectMembers(trx).where('organisation_id', '=', organisationId).where('id', '=', userId).executeTakeFirst();
        if (!row) return { outcome: 'not_found' };
        const admins = await trx
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('organisation_id', '=', organisationId)
          .where('role', '=', 'admin')
          .where('disabled_at', 'is', null)
          .executeTakeFirstOrThrow();
        const refusal = check(memberOf(row), Number(admins.n));
        if (refusal !== undefined) return { outcome: 'refused', reason: refusal };
        await trx
          .updateTable('users')
          .set({ ...(change.role === undefined ? {} : { role: change.role }), ...(change.disabledAt === undefined ? {} : { disabled_at: change.disabledAt }), updated_at: change.now })
          .where('organisation_id', '=', organisationId)
          .where('id', '=', userId)
          .execute();
        return { outcome: 'changed' };
      });
    },

    /** A new invitation for a user; any earlier unused one stops working. */
    async replaceInvitation(invitation: NewInvitationRecord): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('invitations').set({ used_at: invitation.now }).where('user_id', '=', invitation.userId).where('used_at', 'is', null).execute();
        await trx
          .insertInto('invitations')
          .values({ token_hash: invitation.tokenHash, user_id: invitation.userId, created_by_user_id: invitation.createdByUserId, created_at: invitation.now, expires_at: invitation.expiresAt, used_at: null })
          .execute();
      });
    },

    /** The invited user when the invitation is unused, unexpired and their account enabled. */
    async openInvitation(tokenHash: string, now: string): Promise<UserWithOrganisation | undefined> {
      const row = await db
        .selectFrom('invitations')
        .innerJoin('users', 'users.id', 'invitations.user_id')
        .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
        .select(['users.id', 'users.email', 'users.display_name', 'users.role', 'users.organisation_id', 'organisations.name as organisation_name', 'users.disabled_at'])
        .where('invitations.token_hash', '=', tokenHash)
        .where('invitations.used_at', 'is', null)
        .where('invitations.expires_at', '>', now)
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
      return row && userWithOrganisationOf(row);
    },

    /**
     * Uses the invitation and sets the password, in one transaction. The invitation is claimed by
     * a conditional update, so of two posts of one link only the first sets a password.
     */
    async acceptInvitation(tokenHash: string, userId: string, passwordHash: string, now: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const claimed = await trx
          .updateTable('invitations')
          .set({ used_at: now })
          .where('token_hash', '=', tokenHash)
          .where('user_id', '=', userId)
          .where('used_at', 'is', null)
          .where('expires_at', '>', now)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) return false;
        const updated = await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, updated_at: now, last_signed_in_at: now })
          .where('id', '=', userId)
          .where('disabled_at', 'is', null)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw new InvitationRaceError();
        return true;
      }).catch((error: unknown) => {
        if (error instanceof InvitationRaceError) return false;
        throw error;
      });
    },
  };
}

/** The user was disabled between opening and accepting the invitation: roll the claim back. */
class InvitationRaceError extends Error {
  override name = 'InvitationRaceError';
}

function userWithOrganisationOf(row: { id: string; email: string; display_name: string; role: UserRole; organisation_id: string; organisation_name: string; disabled_at: string | null }): UserWithOrganisation {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    disabledAt: row.disabled_at,
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
