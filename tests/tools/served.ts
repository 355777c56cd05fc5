/** For the screenshot tools (not tests): the app on a loopback port, Debian's Chromium, and a screenshot with axe's findings. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunningApp } from '../support/testApp.js';

export interface ServedInChromium {
  server: Server;
  /** http://127.0.0.1:<port> */
  base: string;
  browser: Browser;
}

export async function serveInChromium(running: RunningApp): Promise<ServedInChromium> {
  const server = running.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  return { server, base, browser };
}

/** Saves a full-page screenshot as OUT/NAME.png and prints axe's WCAG 2.x A/AA findings for it. */
export async function shotWithAxe(page: Page, out: string, name: string): Promise<void> {
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  process.stdout.write(`${name}: ${found.length === 0 ? 'no axe violations' : found.join('; ')}\n`);
}
