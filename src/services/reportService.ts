import type { Translate } from '../i18n/catalogue.js';
import { effectiveAnswers } from '../questionnaire/visibility.js';
import { buildReportModel, type ReportMeta, type ReportModel } from '../report/reportModel.js';
import type { ActionPlanService } from './actionPlanService.js';
import type { AssessmentService, AssessmentState } from './assessmentService.js';

function textAnswer(state: AssessmentState, questionId: string): string {
  const value = state.answers[questionId]?.value;
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * What the cover says about this issue of the report. The issue time is the assessment's last
 * save, so downloading an unchanged assessment twice gives the same bytes; the report id names
 * the assessment and that save.
 */
export function reportMetaFor(state: AssessmentState, t: Translate): ReportMeta {
  const company = textAnswer(state, state.questionnaire.roles.companyName);
  const preparer = textAnswer(state, state.questionnaire.roles.preparedBy);
  return {
    reportId: `RP-${state.assessment.id.slice(0, 8).toUpperCase()}-${state.assessment.revision}`,
    issuedAt: new Date(state.assessment.updatedAt),
    preparedBy: preparer || t('report.cover.preparedBySelf', { company }),
  };
}

/**
 * Builds the report model of an assessment. From questionnaire 2.0 on the report prints the
 * action plan (owners, due dates); a 1.0 report stays as it always was.
 */
export function createReportService(assessments: AssessmentService, actionPlans: ActionPlanService, t: Translate) {
  return {
    async model(state: AssessmentState): Promise<ReportModel> {
      const register = assessments.results(state);
      const actionPlan = state.questionnaire.plans ? await actionPlans.actionPlanFor(state, register) : undefined;
      return buildReportModel({
        questionnaire: state.questionnaire,
        answers: effectiveAnswers(state.questionnaire, state.answers),
        register,
        translate: t,
        meta: reportMetaFor(state, t),
        ...(actionPlan ? { actionPlan } : {}),
      });
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
