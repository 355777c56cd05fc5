import { describe, expect, it } from 'vitest';
import { createUserDirectly } from '../support/accounts.js';
import { answerPage, inspect, signedInPage, useAppInChromium } from '../support/browser.js';

/**
 * A consultant's round, as they would do it in a browser: sign in, add a client, assess it,
 * override a rating with a reason, add an action of their own, download the PDF, the Excel plan
 * and the Word report, share a read-only link and open it signed out.
 */
describe("a consultant's round in Chromium", () => {
  const served = useAppInChromium();

  it('goes from sign-in to a client reading the shared results, accessibly', async () => {
    const { running, browser, base } = served();
    await createUserDirectly(running.database, { organisationName: 'Caucasus Risk Partners', email: 'nino@crp.example', role: 'consultant', displayName: 'Nino Beridze' });
    const page = await signedInPage(browser, base, 'nino@crp.example');
    expect(new URL(page.url()).pathname).toBe('/assessments');
    await inspect(page, 'consultant-01-assessments-empty');

    await page.getByRole('link', { name: 'Clients', exact: true }).click();
    await page.getByRole('link', { name: 'Add a client' }).click();
    await page.fill('#name', 'შპს ქართლი ლოჯისტიკა');
    await page.check('input[name=country][value=GE_AZ]');
    await page.fill('#sector', 'Haulage');
    await page.getByRole('button', { name: 'Save client' }).click();
    expect(await page.textContent('h1')).toBe('შპს ქართლი ლოჯისტიკა');
    await inspect(page, 'consultant-02-client');

    await page.getByRole('button', { name: 'Start an assessment' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/assessments\/[0-9a-f-]{36}$/);
    const assessmentBase = new URL(page.url()).pathname;
    await inspect(page, 'consultant-03-tasks');
    await page.locator('a.task-list__name').first().click();
    await page.fill('#company_name', 'შპს ქართლი ლოჯისტიკა');
    for (let guard = 0; guard < 20 && page.url().includes('/sections/'); guard += 1) {
      await answerPage(page);
      await page.getByRole('button', { name: 'Save and continue' }).click();
    }
    expect(new URL(page.url()).pathname).toBe(`${assessmentBase}/check`);
    await page.getByRole('link', { name: 'See your results' }).click();
    await inspect(page, 'consultant-04-results');

    // The assessor's judgement: a rating override with its reason, shown beside the calculation.
    await page.locator('a.register-judge').first().click();
    await page.getByRole('button', { name: 'Save your rating' }).click();
    expect(await page.textContent('.error-summary')).toContain('There is a problem');
    // Any band but the calculated one (the form names it; choosing it is refused).
    for (const option of await page.locator('input[name=band]').all()) {
      const label = await page.locator(`label[for="${(await option.getAttribute('id')) ?? ''}"]`).textContent();
      if (/calculated/i.test(label ?? '')) continue;
      await option.check();
      break;
    }
    await page.fill('textarea[name=reason]', 'The depot in Rustavi was broken into twice this year.');
    await page.getByRole('button', { name: 'Save your rating' }).click();
    expect(await page.textContent('main')).toContain('The depot in Rustavi was broken into twice this year.');
    expect(await page.textContent('main')).toMatch(/Calculated/i);
    await inspect(page, 'consultant-05-results-with-override');

    // An action of the firm's own, with owner, date and priority.
    await page.goto(`${base}${assessmentBase}/actions`);
    await page.getByRole('link', { name: 'Add an action of your own' }).first().click();
    await page.fill('textarea[name=text]', 'Brief the night shift at the Rustavi depot on the lock-down drill');
    await page.check('input[name=priority][value="1"]');
    await page.fill('input[name=owner]', 'Levan Kapanadze');
    await page.getByRole('button', { name: 'Save the action' }).click();
    expect(await page.textContent('main')).toContain('Brief the night shift at the Rustavi depot');
    await inspect(page, 'consultant-06-action-plan');

    // Downloads: the PDF, the Excel action plan and the Word report.
    for (const [path, type, magic] of [
      ['/report.pdf', 'application/pdf', '%PDF-'],
      ['/actions.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'PK'],
      ['/report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK'],
    ] as const) {
      const download = await page.request.get(`${base}${assessmentBase}${path}`);
      expect(download.status(), path).toBe(200);
      expect(download.headers()['content-type'], path).toBe(type);
      expect((await download.body()).subarray(0, magic.length).toString('latin1'), path).toBe(magic);
    }

    // A read-only link for the client, opened in a browser that is not signed in.
    await page.goto(`${base}${assessmentBase}/results`);
    await page.getByRole('link', { name: 'Share read-only' }).click();
    await page.getByRole('button', { name: 'Create a link' }).click();
    const link = (await page.locator('.resume-link a').getAttribute('href')) ?? '';
    expect(link).toMatch(/\/shared\/[A-Za-z0-9_-]+\/results$/);
    await inspect(page, 'consultant-07-share');

    const client = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
    await client.goto(new URL(new URL(link).pathname, base).href);
    const shared = (await client.textContent('main')) ?? '';
    expect(shared).toContain('Shared by Nino Beridze of Caucasus Risk Partners');
    expect(shared).toContain('The depot in Rustavi was broken into twice this year.');
    expect(await client.locator('a[href*="/sections/"], a[href$="/actions"], form[method=post]').count()).toBe(0);
    const sharedPdf = await client.request.get(new URL(new URL(link).pathname.replace(/\/results$/, '/report.pdf'), base).href);
    expect(sharedPdf.status()).toBe(200);
    await inspect(client, 'consultant-08-shared-results');
    await page.context().close();
    // A whole walk in a real browser: about a minute on a quiet machine, several on a busy one.
  }, 300_000);
});
