import { describe, expect, it } from 'vitest';
import { AUTOMATIC_CLEAN_UP_ACTOR } from '../../src/audit/auditActors.js';
import { AUDIT_EVENTS } from '../../src/audit/auditEvents.js';
import { createTranslator, hasMessage } from '../../src/i18n/catalogue.js';
import { auditTime, detailWords, eventWords, whoWords } from '../../src/presenters/auditPage.js';
import { normalisedSha256 } from '../../src/services/verificationService.js';

const t = createTranslator('en');

describe('the audit page in words', () => {
  it('has words for every event the log records, and shows an unknown (newer) event as stored', () => {
    expect(AUDIT_EVENTS.filter((event) => !hasMessage(`audit.event.${event}`))).toEqual([]);
    expect(eventWords('signin.failed', t)).toBe('Sign-in failed');
    expect(eventWords('report.shredded', t)).toBe('report.shredded');
  });

  it('names who acted: the user as recorded, the link holder, someone not signed in, the automatic clean-up', () => {
    expect(whoWords({ actor_user_id: 'u1', actor_name: 'Nino Beridze', event: 'report.issued' }, t)).toBe('Nino Beridze');
    expect(whoWords({ actor_user_id: 'u1', actor_name: null, event: 'report.issued' }, t)).toBe('A former user');
    expect(whoWords({ actor_user_id: null, actor_name: null, event: 'assessment.exported' }, t)).toBe('Anonymous link holder');
    expect(whoWords({ actor_user_id: null, actor_name: null, event: 'signin.failed' }, t)).toBe('Someone not signed in');
    expect(whoWords({ actor_user_id: null, actor_name: null, event: 'report.verified' }, t)).toBe('Someone not signed in');
    expect(whoWords({ actor_user_id: null, actor_name: AUTOMATIC_CLEAN_UP_ACTOR.name, event: 'report.disposed' }, t)).toBe('Automatic clean-up');
    // A user who happens to be called like the marker is still that user.
    expect(whoWords({ actor_user_id: 'u2', actor_name: AUTOMATIC_CLEAN_UP_ACTOR.name, event: 'report.disposed' }, t)).toBe(AUTOMATIC_CLEAN_UP_ACTOR.name);
  });

  it('words the particulars, and shows what it has no words for as stored rather than hiding it', () => {
    expect(detailWords(JSON.stringify({ oldRole: 'consultant', newRole: 'admin' }), t)).toBe('Role: Consultant → Admin');
    expect(detailWords(JSON.stringify({ role: 'compliance', renewed: true }), t)).toBe('Role: Compliance; New link for an earlier invitation: yes');
    expect(detailWords(JSON.stringify({ revision: 2, method: 'sha256' }), t)).toBe('Revision: 2; Checked by: pasting its SHA-256');
    expect(detailWords(JSON.stringify({ event: 'user.invited', from: '2026-01-01' }), t)).toBe('Event: User invited; On or after: 2026-01-01');
    expect(detailWords(JSON.stringify({ newRole: 'admin' }), t)).toBe('newRole: Admin');
    expect(detailWords(JSON.stringify({ pages: 14, hold: null }), t)).toBe('pages: 14; hold: –');
    expect(detailWords('not json', t)).toBe('detail: not json');
    expect(detailWords(null, t)).toBe('');
  });

  it('gives times as the long date and the time to the second, in UTC', () => {
    expect(auditTime('2026-12-03T09:16:34.120Z')).toBe('3 December 2026, 09:16:34 UTC');
  });
});

describe('a pasted SHA-256', () => {
  const hash = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);
  it('is accepted in lower or upper case with spaces around it, and nothing else', () => {
    expect(normalisedSha256(hash)).toBe(hash);
    expect(normalisedSha256(` \t${hash.toUpperCase()}\r\n`)).toBe(hash);
    for (const bad of ['', hash.slice(1), `${hash}a`, `${hash.slice(1)}g`, `${hash.slice(0, 32)} ${hash.slice(32)}`, `sha256:${hash}`]) expect(normalisedSha256(bad), bad).toBeUndefined();
  });
});
