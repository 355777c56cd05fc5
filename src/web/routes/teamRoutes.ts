import { Router, type Request, type Response } from 'express';
import type { AuditEntry, AuditEvent } from '../../audit/auditEvents.js';
import type { AuditLog } from '../../audit/auditLog.js';
import type { Translate } from '../../i18n/catalogue.js';
import { formatDate, memberView, pageTitle, roleOptions } from '../../presenters/teamPage.js';
import type { AccountService, IssuedInvitation, MemberChangeOutcome, SignedInUser, TeamMember } from '../../services/accountService.js';
import { fieldError, formErrorsView, readInvitationForm, readRoleForm, type TypedValues } from '../forms/accountForms.js';
import type { FieldError } from '../forms/fields.js';
import { auditFrom } from '../auditContext.js';
import { requireRole, signedInUser } from '../middleware/currentUser.js';

export interface TeamRouteOptions {
  /** Where users reach the app: invitation links are built on it, never on the Host header. */
  publicUrl: URL;
  /** Invitations, role changes and access changes are recorded in the organisation's audit log. */
  auditLog: AuditLog;
}

/** The absolute invitation link, on the configured public address (like resume links). */
export function invitationUrl(publicUrl: URL, token: string): string {
  return new URL(`invitations/${token}`, publicUrl).href;
}

/** The changes the member page confirms after its redirect (?changed=...). */
const CONFIRMATIONS = new Set(['role', 'disabled', 'enabled']);

/**
 * The admin's team pages: list, invite, and change role or access. Admins only, and only their own
 * organisation's members: anyone else, and any other id, gets the same 404.
 */
export function teamRoutes(accounts: AccountService, t: Translate, options: TeamRouteOptions): Router {
  const router = Router();
  router.use('/team', requireRole('admin'));
  const adminOf = (res: Response) => signedInUser(res) as SignedInUser;
  const notFound = (res: Response) => res.status(404).render('pages/error', { status: 404 });
  /** Records a change to a member in the admin's organisation's log; a failed write is a 503, not a success page. */
  const recordChange = (req: Request, res: Response, event: AuditEvent, member: TeamMember, detail?: AuditEntry['detail']) =>
    options.auditLog.record({ ...auditFrom(req, res), event, subject: member.email, ...(detail ? { detail } : {}) });

  function renderInviteForm(res: Response, status: number, values: TypedValues = {}, errors: FieldError[] = []): void {
    res.status(status).render('pages/team-invite', {
      title: pageTitle(t('accounts.invite.title'), errors.length > 0, t),
      values,
      roles: roleOptions(values.role, t),
      ...formErrorsView(errors),
    });
  }

  function renderInvitationLink(res: Response, member: TeamMember, invitation: IssuedInvitation): void {
    res.status(201).render('pages/team-invited', {
      name: member.displayName,
      link: invitationUrl(options.publicUrl, invitation.token),
      expires: formatDate(invitation.expiresAt),
    });
  }

  function renderMember(res: Response, member: TeamMember, page: { status?: number; errors?: FieldError[]; changed?: string } = {}): void {
    const errors = page.errors ?? [];
    const view = memberView(member, adminOf(res).id, t);
    res.status(page.status ?? 200).render('pages/team-member', {
      title: pageTitle(member.displayName, errors.length > 0, t),
      member: view,
      roles: roleOptions(member.role, t),
      ...formErrorsView(errors),
      changed: page.changed,
    });
  }

  /** After a change: back to the member's page with a confirmation, or the page again with why it was refused. */
  async function answerChange(req: Request, res: Response, outcome: MemberChangeOutcome, confirmation: string, field: string): Promise<void> {
    const admin = adminOf(res);
    const userId = String(req.params.userId);
    if (outcome === 'changed') {
      res.redirect(303, `/team/${encodeURIComponent(userId)}?changed=${confirmation}`);
      return;
    }
    const member = outcome === 'not_found' ? undefined : await accounts.member(admin, userId);
    if (!member) {
      notFound(res);
      return;
    }
    renderMember(res, member, { status: 409, errors: [fieldError(field, t(`accounts.member.refused.${outcome}`))] });
  }

  router.get('/team', async (_req, res) => {
    const admin = adminOf(res);
    const members = await accounts.team(admin);
    res.render('pages/team', { organisation: admin.organisationName, members: members.map((member) => memberView(member, admin.id, t)) });
  });

  router.get('/team/invite', (_req, res) => {
    renderInviteForm(res, 200);
  });

  router.post('/team/invite', async (req, res) => {
    const form = await readInvitationForm(req, t);
    if (!form.ok) {
      renderInviteForm(res, 400, form.values, form.errors);
      return;
    }
    const result = await accounts.invite(adminOf(res), form.value);
    if (result.outcome === 'email_taken') {
      const { email, displayName, role } = form.value;
      renderInviteForm(res, 400, { email, name: displayName, role }, [fieldError('email', t('accounts.invite.emailTaken'))]);
      return;
    }
    await recordChange(req, res, 'user.invited', result.member, { role: result.member.role });
    renderInvitationLink(res, result.member, result.invitation);
  });

  router.get('/team/:userId', async (req, res) => {
    const member = await accounts.member(adminOf(res), String(req.params.userId));
    if (!member) {
      notFound(res);
      return;
    }
    const changed = typeof req.query.changed === 'string' && CONFIRMATIONS.has(req.query.changed) ? req.query.changed : undefined;
    renderMember(res, member, changed ? { changed } : {});
  });

  router.post('/team/:userId/role', async (req, res) => {
    const admin = adminOf(res);
    const userId = String(req.params.userId);
    const form = readRoleForm(req, t);
    if (!form.ok) {
      const member = await accounts.member(admin, userId);
      if (!member) notFound(res);
      else renderMember(res, member, { status: 400, errors: form.errors });
      return;
    }
    // Read first for the log's "from" role (and whom it was): a change refused or to the same role records nothing.
    const before = await accounts.member(admin, userId);
    const outcome = await accounts.changeRole(admin, userId, form.value);
    if (outcome === 'changed' && before && before.role !== form.value) await recordChange(req, res, 'user.role_changed', before, { oldRole: before.role, newRole: form.value });
    await answerChange(req, res, outcome, 'role', 'role');
  });

  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    router.post(`/team/:userId/${action}`, async (req, res) => {
      const before = await accounts.member(adminOf(res), String(req.params.userId));
      const outcome = await accounts.setDisabled(adminOf(res), String(req.params.userId), disabled);
      if (outcome === 'changed' && before && (before.status === 'disabled') !== disabled) await recordChange(req, res, disabled ? 'user.disabled' : 'user.enabled', before);
      await answerChange(req, res, outcome, disabled ? 'disabled' : 'enabled', 'access');
    });
  }

  router.post('/team/:userId/invitation', async (req, res) => {
    const admin = adminOf(res);
    const member = await accounts.member(admin, String(req.params.userId));
    if (!member) {
      notFound(res);
      return;
    }
    const invitation = await accounts.reinvite(admin, member.id);
    if (!invitation) {
      renderMember(res, member, { status: 409, errors: [fieldError('access', t('accounts.member.refused.not_invited'))] });
      return;
    }
    await recordChange(req, res, 'user.invited', member, { role: member.role, renewed: true });
    renderInvitationLink(res, member, invitation);
  });

  return router;
}
