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

export function resumeUrl(req: Request, token: string): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}/resume/${token}`;
}

/** Regenerates the session (no fixation) and attaches the assessment to it. */
export function attachAssessment(req: Request, assessmentId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((error) => {
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      req.session.assessmentId = assessmentId;
      return resolve();
    });
  });
}
