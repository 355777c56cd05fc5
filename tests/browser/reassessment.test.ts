import { describe, expect, it } from 'vitest';
import { currentQuestionnaire } from '../../src/questionnaire/registry.js';
import { answersOf } from '../fixtures/answerBuilder.js';
import { haulierWithNoMeasures } from '../fixtures/personas.js';
import { inspect, signedInPage, useAppInChromium } from '../support/browser.js';
import { addClient, signedInAs, startAssessmentOf } from '../support/practice.js';
import { assessmentOnVersion1, betterHaulierAnswers, changePlan, idOf, reassess, valuesOf } from '../support/reassessment.js';
import { walkAllSections } from '../support/walk.js';

/**
 * The re-assessment pages a consultant reads (the task list's notes, the answers to check) and the
 * comparison, in Chromium: checked with axe and saved as screenshots, at desktop and phone widths.
 */
describe('re-assessment and comparison pages in Chromium', () => {
  const served = useAppInChromium();

  it('shows a re-assessment, its answers to check and a comparison readably and accessibly', { timeout: 300_000 }, async () => {
    const { running, browser, base } = served();
    const { app, database } = running;
    const consultant = await signedInAs(app, database, 'nino@crp.example', 'consultant');
    // A haulier assessed with nothing in place, then re-assessed with measures.
    const kartli = await addClient(consultant, { name: 'Kartli Trans', sector: 'Haulage' });
    const first = await startAssessmentOf(consultant, kartli);
    await walkAllSections(consultant, valuesOf(answersOf(currentQuestionnaire, haulierWithNoMeasures)), first);
    await changePlan(consultant, first, { require_mfa: { owner: 'Nino (IT)', status: 'done' }, train_staff_phishing: { owner: 'Lela (HR)', status: 'in_progress' } });
    const second = await reassess(consultant, first);
    await walkAllSections(consultant, valuesOf(betterHaulierAnswers()), second);
    await changePlan(consultant, second, { train_staff_phishing: { status: 'done' } });
    // A client last assessed on questionnaire 1.0, re-assessed onto 2.0 and not yet confirmed.
    const sheki = await addClient(consultant, { name: 'Şəki İpək MMC' });
    const user = await database.db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', 'nino@crp.example').executeTakeFirstOrThrow();
    const shekiId = sheki.split('/').pop() ?? '';
    const oldId = await assessmentOnVersion1(
      database,
      { organisationId: user.organisation_id, clientId: shekiId, createdByUserId: user.id },
      { insurance_review: { value: 'checked_covered', note: 'Policy renewed in January with Pasha Insurance' }, site_locations: { value: ['other_city', 'rural_area'], note: 'Workshop in Sheki, showroom in Baku' } },
    );
    const fromOld = await reassess(consultant, `/assessments/${oldId}`);

    const page = await signedInPage(browser, base, 'nino@crp.example');

    await page.goto(`${base}${fromOld}`);
    expect(await page.textContent('.reassessment-notice')).toContain('This is a re-assessment');
    await inspect(page, 'reassess-01-task-list');
    await page.getByRole('link', { name: 'See the answers to check' }).click();
    expect(await page.textContent('h1')).toBe('Answers to check');
    await inspect(page, 'reassess-02-answers-to-check');

    await page.goto(`${base}${kartli}`);
    await inspect(page, 'reassess-03-client');
    await page.getByRole('link', { name: /Compare with the previous one/ }).click();
    expect(page.url()).toContain(`earlier=${idOf(first)}`);
    await inspect(page, 'reassess-04-compare');
    await page.goto(`${base}${second}`);
    await inspect(page, 'reassess-05-confirmed-task-list');

    await page.goto(`${base}${sheki}/compare?earlier=${oldId}&later=${idOf(fromOld)}`);
    await inspect(page, 'reassess-06-compare-versions');
    await page.goto(`${base}${kartli}/compare?earlier=${idOf(first)}&later=`);
    await inspect(page, 'reassess-07-compare-error');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}${kartli}/compare?earlier=${idOf(first)}&later=${idOf(second)}`);
    await inspect(page, 'reassess-08-compare-phone');
    await page.context().close();
  });
});
