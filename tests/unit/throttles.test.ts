import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { clientKey } from '../../src/web/middleware/throttles.js';

describe('the key a client is counted under', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::1', '2001:0db8:0001:0002::/64'],
    ['2001:DB8:1:2:ffff:ffff:ffff:ffff', '2001:0db8:0001:0002::/64'],
    ['fe80::1%eth0', 'fe80:0000:0000:0000::/64'],
    ['::1', '0000:0000:0000:0000::/64'],
    [undefined, 'unknown'],
  ])('counts %s as %s', (ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });

  it('tells apart two IPv6 networks that differ only in the fourth group', () => {
    expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
  });
});

describe('throttling and retention settings', () => {
  const base = { DATA_DIR: '/tmp/riskplan-config-test', SESSION_SECRET: 'x'.repeat(32) };

  it('defaults to 10 creations an hour, 20 failed resume attempts in 15 minutes, 10 anonymous issues an hour (20 per assessment), 30 days, an hourly clean-up', () => {
    const config = loadConfig(base);
    expect(config.throttling).toEqual({
      assessmentCreation: { attempts: 10, windowSeconds: 3600 },
      resumeAttempts: { attempts: 20, windowSeconds: 900 },
      verifyAttempts: { attempts: 30, windowSeconds: 900 },
      anonymousIssuing: { attempts: 10, windowSeconds: 3600 },
    });
    expect(config.anonymousIssuesPerAssessment).toBe(20);
    expect(config.abandonedAssessmentDays).toBe(30);
    expect(config.purgeIntervalMs).toBe(3_600_000);
  });

  it('takes each from the environment and refuses a value out of range', () => {
    const config = loadConfig({ ...base, ASSESSMENT_CREATION_LIMIT: '3', RESUME_ATTEMPT_WINDOW_MINUTES: '60', ABANDONED_ASSESSMENT_DAYS: '90', PURGE_INTERVAL_MINUTES: '5' });
    expect(config.throttling.assessmentCreation.attempts).toBe(3);
    expect(config.throttling.resumeAttempts.windowSeconds).toBe(3600);
    expect(config.abandonedAssessmentDays).toBe(90);
    expect(config.purgeIntervalMs).toBe(300_000);
    expect(() => loadConfig({ ...base, ABANDONED_ASSESSMENT_DAYS: '0' })).toThrow(/ABANDONED_ASSESSMENT_DAYS/);
    expect(() => loadConfig({ ...base, ASSESSMENT_CREATION_LIMIT: 'lots' })).toThrow(/ASSESSMENT_CREATION_LIMIT/);
    const issuing = loadConfig({ ...base, ANONYMOUS_ISSUE_LIMIT: '4', ANONYMOUS_ISSUE_WINDOW_MINUTES: '1440', ANONYMOUS_ISSUES_PER_ASSESSMENT: '5' });
    expect(issuing.throttling.anonymousIssuing).toEqual({ attempts: 4, windowSeconds: 86_400 });
    expect(issuing.anonymousIssuesPerAssessment).toBe(5);
    expect(() => loadConfig({ ...base, ANONYMOUS_ISSUES_PER_ASSESSMENT: '0' })).toThrow(/ANONYMOUS_ISSUES_PER_ASSESSMENT/);
  });
});
