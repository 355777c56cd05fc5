import { dateFormat } from '../report/model/context.js';
import type { Translate } from '../i18n/catalogue.js';
import { USER_ROLES } from '../services/accountFields.js';
import type { MemberStatus, TeamMember } from '../services/accountService.js';

/** A member as the team pages show them: every label already translated, every date formatted. */
export interface MemberView {
  id: string;
  href: string;
  displayName: string;
  email: string;
  role: string;
  roleLabel: string;
  status: MemberStatus;
  statusLabel: string;
  statusTag: string;
  lastSignedIn: string;
  added: string;
  isViewer: boolean;
}

export interface RoleOption {
  value: string;
  label: string;
  hint: string;
  checked: boolean;
}

const TAG_OF: Readonly<Record<MemberStatus, string>> = { active: 'tag--green', invited: 'tag--blue', disabled: 'tag--grey' };

/** Times are shown in UTC, and say so: the team may sit in Tbilisi, Baku or elsewhere. */
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function formatDateTime(iso: string): string {
  return `${dateTimeFormat.format(new Date(iso))} UTC`;
}

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function memberView(member: TeamMember, viewerId: string, t: Translate): MemberView {
  return {
    id: member.id,
    href: `/team/${encodeURIComponent(member.id)}`,
    displayName: member.displayName,
    email: member.email,
    role: member.role,
    roleLabel: t(`accounts.role.${member.role}`),
    status: member.status,
    statusLabel: t(`accounts.status.${member.status}`),
    statusTag: TAG_OF[member.status],
    lastSignedIn: member.lastSignedInAt ? formatDateTime(member.lastSignedInAt) : t('accounts.team.never'),
    added: formatDate(member.createdAt),
    isViewer: member.id === viewerId,
  };
}

/** The role radios, with `selected` checked (none when undefined). */
export function roleOptions(selected: string | undefined, t: Translate): RoleOption[] {
  return USER_ROLES.map((role) => ({ value: role, label: t(`accounts.role.${role}`), hint: t(`accounts.role.${role}.hint`), checked: role === selected }));
}

/** The page title, with the error prefix when the form has errors (so screen readers hear it first). */
export function pageTitle(title: string, hasErrors: boolean, t: Translate): string {
  return hasErrors ? `${t('ui.errorTitlePrefix')} ${title}` : title;
}
