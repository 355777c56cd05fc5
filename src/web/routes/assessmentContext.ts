import type { Request, RequestHandler, Response } from 'express';
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

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Regenerates the session (no fixation), attaches the assessment and stores the session before
 * the response is written: if the store cannot write, the user gets an honest error page now,
 * not a page that looks fine and a refused form later.
 */
export function attachAssessment(req: Request, assessmentId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((regenerateError: unknown) => {
      if (regenerateError) return reject(asError(regenerateError));
      req.session.assessmentId = assessmentId;
      return req.session.save((saveError: unknown) => {
        if (!saveError) return resolve();
        // express-session sends no cookie and saves nothing for a request without a session: the
        // browser keeps no id of a session that was never stored, and the store is not asked twice.
        (req as { session?: unknown }).session = undefined;
        return reject(asError(saveError));
      });
    });
  });
}
