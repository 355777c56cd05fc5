import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/**
 * argon2id at OWASP's recommended server setting (Password Storage Cheat Sheet, 2024/2025):
 * 19 MiB of memory, 2 passes, 1 lane. RFC 9106's "second recommended option" (64 MiB, 3 passes,
 * 4 lanes) took about 0.8 s a hash on the 2 shared cores RiskPlan is measured on, against about
 * 0.25 s for this one: every sign-in attempt, failed ones included, pays the cost, so the heavier
 * setting would hand anyone able to post the sign-in form a cheap way to take the CPU. The
 * parameters are stored in each hash, so raising them later only needs a rehash at sign-in
 * (`needsRehash`).
 */
export const PASSWORD_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * NIST SP 800-63B asks that Unicode passwords be normalised before hashing, so the same
 * password typed on two keyboards (composed or decomposed accents) is the same password.
 */
function normalised(password: string): string {
  return password.normalize('NFKC');
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(normalised(password), PASSWORD_HASH_OPTIONS);
}

/**
 * A hash of nothing anyone knows, with the same parameters as real ones: checking a password
 * against it costs what a real check costs, so an unknown email answers as slowly as a wrong
 * password. Built from the parameters, not computed, so it can never fall out of step with them.
 */
const DUMMY_HASH = `$argon2id$v=19$m=${PASSWORD_HASH_OPTIONS.memoryCost},p=${PASSWORD_HASH_OPTIONS.parallelism},t=${PASSWORD_HASH_OPTIONS.timeCost}$${randomBytes(16).toString('base64').replace(/=+$/, '')}$${randomBytes(32).toString('base64').replace(/=+$/, '')}`;

/**
 * Whether the password matches the stored hash. With no hash (unknown email, invitation not yet
 * accepted) it checks against the dummy and answers false, taking the same time either way.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  const matches = await argon2.verify(storedHash ?? DUMMY_HASH, normalised(password)).catch(() => false);
  return storedHash !== null && storedHash !== undefined && matches;
}

/** Whether a stored hash was made with weaker parameters than today's, so sign-in should replace it. */
export function needsNewHash(storedHash: string): boolean {
  return argon2.needsRehash(storedHash, PASSWORD_HASH_OPTIONS);
}
