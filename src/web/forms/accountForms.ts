import type { Request } from 'express';
import { body, matchedData, validationResult, type ValidationChain } from 'express-validator';
import type { Translate } from '../../i18n/catalogue.js';
import { cleanName, emailProblem, isUserRole, nameProblem, normaliseEmail, type UserRole } from '../../services/accountFields.js';
import { passwordProblem, passwordProblemMessageKey } from '../../services/passwordPolicy.js';
import type { FieldError } from './fields.js';

/** What the user typed, to show the form again; passwords are never in it. */
export type TypedValues = Readonly<Record<string, string>>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[]; values: TypedValues };

/** A field's value as typed: a string, or '' for a missing or repeated field. */
export function typedValue(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

function typedValues(req: Request, names: readonly string[]): TypedValues {
  return Object.fromEntries(names.map((name) => [name, typedValue(req, name)]));
}

export function fieldError(field: string, message: string): FieldError {
  return { field, href: field, message };
}

/** What a form page shows of its errors: each field's message, and the summary that links to the fields. */
export function formErrorsView(errors: readonly FieldError[]): { errors: Readonly<Record<string, string>>; errorSummary: { href: string; text: string }[] } {
  return {
    errors: Object.fromEntries(errors.map((error) => [error.field, error.message])),
    errorSummary: errors.map((error) => ({ href: `#${error.href}`, text: error.message })),
  };
}

/** Runs the chains; the first error of each field, or the matched values. */
async function validated(req: Request, chains: readonly ValidationChain[]): Promise<{ errors: FieldError[]; data: Record<string, unknown> }> {
  for (const chain of chains) await chain.run(req);
  const errors = validationResult(req)
    .array({ onlyFirstError: true })
    .flatMap((error) => (error.type === 'field' ? [fieldError(error.path, String(error.msg))] : []));
  return { errors, data: matchedData(req, { locations: ['body'] }) };
}

/** A single-value text field (a field sent twice arrives as an array and is refused). */
function single(name: string, missingMessage: string): ValidationChain {
  return body(name).isString().withMessage(missingMessage).bail();
}

/** Throws the message of the rule a value breaks, for express-validator's `custom`. */
function rule<Problem extends string>(problemOf: (value: string) => Problem | undefined, messageOf: (problem: Problem) => string) {
  return (value: string) => {
    const problem = problemOf(value);
    if (problem !== undefined) throw new Error(messageOf(problem));
    return true;
  };
}

export interface SignInForm {
  email: string;
  password: string;
}

/** The sign-in form: both fields present. Whether they match an account is the service's business. */
export function readSignInForm(req: Request, t: Translate): FormResult<SignInForm> {
  const email = typedValue(req, 'email').trim();
  const password = typedValue(req, 'password');
  const errors = [
    ...(email === '' ? [fieldError('email', t('accounts.signIn.emailMissing'))] : []),
    ...(password === '' ? [fieldError('password', t('accounts.signIn.passwordMissing'))] : []),
  ];
  return errors.length > 0 ? { ok: false, errors, values: { email } } : { ok: true, value: { email, password } };
}

export interface InvitationForm {
  email: string;
  displayName: string;
  role: UserRole;
}

const EMAIL_MESSAGES = { missing: 'accounts.invite.emailMissing', invalid: 'accounts.invite.emailInvalid', too_long: 'accounts.invite.emailTooLong' } as const;
const NAME_MESSAGES = { missing: 'accounts.invite.nameMissing', too_long: 'accounts.invite.nameTooLong' } as const;

/** The admin's invitation form: an email, a full name and one of the roles. */
export async function readInvitationForm(req: Request, t: Translate): Promise<FormResult<InvitationForm>> {
  const { errors, data } = await validated(req, [
    single('email', t('accounts.invite.emailMissing')).customSanitizer(normaliseEmail).custom(rule(emailProblem, (problem) => t(EMAIL_MESSAGES[problem]))),
    single('name', t('accounts.invite.nameMissing')).customSanitizer(cleanName).custom(rule(nameProblem, (problem) => t(NAME_MESSAGES[problem]))),
    body('role').custom(isUserRole).withMessage(t('accounts.invite.roleMissing')),
  ]);
  if (errors.length > 0) return { ok: false, errors, values: typedValues(req, ['email', 'name', 'role']) };
  return { ok: true, value: { email: String(data.email), displayName: String(data.name), role: data.role as UserRole } };
}

/** A role from the member page's role form. */
export function readRoleForm(req: Request, t: Translate): FormResult<UserRole> {
  const role = typedValue(req, 'role');
  return isUserRole(role) ? { ok: true, value: role } : { ok: false, errors: [fieldError('role', t('accounts.invite.roleMissing'))], values: {} };
}

/** A new password and its repetition, checked against the policy for the account's email. */
export async function readNewPasswordForm(req: Request, email: string, t: Translate): Promise<FormResult<string>> {
  const { errors, data } = await validated(req, [
    single('password', t('accounts.password.missing'))
      .notEmpty()
      .withMessage(t('accounts.password.missing'))
      .bail()
      .custom(rule((password) => passwordProblem(password, { email }), (problem) => t(passwordProblemMessageKey(problem)))),
    single('confirmPassword', t('accounts.password.confirmMissing'))
      .notEmpty()
      .withMessage(t('accounts.password.confirmMissing'))
      .bail()
      .custom((confirmation: string) => confirmation === typedValue(req, 'password'))
      .withMessage(t('accounts.password.mismatch')),
  ]);
  return errors.length > 0 ? { ok: false, errors, values: {} } : { ok: true, value: String(data.password) };
}
