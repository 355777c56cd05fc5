import argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../src/i18n/catalogue.js';
import { passwordProblem, passwordProblemMessageKey, PASSWORD_MAX_LENGTH, type PasswordProblem } from '../../src/services/passwordPolicy.js';
import { hashPassword, needsNewHash, PASSWORD_HASH_OPTIONS, verifyPassword } from '../../src/services/passwords.js';

const email = 'nino.beridze@crp.example';

describe('the password policy (NIST SP 800-63B)', () => {
  it.each<[string, string, PasswordProblem | undefined]>([
    ['eleven char', 'elevenchars', 'too_short'],
    ['twelve characters', 'twelve chars', undefined],
    ['twelve code points, even where UTF-16 counts more', '😀😀😀😀😀😀😀😀😀😀😀', 'too_short'],
    ['twelve emoji', '😀😀😀😀😀😀😀😀😀😀😀😀', undefined],
    ['Georgian and Azerbaijani letters', 'მთაწმინდა ŞəkiÇay', undefined],
    ['at the upper bound', 'a'.repeat(PASSWORD_MAX_LENGTH - 4) + ' bcd', undefined],
    ['over the upper bound', 'a'.repeat(PASSWORD_MAX_LENGTH + 1), 'too_long'],
    ['on the common list', 'qwerty123456', 'common'],
    ['on the common list, other case', 'QWERTY123456', 'common'],
    ['on the common list, other case (2)', 'Password1234', 'common'],
    ['the email local part', 'Nino.Beridze', 'contains_email'],
    ['containing the email local part', 'nino.beridze-2026!', 'contains_email'],
    ['containing the product name', 'my RiskPlan passphrase', 'contains_product'],
    ['only letters, no "complexity"', 'correct horse battery staple', undefined],
  ])('%s', (_name, password, problem) => {
    expect(passwordProblem(password, { email })).toBe(problem);
  });

  it('does not look for a very short local part inside a password, only for the password being it', () => {
    expect(passwordProblem('a journey to Sheki and back', { email: 'jo@crp.example' })).toBeUndefined();
    expect(passwordProblem('a journey to Sheki and back', { email: 'journey@crp.example' })).toBe('contains_email');
    expect(passwordProblem('joannajoanna', { email: 'joannajoanna@crp.example' })).toBe('contains_email');
  });

  it('has a message for every problem', () => {
    const problems: PasswordProblem[] = ['too_short', 'too_long', 'common', 'contains_email', 'contains_product'];
    expect(problems.filter((problem) => !hasMessage(passwordProblemMessageKey(problem)))).toEqual([]);
  });
});

describe('password hashing', () => {
  it('stores argon2id with the chosen parameters, and verifies the password and only it', async () => {
    const hash = await hashPassword('Kura river lanterns at dusk');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await verifyPassword(hash, 'Kura river lanterns at dusk')).toBe(true);
    expect(await verifyPassword(hash, 'Kura river lanterns at dawn')).toBe(false);
    expect(needsNewHash(hash)).toBe(false);
  });

  it('treats the composed and decomposed forms of an accented password as one', async () => {
    const composed = 'Şəki café terrace';
    const hash = await hashPassword(composed);
    expect(await verifyPassword(hash, composed.normalize('NFD'))).toBe(true);
  });

  it('answers false without a stored hash, after a full check against the dummy hash', async () => {
    const real = await hashPassword('Kura river lanterns at dusk');
    const time = async (check: () => Promise<boolean>) => {
      const started = process.hrtime.bigint();
      expect(await check()).toBe(false);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const wrong = await time(() => verifyPassword(real, 'wrong password'));
    const unknown = await time(() => verifyPassword(undefined, 'wrong password'));
    const pending = await time(() => verifyPassword(null, 'wrong password'));
    // The same work, not a shortcut: within a wide margin on a busy machine.
    expect(unknown).toBeGreaterThan(wrong / 4);
    expect(pending).toBeGreaterThan(wrong / 4);
  });

  it('asks for a new hash when a stored one has weaker parameters', async () => {
    const old = await argon2.hash('Kura river lanterns at dusk', { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    expect(needsNewHash(old)).toBe(true);
    expect(PASSWORD_HASH_OPTIONS).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  });
});
