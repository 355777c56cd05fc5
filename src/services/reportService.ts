import type { Translate } from '../i18n/catalogue.js';
import { effectiveAnswers } from '../questionnaire/visibility.js';
import { buildReportModel, type ReportMeta, type ReportModel } from '../report/reportModel.js';
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
  const company = textAnswer(state, 'company_name');
  const preparer = textAnswer(state, 'prepared_by');
  return {
    reportId: `RP-${state.assessment.id.slice(0, 8).toUpperCase()}-${state.assessment.revision}`,
    issuedAt: new Date(state.assessment.updatedAt),
    preparedBy: preparer || t('report.cover.preparedBySelf', { company }),
  };
}

/** Builds the report model of an assessment: pure apart from scoring's own pure work. */
export function createReportService(assessments: AssessmentService, t: Translate) {
  return {
    model(state: AssessmentState): ReportModel {
      return buildReportModel({
        questionnaire: state.questionnaire,
        answers: effectiveAnswers(state.questionnaire, state.answers),
        register: assessments.results(state),
        translate: t,
        meta: reportMetaFor(state, t),
      });
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
