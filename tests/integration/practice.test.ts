import { describe, expect, it } from 'vitest';
import { purgeExpiredData } from '../../src/services/retention.js';
import { csrfTokenFrom, formBody, locationOf, pathOf } from '../support/forms.js';
import { useFreshApp } from '../support/lifecycle.js';
import { addClient, OTHER_FIRM, signedInAs, startAssessmentOf, tableRows } from '../support/practice.js';
import { answersFor, everyExposureProfile, newAgent, postSection, walkAllSections } from '../support/walk.js';

/** A careful software firm: few exposures (nothing across the border, no ports). */
const softwareFirmProfile: Readonly<Record<string, string | string[]>> = {
  company_name: 'Tiflis Code LLC',
  countries: ['georgia'],
  cross_border: 'no',
  road_transport: 'no',
  energy_dependence: 'limited',
  uses_ports: 'no',
  critical_activity_count: 'one',
};

describe('a consulting firm: clients and their assessments', () => {
  const running = useFreshApp();

  it('adds a client (the form comes back with what was typed when it is wrong), assesses it by its own URL and lists it with its rating', async () => {
    const { app, database } = running();
    const consultant = await signedInAs(app, database, 'nino@crp.example', 'consultant');
    expect((await consultant.get('/clients').expect(200)).text).toContain('You have no clients yet');

    const form = await consultant.get('/clients/new').expect(200);
    const refused = await consultant
      .post('/clients')
      .type('form')
      .send(formBody({ _csrf: csrfTokenFrom(form.text), name: '  ', country: 'GE', sector: 'Haulage', contactEmail: 'not-an-email', contactPhone: '+995 32 2 00 00 00' }));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<a href="#name">Enter the company name</a>');
    expect(refused.text).toContain('<a href="#contactEmail">Enter an email address like name@example.com</a>');
    expect(refused.text).toContain('value="Haulage"');
    expect(refused.text).toContain('value="not-an-email"');
    expect(refused.text).toMatch(/id="country"[^>]*value="GE" checked|value="GE" checked/);

    const clientPath = await addClient(consultant, { name: 'შპს ქართლი ლოჯისტიკა', sector: 'Haulage', contactName: 'Giorgi Kapanadze', contactEmail: 'giorgi@kartli.example' });
    const clientPage = await consultant.get(clientPath).expect(200);
    expect(clientPage.text).toContain('შპს ქართლი ლოჯისტიკა');
    expect(clientPage.text).toContain('Giorgi Kapanadze');
    expect(clientPage.text).toContain('No assessment of this client yet.');

    const base = await startAssessmentOf(consultant, clientPath);
    expect(base).toMatch(/^\/assessments\/[0-9a-f-]{36}$/);
    const tasks = await consultant.get(base).expect(200);
    expect(tasks.text).toContain(`href="${base}/sections/profile"`);
    await walkAllSections(consultant, everyExposureProfile, base);
    const results = await consultant.get(`${base}/results`).expect(200);
    const overall = /<p class="overall__value">([^<]+)<\/p>/.exec(results.text)?.[1];
    expect(overall).toBeTruthy();
    expect(results.text).toContain(`href="${base}/report.pdf"`);

    const list = await consultant.get('/assessments').expect(200);
    const rows = tableRows(list.text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('შპს ქართლი ლოჯისტიკა');
    expect(rows[0]).toContain('Results ready');
    expect(rows[0]).toContain(overall ?? '');
    expect(rows[0]).toContain('nino');
  });

  it('keeps several assessments open at once in one browser, each by its id, each with its own answers', async () => {
    const { app, database } = running();
    const consultant = await signedInAs(app, database, 'nino@crp.example', 'consultant');
    const haulier = await startAssessmentOf(consultant, await addClient(consultant, { name: 'Kartli Logistics' }));
    const software = await startAssessmentOf(consultant, await addClient(consultant, { name: 'Tiflis Code' }));
    expect(haulier).not.toBe(software);

    const haulierProfile = answersFor('profile', {}, everyExposureProfile);
    const softwareProfile = answersFor('profile', {}, softwareFirmProfile);
    expect((await postSection(consultant, 'profile', haulierProfile, 'continue', haulier)).status).toBe(303);
    expect((await postSection(consultant, 'profile', softwareProfile, 'continue', software)).status).toBe(303);

    const haulierPage = await consultant.get(`${haulier}/sections/profile`).expect(200);
    const softwarePage = await consultant.get(`${software}/sections/profile`).expect(200);
    expect(haulierPage.text).toContain('value="Kartli Logistics LLC"');
    expect(softwarePage.text).toContain('value="Tiflis Code LLC"');
    expect(haulierPage.text).toContain(`action="${haulier}/sections/profile"`);
    // The haulier's task list offers the border section; the software firm's does not.
    expect((await consultant.get(haulier).expect(200)).text).toContain('/sections/cross_border');
    expect((await consultant.get(software).expect(200)).text).not.toContain('/sections/cross_border');
  });

  it('searches, filters and pages the list, and says what was wrong with a filter without losing the list', async () => {
    const { app, database } = running();
    const consultant = await signedInAs(app, database, 'nino@crp.example', 'consultant');
    const sheki = await addClient(consultant, { name: 'Şəki İpək MMC' });
    const kartli = await addClient(consultant, { name: 'Kartli Logistics' });
    const rated = await startAssessmentOf(consultant, kartli);
    await walkAllSections(consultant, everyExposureProfile, rated);
    for (let i = 0; i < 22; i += 1) await startAssessmentOf(consultant, sheki);

    // Case-insensitive beyond ASCII on both stores: "şəki" finds "Şəki".
    const bySearch = await consultant.get(`/assessments?q=${encodeURIComponent('şəki')}`).expect(200);
    expect(bySearch.text).toContain('Showing 1 to 20 of 22');
    expect(tableRows(bySearch.text)).toHaveLength(20);
    const nextHref = /<a class="paging__link" href="([^"]+)" rel="next">/.exec(bySearch.text)?.[1]?.replaceAll('&amp;', '&');
    expect(nextHref).toBe(`/assessments?q=${encodeURIComponent('şəki')}&page=2`);
    const second = await consultant.get(nextHref ?? '').expect(200);
    expect(second.text).toContain('Showing 21 to 22 of 22');
    expect(tableRows(second.text)).toHaveLength(2);

    const ready = await consultant.get('/assessments?status=ready').expect(200);
    expect(tableRows(ready.text)).toHaveLength(1);
    expect(tableRows(ready.text)[0]).toContain('Kartli Logistics');
    const band = /<span class="band band--(\w+)">/.exec(ready.text)?.[1] ?? '';
    expect((await consultant.get(`/assessments?band=${band}`).expect(200)).text).toContain('Showing 1 to 1 of 1');
    const otherBand = ['low', 'medium', 'high', 'critical'].find((candidate) => candidate !== band) ?? '';
    expect((await consultant.get(`/assessments?band=${otherBand}`).expect(200)).text).toContain('No assessment matches these filters.');

    // Start dates: move the rated assessment back to March 2026 and filter around it.
    const ratedId = rated.split('/').pop() ?? '';
    await database.db.updateTable('assessments').set({ created_at: '2026-03-10T09:00:00.000Z' }).where('id', '=', ratedId).execute();
    const march = await consultant.get('/assessments?from=2026-03-01&to=2026-03-10').expect(200);
    expect(tableRows(march.text)).toHaveLength(1);
    expect((await consultant.get('/assessments?from=2026-03-11&to=2026-03-31').expect(200)).text).toContain('No assessment matches these filters.');

    const wrong = await consultant.get('/assessments?band=purple&from=2026-13-45&q=Kartli').expect(400);
    expect(wrong.text).toContain('<a href="#band">Select a rating from the list</a>');
    expect(wrong.text).toContain('<a href="#from">Enter a real date, for example 2026-03-31</a>');
    expect(wrong.text).toContain('value="Kartli"');
    expect(tableRows(wrong.text)).toHaveLength(1);
  });

  it('lets a compliance user read but not change, and shows another firm, a guessed id or a signed-out visitor nothing', async () => {
    const { app, database } = running();
    const consultant = await signedInAs(app, database, 'nino@crp.example', 'consultant');
    const clientPath = await addClient(consultant, { name: 'Kartli Logistics' });
    const base = await startAssessmentOf(consultant, clientPath);
    await walkAllSections(consultant, everyExposureProfile, base);

    const compliance = await signedInAs(app, database, 'lela@crp.example', 'compliance');
    expect((await compliance.get('/assessments').expect(200)).text).toContain('Kartli Logistics');
    const results = await compliance.get(`${base}/results`).expect(200);
    expect(results.text).not.toContain(`href="${base}/actions"`);
    expect((await compliance.get(`${base}/check`).expect(200)).text).not.toContain('/sections/');
    await compliance.get(`${base}/sections/profile`).expect(404);
    await compliance.get('/clients/new').expect(404);
    const page = await compliance.get(clientPath).expect(200);
    expect(page.text).not.toContain('Start an assessment');
    await compliance.post(`${clientPath}/assessments`).type('form').send(formBody({ _csrf: csrfTokenFrom(page.text) })).expect(404);

    const stranger = await signedInAs(app, database, 'aysel@bag.example', 'consultant', OTHER_FIRM);
    const strangerPage = await stranger.get('/clients').expect(200);
    expect(strangerPage.text).not.toContain('Kartli Logistics');
    for (const path of [clientPath, `${clientPath}/edit`, base, `${base}/results`, `${base}/report`, `${base}/report.pdf`, `${base}/check`, '/assessments/00000000-0000-4000-8000-000000000000', '/clients/1']) {
      const answer = await stranger.get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.text).not.toContain('Kartli');
    }
    const forged = await stranger.post(`${clientPath}/assessments`).type('form').send(formBody({ _csrf: csrfTokenFrom(strangerPage.text) }));
    expect(forged.status).toBe(404);

    const visitor = newAgent(app);
    for (const path of ['/clients', '/assessments', base, `${base}/results`]) {
      const answer = await visitor.get(path);
      expect(answer.status, path).toBe(303);
      expect(pathOf(locationOf(answer))).toBe('/sign-in');
    }
  });

  it('never deletes a firm’s assessment as abandoned, however long it was left', async () => {
    const { app, database } = running();
    const consultant = await signedInAs(app, database, 'nino@crp.example', 'consultant');
    const base = await startAssessmentOf(consultant, await addClient(consultant, { name: 'Kartli Logistics' }));
    const id = base.split('/').pop() ?? '';
    await database.db.updateTable('assessments').set({ updated_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', id).execute();
    const purged = await purgeExpiredData(database.db, { abandonedAssessmentDays: 30 });
    expect(purged.abandonedAssessments).toBe(0);
    await consultant.get(base).expect(200);
  });
});
