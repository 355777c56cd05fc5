import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe. Only its hash is stored. */
export function newResumeToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashResumeToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeResumeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
