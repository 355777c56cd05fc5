/**
 * What the audit log records. The names are stored, so they never change meaning; a new kind of
 * event gets a new name. Each one's words for the audit page are `audit.event.<name>` in the
 * catalogue.
 */
export const AUDIT_EVENTS = [
  'report.issued',
  'report.downloaded',
  'report.answers_downloaded',
  'report.verified',
  'report.disposed',
  'legal_hold.placed',
  'legal_hold.released',
  'archive.exported',
  'assessment.exported',
  'assessment.shared',
  'share.withdrawn',
  'signin.succeeded',
  'signin.failed',
  'user.invited',
  'user.role_changed',
  'user.disabled',
  'user.enabled',
  'audit.exported',
] as const;

export type AuditEvent = (typeof AUDIT_EVENTS)[number];

export function isAuditEvent(value: string): value is AuditEvent {
  return (AUDIT_EVENTS as readonly string[]).includes(value);
}

/** Who did it: a signed-in user, or the holder of an anonymous assessment's resume link (no user). */
export interface AuditActor {
  userId: string | null;
  name: string | null;
}

export interface AuditEntry {
  event: AuditEvent;
  /** The firm whose record this is; null for events of anonymous assessments. */
  organisationId: string | null;
  actor: AuditActor;
  /** The client address (req.ip, after the configured proxies). */
  ip: string | null;
  /** What it is about, in words a reader knows: a report number, an email, a client's name. */
  subject?: string | null;
  /** A few particulars, kept as a short JSON object. */
  detail?: Readonly<Record<string, string | number | boolean | null>>;
}
