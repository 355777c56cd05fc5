import type { Questionnaire, RoleMap } from '../types.js';
import { contactsSection } from './contactsSection.js';
import { exposureSections } from './exposureSections.js';
import { pillarSections } from './pillarSections.js';
import { profileSection } from './profileSection.js';
import { recommendationsV1 } from './recommendations.js';
import { scenariosV1 } from './scenarios.js';
import { sourcesV1 } from './sources.js';

export { pillarIdsV1, scenarioIdsV1 } from './builders.js';
export type { PillarIdV1, ScenarioIdV1 } from './builders.js';

/** Which questions of 1.0 hold the facts the report and plans print. */
export const rolesV1: RoleMap = {
  companyName: 'company_name',
  preparedBy: 'prepared_by',
  countries: 'countries',
  crisisLead: { name: 'crisis_lead_name', phone: 'crisis_lead_phone' },
  deputy: { name: 'deputy_name', phone: 'deputy_phone' },
  itLead: { name: 'it_lead_name', phone: 'it_lead_phone' },
  insurer: 'insurer',
  bank: 'bank',
  keySuppliers: 'key_suppliers',
};

/**
 * Questionnaire version 1.0. Never change its meaning in place: stored assessments and issued
 * reports were answered against it. Reword or restructure in a new version instead.
 */
export const questionnaireV1: Questionnaire = {
  version: '1.0',
  sections: [profileSection, ...exposureSections, ...pillarSections, contactsSection],
  scenarios: scenariosV1,
  recommendations: recommendationsV1,
  sources: sourcesV1,
  roles: rolesV1,
};
