import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed out in links (resume links, invitations): 256 bits of randomness, URL-safe,
 * 43 characters. Only their SHA-256 is stored, so a copy of the database opens nothing; a slow
 * hash is not needed because the secret is random, not chosen by a person.
 */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeSecretToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
