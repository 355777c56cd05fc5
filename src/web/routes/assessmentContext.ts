import type { Request, RequestHandler, Response } from 'express';
import { renewSession } from '../middleware/sessions.js';
import { AssessmentNotFoundError, type AssessmentService, type AssessmentState } from '../../services/assessmentService.js';

/**
 * The pages of one assessment (task list, questions, results, action plan, report) are the same
 * routes under every base they are reached from: `/assessment` for the one assessment an
 * anonymous browser holds, and, for signed-in users, a base that names the assessment's id. The
 * middleware that resolves a base loads the assessment, checks who may see it, and says where its
 * pages live and whether they may be changed.
 */
export type AssessmentAccess = 'edit' | 'read';

/** The base of an anonymous browser's own assessment. */
export const SESSION_ASSESSMENT_BASE = '/assessment';

/** Puts a resolved assessment in reach of its routes and templates. */
export function provideAssessment(res: Response, state: AssessmentState, base: string, access: AssessmentAccess): void {
  res.locals.state = state;
  res.locals.assessmentBase = base;
  res.locals.assessmentAccess = access;
}

/** Loads the browser's current assessment (`/assessment`), or says there is none. */
export function sessionAssessment(service: AssessmentService): RequestHandler {
  return async (req, res, next) => {
    const assessmentId = req.session.assessmentId;
    if (!assessmentId) {
      res.status(404).render('pages/no-assessment');
      return;
    }
    try {
      provideAssessment(res, await service.load(assessmentId), SESSION_ASSESSMENT_BASE, 'edit');
      next();
    } catch (error) {
      if (!(error instanceof AssessmentNotFoundError)) throw error;
      delete req.session.assessmentId;
      res.status(404).render('pages/no-assessment');
    }
  };
}

export function stateOf(res: Response): AssessmentState {
  return res.locals.state as AssessmentState;
}

/** Where this assessment's pages live, e.g. `/assessment` or `/assessments/<id>`. */
export function baseOf(res: Response): string {
  return res.locals.assessmentBase as string;
}

/** Whether this viewer may change the assessment (provideAssessment said 'edit'). */
export function mayChange(res: Response): boolean {
  return res.locals.assessmentAccess === 'edit';
}

/** For routes that change an assessment: a read-only viewer gets the same 404 as an unknown page. */
export const editorsOnly: RequestHandler = (_req, res, next) => {
  if (mayChange(res)) {
    next();
    return;
  }
  res.status(404).render('pages/error', { status: 404 });
};

/**
 * The absolute resume link, on the configured public address. Never built from the request's
 * Host header: a forged Host would otherwise put someone else's server in the link we hand out.
 */
export function resumeUrl(publicUrl: URL, token: string): string {
  return new URL(`resume/${token}`, publicUrl).href;
}

/**
 * Attaches the assessment to this browser under a new session id (no fixation), keeping a
 * sign-in, and stores the session before the response is written (see renewSession).
 */
export function attachAssessment(req: Request, assessmentId: string): Promise<void> {
  return renewSession(req, { assessmentId });
}
