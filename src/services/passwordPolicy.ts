import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * What a new password must be, after NIST SP 800-63B (section 3.1.1.2): long enough, not too long
 * to hash, and not one that attackers try first. No other composition rules (no "one digit, one
 * symbol"): they make passwords harder to remember, not harder to guess.
 */
export const PASSWORD_MIN_LENGTH = 12;
/** Far above any passphrase; stops a megabyte "password" from being hashed. */
export const PASSWORD_MAX_LENGTH = 256;
/** Below this length an email's local part ("jo") is too short to look for inside a password. */
const LOCAL_PART_MIN_LENGTH = 4;
const PRODUCT_NAME = 'riskplan';

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email' | 'contains_product';

/**
 * The common-password list (about 49,000 entries, lower case). Only entries long enough to pass
 * the length rule can ever match, so only those are kept (about 300), built once on first use.
 */
let commonPasswords: ReadonlySet<string> | undefined;

function isCommon(lowered: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()).filter((entry) => characterCount(entry) >= PASSWORD_MIN_LENGTH));
  return commonPasswords.has(lowered);
}

/** Counts characters as a person does (code points), not UTF-16 units: an emoji is one. */
function characterCount(text: string): number {
  return Array.from(text).length;
}

function localPartOf(email: string): string {
  const at = email.lastIndexOf('@');
  return (at === -1 ? email : email.slice(0, at)).trim().toLowerCase();
}

/**
 * The first rule a new password breaks, or undefined when it is acceptable. `email` is the
 * account's: a password made of it is the first thing someone who knows the address would try.
 */
export function passwordProblem(password: string, context: { email: string }): PasswordProblem | undefined {
  const normalised = password.normalize('NFKC');
  const length = characterCount(normalised);
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lowered = normalised.toLowerCase();
  if (isCommon(lowered)) return 'common';
  const localPart = localPartOf(context.email);
  if (localPart !== '' && (lowered === localPart || (characterCount(localPart) >= LOCAL_PART_MIN_LENGTH && lowered.includes(localPart)))) return 'contains_email';
  if (lowered.includes(PRODUCT_NAME)) return 'contains_product';
  return undefined;
}

/** The catalogue key of the message that explains a problem (src/i18n/en/accounts.ts). */
export function passwordProblemMessageKey(problem: PasswordProblem): string {
  return `accounts.password.${problem}`;
}
