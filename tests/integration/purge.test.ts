import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { purgeExpiredData } from '../../src/services/retention.js';
import { resumeLinkFrom } from '../support/forms.js';
import { makeDataDir, removeDataDir, serverEnvironmentFor, startApp, type RunningApp } from '../support/testApp.js';
import { newAgent, postSection, startAssessment } from '../support/walk.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Rows that belong to one assessment, in every table that refers to it. */
async function rowsOf(database: Database, assessmentId: string) {
  const { db } = database;
  const count = async (table: 'assessments' | 'answers' | 'section_progress' | 'resume_tokens' | 'action_plan_entries') => {
    const column = table === 'assessments' ? 'id' : 'assessment_id';
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(column, '=', assessmentId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    assessments: await count('assessments'),
    answers: await count('answers'),
    section_progress: await count('section_progress'),
    resume_tokens: await count('resume_tokens'),
    action_plan_entries: await count('action_plan_entries'),
  };
}

/** An assessment with answers, progress, two resume links and an action plan entry; returns its id and a resume path. */
async function assessmentWithEverything(running: RunningApp): Promise<{ id: string; resumePath: string }> {
  const agent = newAgent(running.app);
  const resumePath = new URL(await startAssessment(agent)).pathname;
  const saved = await postSection(agent, 'profile', { company_name: 'Abandoned Freight LLC' }, 'later');
  expect(saved.status).toBe(200);
  const { id } = await running.database.db
    .selectFrom('assessments')
    .select('id')
    .where('id', 'not in', running.database.db.selectFrom('action_plan_entries').select('assessment_id'))
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  await running.database.db
    .insertInto('action_plan_entries')
    .values({ assessment_id: id, action_id: 'rec_backup_power', owner: 'Nino', due_date: null, status: 'to_do', updated_at: new Date().toISOString() })
    .execute();
  return { id, resumePath };
}

async function lastChanged(database: Database, id: string, daysAgo: number): Promise<void> {
  await database.db
    .updateTable('assessments')
    .set({ updated_at: new Date(Date.now() - daysAgo * DAY_MS).toISOString() })
    .where('id', '=', id)
    .execute();
}

describe('clean-up of abandoned assessments, expired sessions and rate-limit counters', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function started(options: Parameters<typeof startApp>[1] = {}): Promise<RunningApp> {
    const dataDir = makeDataDir();
    cleanups.push(() => removeDataDir(dataDir));
    const running = await startApp(dataDir, options);
    cleanups.unshift(() => running.stop());
    return running;
  }

  it('deletes an assessment last changed 31 days ago with all its rows, keeps one changed yesterday, and deletes expired sessions and counters', async () => {
    const running = await started();
    const { db } = running.database;
    const abandoned = await assessmentWithEverything(running);
    const recent = await assessmentWithEverything(running);
    await lastChanged(running.database, abandoned.id, 31);
    await lastChanged(running.database, recent.id, 1);
    expect(await rowsOf(running.database, abandoned.id)).toEqual({ assessments: 1, answers: 1, section_progress: 1, resume_tokens: 2, action_plan_entries: 1 });
    const liveSessions = (await db.selectFrom('sessions').select('sid').execute()).length;
    await db.insertInto('sessions').values({ sid: 'expired-session', data: '{}', expires_at: Date.now() - 1000 }).execute();
    await db
      .insertInto('rate_limits')
      .values([
        { key: 'assessment_creation:192.0.2.1', points: 10, expire: Date.now() - 1000 },
        { key: 'assessment_creation:192.0.2.2', points: 1, expire: Date.now() + 60_000 },
      ])
      .execute();

    const counts = await purgeExpiredData(db, { abandonedAssessmentDays: 30 });

    expect(counts).toEqual({ abandonedAssessments: 1, expiredSessions: 1, expiredRateLimits: 1, disposedAnonymousReports: 0 });
    expect(await rowsOf(running.database, abandoned.id)).toEqual({ assessments: 0, answers: 0, section_progress: 0, resume_tokens: 0, action_plan_entries: 0 });
    expect(await rowsOf(running.database, recent.id)).toEqual({ assessments: 1, answers: 1, section_progress: 1, resume_tokens: 2, action_plan_entries: 1 });
    expect((await db.selectFrom('sessions').select('sid').execute()).length).toBe(liveSessions);
    const counters = (await db.selectFrom('rate_limits').select('key').execute()).map((row) => row.key);
    expect(counters).toContain('assessment_creation:192.0.2.2');
    expect(counters).not.toContain('assessment_creation:192.0.2.1');
    // What the owners see: the abandoned link is gone, the recent one still opens.
    const gone = await newAgent(running.app).get(abandoned.resumePath);
    expect(gone.status).toBe(404);
    expect((await newAgent(running.app).get(recent.resumePath)).status).toBeLessThan(400);
  });

  it('runs on its own in the running app, on the configured interval', async () => {
    const running = await started({ purgeIntervalMs: 100 });
    const { id } = await assessmentWithEverything(running);
    await lastChanged(running.database, id, 31);
    await vi.waitFor(async () => expect((await rowsOf(running.database, id)).assessments).toBe(0), { timeout: 5000, interval: 50 });
    expect(await rowsOf(running.database, id)).toEqual({ assessments: 0, answers: 0, section_progress: 0, resume_tokens: 0, action_plan_entries: 0 });
  });

  it('tells users how long an untouched assessment is kept, on the pages that hand out a resume link', async () => {
    const running = await started({ abandonedAssessmentDays: 45 });
    const agent = newAgent(running.app);
    const start = await agent.get('/').expect(200);
    const startedPage = await agent.post('/assessments').type('form').send(`_csrf=${encodeURIComponent(/name="_csrf" value="([^"]+)"/.exec(start.text)?.[1] ?? '')}`);
    expect(startedPage.status).toBe(201);
    expect(resumeLinkFrom(startedPage.text)).toContain('/resume/');
    expect(startedPage.text).toContain('We keep your assessment for 45 days after your last change.');
    const savedPage = await postSection(agent, 'profile', { company_name: 'Kept For LLC' }, 'later');
    expect(savedPage.text).toContain('We keep your assessment for 45 days after your last change.');
  });

  // Two real processes (npm, tsx): slower than the suite's default allows on a busy machine.
  it('runs as `npm run purge`, a real process, printing one JSON line with the counts', { timeout: 120_000 }, async () => {
    const dataDir = makeDataDir();
    cleanups.push(() => removeDataDir(dataDir));
    const running = await startApp(dataDir);
    cleanups.unshift(() => running.stop());
    const abandoned = await assessmentWithEverything(running);
    const recent = await assessmentWithEverything(running);
    await lastChanged(running.database, abandoned.id, 31);
    await lastChanged(running.database, recent.id, 29);

    // While the app keeps running on the same database.
    const purge = spawnSync('npm', ['run', '--silent', 'purge'], {
      env: { ...process.env, DATABASE_URL: '', ...(await serverEnvironmentFor(dataDir)), ABANDONED_ASSESSMENT_DAYS: '30', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(purge.stderr).toBe('');
    expect(purge.status).toBe(0);
    const lines = purge.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({ abandonedAssessments: 1, expiredSessions: 0, expiredRateLimits: 0, disposedAnonymousReports: 0, abandonedAssessmentDays: 30, issuedReportRetentionYears: 7 });
    expect((await rowsOf(running.database, abandoned.id)).assessments).toBe(0);
    expect((await rowsOf(running.database, recent.id)).assessments).toBe(1);

    const wider = spawnSync('npm', ['run', '--silent', 'purge'], {
      env: { ...process.env, DATABASE_URL: '', ...(await serverEnvironmentFor(dataDir)), ABANDONED_ASSESSMENT_DAYS: '28' },
      encoding: 'utf8',
    });
    expect(JSON.parse(wider.stdout)).toMatchObject({ abandonedAssessments: 1, abandonedAssessmentDays: 28 });
    expect((await rowsOf(running.database, recent.id)).assessments).toBe(0);
  });
});
