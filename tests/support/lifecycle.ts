import { afterEach, beforeEach } from 'vitest';
import { makeDataDir, removeDataDir, startApp, type RunningApp } from './testApp.js';

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
