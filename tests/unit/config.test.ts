import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  const folders: string[] = [];
  const dataDir = () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'riskplan-config-'));
    folders.push(folder);
    return folder;
  };
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('gives development defaults when nothing is set', () => {
    const folder = dataDir();
    const config = loadConfig({ DATA_DIR: folder });
    expect(config).toMatchObject({ env: 'development', port: 3000, host: '0.0.0.0', dataDir: folder, logLevel: 'info', secureCookies: false, trustProxy: 0 });
  });

  it('generates a development session secret once and keeps it under DATA_DIR', () => {
    const folder = dataDir();
    const first = loadConfig({ DATA_DIR: folder });
    const second = loadConfig({ DATA_DIR: folder });
    expect(first.sessionSecret).toHaveLength(64);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(readFileSync(path.join(folder, 'session-secret'), 'utf8')).toBe(first.sessionSecret);
  });

  it('converts types from the environment', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), PORT: '8080', TRUST_PROXY: '2', COOKIE_SECURE: 'true', LOG_LEVEL: 'debug' });
    expect(config).toMatchObject({ port: 8080, trustProxy: 2, secureCookies: true, logLevel: 'debug' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ SESSION_SECRET: 'short' }, /SESSION_SECRET must be at least 32 characters/],
  ])('refuses %o with a clear message', (environment, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...environment })).toThrow(message);
  });

  it('refuses to start in production without SESSION_SECRET and does not write one', () => {
    const folder = dataDir();
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: folder })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: folder })).toThrow(/SESSION_SECRET is required/);
    expect(existsSync(path.join(folder, 'session-secret'))).toBe(false);
  });

  it('uses secure cookies by default in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir(), SESSION_SECRET: 's'.repeat(40) });
    expect(config.secureCookies).toBe(true);
    expect(config.sessionSecret).toBe('s'.repeat(40));
  });
});
