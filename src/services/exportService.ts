import type { Translate } from '../i18n/catalogue.js';
import { formatCalendarDate } from '../presenters/actionPlanPage.js';
import { buildActionPlanTable, type ActionPlanTable } from '../report/actionPlanTable.js';
import type { ActionPlanService } from './actionPlanService.js';
import type { AssessmentService, AssessmentState } from './assessmentService.js';
import type { ReportService } from './reportService.js';

/**
 * What the exports are built from: the action plan exactly as the action plan page and the PDF
 * have it (actionPlanService works out every owner and due date), and the report model the PDF is
 * drawn from. Nothing here decides an owner, a date or a rating of its own.
 */
export function createExportService(assessments: AssessmentService, actionPlans: ActionPlanService, reports: ReportService, t: Translate) {
  return {
    /** One row per action of the plan (recommended and the firm's own), in the page's order, with what the report's cover says about it. */
    async actionPlanTable(state: AssessmentState): Promise<ActionPlanTable> {
      const register = assessments.results(state);
      const [items, model] = await Promise.all([actionPlans.actionPlanFor(state, register), reports.model(state)]);
      const timeframes = new Map([
        ...register.actions.map((action) => [action.recommendationId, action.timeframe] as const),
        ...(register.firmActions ?? []).map((action) => [action.firmActionId, action.timeframe] as const),
      ]);
      return buildActionPlanTable({
        version: state.questionnaire.version,
        items,
        timeframes,
        cover: model.cover,
        companyName: model.companyName,
        issuedAtIso: model.issuedAtIso,
        assessmentDate: actionPlans.assessmentDate(state),
        formatDate: formatCalendarDate,
        t,
      });
    },

    /** The report model the PDF is drawn from. */
    reportModel: (state: AssessmentState) => reports.model(state),
  };
}

export type ExportService = ReturnType<typeof createExportService>;
