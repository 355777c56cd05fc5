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

  it('uses SQLite in DATA_DIR when DATABASE_URL is unset or empty', () => {
    const folder = dataDir();
    expect(loadConfig({ DATA_DIR: folder }).database).toEqual({ kind: 'sqlite', dataDir: folder });
    expect(loadConfig({ DATA_DIR: folder, DATABASE_URL: '' }).database).toEqual({ kind: 'sqlite', dataDir: folder });
  });

  it('switches to PostgreSQL with DATABASE_URL, with a pool of 10 and a 10 s statement timeout by default', () => {
    const url = 'postgres://riskplan:secret@db.internal:5432/riskplan';
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url, poolMax: 10, statementTimeoutMs: 10_000 });
  });

  it('reads the pool size and statement timeout for PostgreSQL', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgresql://db/riskplan', DATABASE_POOL_MAX: '25', DATABASE_STATEMENT_TIMEOUT_MS: '2500' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://db/riskplan', poolMax: 25, statementTimeoutMs: 2500 });
  });

  it('migrates at start unless MIGRATE_ON_START=false (the app then runs as a role that cannot change the schema)', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).migrateOnStart).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), MIGRATE_ON_START: 'false' }).migrateOnStart).toBe(false);
    expect(() => loadConfig({ DATA_DIR: dataDir(), MIGRATE_ON_START: 'no' })).toThrow(/MIGRATE_ON_START/);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://db/riskplan' }, /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    [{ DATABASE_URL: 'riskplan.sqlite' }, /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    [{ DATABASE_URL: 'postgres://db:port/riskplan' }, /DATABASE_URL is not a valid URL/],
    [{ DATABASE_POOL_MAX: '0' }, /DATABASE_POOL_MAX/],
    [{ DATABASE_POOL_MAX: 'many' }, /DATABASE_POOL_MAX/],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: '10' }, /DATABASE_STATEMENT_TIMEOUT_MS/],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: '1.5' }, /DATABASE_STATEMENT_TIMEOUT_MS/],
  ])('refuses database setting %o with a clear message', (environment, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...environment })).toThrow(message);
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

  it.each([
    [undefined, [14, 30, 90, 180]],
    ['', [14, 30, 90, 180]],
    ['7,30,60,365', [7, 30, 60, 365]],
    [' 14, 14 ,90,180 ', [14, 14, 90, 180]],
  ])('reads ACTION_DUE_DAYS %o as days by priority %o', (value, days) => {
    const environment = value === undefined ? { DATA_DIR: dataDir() } : { DATA_DIR: dataDir(), ACTION_DUE_DAYS: value };
    expect(loadConfig(environment).actionDueDays).toEqual(days);
  });

  it.each([
    ['14,30,90', /ACTION_DUE_DAYS: must be four whole numbers of days separated by commas/],
    ['14,30,90,180,365', /ACTION_DUE_DAYS: must be four whole numbers/],
    ['14;30;90;180', /ACTION_DUE_DAYS: must be four whole numbers/],
    ['14,30,90,1.5', /ACTION_DUE_DAYS: must be four whole numbers/],
    ['0,30,90,180', /ACTION_DUE_DAYS: each number of days must be from 1 to 1825/],
    ['14,30,90,2000', /ACTION_DUE_DAYS: each number of days must be from 1 to 1825/],
    ['30,14,90,180', /ACTION_DUE_DAYS: a more urgent priority cannot have more days than a less urgent one/],
  ])('refuses ACTION_DUE_DAYS=%s with a clear message', (value, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ACTION_DUE_DAYS: value })).toThrow(message);
  });

  it('limits slow clients and the shutdown by default: headers 10 s, request 30 s, keep-alive 5 s, 500 connections, 10 s grace', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.http).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 500 });
    expect(config.shutdownGraceMs).toBe(10_000);
  });

  it('reads the HTTP limits and the shutdown grace period', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), HEADERS_TIMEOUT_MS: '2000', REQUEST_TIMEOUT_MS: '4000', KEEP_ALIVE_TIMEOUT_MS: '1500', MAX_CONNECTIONS: '50', SHUTDOWN_GRACE_MS: '25000' });
    expect(config.http).toEqual({ headersTimeoutMs: 2000, requestTimeoutMs: 4000, keepAliveTimeoutMs: 1500, maxConnections: 50 });
    expect(config.shutdownGraceMs).toBe(25_000);
  });

  it.each([
    [{ HEADERS_TIMEOUT_MS: '0' }, /HEADERS_TIMEOUT_MS/],
    [{ REQUEST_TIMEOUT_MS: 'forever' }, /REQUEST_TIMEOUT_MS/],
    [{ KEEP_ALIVE_TIMEOUT_MS: '0' }, /KEEP_ALIVE_TIMEOUT_MS/],
    [{ MAX_CONNECTIONS: '0' }, /MAX_CONNECTIONS/],
    [{ MAX_CONNECTIONS: '1.5' }, /MAX_CONNECTIONS/],
    [{ SHUTDOWN_GRACE_MS: '-1' }, /SHUTDOWN_GRACE_MS/],
    [{ HEADERS_TIMEOUT_MS: '40000' }, /HEADERS_TIMEOUT_MS \(40000\) cannot be longer than REQUEST_TIMEOUT_MS \(30000\)/],
  ])('refuses HTTP or shutdown setting %o with a clear message', (environment, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...environment })).toThrow(message);
  });

  it('uses secure cookies by default in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir(), SESSION_SECRET: 's'.repeat(40), PUBLIC_URL: 'https://riskplan.example.ge' });
    expect(config.secureCookies).toBe(true);
    expect(config.sessionSecret).toBe('s'.repeat(40));
  });

  it('requires PUBLIC_URL in production, and builds links on it with a trailing slash', () => {
    const production = { NODE_ENV: 'production', DATA_DIR: dataDir(), SESSION_SECRET: 's'.repeat(40) };
    expect(() => loadConfig(production)).toThrow(/PUBLIC_URL is required when NODE_ENV=production/);
    expect(loadConfig({ ...production, PUBLIC_URL: 'https://riskplan.example.ge/tools' }).publicUrl.href).toBe('https://riskplan.example.ge/tools/');
    expect(loadConfig({ DATA_DIR: dataDir(), PORT: '4000' }).publicUrl.href).toBe('http://localhost:4000/');
  });

  it.each(['riskplan.example.ge', 'ftp://riskplan.example.ge', 'https://riskplan.example.ge/?x=1'])('refuses PUBLIC_URL=%s', (value) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), PUBLIC_URL: value })).toThrow(/PUBLIC_URL must/);
  });
});
