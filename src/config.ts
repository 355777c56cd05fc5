import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DatabaseSettings } from './db/database.js';
import { DEFAULT_DUE_DAYS, DUE_DAYS_MAX, type DueDays } from './services/actionPlan.js';
import { DEFAULT_ISSUED_REPORT_RETENTION_YEARS } from './services/retention.js';
import type { SignedInSessionSettings } from './web/middleware/currentUser.js';
import type { SignInThrottleSettings } from './web/middleware/signInThrottle.js';
import { DEFAULT_ANONYMOUS_ISSUING, type ThrottleSettings } from './web/middleware/throttles.js';

/** Issues one anonymous assessment may have: enough for every real revision, not for filling the disk. */
export const DEFAULT_ANONYMOUS_ISSUES_PER_ASSESSMENT = 20;

/** A read-only link for a client works this many days unless the consultant chooses otherwise. */
export const DEFAULT_SHARE_LINK_DAYS = 30;
/** The longest a read-only link may work: a year, so a forgotten link does not open the results for ever. */
export const SHARE_LINK_DAYS_MAX = 365;

/** ACTION_DUE_DAYS: days to the default due date for priorities 1 (most urgent) to 4, e.g. "14,30,90,180". */
const dueDaysSchema = z
  .string()
  .regex(/^\s*\d{1,4}\s*(,\s*\d{1,4}\s*){3}$/, 'must be four whole numbers of days separated by commas, like 14,30,90,180')
  .transform((text) => text.split(',').map(Number) as unknown as DueDays)
  .refine((days) => days.every((d) => d >= 1 && d <= DUE_DAYS_MAX), `each number of days must be from 1 to ${DUE_DAYS_MAX}`)
  .refine((days) => days.every((d, i) => i === 0 || d >= (days[i - 1] ?? 0)), 'a more urgent priority cannot have more days than a less urgent one');

/**
 * The only reader of the environment. Every setting has a development default; production
 * refuses to start with a missing or invalid value rather than run half-configured.
 */
const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  // Default: one core fewer than the machine has (at least one), so the event loop that serves pages
  // keeps a core while PDFs render (docs/PERFORMANCE.md: on 2 cores, 2 workers doubled page latency
  // under PDF load and added 70 MB, for no more PDFs a second).
  PDF_WORKERS: z.coerce.number().int().min(1).max(8).default(() => Math.min(8, Math.max(1, availableParallelism() - 1))),
  PDF_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(20_000),
  // Unset or empty: SQLite in DATA_DIR. Set: every kind of state lives in this PostgreSQL database.
  DATABASE_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^postgres(ql)?:\/\/[^\s]+$/, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
      .refine((value) => URL.canParse(value), 'DATABASE_URL is not a valid URL')
      .optional(),
  ),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  // true: the app brings the schema up to date at start. false: it only checks the schema is current
  // (production on PostgreSQL runs the app as a role that cannot change it: deploy/README.md).
  MIGRATE_ON_START: z.enum(['true', 'false']).default('true'),
  // Where users reach the app, e.g. https://riskplan.example.ge: resume links are built on it. Required in production.
  PUBLIC_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'PUBLIC_URL must be an http:// or https:// URL, like https://riskplan.example.ge')
      .refine((value) => !URL.canParse(value) || (!new URL(value).search && !new URL(value).hash), 'PUBLIC_URL must not have a query or a fragment')
      .optional(),
  ),
  // Unset: /healthz shows its status only. Set: a caller sending it in X-Health-Token also sees the version and each check.
  HEALTH_TOKEN: z.preprocess((value) => (value === '' ? undefined : value), z.string().min(16, 'HEALTH_TOKEN must be at least 16 characters').optional()),
  // Slow clients: how long the server waits for a request's headers, for the whole request (headers and
  // body; not the answer, so a long PDF render is not cut by it), and for the next request on an idle
  // kept-alive connection; and how many connections it holds at once (more are closed at once).
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100_000).default(500),
  // SIGTERM: how long requests already received may take to finish before their connections are cut.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  // Unset or empty: 14,30,90,180.
  ACTION_DUE_DAYS: z.preprocess((value) => (value === '' ? undefined : value), dueDaysSchema.optional()).transform((days) => days ?? DEFAULT_DUE_DAYS),
  // Per client address (TRUST_PROXY decides which address that is), shared by every instance on the database.
  ASSESSMENT_CREATION_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  ASSESSMENT_CREATION_WINDOW_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  // Issues of anonymous assessments per client address; and issues one anonymous assessment may have in all.
  ANONYMOUS_ISSUE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_ANONYMOUS_ISSUING.attempts),
  ANONYMOUS_ISSUE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(10_080).default(DEFAULT_ANONYMOUS_ISSUING.windowSeconds / 60),
  ANONYMOUS_ISSUES_PER_ASSESSMENT: z.coerce.number().int().min(1).max(1000).default(DEFAULT_ANONYMOUS_ISSUES_PER_ASSESSMENT),
  // Failed resume attempts and failed share link attempts, each counted on its own.
  RESUME_ATTEMPT_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
  RESUME_ATTEMPT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(10_080).default(15),
  // Checks on the verify page (an uploaded PDF or a pasted SHA-256), matches included.
  VERIFY_ATTEMPT_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
  VERIFY_ATTEMPT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(10_080).default(15),
  // Failed sign-ins allowed per account (the email typed) and per client address, in one window.
  SIGN_IN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  SIGN_IN_ADDRESS_LIMIT: z.coerce.number().int().min(1).max(100_000).default(100),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(10_080).default(15),
  // A signed-in session ends after this long without a request, and this long after sign-in however active.
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  // An assessment with no change for this many days is deleted, with everything that belongs to it.
  ABANDONED_ASSESSMENT_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  PURGE_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  // Issued reports are kept this many years, then listed for an admin to confirm their disposal (anonymous ones: disposed of by the clean-up).
  ISSUED_REPORT_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(DEFAULT_ISSUED_REPORT_RETENTION_YEARS),
  // What the share page offers as a read-only link's lifetime; the consultant may choose 1 to SHARE_LINK_DAYS_MAX.
  SHARE_LINK_DAYS: z.coerce.number().int().min(1).max(SHARE_LINK_DAYS_MAX).default(DEFAULT_SHARE_LINK_DAYS),
});

/** How the HTTP server treats slow and numerous clients (see src/httpServer.ts). */
export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL (with its pool size and statement timeout) when DATABASE_URL is set, else SQLite in dataDir. */
  database: DatabaseSettings;
  /** Whether the app migrates the schema at start, or only checks it is current (`npm run migrate` does it). */
  migrateOnStart: boolean;
  sessionSecret: string;
  logLevel: string;
  /** Number of reverse proxies in front of the app (Express `trust proxy`). */
  trustProxy: number;
  /** Where users reach the app; links handed out are built on it (always ends in a slash). */
  publicUrl: URL;
  /** Whether cookies carry the Secure flag; `auto` means in production only. */
  secureCookies: boolean;
  pdfWorkers: number;
  pdfTimeoutMs: number;
  /** Days from the assessment date to an action's default due date, by priority 1 to 4. */
  actionDueDays: DueDays;
  /** Shows the version and readiness checks on /healthz to a caller that sends it (X-Health-Token). */
  healthToken: string | undefined;
  /** Per-address limits on creating assessments and on resume attempts. */
  throttling: ThrottleSettings;
  /** Failed sign-ins allowed per account and per client address. */
  signInThrottling: SignInThrottleSettings;
  /** Issues one anonymous assessment may have in all. */
  anonymousIssuesPerAssessment: number;
  /** Idle and absolute timeouts of a signed-in session. */
  signedInSessions: SignedInSessionSettings;
  /** Days without a change after which an assessment is deleted by the clean-up. */
  abandonedAssessmentDays: number;
  /** How often the running app runs the clean-up. */
  purgeIntervalMs: number;
  /** Years an issued report is kept before it is due for disposal. */
  issuedReportRetentionYears: number;
  /** The lifetime the share page offers for a client's read-only link. */
  shareLinkDays: number;
  http: HttpLimits;
  /** After SIGTERM, how long requests already received may take before their connections are cut. */
  shutdownGraceMs: number;
  version: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`).join('; ');
}

/** In development a secret is generated once and kept under DATA_DIR so sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  } catch {
    // Not created yet: fall through and create it.
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    if (pkg.version) return pkg.version;
  } catch {
    // Running from src (tsx): package.json is one level up instead of two.
  }
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** A base for relative links: `https://host/riskplan` and `https://host/riskplan/` both resolve `resume/x` under /riskplan/. */
function asBaseUrl(text: string): URL {
  const url = new URL(text);
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) throw new ConfigError(`Invalid configuration: ${describeIssues(parsed.error)}`);
  const values = parsed.data;
  if (values.NODE_ENV === 'production' && !values.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration: SESSION_SECRET is required when NODE_ENV=production');
  }
  if (values.NODE_ENV === 'production' && !values.PUBLIC_URL) {
    throw new ConfigError('Invalid configuration: PUBLIC_URL is required when NODE_ENV=production (the address users reach the app on, like https://riskplan.example.ge)');
  }
  // Node refuses to start a server whose headers timeout is longer than its request timeout.
  if (values.HEADERS_TIMEOUT_MS > values.REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      `Invalid configuration: HEADERS_TIMEOUT_MS (${values.HEADERS_TIMEOUT_MS}) cannot be longer than REQUEST_TIMEOUT_MS (${values.REQUEST_TIMEOUT_MS}): the request timeout covers the headers too`,
    );
  }
  const dataDir = path.resolve(values.DATA_DIR);
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    dataDir,
    database: values.DATABASE_URL
      ? { kind: 'postgres', url: values.DATABASE_URL, poolMax: values.DATABASE_POOL_MAX, statementTimeoutMs: values.DATABASE_STATEMENT_TIMEOUT_MS }
      : { kind: 'sqlite', dataDir },
    migrateOnStart: values.MIGRATE_ON_START === 'true',
    sessionSecret: values.SESSION_SECRET ?? developmentSecret(dataDir),
    logLevel: values.LOG_LEVEL,
    trustProxy: values.TRUST_PROXY,
    publicUrl: asBaseUrl(values.PUBLIC_URL ?? `http://localhost:${values.PORT}/`),
    secureCookies: values.COOKIE_SECURE === 'auto' ? values.NODE_ENV === 'production' : values.COOKIE_SECURE === 'true',
    pdfWorkers: values.PDF_WORKERS,
    pdfTimeoutMs: values.PDF_TIMEOUT_MS,
    actionDueDays: values.ACTION_DUE_DAYS,
    healthToken: values.HEALTH_TOKEN,
    throttling: {
      assessmentCreation: { attempts: values.ASSESSMENT_CREATION_LIMIT, windowSeconds: values.ASSESSMENT_CREATION_WINDOW_MINUTES * 60 },
      resumeAttempts: { attempts: values.RESUME_ATTEMPT_LIMIT, windowSeconds: values.RESUME_ATTEMPT_WINDOW_MINUTES * 60 },
      verifyAttempts: { attempts: values.VERIFY_ATTEMPT_LIMIT, windowSeconds: values.VERIFY_ATTEMPT_WINDOW_MINUTES * 60 },
      anonymousIssuing: { attempts: values.ANONYMOUS_ISSUE_LIMIT, windowSeconds: values.ANONYMOUS_ISSUE_WINDOW_MINUTES * 60 },
    },
    anonymousIssuesPerAssessment: values.ANONYMOUS_ISSUES_PER_ASSESSMENT,
    signInThrottling: {
      perAccount: { attempts: values.SIGN_IN_ACCOUNT_LIMIT, windowSeconds: values.SIGN_IN_WINDOW_MINUTES * 60 },
      perAddress: { attempts: values.SIGN_IN_ADDRESS_LIMIT, windowSeconds: values.SIGN_IN_WINDOW_MINUTES * 60 },
    },
    signedInSessions: { idleTimeoutMs: values.SESSION_IDLE_MINUTES * 60_000, absoluteTimeoutMs: values.SESSION_ABSOLUTE_HOURS * 3_600_000 },
    abandonedAssessmentDays: values.ABANDONED_ASSESSMENT_DAYS,
    purgeIntervalMs: values.PURGE_INTERVAL_MINUTES * 60_000,
    issuedReportRetentionYears: values.ISSUED_REPORT_RETENTION_YEARS,
    shareLinkDays: values.SHARE_LINK_DAYS,
    http: {
      headersTimeoutMs: values.HEADERS_TIMEOUT_MS,
      requestTimeoutMs: values.REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: values.KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: values.MAX_CONNECTIONS,
    },
    shutdownGraceMs: values.SHUTDOWN_GRACE_MS,
    version: packageVersion(),
  };
}
