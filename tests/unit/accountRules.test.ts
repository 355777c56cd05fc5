import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { cleanName, emailProblem, nameProblem, normaliseEmail } from '../../src/services/accountFields.js';
import { isLocalPath } from '../../src/web/middleware/currentUser.js';

describe('return paths after sign-in', () => {
  it.each(['/', '/team', '/team/invite?x=1', '/assessment/sections/profile#q', '/%2F%2Fevil.example'])('accepts the local path %s', (value) => {
    expect(isLocalPath(value)).toBe(true);
  });

  it.each(['', 'team', '//evil.example', '///evil.example', '/\\evil.example', '\\\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/a\r\nSet-Cookie: x', '/a\u0000', `/${'a'.repeat(2000)}`])(
    'refuses %j',
    (value) => {
      expect(isLocalPath(value)).toBe(false);
    },
  );

  it('refuses anything that is not a string', () => {
    expect(isLocalPath(['/team'])).toBe(false);
    expect(isLocalPath(undefined)).toBe(false);
  });
});

describe('account fields', () => {
  it('compares emails trimmed and in lower case, and checks their form', () => {
    expect(normaliseEmail('  Nino@CRP.Example ')).toBe('nino@crp.example');
    expect(emailProblem('nino@crp.example')).toBeUndefined();
    expect(emailProblem('')).toBe('missing');
    for (const bad of ['nino', 'nino@', '@crp.example', 'nino@crp', 'ni no@crp.example', 'a@b@crp.example', 'nino@crp..example']) expect(emailProblem(bad)).toBe('invalid');
    expect(emailProblem(`${'a'.repeat(250)}@b.ge`)).toBe('too_long');
  });

  it('cleans names of control characters and surrounding spaces', () => {
    expect(cleanName('  Nino\u0000 Beridze\n ')).toBe('Nino Beridze');
    expect(nameProblem('')).toBe('missing');
    expect(nameProblem('ა'.repeat(120))).toBeUndefined();
    expect(nameProblem('ა'.repeat(121))).toBe('too_long');
  });
});

describe('account settings', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const dataDir = () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'riskplan-config-'));
    folders.push(folder);
    return folder;
  };

  it('gives the sign-in limits and session timeouts their defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.signInThrottling).toEqual({ perAccount: { attempts: 10, windowSeconds: 900 }, perAddress: { attempts: 100, windowSeconds: 900 } });
    expect(config.signedInSessions).toEqual({ idleTimeoutMs: 30 * 60_000, absoluteTimeoutMs: 12 * 3_600_000 });
  });

  it('reads them from the environment and refuses values out of range', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), SIGN_IN_ACCOUNT_LIMIT: '5', SIGN_IN_ADDRESS_LIMIT: '50', SIGN_IN_WINDOW_MINUTES: '30', SESSION_IDLE_MINUTES: '10', SESSION_ABSOLUTE_HOURS: '8' });
    expect(config.signInThrottling).toEqual({ perAccount: { attempts: 5, windowSeconds: 1800 }, perAddress: { attempts: 50, windowSeconds: 1800 } });
    expect(config.signedInSessions).toEqual({ idleTimeoutMs: 600_000, absoluteTimeoutMs: 8 * 3_600_000 });
    expect(() => loadConfig({ DATA_DIR: dataDir(), SESSION_IDLE_MINUTES: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), SIGN_IN_ACCOUNT_LIMIT: 'ten' })).toThrow(/SIGN_IN_ACCOUNT_LIMIT/);
  });
});
