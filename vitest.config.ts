import { defineConfig } from 'vitest/config';

// RISKPLAN_TEST_STORE=postgres runs the integration suite on a throwaway PostgreSQL cluster.
const onPostgres = process.env.RISKPLAN_TEST_STORE === 'postgres';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: onPostgres ? ['tests/support/postgresGlobalSetup.ts'] : [],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
