import { Router, type Response } from 'express';
import type { Translate } from '../../i18n/catalogue.js';
import { pageTitle } from '../../presenters/teamPage.js';
import { INVITATION_DAYS, type AccountService, type SignedInUser } from '../../services/accountService.js';
import { passwordProblemMessageKey } from '../../services/passwordPolicy.js';
import { fieldError, formErrorsView, readNewPasswordForm, typedValue } from '../forms/accountForms.js';
import type { FieldError } from '../forms/fields.js';
import { SIGNED_IN_HOME, startSignedInSession } from './signInRoutes.js';

/** Invitation links: the invited user creates a password, and is signed in. */
export function invitationRoutes(accounts: AccountService, t: Translate, clock: () => number = Date.now): Router {
  const router = Router();

  function notFound(res: Response): void {
    res.status(404).render('pages/invitation-not-found', { days: INVITATION_DAYS });
  }

  function render(res: Response, status: number, invited: SignedInUser, token: string, errors: FieldError[] = []): void {
    res.status(status).render('pages/invitation', {
      title: pageTitle(t('accounts.invitation.title'), errors.length > 0, t),
      invited,
      token,
      ...formErrorsView(errors),
    });
  }

  // Opening the link only shows the form: nothing is used up until the password is posted.
  router.get('/invitations/:token', async (req, res) => {
    const token = String(req.params.token);
    const invited = await accounts.openInvitation(token);
    if (!invited) {
      notFound(res);
      return;
    }
    render(res, 200, invited, token);
  });

  router.post('/invitations', async (req, res) => {
    const token = typedValue(req, 'token');
    const invited = await accounts.openInvitation(token);
    if (!invited) {
      notFound(res);
      return;
    }
    const form = await readNewPasswordForm(req, invited.email, t);
    if (!form.ok) {
      render(res, 400, invited, token, form.errors);
      return;
    }
    const accepted = await accounts.acceptInvitation(token, form.value);
    if (accepted.outcome === 'invalid') {
      notFound(res);
      return;
    }
    if (accepted.outcome === 'rejected') {
      render(res, 400, invited, token, [fieldError('password', t(passwordProblemMessageKey(accepted.problem)))]);
      return;
    }
    await startSignedInSession(req, accepted.user, clock());
    res.redirect(303, SIGNED_IN_HOME);
  });

  return router;
}
