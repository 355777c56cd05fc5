import type { Questionnaire } from '../types.js';
import { rolesV1 } from '../v1/index.js';
import { contactsSection } from './contactsSection.js';
import { exposureSections } from './exposureSections.js';
import { impactAnalysisSections, impactAnalysisV2 } from './impactAnalysisSections.js';
import { emergencyNumbersV2 } from './emergencyNumbers.js';
import { pillarSections } from './pillarSections.js';
import { plansV2 } from './plans.js';
import { profileSection } from './profileSection.js';
import { recommendationsV2 } from './recommendations.js';
import { scenariosV2 } from './scenarios.js';
import { sourcesV2 } from './sources.js';

export { pillarIdsV2, scenarioIdsV2 } from './builders.js';
export { emergencyNumbersV2 } from './emergencyNumbers.js';

/**
 * Questionnaire version 2.0: graded measures, a business impact analysis, plans chosen by what
 * the business depends on. Never change its meaning in place once assessments use it.
 */
export const questionnaireV2: Questionnaire = {
  version: '2.0',
  sections: [profileSection, ...impactAnalysisSections, ...exposureSections, ...pillarSections, contactsSection],
  scenarios: scenariosV2,
  recommendations: recommendationsV2,
  sources: sourcesV2,
  // The contact questions keep the ids they had in 1.0.
  roles: rolesV1,
  impactAnalysis: impactAnalysisV2,
  plans: plansV2,
  emergencyNumbers: emergencyNumbersV2,
};
