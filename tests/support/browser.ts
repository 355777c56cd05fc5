import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { makeDataDir, removeDataDir, startApp, type RunningApp } from './testApp.js';

export const SCREENSHOTS = path.resolve('test-output/screenshots');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * Checks a page against WCAG 2.x A and AA with axe-core and saves it as a screenshot. axe runs
 * inside the page, so the browser has JavaScript on; the pages ship no script at all (asserted
 * here), so what the user gets with JavaScript off is exactly what is checked.
 */
export async function inspect(page: Page, name: string): Promise<void> {
  expect(await page.locator('script').count(), `${name} has a script element`).toBe(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(violations, `${name} has accessibility violations`).toEqual([]);
}

export interface ServedApp {
  running: RunningApp;
  browser: Browser;
  /** Where the app listens, e.g. `http://127.0.0.1:34567`. */
  base: string;
}

/** For a browser suite: one app on a fresh store, listening on a free port, and Debian's Chromium; both stopped after the suite. */
export function useServedAppAndBrowser(): () => ServedApp {
  let served: ServedApp | undefined;
  let server: Server | undefined;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const running = await startApp(makeDataDir());
    const listening = running.app.listen(0, '127.0.0.1');
    server = listening;
    await new Promise<void>((resolve) => listening.once('listening', () => resolve()));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    served = { running, browser, base: `http://127.0.0.1:${(listening.address() as AddressInfo).port}` };
  });
  afterAll(async () => {
    await served?.browser.close();
    await new Promise((resolve) => server?.close(resolve));
    await served?.running.stop();
    if (served) removeDataDir(served.running.dataDir);
  });
  return () => {
    if (!served) throw new Error('useServedAppAndBrowser: only available inside a test');
    return served;
  };
}
