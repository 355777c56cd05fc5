import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import { sectionOf } from '../support/forms.js';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.js';
import { databaseSettingsFor, makeDataDir, removeDataDir, testStore } from '../support/testApp.js';
import { answersFor, everyExposureProfile, postSection, startAssessment, type Agent } from '../support/walk.js';

const CYCLES = 3;
const BROWSERS = 3;
/** Sections each browser keeps saving at the same time, and their free-text questions, which carry a marker per save. */
const SAVED_SECTIONS = ['profile', 'contacts'] as const;
const textQuestionsOf = (sectionId: string) =>
  sectionOf(currentQuestionnaire, sectionId)
    .questions.filter((question) => question.type === 'text' || question.type === 'textarea')
    .map((question) => question.id);

/** What one browser saved in one section: the last save acknowledged (303) and the last one sent. */
interface SaveRecord {
  browser: string;
  sectionId: string;
  acknowledged: number;
  sent: number;
}

const marker = (browser: string, sectionId: string, n: number) => `${browser} ${sectionId} save ${n}`;

/** Saves one section over and over, each save with its own marker in every text field, until the server goes away. */
async function keepSaving(agent: Agent, record: SaveRecord): Promise<void> {
  for (;;) {
    const n = record.sent + 1;
    const texts = Object.fromEntries(textQuestionsOf(record.sectionId).map((id) => [id, marker(record.browser, record.sectionId, n)]));
    try {
      record.sent = n;
      const response = await postSection(agent, record.sectionId, answersFor(record.sectionId, {}, { ...everyExposureProfile, ...texts }));
      if (response.status === 303) record.acknowledged = n;
      else throw new Error(`Saving ${record.sectionId} gave ${response.status}`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE' || (error as Error).message === 'socket hang up') return;
      throw error;
    }
  }
}

/** Every acknowledged save is there whole: all its text fields carry one marker, the acknowledged one or one sent after it. */
async function expectSavesStored(dataDir: string, records: readonly SaveRecord[]): Promise<void> {
  const database = await openDatabase(await databaseSettingsFor(dataDir));
  try {
    const rows = await database.db.selectFrom('answers').select(['assessment_id', 'question_id', 'value_json']).execute();
    for (const record of records) {
      const questionIds = textQuestionsOf(record.sectionId);
      const prefix = `${record.browser} ${record.sectionId} save `;
      const stored = rows.filter((row) => questionIds.includes(row.question_id) && (JSON.parse(row.value_json) as string).startsWith(prefix));
      if (record.acknowledged === 0 && stored.length === 0) continue; // nothing acknowledged, nothing stored: fine
      const values = new Set(stored.map((row) => JSON.parse(row.value_json) as string));
      expect(values.size, `${prefix}: one save, not a mix`).toBe(1);
      expect(stored.map((row) => row.question_id).sort(), `${prefix}: every field of the save`).toEqual([...questionIds].sort());
      const n = Number([...values][0]?.slice(prefix.length));
      expect(n, `${prefix}: the acknowledged save or a later one`).toBeGreaterThanOrEqual(record.acknowledged);
      expect(n).toBeLessThanOrEqual(record.sent);
    }
    if (database.kind === 'sqlite') {
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(database.db);
      expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
    }
  } finally {
    await database.close();
  }
}

describe(`SIGKILL in the middle of saves (${testStore})`, () => {
  const dataDir = makeDataDir();
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.kill();
    removeDataDir(dataDir);
  });

  it(`loses no acknowledged save and leaves no half-saved section, over ${CYCLES} kill cycles`, { timeout: 180_000 }, async () => {
    const records: SaveRecord[] = [];
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      server = await startServerProcess(dataDir);
      await expectSavesStored(dataDir, records);

      const browsers = await Promise.all(
        Array.from({ length: BROWSERS }, async (_, index) => {
          const agent = request.agent(server?.baseUrl ?? '');
          await startAssessment(agent);
          return { agent, name: `cycle ${cycle} browser ${index + 1}` };
        }),
      );
      // The profile first (the other sections open once it is saved), then every section at once.
      const savers = browsers.flatMap(({ agent, name }) =>
        SAVED_SECTIONS.map((sectionId) => {
          const record: SaveRecord = { browser: name, sectionId, acknowledged: 0, sent: 0 };
          records.push(record);
          return { agent, record };
        }),
      );
      for (const { agent, record } of savers.filter(({ record }) => record.sectionId === 'profile')) {
        const response = await postSection(agent, 'profile', answersFor('profile', {}, { ...everyExposureProfile, company_name: marker(record.browser, 'profile', 0), prepared_by: marker(record.browser, 'profile', 0) }));
        expect(response.status).toBe(303);
      }
      const saving = Promise.all(savers.map(({ agent, record }) => keepSaving(agent, record)));

      // Kill once saves are being acknowledged (a busy machine can take a while to get there), at a random moment.
      const thisCycle = savers.map(({ record }) => record);
      const deadline = Date.now() + 30_000;
      while (thisCycle.reduce((sum, record) => sum + record.acknowledged, 0) < BROWSERS && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 800));
      const killed = server;
      killed.signal('SIGKILL');
      await saving;
      expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    }
    server = await startServerProcess(dataDir);
    await expectSavesStored(dataDir, records);
    const acknowledged = records.reduce((sum, record) => sum + record.acknowledged, 0);
    expect(acknowledged).toBeGreaterThan(CYCLES * BROWSERS);
  });
});
