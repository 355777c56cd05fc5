import { describe, expect, it } from 'vitest';
import { AUTOMATIC_CLEAN_UP_ACTOR } from '../../src/audit/auditActors.js';
import { AUDIT_EVENTS } from '../../src/audit/auditEvents.js';
import { createTranslator, hasMessage } from '../../src/i18n/catalogue.js';
import type { AuditEvent } from '../../src/audit/auditEvents.js';
import { auditRowView, auditTime, dateRangeWords, detailWords, eventWords, whoWords } from '../../src/presenters/auditPage.js';
import type { AuditRow } from '../../src/repositories/auditRepository.js';
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
    expect(detailWords(JSON.stringify({ event: 'user.invited', from: '2026-01-01' }), t)).toBe('Event: User invited; Dates: on or after 1 January 2026');
    expect(detailWords(JSON.stringify({ newRole: 'admin' }), t)).toBe('New role: Admin');
    expect(detailWords(JSON.stringify({ pages: 14, hold: null }), t)).toBe('pages: 14; hold: –');
    expect(detailWords('not json', t)).toBe('Recorded as: not json');
    expect(detailWords(null, t)).toBe('');
  });

  it('reads a filter’s dates as one range, however much of it was given', () => {
    expect(dateRangeWords('2026-10-01', '2026-10-31', t)).toMatch(/^1\s?–\s?31 October 2026$/);
    expect(dateRangeWords('2026-10-01', '2027-01-03', t)).toMatch(/^1 October 2026\s?–\s?3 January 2027$/);
    expect(dateRangeWords('2026-10-01', '2026-10-01', t)).toBe('1 October 2026');
    expect(dateRangeWords(undefined, '2026-10-02', t)).toBe('on or before 2 October 2026');
    expect(dateRangeWords('last week', undefined, t)).toBe('last week');
  });

  it('keeps what someone typed as typed, even when it looks like a code', () => {
    expect(detailWords(JSON.stringify({ reason: 'disabled' }), t, 'signin.failed')).toBe('Why: the account is disabled');
    expect(detailWords(JSON.stringify({ reason: 'disabled' }), t, 'legal_hold.placed')).toBe('Reason for the hold: disabled');
  });

  it('gives times as the long date and the time to the second, in UTC', () => {
    expect(auditTime('2026-12-03T09:16:34.120Z')).toBe('3 December 2026, 09:16:34 UTC');
  });
});

/** Every event with the particulars the code records for it (grep auditLog.record, recordWithin, recordAssessmentEvent). */
const RECORDED: Record<AuditEvent, { subject: string | null; detail?: Record<string, string | number | boolean | null> }> = {
  'report.issued': { subject: 'RP-2026-000001 rev 1', detail: { reportId: 'f3b1c9f2-6d1e-4c55-9d0e-0a8c2f1b7e11', assessmentId: '9a4e2b71-0c3d-4f6a-8e5b-1d2c3b4a5f60', sha256: 'ab'.repeat(32), companyName: 'Şəki İpək MMC' } },
  'report.downloaded': { subject: 'RP-2026-000001 rev 1', detail: { reportId: 'f3b1c9f2-6d1e-4c55-9d0e-0a8c2f1b7e11', sha256: 'ab'.repeat(32) } },
  'report.answers_downloaded': { subject: 'RP-2026-000001 rev 1', detail: { reportId: 'f3b1c9f2-6d1e-4c55-9d0e-0a8c2f1b7e11' } },
  'report.verified': { subject: 'RP-2026-000001', detail: { revision: 1, method: 'file' } },
  'report.disposed': { subject: 'RP-2026-000001 rev 1', detail: { reportId: 'f3b1c9f2-6d1e-4c55-9d0e-0a8c2f1b7e11', issuedAt: '2019-03-04T10:11:12.000Z', sha256: 'ab'.repeat(32), retentionYears: 7 } },
  'legal_hold.placed': { subject: 'RP-2026-000001', detail: { reason: 'Tax inspection 2026/114' } },
  'legal_hold.released': { subject: 'RP-2026-000001', detail: { placedAt: '2026-10-01T08:00:00.000Z', reason: 'Tax inspection 2026/114' } },
  'archive.exported': { subject: null, detail: { client: 'şəki', number: 'RP-2026', from: '2026-10-01', to: '2026-10-31', band: 'high', issuer: 'user-nino', count: 2 } },
  'assessment.exported': { subject: 'Kartli Logistics', detail: { assessmentId: '9a4e2b71-0c3d-4f6a-8e5b-1d2c3b4a5f60', format: 'xlsx', via: 'read_only_link' } },
  'assessment.shared': { subject: 'Kartli Logistics', detail: { assessmentId: '9a4e2b71-0c3d-4f6a-8e5b-1d2c3b4a5f60', days: 30 } },
  'share.withdrawn': { subject: 'Kartli Logistics', detail: { assessmentId: '9a4e2b71-0c3d-4f6a-8e5b-1d2c3b4a5f60', linkId: '5c6d7e8f-0a1b-4c2d-9e3f-4a5b6c7d8e9f' } },
  'signin.succeeded': { subject: 'nino@crp.example' },
  'signin.failed': { subject: 'nino@crp.example', detail: { reason: 'no_password' } },
  'user.invited': { subject: 'levan@crp.example', detail: { role: 'compliance', renewed: true } },
  'user.role_changed': { subject: 'levan@crp.example', detail: { oldRole: 'consultant', newRole: 'admin' } },
  'user.disabled': { subject: 'levan@crp.example' },
  'user.enabled': { subject: 'levan@crp.example' },
  'audit.exported': { subject: null, detail: { about: 'RP-2026-000001', event: 'legal_hold.placed', user: 'Tamar Lomidze', from: '2026-10-01', to: '2026-10-31' } },
};

function rowOf(event: AuditEvent): AuditRow {
  const { subject, detail } = RECORDED[event];
  return { id: event, organisation_id: 'org', at: '2026-11-02T09:00:00.000Z', event, actor_user_id: 'user-nino', actor_name: 'Nino Beridze', ip: '203.0.113.10', subject, detail: detail ? JSON.stringify(detail) : null };
}

describe('every event the log records, in words', () => {
  const names = new Map([['user-nino', 'Nino Beridze']]);
  const views = AUDIT_EVENTS.map((event) => ({ event, view: auditRowView(rowOf(event), t, names) }));

  it('shows no programmer’s word: no camelCase or snake_case key or code in any part', () => {
    const programmerWord = /\b[a-z]+[A-Z]\w*\b|\b\w+_\w+\b|\[audit\./;
    for (const { event, view } of views) {
      for (const [part, words] of Object.entries(view)) expect(words, `${event} ${part}: ${words}`).not.toMatch(programmerWord);
    }
  });

  it('has something in the About column for every event, the exports included', () => {
    expect(views.filter(({ view }) => view.subject === '').map(({ event }) => event)).toEqual([]);
    expect(views.find(({ event }) => event === 'archive.exported')?.view.subject).toBe('Archive export');
  });

  it('reads the archive export’s filter as a sentence, the issuer by name', () => {
    expect(views.find(({ event }) => event === 'archive.exported')?.view.details).toMatch(
      /^Client contains “şəki”; Report number starts with “RP-2026”; Issued 1\s?–\s?31 October 2026; Rating: High; Issued by Nino Beridze; 2 reports$/,
    );
    expect(detailWords(JSON.stringify({ count: 1 }), t, 'archive.exported')).toBe('1 report');
    expect(detailWords(JSON.stringify({ issuer: 'gone' }), t, 'archive.exported')).toBe('Issued by a user no longer in the team');
  });

  it('words the other particulars a compliance officer reads', () => {
    const details = (event: AuditEvent) => views.find((found) => found.event === event)?.view.details;
    expect(details('report.issued')).toBe(`Register entry ID: f3b1c9f2-6d1e-4c55-9d0e-0a8c2f1b7e11; Assessment ID: 9a4e2b71-0c3d-4f6a-8e5b-1d2c3b4a5f60; SHA-256 of the PDF: ${'ab'.repeat(32)}; Company: Şəki İpək MMC`);
    expect(details('report.disposed')).toContain('Issued: 4 March 2019, 10:11:12 UTC; ');
    expect(details('legal_hold.released')).toBe('Held since: 1 October 2026, 08:00:00 UTC; Reason for the hold: Tax inspection 2026/114');
    expect(details('audit.exported')).toMatch(/^About contains “RP-2026-000001”; Event: Legal hold placed; User: Tamar Lomidze; Recorded 1\s?–\s?31 October 2026$/);
    expect(details('signin.failed')).toBe('Why: the invitation has not been accepted yet');
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
