import { describe, expect, it } from 'vitest';
import { asStorageUnavailable, StorageUnavailableError } from '../../src/db/storageErrors.js';

/** An error shaped as better-sqlite3, pg or Node's socket layer raise it. */
const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('recognising storage that cannot be used right now', () => {
  it.each([
    ['SQLITE_FULL', 'database or disk is full'],
    ['SQLITE_READONLY', 'attempt to write a readonly database'],
    ['SQLITE_READONLY_DBMOVED', 'attempt to write a readonly database'],
    ['SQLITE_IOERR_WRITE', 'disk I/O error'],
    ['SQLITE_BUSY', 'database is locked'],
    ['SQLITE_BUSY_SNAPSHOT', 'database is locked'],
    ['SQLITE_CANTOPEN', 'unable to open database file'],
    ['53100', 'could not extend file: No space left on device'],
    ['53300', 'sorry, too many clients already'],
    ['57014', 'canceling statement due to statement timeout'],
    ['57P01', 'terminating connection due to administrator command'],
    ['08006', 'connection failure'],
    ['25006', 'cannot execute UPDATE in a read-only transaction'],
    ['40001', 'could not serialize access'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'],
    ['ECONNRESET', 'read ECONNRESET'],
  ])('%s (%s) is a 503 with Retry-After that keeps the original and its code', (code, message) => {
    const original = withCode(code, message);
    const error = asStorageUnavailable(original);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect(error).toMatchObject({ status: 503, retryAfterSeconds: 5, storageCode: code, cause: original });
    expect(error?.message).toBe(`The database cannot be used right now (${code})`);
  });

  it.each([
    ['timeout exceeded when trying to connect', 'pool_connect_timeout'],
    ['Connection terminated unexpectedly', 'connection_terminated'],
    ['Client has encountered a connection error and is not queryable', 'connection_broken'],
  ])('pg says "%s" without a code: named %s', (message, code) => {
    expect(asStorageUnavailable(new Error(message))?.storageCode).toBe(code);
  });

  it('finds a refused connect inside the AggregateError Node gives for two addresses', () => {
    const refused = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], '');
    expect(asStorageUnavailable(refused)?.storageCode).toBe('ECONNREFUSED');
  });

  it('finds the store error behind a wrapping error', () => {
    const wrapped = new Error('saving the session failed', { cause: withCode('SQLITE_FULL') });
    expect(asStorageUnavailable(wrapped)).toMatchObject({ storageCode: 'SQLITE_FULL', cause: wrapped });
  });

  it.each([
    ['a programming error', new TypeError('cannot read properties of undefined')],
    ['a constraint violation (SQLite)', withCode('SQLITE_CONSTRAINT_PRIMARYKEY')],
    ['a corrupt database, which waiting does not fix', withCode('SQLITE_CORRUPT')],
    ['a unique violation (PostgreSQL)', withCode('23505')],
    ['a syntax error (PostgreSQL)', withCode('42601')],
    ['"cannot rollback", which hides the real cause', withCode('SQLITE_ERROR', 'cannot rollback - no transaction is active')],
    ['a refused form that already has its status', Object.assign(withCode('ECONNRESET'), { status: 400 })],
    ['a string', 'SQLITE_FULL'],
    ['nothing', undefined],
  ])('leaves %s alone', (_what, error) => {
    expect(asStorageUnavailable(error)).toBeUndefined();
  });

  it('returns a storage error it is given as it is', () => {
    const error = new StorageUnavailableError('SQLITE_FULL', withCode('SQLITE_FULL'));
    expect(asStorageUnavailable(error)).toBe(error);
  });
});
