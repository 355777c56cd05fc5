import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUserDirectly } from '../support/accounts.js';
import { answerPage, inspect, signedInPage, useAppInChromium } from '../support/browser.js';

/** Answers every section from the current one to "check your answers". */
async function answerEverySection(page: Page): Promise<void> {
  for (let guard = 0; guard < 20 && page.url().includes('/sections/'); guard += 1) {
    await answerPage(page);
    await page.getByRole('button', { name: 'Save and continue' }).click();
  }
  expect(new URL(page.url()).pathname).toMatch(/\/check$/);
}

/** From the check page: changes the number of sites and adds a note to it, back to the check page. */
async function changeSites(page: Page, note: string): Promise<void> {
  await page.locator('a[href*="#question-sites"]').click();
  await page.check('input[name=sites][value=six_or_more]');
  await page.locator('#question-sites summary.note__summary').click();
  await page.fill('textarea[name=sites__note]', note);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  expect(new URL(page.url()).pathname).toMatch(/\/check$/);
}

/** The history of an assessment's answers as its readers see it: anonymous, the consultant, compliance. */
describe('the history of changes in Chromium', () => {
  const served = useAppInChromium();

  it('lists an anonymous holder’s and a firm’s changes in words, accessibly', async () => {
    const { running, browser, base } = served();
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const visitor = await context.newPage();
    await visitor.goto(`${base}/`);
    await visitor.getByRole('button', { name: /Start now/ }).click();
    await visitor.getByRole('link', { name: 'Go to your assessment' }).click();
    await visitor.locator('a.task-list__name').first().click();
    await visitor.fill('#company_name', 'Şirkət Əliyev MMC');
    await answerEverySection(visitor);
    await changeSites(visitor, 'Baku head office and the Ganja depot');
    await visitor.getByRole('link', { name: 'History of changes' }).click();
    expect(await visitor.textContent('h1')).toContain('History of changes');
    const newest = visitor.locator('tbody tr').first();
    expect(await newest.textContent()).toContain('Holder of the resume link');
    expect(await newest.textContent()).toContain('Baku head office and the Ganja depot');
    await inspect(visitor, 'history-01-anonymous');

    await createUserDirectly(running.database, { organisationName: 'Caucasus Risk Partners', email: 'nino@crp.example', role: 'consultant', displayName: 'Nino Beridze' });
    await createUserDirectly(running.database, { organisationName: 'Caucasus Risk Partners', email: 'tamar@crp.example', role: 'compliance', displayName: 'Tamar Lomidze' });
    const consultant = await signedInPage(browser, base, 'nino@crp.example');
    await consultant.goto(`${base}/clients/new`);
    await consultant.fill('#name', 'Kartli Logistics');
    await consultant.check('input[name=country][value=GE_AZ]');
    await consultant.getByRole('button', { name: 'Save client' }).click();
    await consultant.getByRole('button', { name: 'Start an assessment' }).click();
    await consultant.locator('a.task-list__name').first().click();
    const assessmentBase = new URL(consultant.url()).pathname.replace(/\/sections\/.*$/, '');
    await consultant.fill('#company_name', 'Kartli Logistics LLC');
    await answerEverySection(consultant);
    await changeSites(consultant, 'Rustavi depot added in March');
    await consultant.getByRole('link', { name: 'See your results' }).click();
    await consultant.getByRole('link', { name: 'History of changes' }).click();
    expect(await consultant.locator('tbody tr').first().textContent()).toContain('You');
    await inspect(consultant, 'history-02-consultant');

    const compliance = await signedInPage(browser, base, 'tamar@crp.example');
    await compliance.goto(`${base}${assessmentBase}/history?page=2`);
    expect(await compliance.locator('tbody tr').first().textContent()).toContain('Nino Beridze');
    await inspect(compliance, 'history-03-compliance-page-2');
    await compliance.setViewportSize({ width: 390, height: 844 });
    await compliance.goto(`${base}${assessmentBase}/history`);
    await inspect(compliance, 'history-04-compliance-phone');
  });
});
