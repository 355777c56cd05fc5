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
 * What the cover says about a draft of the report: the report as it stands, downloaded at any
 * time, not an issued report (issuing gives the report a number: see issuingService.ts). Its
 * date is the assessment's last save, so downloading an unchanged assessment twice gives the same
 * bytes; its id names the assessment and that save. A consultant firm's report names the firm
 * (its cover facts, the appendix and the document's author).
 */
export function reportMetaFor(state: AssessmentState, t: Translate, firmName?: string): ReportMeta {
  const company = textAnswer(state, state.questionnaire.roles.companyName);
  const preparer = textAnswer(state, state.questionnaire.roles.preparedBy);
  return {
    reportId: `DRAFT-${state.assessment.id.slice(0, 8).toUpperCase()}-${state.assessment.revision}`,
    issuedAt: new Date(state.assessment.updatedAt),
    preparedBy: preparer || t('report.cover.preparedBySelf', { company }),
    ...(firmName?.trim() ? { consultantFirm: firmName.trim() } : {}),
    draft: true,
  };
}

/** What an issued report says of itself: its number and revision, the issue instant, where to verify it. */
export interface IssueMeta {
  reportId: string;
  issuedAt: Date;
  verifyUrl: string;
}

/** The firm's name and logo for an assessment's report; undefined for an anonymous assessment. */
export type BrandingOf = (state: AssessmentState) => Promise<ReportBranding | undefined>;

/**
 * What an assessment's report is made from, gathered once (the register, the action plan, the
 * firm's branding): `model()` is the draft, `model(issue)` the same report issued under a number.
 * Building a model from it is pure and cheap, so issuing can try another number without loading
 * anything again.
 */
export interface ReportSource {
  branding: ReportBranding | undefined;
  model(issue?: IssueMeta): ReportModel;
}

/**
 * Builds the report model of an assessment. From questionnaire 2.0 on the report prints the
 * action plan (owners, due dates); a 1.0 report stays as it always was. A firm's report gets the
 * firm's name (`brandingOf`), and its logo goes to the render with the model (`prepare`).
 */
export function createReportService(assessments: AssessmentService, actionPlans: ActionPlanService, t: Translate, brandingOf: BrandingOf = () => Promise.resolve(undefined)) {
  async function sourceOf(state: AssessmentState): Promise<ReportSource> {
    const branding = await brandingOf(state);
    const register = assessments.results(state);
    const actionPlan = state.questionnaire.plans ? await actionPlans.actionPlanFor(state, register) : undefined;
    const answers = effectiveAnswers(state.questionnaire, state.answers);
    const draft = reportMetaFor(state, t, branding?.firmName);
    return {
      branding,
      model: (issue) => {
        // An issue keeps who prepared it and for which firm; its id, date and verify line are its own.
        const meta: ReportMeta = issue ? { preparedBy: draft.preparedBy, ...(draft.consultantFirm ? { consultantFirm: draft.consultantFirm } : {}), ...issue } : draft;
        return buildReportModel({ questionnaire: state.questionnaire, answers, register, translate: t, meta, ...(actionPlan ? { actionPlan } : {}) });
      },
    };
  }

  return {
    sourceOf,

    /** The draft report model, naming the firm of a firm's assessment (the printable page, the Word export). */
    async model(state: AssessmentState): Promise<ReportModel> {
      return (await sourceOf(state)).model();
    },

    /** The draft model and the branding a PDF render needs (the logo is drawn, not part of the model). */
    async prepare(state: AssessmentState): Promise<{ model: ReportModel; branding: ReportBranding | undefined }> {
      const source = await sourceOf(state);
      return { model: source.model(), branding: source.branding };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
