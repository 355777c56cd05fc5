import type { TestProject } from 'vitest/node';
import { startThrowawayCluster } from './postgresCluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the throwaway cluster this run's databases are created on. */
    postgresAdminUrl: string;
    postgresBinDir: string;
  }
}

/** vitest globalSetup for RISKPLAN_TEST_STORE=postgres: one cluster for the run, removed after it. */
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startThrowawayCluster();
  project.provide('postgresAdminUrl', cluster.adminUrl);
  project.provide('postgresBinDir', cluster.binDir);
  return () => cluster.stop();
}
