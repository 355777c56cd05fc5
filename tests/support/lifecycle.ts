import { afterEach, beforeEach } from 'vitest';
import { makeDataDir, removeDataDir, startApp, type RunningApp, type StartAppOptions } from './testApp.js';

/** Gives each test of the calling suite its own app on a fresh, throwaway store. */
export function useFreshApp(): () => RunningApp {
  let running: RunningApp | undefined;
  beforeEach(async () => {
    running = await startApp(makeDataDir());
  });
  afterEach(async () => {
    if (!running) return;
    await running.stop();
    removeDataDir(running.dataDir);
    running = undefined;
  });
  return () => {
    if (!running) throw new Error('useFreshApp: the app is only available inside a test');
    return running;
  };
}

/**
 * For tests that start their own app with settings (a logger to read, a stand-in PDF worker):
 * the returned function starts one, and every app it started is stopped and its store removed
 * after each test.
 */
export function useAppsWithSettings(): (options?: StartAppOptions, dataDir?: string) => Promise<RunningApp> {
  const started: RunningApp[] = [];
  afterEach(async () => {
    for (const running of started.splice(0)) {
      await running.stop();
      removeDataDir(running.dataDir);
    }
  });
  return async (options = {}, dataDir = makeDataDir()) => {
    const running = await startApp(dataDir, options);
    started.push(running);
    return running;
  };
}
