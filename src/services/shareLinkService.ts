import { randomUUID } from 'node:crypto';
import type { ShareLinkRecord, ShareLinkRepository, WithdrawResult } from '../repositories/shareLinkRepository.js';
import type { Actor } from './practiceService.js';
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from './secretTokens.js';

export type ShareLinkStatus = 'active' | 'expired' | 'withdrawn';

/** A link on the share page, with where it stands now. */
export interface ShareLinkEntry extends ShareLinkRecord {
  status: ShareLinkStatus;
}

/** A new link's secret (to put in the URL once, never stored) and when it stops working. */
export interface IssuedShareLink {
  token: string;
  expiresAt: string;
}

/** What a working link opens, and what its page says about it. */
export interface OpenShareLink {
  assessmentId: string;
  /** Null once the user who shared it is gone: the page then names the firm alone. */
  sharedByName: string | null;
  organisationName: string;
  expiresAt: string;
}

/** The assessment a consultant shares: it must be their firm's and its results ready. */
export interface ShareableAssessment {
  id: string;
  /** Undefined for an anonymous assessment, which is never shared. */
  organisationId: string | undefined;
  readyForResults: boolean;
}

export class AssessmentNotShareableError extends Error {
  override name = 'AssessmentNotShareableError';
}

/**
 * A link works to the end of its last day (UTC): "works until 2 January 2027" then holds for the
 * whole of that day wherever the client reads it from.
 */
export function shareLinkExpiry(now: Date, days: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, 23, 59, 59, 999)).toISOString();
}

export function shareLinkStatus(link: { expiresAt: string; revokedAt: string | null }, now: Date): ShareLinkStatus {
  if (link.revokedAt !== null) return 'withdrawn';
  return link.expiresAt > now.toISOString() ? 'active' : 'expired';
}

/**
 * Read-only links to a firm's assessment, for its client. The secret is 256 random bits (see
 * secretTokens.ts) and only its hash is stored. Callers have already checked that the actor may
 * change the assessment; every query is scoped to the actor's organisation as well.
 */
export function createShareLinkService(repository: ShareLinkRepository, options: { clock?: () => Date } = {}) {
  const clock = options.clock ?? (() => new Date());

  return {
    async create(actor: Actor, assessment: ShareableAssessment, days: number): Promise<IssuedShareLink> {
      if (assessment.organisationId !== actor.organisationId || !assessment.readyForResults) throw new AssessmentNotShareableError();
      const now = clock();
      const token = newSecretToken();
      const expiresAt = shareLinkExpiry(now, days);
      await repository.create({ id: randomUUID(), tokenHash: hashSecretToken(token), assessmentId: assessment.id, createdByUserId: actor.id, now: now.toISOString(), expiresAt });
      return { token, expiresAt };
    },

    async list(actor: Actor, assessmentId: string): Promise<ShareLinkEntry[]> {
      const now = clock();
      return (await repository.list(assessmentId, actor.organisationId)).map((link) => ({ ...link, status: shareLinkStatus(link, now) }));
    },

    withdraw(actor: Actor, assessmentId: string, linkId: string): Promise<WithdrawResult> {
      return repository.withdraw({ linkId, assessmentId, organisationId: actor.organisationId, userId: actor.id, now: clock().toISOString() });
    },

    /** The link this secret opens while it works; undefined for a malformed, unknown, expired or withdrawn one alike. */
    async open(token: string): Promise<OpenShareLink | undefined> {
      // A malformed token cannot match a hash: no read for it.
      if (!looksLikeSecretToken(token)) return undefined;
      const found = await repository.findByTokenHash(hashSecretToken(token));
      if (!found || shareLinkStatus(found, clock()) !== 'active') return undefined;
      return { assessmentId: found.assessmentId, sharedByName: found.sharedByName, organisationName: found.organisationName, expiresAt: found.expiresAt };
    },
  };
}

export type ShareLinkService = ReturnType<typeof createShareLinkService>;
