import { describe, expect, it } from 'vitest';
import { createUserDirectly, TEST_PASSWORD } from '../support/accounts.js';
import { inspect, useAppInChromium } from '../support/browser.js';

describe('accounts in Chromium', () => {
  const served = useAppInChromium();

  it('signs an admin in, invites a consultant who creates a password, and signs out, accessibly', async () => {
    const { running, browser, base } = served();
    await createUserDirectly(running.database, { organisationName: 'Caucasus Risk Partners', email: 'nino@crp.example', role: 'admin', displayName: 'Nino Beridze' });
    await createUserDirectly(running.database, { organisationName: 'Caucasus Risk Partners', email: 'tamar@crp.example', role: 'compliance', displayName: 'Tamar Lomidze' });
    const admin = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();

    await admin.goto(`${base}/`);
    await admin.getByRole('link', { name: 'Sign in' }).click();
    expect(await admin.textContent('h1')).toBe('Sign in to RiskPlan');
    await inspect(admin, 'accounts-01-sign-in');
    await admin.fill('#email', 'nino@crp.example');
    await admin.fill('#password', 'not my password at all');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    expect(await admin.textContent('.error-summary')).toContain('Enter a correct email address and password');
    expect(await admin.inputValue('#password')).toBe('');
    await inspect(admin, 'accounts-02-sign-in-error');

    await admin.fill('#password', TEST_PASSWORD);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => admin.url()).toBe(`${base}/assessments`);
    expect(await admin.textContent('.site-header__account')).toContain('Signed in as Nino Beridze, Caucasus Risk Partners');
    await admin.getByRole('link', { name: 'Your team' }).click();
    await inspect(admin, 'accounts-03-team');

    await admin.getByRole('link', { name: 'Invite someone' }).click();
    await admin.getByRole('button', { name: 'Create the invitation link' }).click();
    expect(await admin.textContent('.error-summary')).toContain('Enter their full name');
    await inspect(admin, 'accounts-04-invite-errors');
    await admin.fill('#name', 'Levan Kapanadze');
    await admin.fill('#email', 'levan@crp.example');
    await admin.getByLabel('Consultant').check();
    await admin.getByRole('button', { name: 'Create the invitation link' }).click();
    const link = (await admin.locator('.resume-link a').getAttribute('href')) ?? '';
    expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
    await inspect(admin, 'accounts-05-invitation-link');

    await admin.getByRole('link', { name: 'Back to your team' }).click();
    await admin.getByRole('link', { name: 'Tamar Lomidze' }).click();
    await inspect(admin, 'accounts-06-member');

    // The consultant, in a browser of their own. Links are built on PUBLIC_URL: open the same path here.
    const consultant = await (await browser.newContext({ viewport: { width: 420, height: 900 } })).newPage();
    await consultant.goto(`${base}${new URL(link).pathname}`);
    await inspect(consultant, 'accounts-07-create-password');
    await consultant.fill('#password', 'qwerty123456');
    await consultant.fill('#confirmPassword', 'qwerty123456');
    await consultant.getByRole('button', { name: 'Create password and sign in' }).click();
    expect(await consultant.textContent('.error-summary')).toContain('This password is too common');
    await inspect(consultant, 'accounts-08-create-password-errors');
    await consultant.fill('#password', 'Tbilisi funicular at midnight');
    await consultant.fill('#confirmPassword', 'Tbilisi funicular at midnight');
    await consultant.getByRole('button', { name: 'Create password and sign in' }).click();
    await expect.poll(() => consultant.url()).toBe(`${base}/assessments`);
    expect(await consultant.textContent('.site-header__account')).toContain('Signed in as Levan Kapanadze, Caucasus Risk Partners');
    await inspect(consultant, 'accounts-09-signed-in-assessments');

    await consultant.getByRole('button', { name: 'Sign out' }).click();
    expect(await consultant.textContent('.notice')).toContain('You have signed out.');
    await inspect(consultant, 'accounts-10-signed-out');
  });
});
