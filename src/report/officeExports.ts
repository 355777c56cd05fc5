import type { ActionPlanTable } from './actionPlanTable.js';
import type { ReportModel } from './reportModel.js';

/*
 * The XLSX and DOCX builders, loaded on first use. exceljs and docx are big libraries that only a
 * consultant's occasional export needs; importing them at start made every instance carry them
 * (see docs/PERFORMANCE.md, peak RSS). Node caches the module, so only the first export waits.
 */

export async function renderActionPlanXlsx(table: ActionPlanTable): Promise<Buffer> {
  const { renderActionPlanXlsx: render } = await import('./actionPlanXlsx.js');
  return render(table);
}

export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  const { renderReportDocx: render } = await import('./docx/reportDocx.js');
  return render(model);
}
