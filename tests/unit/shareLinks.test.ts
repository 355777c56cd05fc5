import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loggableUrl } from '../../src/logger.js';
import { shareLinkExpiry, shareLinkStatus } from '../../src/services/shareLinkService.js';

describe('a read-only link’s lifetime', () => {
  it.each([
    ['2026-12-03T06:52:00.000Z', 30, '2027-01-02T23:59:59.999Z'],
    ['2026-12-31T23:59:59.000Z', 1, '2027-01-01T23:59:59.999Z'],
    ['2028-02-28T00:00:00.000Z', 1, '2028-02-29T23:59:59.999Z'],
    ['2026-12-03T00:00:00.000Z', 365, '2027-12-03T23:59:59.999Z'],
  ])('made at %s for %i days works to the end of that last UTC day (%s)', (made, days, expires) => {
    expect(shareLinkExpiry(new Date(made), days)).toBe(expires);
  });

  it('is active until it expires, expired after, and withdrawn whenever it was withdrawn', () => {
    const expiresAt = '2027-01-02T23:59:59.999Z';
    expect(shareLinkStatus({ expiresAt, revokedAt: null }, new Date('2027-01-02T23:59:59.998Z'))).toBe('active');
    expect(shareLinkStatus({ expiresAt, revokedAt: null }, new Date('2027-01-02T23:59:59.999Z'))).toBe('expired');
    expect(shareLinkStatus({ expiresAt, revokedAt: '2026-12-04T10:00:00.000Z' }, new Date('2026-12-04T09:00:00.000Z'))).toBe('withdrawn');
    expect(shareLinkStatus({ expiresAt, revokedAt: '2026-12-04T10:00:00.000Z' }, new Date('2028-01-01T00:00:00.000Z'))).toBe('withdrawn');
  });
});

describe('shared links in the log', () => {
  it.each([
    ['/shared/qVNFl7bhwyXbWHlx6CGaErMrieefZ_R-Q4-9om8TkoM/results', '/shared/[redacted]/results'],
    ['/shared/short/report.pdf', '/shared/[redacted]/report.pdf'],
    ['/SHARED/abc?x=1', '/SHARED/[redacted]?x=[redacted]'],
    ['//shared/abc/results', '//shared/[redacted]/results'],
  ])('writes %s as %s', (url, logged) => {
    expect(loggableUrl(url)).toBe(logged);
  });
});

describe('SHARE_LINK_DAYS', () => {
  const base = { DATA_DIR: '/tmp/riskplan-config-test', SESSION_SECRET: 'x'.repeat(32) };

  it('offers 30 days by default, takes 1 to 365 from the environment and refuses anything else', () => {
    expect(loadConfig(base).shareLinkDays).toBe(30);
    expect(loadConfig({ ...base, SHARE_LINK_DAYS: '90' }).shareLinkDays).toBe(90);
    for (const wrong of ['0', '366', 'a month', '7.5']) expect(() => loadConfig({ ...base, SHARE_LINK_DAYS: wrong })).toThrow(/SHARE_LINK_DAYS/);
  });
});
