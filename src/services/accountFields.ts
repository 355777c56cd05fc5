import type { UserRole } from '../db/schema.js';

export type { UserRole };

/**
 * What an account's fields may hold. One set of rules for the command line (user:create) and the
 * admin's invitation form, so an account made either way looks the same.
 */
export const USER_ROLES: readonly UserRole[] = ['admin', 'consultant', 'compliance'];
/** RFC 5321's limit on a forward path; the column check says the same. */
export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 120;

export type EmailProblem = 'missing' | 'invalid' | 'too_long';
export type NameProblem = 'missing' | 'too_long';

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}

/** Emails are compared as stored: trimmed and lower-cased (A@B.example and a@b.example are one account). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * One "@", something before it, a domain with a dot after it, no spaces. The address is a sign-in
 * name, not a mailbox RiskPlan writes to, so this only catches typing mistakes.
 */
const EMAIL_FORM = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function emailProblem(normalisedEmail: string): EmailProblem | undefined {
  if (normalisedEmail === '') return 'missing';
  if (Array.from(normalisedEmail).length > EMAIL_MAX_LENGTH) return 'too_long';
  return EMAIL_FORM.test(normalisedEmail) ? undefined : 'invalid';
}

/** A name as typed, without control characters or surrounding spaces. */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

export function nameProblem(cleanedName: string): NameProblem | undefined {
  if (cleanedName === '') return 'missing';
  return Array.from(cleanedName).length > NAME_MAX_LENGTH ? 'too_long' : undefined;
}
