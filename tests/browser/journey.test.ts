import { describe, expect, it } from 'vitest';
import { answerPage, inspect, useAppInChromium } from '../support/browser.js';

describe('the whole journey in Chromium', () => {
  const served = useAppInChromium();

  it('walks from the start page to the results, accessibly, on pages without script', async () => {
    const { browser, base } = served();
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();

    await page.goto(`${base}/`);
    await inspect(page, '01-start');
    await page.getByRole('button', { name: /Start now/ }).click();
    await expect.poll(() => page.url()).toContain('/assessments');
    expect(await page.textContent('h1')).toBe('Your assessment has started');
    const resumeLink = await page.locator('.resume-link a').getAttribute('href');
    expect(resumeLink).toMatch(/\/resume\/[A-Za-z0-9_-]{43}$/);
    await inspect(page, '02-started');

    await page.getByRole('link', { name: 'Go to your assessment' }).click();
    await inspect(page, '03-task-list');

    await page.locator('a.task-list__name').first().click();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    expect(await page.textContent('.error-summary')).toContain('There is a problem');
    await inspect(page, '04-question-page-with-errors');

    await page.fill('#company_name', 'Şirkət Əliyev · შპს ქართლი · ООО Восток');
    await answerPage(page);
    await inspect(page, '05-question-page');
    await page.getByRole('button', { name: 'Save and come back later' }).click();
    expect(await page.textContent('h1')).toBe('Come back when you are ready');
    await inspect(page, '06-saved');

    await page.getByRole('link', { name: 'Return to your assessment' }).click();
    await page.locator('a.task-list__name').first().click();
    for (let guard = 0; guard < 20 && page.url().includes('/assessment/sections/'); guard += 1) {
      await answerPage(page);
      await page.getByRole('button', { name: 'Save and continue' }).click();
    }
    expect(new URL(page.url()).pathname).toBe('/assessment/check');
    expect(await page.textContent('main')).toContain('Şirkət Əliyev · შპს ქართლი · ООО Восток');
    await inspect(page, '07-check-your-answers');

    await page.getByRole('link', { name: 'See your results' }).click();
    expect(await page.textContent('h1')).toContain('Your security risks and what to do');
    expect(await page.locator('.heat-map td.heat-map__cell').count()).toBe(25);
    await inspect(page, '08-results');

    await page.getByRole('link', { name: /in your action plan/ }).click();
    expect(await page.textContent('h1')).toContain('Action plan');
    await inspect(page, '14-action-plan');
    const [firstOwner, firstDue, firstStatus] = [page.locator('input[id^="owner-"]').first(), page.locator('input[type=date]').first(), page.locator('select').first()];
    const savePlan = () => page.getByRole('button', { name: 'Save the action plan' }).click();
    await firstOwner.fill('Giorgi Maisuradze');
    await firstDue.fill('2040-01-01');
    await savePlan();
    expect(await page.textContent('.error-summary')).toContain('Enter a date from');
    expect(await firstOwner.inputValue()).toBe('Giorgi Maisuradze');
    await inspect(page, '15-action-plan-with-errors');
    await firstDue.fill('');
    await firstStatus.selectOption('in_progress');
    await savePlan();
    expect(await page.textContent('.notice')).toContain('Your action plan has been saved.');
    expect(await firstStatus.inputValue()).toBe('in_progress');
    await page.getByRole('link', { name: 'Back to your results' }).click();

    const download = await page.request.get(`${base}/assessment/report.pdf`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect((await download.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByRole('link', { name: 'Printable version' }).click();
    expect(await page.textContent('main')).toContain('Şirkət Əliyev · შპს ქართლი · ООО Восток');
    await inspect(page, '13-printable-report');

    await page.goto(`${base}/how-we-score`);
    await inspect(page, '09-how-we-score');
    await page.goto(`${base}/sources`);
    await inspect(page, '10-sources');
    await page.goto(`${base}/no-such-page`);
    await inspect(page, '11-not-found');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/assessment/results`);
    await inspect(page, '12-results-phone');
    await page.goto(`${base}/assessment/actions`);
    await inspect(page, '16-action-plan-phone');

    // The resume link restores the assessment in a fresh browser profile, once the user confirms
    // on the page it opens. Links are built on PUBLIC_URL (a test address): open its path here.
    const other = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const otherPage = await other.newPage();
    await otherPage.goto(new URL(new URL(resumeLink ?? '').pathname, base).href);
    expect(await otherPage.textContent('h1')).toBe('Open this assessment?');
    expect(await otherPage.textContent('main')).toContain('Şirkət Əliyev');
    await inspect(otherPage, '17-resume-confirm');
    await otherPage.getByRole('button', { name: 'Open this assessment' }).click();
    await expect.poll(() => new URL(otherPage.url()).pathname).toBe('/assessment');
    expect(await otherPage.textContent('main')).toContain('Şirkət Əliyev');
    await other.close();
    await context.close();
    // A whole walk in a real browser: about a minute on a quiet machine, several on a busy one.
  }, 300_000);
});
