import { Router, type Request, type Response } from 'express';
import type { AuditLog } from '../../audit/auditLog.js';
import type { Translate } from '../../i18n/catalogue.js';
import { pageTitle } from '../../presenters/teamPage.js';
import type { AccountService, SignedInUser, SignInResult } from '../../services/accountService.js';
import { fieldError, formErrorsView, readSignInForm, typedValue, type TypedValues } from '../forms/accountForms.js';
import type { FieldError } from '../forms/fields.js';
import { isLocalPath, SIGN_IN_PATH, signedInUser } from '../middleware/currentUser.js';
import { endSession, renewSession } from '../middleware/sessions.js';
import type { SignInThrottle } from '../middleware/signInThrottle.js';

/** Where a user lands after signing in: their firm's assessments, whatever the role (admins reach the team from the header). */
export const SIGNED_IN_HOME = '/assessments';

/** Signs the user in on this browser: a new session id, keeping an assessment the browser held. */
export function startSignedInSession(req: Parameters<typeof renewSession>[0], user: SignedInUser, now: number): Promise<void> {
  return renewSession(req, { userId: user.id, signedInAt: now, lastActiveAt: now });
}

interface SignInPage {
  status: number;
  next?: string | undefined;
  values?: TypedValues;
  errors?: FieldError[];
  signedOut?: boolean;
}

/**
 * Records a refused sign-in once its answer has been sent: in the account's organisation's log
 * when the email belongs to an account, and only in the application log when it does not (a
 * stranger trying addresses cannot grow the table). After the answer, so that neither the page
 * nor the time it takes tells a known email from an unknown one. The attempt has already failed,
 * so a write that fails now has nothing to stop: it is logged as an error, never dropped silently.
 */
function recordRefusalAfterAnswer(req: Request, res: Response, auditLog: AuditLog, refused: Extract<SignInResult, { outcome: 'refused' }>): void {
  res.once('finish', () => {
    const { account } = refused;
    if (!account) {
      req.log.info('sign-in refused: no account has this email (not in the audit log)');
      return;
    }
    const entry = { event: 'signin.failed' as const, organisationId: account.organisationId, actor: { userId: null, name: null }, ip: req.ip ?? null, subject: account.email, detail: { reason: account.reason } };
    auditLog.record(entry).catch((error: unknown) => req.log.error({ err: error }, 'a failed sign-in could not be recorded in the audit log'));
  });
}

/** Sign-in and sign-out. Sign-ins and refused sign-ins of existing accounts go into the audit log. */
export function signInRoutes(accounts: AccountService, throttle: SignInThrottle, auditLog: AuditLog, t: Translate, clock: () => number = Date.now): Router {
  const router = Router();

  function render(res: Response, page: SignInPage): void {
    const errors = page.errors ?? [];
    res.status(page.status).render('pages/sign-in', {
      title: pageTitle(t('accounts.signIn.title'), errors.length > 0, t),
      next: page.next,
      values: page.values ?? {},
      ...formErrorsView(errors),
      signedOut: page.signedOut === true,
    });
  }

  router.get(SIGN_IN_PATH, (req, res) => {
    const next = isLocalPath(req.query.next) ? req.query.next : undefined;
    const user = signedInUser(res);
    if (user) {
      res.redirect(303, next ?? SIGNED_IN_HOME);
      return;
    }
    render(res, { status: 200, next, signedOut: req.query.signed_out === '1' });
  });

  router.post(SIGN_IN_PATH, async (req, res) => {
    const nextField = typedValue(req, 'next');
    const next = isLocalPath(nextField) ? nextField : undefined;
    const form = readSignInForm(req, t);
    if (!form.ok) {
      render(res, { status: 400, next, values: form.values, errors: form.errors });
      return;
    }
    const { email, password } = form.value;
    // Counted before the password is checked; a refusal looks the same whether or not the account exists.
    const allowance = await throttle.take(email, req.ip);
    if (!allowance.allowed) {
      res.setHeader('Retry-After', String(allowance.retryAfterSeconds));
      const minutes = Math.ceil(allowance.retryAfterSeconds / 60);
      const message = t(minutes === 1 ? 'accounts.signIn.throttled.one' : 'accounts.signIn.throttled.other', { minutes });
      render(res, { status: 429, next, values: { email }, errors: [fieldError('email', message)] });
      return;
    }
    const result = await accounts.signIn(email, password);
    if (result.outcome === 'refused') {
      // One message for an unknown email, a wrong password and a disabled account.
      render(res, { status: 400, next, values: { email }, errors: [fieldError('email', t('accounts.signIn.failed'))] });
      recordRefusalAfterAnswer(req, res, auditLog, result);
      return;
    }
    const { user } = result;
    await allowance.succeeded();
    // Before the session starts: a sign-in the log cannot record does not happen (503).
    await auditLog.record({ event: 'signin.succeeded', organisationId: user.organisationId, actor: { userId: user.id, name: user.displayName }, ip: req.ip ?? null, subject: user.email });
    await startSignedInSession(req, user, clock());
    res.redirect(303, next ?? SIGNED_IN_HOME);
  });

  router.post('/sign-out', async (req, res) => {
    // An anonymous visitor's session (their assessment) is not theirs to lose by a stray click.
    if (req.session.userId) await endSession(req, res);
    res.redirect(303, `${SIGN_IN_PATH}?signed_out=1`);
  });

  return router;
}
