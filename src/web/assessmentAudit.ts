import type { Request, Response } from 'express';
import type { AuditEntry, AuditEvent } from '../audit/auditEvents.js';
import type { AuditLog } from '../audit/auditLog.js';
import { auditFrom } from './auditContext.js';
import { baseOf, stateOf } from './routes/assessmentContext.js';
import { SHARED_BASE } from './routes/sharedAssessment.js';

/**
 * Records an event about the assessment a route has loaded, in its firm's audit log: about its
 * company (the name as answered), with its id; through a client's read-only link the actor is
 * that link's holder (nobody is signed in there). An anonymous self-assessment has no firm whose
 * log could hold it, so nothing is recorded for it. A failed write throws: the action stops.
 */
export async function recordAssessmentEvent(auditLog: AuditLog, req: Request, res: Response, event: AuditEvent, detail: AuditEntry['detail'] = {}): Promise<void> {
  const { assessment, answers } = stateOf(res);
  if (!assessment.organisationId) return;
  const company = answers.company_name?.value;
  const viaLink = baseOf(res).startsWith(`${SHARED_BASE}/`);
  await auditLog.record({
    ...auditFrom(req, res),
    organisationId: assessment.organisationId,
    event,
    subject: typeof company === 'string' ? company : null,
    detail: { assessmentId: assessment.id, ...detail, ...(viaLink ? { via: 'read_only_link' } : {}) },
  });
}
