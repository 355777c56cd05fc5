import { SHARE_LINK_DAYS_MAX } from '../config.js';
import type { Translate } from '../i18n/catalogue.js';
import type { ShareLinkEntry, ShareLinkStatus } from '../services/shareLinkService.js';
import type { FieldError, FormValues } from '../web/forms/fields.js';
import { formatDate, formatDateTime, pageTitle } from './teamPage.js';

const TAG_OF: Readonly<Record<ShareLinkStatus, string>> = { active: 'tag--green', expired: 'tag--grey', withdrawn: 'tag--grey' };

/** A link as the share page lists it: every label translated, every date formatted. */
export interface ShareLinkView {
  sharedBy: string;
  created: string;
  until: string;
  statusLabel: string;
  statusTag: string;
  /** "by Nino Beridze, 3 December 2026" for a withdrawn link. */
  withdrawnBy?: string;
  /** Where the withdraw button posts, for an active link only. */
  withdrawAction?: string;
}

export interface SharePageInput {
  /** The assessment's base, e.g. /assessments/<id>. */
  base: string;
  company: string;
  readyForResults: boolean;
  links: readonly ShareLinkEntry[];
  values: FormValues;
  errors: readonly FieldError[];
  /** The link just created: shown this once. */
  created?: { url: string; expiresAt: string };
  /** The page after a withdrawal says so. */
  withdrawn?: boolean;
  /** The store refused to save the new link. */
  notSaved?: boolean;
}

export function shareLinkView(link: ShareLinkEntry, base: string, t: Translate): ShareLinkView {
  const sharedBy = link.createdByName ?? t('sharing.list.formerUser');
  return {
    sharedBy,
    created: formatDateTime(link.createdAt),
    until: formatDate(link.expiresAt),
    statusLabel: t(`sharing.status.${link.status}`),
    statusTag: TAG_OF[link.status],
    ...(link.status === 'withdrawn' && link.revokedAt
      ? { withdrawnBy: t('sharing.list.withdrawnBy', { name: link.revokedByName ?? t('sharing.list.formerUser'), date: formatDate(link.revokedAt) }) }
      : {}),
    ...(link.status === 'active' ? { withdrawAction: `${base}/share/${encodeURIComponent(link.id)}/withdraw` } : {}),
  };
}

/** The share page: the form (or why there is none), the link just made, and the list of links. */
export function sharePageView(page: SharePageInput, t: Translate) {
  const heading = t('sharing.page.title');
  const days = page.values.days;
  return {
    title: pageTitle(heading, page.errors.length > 0 || page.notSaved === true, t),
    heading,
    company: page.company,
    ready: page.readyForResults,
    back: page.readyForResults ? { href: `${page.base}/results`, text: t('sharing.page.back') } : { href: page.base, text: t('sharing.page.backToTasks') },
    tasksHref: page.base,
    action: `${page.base}/share`,
    notSaved: page.notSaved === true,
    errorSummary: page.errors.map((error) => ({ href: `#${error.href}`, text: error.message })),
    // The shape views/partials/textField.ejs prints.
    days: {
      id: 'days',
      label: t('sharing.form.days'),
      hint: t('sharing.form.daysHint', { max: SHARE_LINK_DAYS_MAX }),
      type: 'text',
      inputmode: 'numeric',
      width: 'short',
      autocomplete: 'off',
      value: typeof days === 'string' ? days : '',
      error: page.errors.find((error) => error.field === 'days')?.message,
    },
    created: page.created ? { url: page.created.url, expires: t('sharing.created.expires', { date: formatDate(page.created.expiresAt) }) } : undefined,
    withdrawn: page.withdrawn === true,
    links: page.links.map((link) => shareLinkView(link, page.base, t)),
  };
}

/** The line the shared results page opens with: who shared it and until when. */
export function sharedByText(link: { sharedByName: string | null; organisationName: string; expiresAt: string }, t: Translate): string {
  const date = formatDate(link.expiresAt);
  return link.sharedByName
    ? t('sharing.shared.byPerson', { name: link.sharedByName, organisation: link.organisationName, date })
    : t('sharing.shared.byFirm', { organisation: link.organisationName, date });
}
