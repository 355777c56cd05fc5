import type { Response } from 'express';
import type { RiskRegister } from '../../scoring/types.js';
import type { AssessmentService, AssessmentState } from '../../services/assessmentService.js';
import { baseOf, stateOf } from './assessmentContext.js';

/**
 * The assessment and its register (with the assessor's judgement) for a page that needs the
 * results; undefined after sending an unfinished assessment back to its task list, as the
 * results page does.
 */
export function readyResults(res: Response, assessments: AssessmentService): { state: AssessmentState; register: RiskRegister } | undefined {
  const state = stateOf(res);
  if (!state.readyForResults) {
    res.redirect(303, `${baseOf(res)}?incomplete=1`);
    return undefined;
  }
  return { state, register: assessments.results(state) };
}
