import type { Request, RequestHandler, Response } from 'express';
import { renewSession } from '../middleware/sessions.js';
import { AssessmentNotFoundError, type AssessmentService, type AssessmentState } from '../../services/assessmentService.js';

/** Loads the browser's current assessment into `res.locals.state`, or says there is none. */
export function requireAssessment(service: AssessmentService): RequestHandler {
  return async (req, res, next) => {
    const assessmentId = req.session.assessmentId;
    if (!assessmentId) {
      res.status(404).render('pages/no-assessment');
      return;
    }
    try {
      res.locals.state = await service.load(assessmentId);
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
