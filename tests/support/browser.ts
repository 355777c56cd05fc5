import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { TEST_PASSWORD } from './accounts.js';
import { makeDataDir, removeDataDir, startApp, type RunningApp } from './testApp.js';

export const SCREENSHOTS = path.resolve('test-output/screenshots');
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * Every page type is checked against WCAG 2.x A and AA with axe-core and saved as a screenshot.
 * axe runs inside the page, so the browser has JavaScript on; the pages ship no script at all
 * (asserted here), so what the user gets with JavaScript off is exactly what is checked.
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
  /** http://127.0.0.1:<port> */
  base: string;
}

/** For the calling suite: the app listening on a loopback port and Debian's Chromium, both stopped after it. */
export function useAppInChromium(): () => ServedApp {
  let served: ServedApp | undefined;
  let server: Server | undefined;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const running = await startApp(makeDataDir());
    server = running.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server?.once('listening', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    served = { running, browser, base };
  });
  afterAll(async () => {
    await served?.browser.close();
    await new Promise((resolve) => server?.close(resolve));
    await served?.running.stop();
    if (served) removeDataDir(served.running.dataDir);
  });
  return () => {
    if (!served) throw new Error('useAppInChromium: only available inside a test');
    return served;
  };
}

/**
 * Answers every question on a section page the way a person would, plain text included. Radio
 * questions get their second option: on 2.0's measure questions that is "partly", so the
 * business has actions to plan; a recovery target's second option is shorter than the outage's.
 */
export async function answerPage(page: Page): Promise<void> {
  const groups = new Map<string, string | null>();
  for (const input of await page.locator('input[type=radio], input[type=checkbox]').all()) {
    groups.set((await input.getAttribute('name')) ?? '', await input.getAttribute('type'));
  }
  for (const [name, type] of groups) {
    const options = page.locator(`input[name="${name}"]`);
    const second = type === 'radio' && (await options.count()) > 1;
    await (second ? options.nth(1) : options.first()).check();
  }
  for (const input of await page.locator('input.input').all()) {
    if ((await input.inputValue()) !== '') continue;
    await input.fill((await input.getAttribute('type')) === 'tel' ? '+995 32 200 00 00' : 'Nino Beridze');
  }
  for (const area of await page.locator('textarea.textarea:not(.textarea--small)').all()) {
    if ((await area.inputValue()) === '') await area.fill('Caspian Supplies LLC, +994 12 555 55 55');
  }
}

/** Signs a user in through the sign-in page in a new browser context; returns its page. */
export async function signedInPage(browser: Browser, base: string, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.url()).not.toContain('/sign-in');
  return page;
}
