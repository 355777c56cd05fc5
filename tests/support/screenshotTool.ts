import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunningApp } from './testApp.js';

/** For the screenshot tools (tests/tools/screenshot*.ts, not tests): the app on a loopback port and Debian's Chromium. */
export interface ScreenshotSession {
  /** http://127.0.0.1:<port> */
  base: string;
  browser: Browser;
  /** Saves a full-page screenshot as OUT/<name>.png and prints axe's WCAG 2.x A/AA findings. */
  shot: (page: Page, name: string) => Promise<void>;
  close: () => Promise<void>;
}

export async function screenshotSession(running: RunningApp, out: string): Promise<ScreenshotSession> {
  const server = running.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  return {
    base,
    browser,
    shot: async (page, name) => {
      await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      process.stdout.write(`${name}: ${found.length === 0 ? 'no axe violations' : found.join('; ')}\n`);
    },
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
