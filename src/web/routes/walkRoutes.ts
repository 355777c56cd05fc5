import { Router } from 'express';
import type { Translate } from '../../i18n/catalogue.js';
import { resumePage } from '../../presenters/resumePage.js';
import { sectionPage, type SectionNotice } from '../../presenters/sectionPage.js';
import { shownQuestions } from '../../questionnaire/visibility.js';
import { AssessmentNotFoundError, type AssessmentService, type AssessmentState } from '../../services/assessmentService.js';
import { readSectionForm, typedFormValues, type FieldError, type FormValues, type SaveIntent } from '../forms/sectionForm.js';
import { storageFailureOrThrow } from '../errorHandler.js';
import { isCsrfValid } from '../middleware/csrf.js';
import { signedInUser } from '../middleware/currentUser.js';
import { attachAssessment, baseOf, editorsOnly, resumeUrl, SESSION_ASSESSMENT_BASE, stateOf } from './assessmentContext.js';

function intentOf(action: unknown): SaveIntent {
  return action === 'later' ? 'later' : 'continue';
}

/** The section revision the form was rendered from; a missing or garbled one counts as stale. */
function revisionOf(value: unknown): number {
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : -1;
}

export interface WalkOptions {
  /** Where the app is reached from outside: resume links are built on it. */
  publicUrl: URL;
}

/** Starting an anonymous assessment and opening a resume link: the ways into `/assessment`. */
export function startRoutes(service: AssessmentService, t: Translate, options: WalkOptions): Router {
  const router = Router();
  const linkFor = (token: string) => resumeUrl(options.publicUrl, token);

  /** The assessment this browser holds, if it still exists. */
  async function currentAssessment(assessmentId: string | undefined): Promise<AssessmentState | undefined> {
    if (!assessmentId) return undefined;
    try {
      return await service.load(assessmentId);
    } catch (error) {
      if (error instanceof AssessmentNotFoundError) return undefined;
      throw error;
    }
  }

  router.get('/', (_req, res) => {
    res.render('pages/start');
  });

  router.post('/assessments', async (req, res) => {
    const { assessmentId, resumeToken } = await service.start();
    await attachAssessment(req, assessmentId);
    res.status(201).render('pages/started', { resumeLink: linkFor(resumeToken) });
  });

  // Opening a link only shows what it opens; binding it to this browser takes a deliberate
  // post from our own page (login CSRF: a link followed from anywhere must not swap assessments).
  router.get('/resume/:token', async (req, res) => {
    const token = String(req.params.token);
    const assessmentId = await service.resume(token);
    if (!assessmentId) {
      res.status(404).render('pages/resume-not-found');
      return;
    }
    if (req.session.assessmentId === assessmentId) {
      res.redirect(303, SESSION_ASSESSMENT_BASE);
      return;
    }
    const [linked, current] = await Promise.all([service.load(assessmentId), currentAssessment(req.session.assessmentId)]);
    res.render('pages/resume', { page: resumePage(token, linked, current, t) });
  });

  router.post('/resume', async (req, res) => {
    const token = (req.body as Record<string, unknown>).token;
    const assessmentId = typeof token === 'string' ? await service.resume(token) : undefined;
    if (!assessmentId) {
      res.status(404).render('pages/resume-not-found');
      return;
    }
    await attachAssessment(req, assessmentId);
    res.redirect(303, SESSION_ASSESSMENT_BASE);
  });

  return router;
}

/**
 * The walk through one assessment: task list, question pages and check your answers. Mounted
 * under each assessment base (see assessmentContext.ts), which has loaded the assessment.
 */
export function walkRoutes(service: AssessmentService, t: Translate, options: WalkOptions): Router {
  const router = Router();
  const linkFor = (token: string) => resumeUrl(options.publicUrl, token);

  router.get('/', (_req, res) => {
    res.render('pages/tasks', { state: stateOf(res) });
  });

  router.get('/sections/:sectionId', editorsOnly, (req, res) => {
    const state = stateOf(res);
    const section = service.sectionFor(state, String(req.params.sectionId));
    if (!section) {
      res.status(404).render('pages/error', { status: 404 });
      return;
    }
    const values = Object.fromEntries(
      Object.entries(state.answers).flatMap(([id, answer]) => [
        [id, answer.value],
        [`${id}__note`, answer.note ?? ''],
      ]),
    );
    const page = sectionPage(
      {
        version: state.questionnaire.version,
        tasks: state.tasks,
        section,
        questions: shownQuestions(section, state.answers),
        values,
        errors: [],
        ...(req.query.return === 'check' ? { returnTo: 'check' as const } : {}),
        revision: state.sectionRevisions[section.id] ?? 0,
        assessmentBase: baseOf(res),
      },
      t,
    );
    res.render('pages/section', { page });
  });

  router.post('/sections/:sectionId', editorsOnly, async (req, res) => {
    const state = stateOf(res);
    const section = service.sectionFor(state, String(req.params.sectionId));
    if (!section) {
      res.status(404).render('pages/error', { status: 404 });
      return;
    }
    const form = req.body as Record<string, unknown>;
    const intent = intentOf(form.action);
    const questions = shownQuestions(section, state.answers);
    const showAgain = (status: number, shown: { values: FormValues; errors?: FieldError[]; revision: number; notice?: SectionNotice }) => {
      const base = { version: state.questionnaire.version, tasks: state.tasks, section, questions, errors: [], assessmentBase: baseOf(res) };
      const page = sectionPage({ ...base, ...(form.return === 'check' ? { returnTo: 'check' as const } : {}), ...shown }, t);
      res.status(status).render('pages/section', { page });
    };
    if (!isCsrfValid(req, res)) {
      // A stale or missing form token (another tab resumed the assessment, or a forged post):
      // save nothing, but give the user back what they typed with a fresh token to save again.
      showAgain(403, { values: typedFormValues(req, questions), revision: revisionOf(form.revision), notice: 'expired' });
      return;
    }
    const result = await readSectionForm(req, questions, intent, t);
    if (!result.ok) {
      // The revision goes back unchanged: correcting the errors must not skip the stale check.
      showAgain(400, { values: result.values, errors: result.errors, revision: revisionOf(form.revision) });
      return;
    }
    const saved = await service
      .saveSection(state, section, result.answers, intent, revisionOf(form.revision), signedInUser(res))
      .catch((error: unknown) => {
        // The database refused the write (full disk, read-only, connection lost): nothing was
        // saved, so say so and give back what was typed, against the same revision, to save again.
        const refused = storageFailureOrThrow(error, req, res);
        showAgain(refused.status, { values: typedFormValues(req, questions), revision: revisionOf(form.revision), notice: 'not_saved' });
      });
    if (!saved) return;
    const { outcome, next } = saved;
    if (outcome === 'conflict') {
      // Someone saved this section since the page was shown: keep what this user typed and let them
      // save again knowingly, against the revision that won (read after the refused save).
      const latest = await service.load(state.assessment.id);
      showAgain(409, { values: typedFormValues(req, questions), revision: latest.sectionRevisions[section.id] ?? 0, notice: 'conflict' });
      return;
    }
    const returnTo = form.return === 'check' ? 'check' : undefined;
    if (intent === 'later') {
      const token = await service.issueResumeToken(state.assessment.id);
      res.render('pages/saved', { resumeLink: linkFor(token) });
      return;
    }
    if (returnTo === 'check' || !next) {
      res.redirect(303, `${baseOf(res)}/check`);
      return;
    }
    res.redirect(303, `${baseOf(res)}/sections/${next.id}`);
  });

  router.get('/check', (_req, res) => {
    const state = stateOf(res);
    // Sections waiting on the profile have no page to change an answer on yet: leave them out.
    const sections = state.tasks
      .filter((task) => task.status !== 'not_needed' && task.status !== 'cannot_start')
      .map((task) => ({ ...task, questions: shownQuestions(task.section, state.answers) }));
    res.render('pages/check', { state, sections });
  });

  return router;
}
