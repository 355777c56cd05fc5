import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { signIn } from '../support/accounts.js';
import { makeDataDir, removeDataDir, serverEnvironmentFor, startApp, testStore } from '../support/testApp.js';
import { newAgent } from '../support/walk.js';

const PASSWORD = 'Mtkvari bridges in the rain';

/** `npm run user:create -- <args>`, a real process, with `input` on its standard input. */
async function userCreate(dataDir: string, args: readonly string[], input: string) {
  const result = spawnSync('npm', ['run', '--silent', 'user:create', '--', ...args], {
    env: { ...process.env, DATABASE_URL: '', ...(await serverEnvironmentFor(dataDir)), LOG_LEVEL: 'silent' },
    input,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const firm = (email: string, role = 'admin', name = 'Nino Beridze') => ['--organisation', 'Caucasus Risk Partners', '--email', email, '--name', name, '--role', role];

describe(`npm run user:create (${testStore})`, () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) removeDataDir(folder);
  });

  // Real processes (npm, tsx), several of them: slower than the suite's default allows on a busy machine.
  it('creates the first admin and their organisation from a password on stdin, then a colleague in the same organisation; refuses what it must', { timeout: 180_000 }, async () => {
    const dataDir = makeDataDir();
    folders.push(dataDir);

    const created = await userCreate(dataDir, firm(' Nino@CRP.example '), `${PASSWORD}\n`);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toBe('Created the admin nino@crp.example (Nino Beridze) in the new organisation "Caucasus Risk Partners".\n');

    const colleague = await userCreate(dataDir, firm('levan@crp.example', 'consultant', 'Levan Kapanadze'), PASSWORD);
    expect(colleague.status).toBe(0);
    expect(colleague.stdout).toBe('Created the consultant levan@crp.example (Levan Kapanadze) in the existing organisation "Caucasus Risk Partners".\n');

    const refusals = [
      [firm('tamar@crp.example'), 'short\n', 'Password refused: Password must be 12 characters or more.'],
      [firm('tamar@crp.example'), 'Password1234\n', 'Password refused: This password is too common.'],
      [firm('tamar@crp.example'), 'RiskPlan is my password\n', 'Password refused: Password must not contain the word RiskPlan.'],
      [firm('NINO@crp.example'), `${PASSWORD}\n`, 'A user with the email nino@crp.example already exists.'],
      [firm('tamar@crp.example', 'owner'), `${PASSWORD}\n`, '--role must be one of admin, consultant, compliance, not "owner".'],
      [['--email', 'tamar@crp.example'], `${PASSWORD}\n`, '--organisation, --email, --name and --role are all required.'],
    ] as const;
    for (const [args, input, message] of refusals) {
      const refused = await userCreate(dataDir, args, input);
      expect(refused.status).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(message);
      expect(refused.stderr).not.toContain(input.trim());
    }

    // The accounts work in the app, on the same store.
    const running = await startApp(dataDir);
    try {
      const users = await running.database.db.selectFrom('users').select(['email', 'role', 'organisation_id']).orderBy('email').execute();
      expect(users.map((user) => [user.email, user.role])).toEqual([['levan@crp.example', 'consultant'], ['nino@crp.example', 'admin']]);
      expect(new Set(users.map((user) => user.organisation_id)).size).toBe(1);
      expect(await signIn(newAgent(running.app), 'nino@crp.example', PASSWORD)).toBe('/assessments');
    } finally {
      await running.stop();
    }
  });
});
