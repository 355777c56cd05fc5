import type { AuditEntry } from '../audit/auditEvents.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { DurableWriter } from '../db/durableWrites.js';
import type { LegalHold, LegalHoldRepository } from '../repositories/legalHoldRepository.js';

/** Who acts, for which firm, from where: what auditFrom(req, res) gives a route. */
export type AuditParty = Pick<AuditEntry, 'actor' | 'organisationId' | 'ip'>;

export interface HoldTarget {
  /** The numbering scope: the organisation's id. */
  scope: string;
  reportNumber: string;
}

/**
 * Placing and releasing legal holds. Each change commits durably with its audit line, so the log
 * shows every hold that ever stopped a disposal, and who lifted it.
 */
export function createLegalHoldService(deps: { holds: LegalHoldRepository; durably: DurableWriter; auditLog: AuditLog; clock?: () => Date }) {
  const clock = deps.clock ?? (() => new Date());
  const actorOf = (party: AuditParty) => ({ userId: party.actor.userId, name: party.actor.name ?? '' });
  const inForce = (holds: readonly LegalHold[]) => holds.filter((hold) => hold.released_at === null);

  return {
    /** The holds on a number, newest first, those in force and those released. */
    holdsOn: (target: HoldTarget): Promise<LegalHold[]> => deps.holds.holdsOn(target.scope, target.reportNumber),

    /** Places a hold unless one is in force already (a second would say nothing more). */
    async place(target: HoldTarget, reason: string, party: AuditParty): Promise<'placed' | 'already_held'> {
      return deps.durably(async (trx) => {
        if (inForce(await deps.holds.holdsOn(target.scope, target.reportNumber, trx)).length > 0) return 'already_held';
        await deps.holds.place(trx, { ...target, reason, by: actorOf(party), at: clock().toISOString() });
        await deps.auditLog.recordWithin(trx, { ...party, event: 'legal_hold.placed', subject: target.reportNumber, detail: { reason } });
        return 'placed';
      });
    },

    /** Releases the hold in force on the number; 'not_held' when there was none. */
    async release(target: HoldTarget, party: AuditParty): Promise<'released' | 'not_held'> {
      return deps.durably(async (trx) => {
        const held = inForce(await deps.holds.holdsOn(target.scope, target.reportNumber, trx));
        if (held.length === 0) return 'not_held';
        await deps.holds.release(trx, { ...target, by: actorOf(party), at: clock().toISOString() });
        await deps.auditLog.recordWithin(trx, { ...party, event: 'legal_hold.released', subject: target.reportNumber, detail: { placedAt: held[0]!.placed_at, reason: held[0]!.reason } });
        return 'released';
      });
    },
  };
}

export type LegalHoldService = ReturnType<typeof createLegalHoldService>;
