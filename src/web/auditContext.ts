import type { Request, Response } from 'express';
import type { AuditActor, AuditEntry } from '../audit/auditEvents.js';
import { signedInUser } from './middleware/currentUser.js';

/** The signed-in user, or nobody (the holder of an anonymous assessment's link). */
export function auditActorOf(res: Response): AuditActor {
  const user = signedInUser(res);
  return user ? { userId: user.id, name: user.displayName } : { userId: null, name: null };
}

/**
 * The parts of an audit entry every route fills alike: who (the signed-in user), which firm's
 * record (theirs; null when nobody is signed in) and from where (req.ip, after the configured
 * proxies, never a header a client can set freely).
 */
export function auditFrom(req: Request, res: Response): Pick<AuditEntry, 'actor' | 'organisationId' | 'ip'> {
  return { actor: auditActorOf(res), organisationId: signedInUser(res)?.organisationId ?? null, ip: req.ip ?? null };
}
