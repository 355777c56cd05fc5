import type { Translate } from '../i18n/catalogue.js';
import type { Answers } from '../questionnaire/types.js';

/** Who owns an action until the user names someone: the IT lead for cybersecurity, else the crisis lead. */
const ROLES = {
  it: { key: 'ui.actionPlan.role.itLead', nameQuestion: 'it_lead_name' },
  crisis: { key: 'ui.actionPlan.role.crisisLead', nameQuestion: 'crisis_lead_name' },
} as const;

function nameFrom(answers: Answers, questionId: string): string {
  const value = answers[questionId]?.value;
  return typeof value === 'string' ? value.trim() : '';
}

/** The role, with the person's name from the contacts section when one was given: "IT lead (Nino Beridze)". */
export function defaultOwnerFor(pillar: string, answers: Answers, t: Translate): string {
  const role = pillar === 'cybersecurity' ? ROLES.it : ROLES.crisis;
  const name = nameFrom(answers, role.nameQuestion);
  return name ? t('ui.actionPlan.roleWithName', { role: t(role.key), name }) : t(role.key);
}
