import type { Transaction } from 'kysely';
import type { DurableWriter } from '../db/durableWrites.js';
import type { DatabaseSchema } from '../db/schema.js';
import type { AuditRepository } from '../repositories/auditRepository.js';
import type { AuditEntry } from './auditEvents.js';

/**
 * Records audit entries. `record` commits one entry on its own, durably (synchronous=FULL on
 * SQLite); `recordWithin` adds an entry to a transaction that is writing what it records (an
 * issued report and its "issued" line commit together or not at all). A failed write throws:
 * an action the log must show does not go ahead unrecorded.
 */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  recordWithin(trx: Transaction<DatabaseSchema>, entry: AuditEntry): Promise<void>;
}

export function createAuditLog(repository: AuditRepository, durably: DurableWriter, clock: () => Date = () => new Date()): AuditLog {
  return {
    record: (entry) => durably((trx) => repository.append(entry, clock(), trx)),
    recordWithin: (trx, entry) => repository.append(entry, clock(), trx),
  };
}
