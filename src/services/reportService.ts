import type { Translate } from '../i18n/catalogue.js';
import { effectiveAnswers } from '../questionnaire/visibility.js';
import type { ReportBranding } from '../report/reportBranding.js';
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
 * the assessment and that save. A consultant firm's report names the firm (its cover facts, the
 * appendix and the document's author).
 */
export function reportMetaFor(state: AssessmentState, t: Translate, firmName?: string): ReportMeta {
  const company = textAnswer(state, state.questionnaire.roles.companyName);
  const preparer = textAnswer(state, state.questionnaire.roles.preparedBy);
  return {
    reportId: `RP-${state.assessment.id.slice(0, 8).toUpperCase()}-${state.assessment.revision}`,
    issuedAt: new Date(state.assessment.updatedAt),
    preparedBy: preparer || t('report.cover.preparedBySelf', { company }),
    ...(firmName?.trim() ? { consultantFirm: firmName.trim() } : {}),
  };
}

/** The firm's name and logo for an assessment's report; undefined for an anonymous assessment. */
export type BrandingOf = (state: AssessmentState) => Promise<ReportBranding | undefined>;

/**
 * Builds the report model of an assessment. From questionnaire 2.0 on the report prints the
 * action plan (owners, due dates); a 1.0 report stays as it always was. A firm's report gets the
 * firm's name (`brandingOf`), and its logo goes to the render with the model (`prepare`).
 */
export function createReportService(assessments: AssessmentService, actionPlans: ActionPlanService, t: Translate, brandingOf: BrandingOf = () => Promise.resolve(undefined)) {
  async function modelWith(state: AssessmentState, branding: Pick<ReportBranding, 'firmName'> | undefined): Promise<ReportModel> {
    const register = assessments.results(state);
    const actionPlan = state.questionnaire.plans ? await actionPlans.actionPlanFor(state, register) : undefined;
    return buildReportModel({
      questionnaire: state.questionnaire,
      answers: effectiveAnswers(state.questionnaire, state.answers),
      register,
      translate: t,
      meta: reportMetaFor(state, t, branding?.firmName),
      ...(actionPlan ? { actionPlan } : {}),
    });
  }

  return {
    /** The report model, naming the firm of a firm's assessment (the printable page, the Word export). */
    async model(state: AssessmentState): Promise<ReportModel> {
      return modelWith(state, await brandingOf(state));
    },

    /** The model and the branding a PDF render needs (the logo is drawn, not part of the model). */
    async prepare(state: AssessmentState): Promise<{ model: ReportModel; branding: ReportBranding | undefined }> {
      const branding = await brandingOf(state);
      return { model: await modelWith(state, branding), branding };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
