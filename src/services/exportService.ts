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
    /** One row per recommended action, in the page's order, with what the report's cover says about it. */
    async actionPlanTable(state: AssessmentState): Promise<ActionPlanTable> {
      const register = assessments.results(state);
      const [entries, model] = await Promise.all([actionPlans.actionPlanFor(state, register), reports.model(state)]);
      return buildActionPlanTable({
        version: state.questionnaire.version,
        actions: register.actions,
        entries,
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
