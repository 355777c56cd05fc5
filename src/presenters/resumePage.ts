import { dateFormat } from '../report/model/context.js';
import type { Translate } from '../i18n/catalogue.js';
import type { AssessmentState } from '../services/assessmentService.js';


/** How a person recognises an assessment without seeing its answers: its company, start date and progress. */
export interface AssessmentSummary {
  name: string;
  started: string;
  progress: string;
}

export interface ResumePage {
  /** The resume secret, sent back only in the body of the confirming POST. */
  token: string;
  title: string;
  linked: AssessmentSummary;
  /** The assessment this browser holds now, when it is a different one. */
  current?: AssessmentSummary;
  button: string;
}

export function summariseAssessment(state: AssessmentState, t: Translate): AssessmentSummary {
  const company = state.answers.company_name?.value;
  const needed = state.tasks.filter((task) => task.status !== 'not_needed');
  const done = needed.filter((task) => task.status === 'completed').length;
  return {
    name: typeof company === 'string' && company.trim() !== '' ? company.trim() : t('ui.resume.confirm.unnamed'),
    started: t('ui.resume.confirm.started', { date: dateFormat.format(new Date(state.assessment.createdAt)) }),
    progress: t('ui.resume.confirm.progress', { done, total: needed.length }),
  };
}

/**
 * The page a resume link opens. The link alone never changes what this browser works on: a
 * link sent by someone else (or planted by another site) could otherwise swap the assessment
 * the user is typing into. The page names both and asks.
 */
export function resumePage(token: string, linked: AssessmentState, current: AssessmentState | undefined, t: Translate): ResumePage {
  const linkedSummary = summariseAssessment(linked, t);
  if (!current) return { token, title: t('ui.resume.confirm.openTitle'), linked: linkedSummary, button: t('ui.resume.confirm.open') };
  return {
    token,
    title: t('ui.resume.confirm.switchTitle'),
    linked: linkedSummary,
    current: summariseAssessment(current, t),
    button: t('ui.resume.confirm.switch', { name: linkedSummary.name }),
  };
}
