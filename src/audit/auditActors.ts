import type { AuditActor } from './auditEvents.js';

/**
 * The scheduled clean-up acting on its own (services/retention.ts), for the entries it records:
 * no user, and this marker as the name. The audit page shows it as "Automatic clean-up"; a user's
 * entry always has its user id, so no user's name can pass for it.
 */
export const AUTOMATIC_CLEAN_UP_ACTOR: AuditActor = { userId: null, name: '[automatic-clean-up]' };
