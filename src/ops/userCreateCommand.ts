import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { DatabaseStartError, migrateToLatest, openDatabase } from '../db/database.js';
import { createTranslator } from '../i18n/catalogue.js';
import { createAccountRepository } from '../repositories/accountRepository.js';
import { USER_ROLES, isUserRole } from '../services/accountFields.js';
import { AccountInputError, DuplicateEmailError, INVITATION_DAYS, createAccountService, type NewUserInput } from '../services/accountService.js';
import { passwordProblemMessageKey, type PasswordProblem } from '../services/passwordPolicy.js';

/**
 * `npm run user:create -- --organisation "Firm" --email a@firm.example --name "Full Name" --role admin`
 * creates a user (the first admin of a firm, typically) and their organisation when none has
 * that name, on the store the configuration names. The password is read from standard input,
 * never from the command line or the environment, which other users of the machine and logs can see.
 */
const USAGE = `Usage: npm run user:create -- --organisation "Firm name" --email name@firm.example --name "Full Name" --role ${USER_ROLES.join('|')}
The password is read from standard input: typed (not shown) at a terminal, or piped, e.g. from a password manager.`;

/** Longest piped input read; a password is at most 256 characters. */
const MAX_STDIN_BYTES = 64 * 1024;

class CommandError extends Error {
  override name = 'CommandError';
}

function argumentsOf(argv: readonly string[]): Omit<NewUserInput, 'password'> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { organisation: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CommandError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { organisation, email, name, role } = values;
  if (typeof organisation !== 'string' || typeof email !== 'string' || typeof name !== 'string' || typeof role !== 'string') {
    throw new CommandError(`--organisation, --email, --name and --role are all required.\n${USAGE}`);
  }
  if (!isUserRole(role)) throw new CommandError(`--role must be one of ${USER_ROLES.join(', ')}, not "${role}".`);
  return { organisationName: organisation, email, displayName: name, role };
}

/** Reads a line at the terminal without showing it. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let typed = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') {
          stdin.setRawMode(false);
          process.stderr.write('\n');
          process.exit(130);
        }
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        if (char === '\u007f' || char === '\b') typed = Array.from(typed).slice(0, -1).join('');
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

/** The first line of piped input. */
async function readPipedLine(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(buffer);
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPipedLine();
  const password = await promptHidden('Password (not shown): ');
  const again = await promptHidden('The same password again: ');
  if (password !== again) throw new CommandError('The two passwords do not match. Nothing was created.');
  return password;
}

/** What went wrong, in words an operator can act on. */
function explain(error: AccountInputError, input: Omit<NewUserInput, 'password'>): string {
  const t = createTranslator('en');
  switch (error.field) {
    case 'password':
      return `Password refused: ${t(passwordProblemMessageKey(error.problem as PasswordProblem))}. Nothing was created.`;
    case 'email':
      return `--email "${input.email}" is not a usable email address (${error.problem.replace('_', ' ')}).`;
    case 'displayName':
      return error.problem === 'missing' ? '--name cannot be empty.' : '--name must be 120 characters or fewer.';
    case 'organisationName':
      return error.problem === 'ambiguous'
        ? `Several organisations are named "${input.organisationName}": this command cannot tell which one is meant.`
        : error.problem === 'missing'
          ? '--organisation cannot be empty.'
          : '--organisation must be 120 characters or fewer.';
    case 'role':
      return `--role must be one of ${USER_ROLES.join(', ')}.`;
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const input = argumentsOf(argv);
  const config = loadConfig();
  const password = await readPassword();
  const database = await openDatabase(config.database);
  try {
    // The same step every start of the app takes: it refuses a schema newer than this version,
    // and creates the account tables on a database that has never run this version.
    await migrateToLatest(database.db);
    const accounts = createAccountService(createAccountRepository(database.db), { invitationDays: INVITATION_DAYS });
    const { user, organisationCreated } = await accounts.createUser({ ...input, password }).catch((error: unknown) => {
      if (error instanceof AccountInputError) throw new CommandError(explain(error, input));
      if (error instanceof DuplicateEmailError) throw new CommandError(`A user with the email ${input.email.trim().toLowerCase()} already exists. Nothing was created.`);
      throw error;
    });
    const which = organisationCreated ? 'new' : 'existing';
    process.stdout.write(`Created the ${user.role} ${user.email} (${user.displayName}) in the ${which} organisation "${user.organisationName}".\n`);
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof CommandError || error instanceof ConfigError || error instanceof DatabaseStartError;
  process.stderr.write(`User not created: ${known ? error.message : String(error)}\n`);
  process.exit(1);
});
